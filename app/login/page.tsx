import type { Metadata } from 'next';
import Link from 'next/link';
import { PhoneLoginForm } from './phone-login-form';
import { StaffLoginForm } from './staff-login-form';
import { NOTICE_TITLE, NOTICE_VERSION } from '@/lib/texts/privacy-notice';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '';
  const staff = params.as === 'staff' || next.startsWith('/admin') || next.startsWith('/account');
  const other = new URLSearchParams({ ...(next ? { next } : {}), ...(staff ? {} : { as: 'staff' }) });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{staff ? '工作人员登录' : '登录'}</h1>
      {params.changed === '1' ? (
        <p role="status" className="card border-l-4 border-ok">密码已修改，所有设备上的登录都已退出。请用新密码重新登录。</p>
      ) : null}
      {typeof params.closed === 'string' && /^GR-\d{4}-\d{6}$/.test(params.closed) ? (
        <p role="status" className="card border-l-4 border-ok" data-testid="account-closed">
          您的账号已注销（编号 {params.closed}）：草稿和上传的材料已删除，委托已终止。已作出决定的救助档案由经办机构依规定期限保存。用这个手机号再次登录会开通一个新账号。
        </p>
      ) : null}
      {staff ? (
        <StaffLoginForm next={next} />
      ) : (
        <>
          <p>用手机号接收验证码登录。第一次使用会自动为您开通账号，不需要另外注册。</p>
          <p className="text-sm" data-testid="login-notice">
            您的手机号由所申请地区的医疗救助经办机构处理，只用于登录和办理通知。详见
            <Link href="/privacy" className="link">《{NOTICE_TITLE}》</Link>（版本 {NOTICE_VERSION}）。
          </p>
          <PhoneLoginForm next={next} />
        </>
      )}
      <p>
        <Link className="link" href={`/login?${other.toString()}`}>
          {staff ? '我是居民，用手机号登录' : '我是经办工作人员'}
        </Link>
      </p>
    </div>
  );
}
