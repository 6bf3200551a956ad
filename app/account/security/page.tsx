import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import QRCode from 'qrcode';
import { secondFactorStatus } from '@/lib/dal/staff-account';
import { requireStaffAccount } from '@/lib/auth/session';
import { confirmSecondFactorAction, disableSecondFactorAction } from '../actions';
import { CodeForm } from '../code-form';

export const metadata: Metadata = { title: '账号安全' };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffAccount('/account/security');
  const params = await searchParams;
  const status = await secondFactorStatus(user);
  if (!status) notFound();
  const qr = status.pending ? await QRCode.toString(status.pending.uri, { type: 'svg', margin: 1, width: 200, errorCorrectionLevel: 'M' }) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">账号安全</h1>
      {params.done === '1' ? <p role="status" className="card border-l-4 border-ok">两步验证已开启。以后登录时，输完密码还要输入身份验证器里的 6 位数字。</p> : null}
      {params.off === '1' ? <p role="status" className="card">两步验证已关闭。</p> : null}

      <section aria-labelledby="tf-title" className="card space-y-4">
        <h2 id="tf-title" className="text-xl font-bold">两步验证</h2>
        {status.enabled ? (
          <>
            <p>已开启。登录时需要密码和手机上身份验证器显示的 6 位数字。</p>
            {status.required ? (
              <p className="text-muted">管理员账号必须使用两步验证。换手机时请联系另一位管理员重置。</p>
            ) : (
              <CodeForm action={disableSecondFactorAction} label="关闭前请输入现在的 6 位数字" button="关闭两步验证" />
            )}
          </>
        ) : (
          <>
            {status.required || params.required === '1' ? (
              <p role="alert" className="border-l-4 border-bad bg-red-50 p-4 font-semibold">管理员账号必须先开启两步验证，才能使用工作台。</p>
            ) : (
              <p>开启后，即使密码被别人知道，没有您的手机也登录不了。</p>
            )}
            <ol className="list-decimal pl-5 space-y-2">
              <li>在手机上安装身份验证器应用（如“腾讯身份验证器”、“Microsoft Authenticator”或 Google Authenticator）。</li>
              <li>在应用里选择“扫描二维码”，扫描下面的二维码。扫不了时，选择“手动输入密钥”，输入二维码下面的密钥。</li>
              <li>输入应用里显示的 6 位数字，点“开启两步验证”。</li>
            </ol>
            {qr ? <div role="img" aria-label="两步验证二维码" className="w-50 h-50 bg-white" dangerouslySetInnerHTML={{ __html: qr }} /> : null}
            <p>
              密钥：<code className="font-mono text-lg break-all" data-testid="totp-secret">{status.pending!.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            </p>
            <CodeForm action={confirmSecondFactorAction} label="身份验证器里的 6 位数字" button="开启两步验证" />
          </>
        )}
      </section>

      <section aria-labelledby="pw-title" className="card space-y-2">
        <h2 id="pw-title" className="text-xl font-bold">密码</h2>
        <p>密码不需要定期更换；只有怀疑被别人知道时才需要改。</p>
        <Link href="/account/password" className="link">修改密码</Link>
      </section>
    </div>
  );
}
