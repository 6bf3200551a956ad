import type { Metadata } from 'next';
import { BackLink } from '@/app/_components/back-link';
import { defaultValidTo } from '@/lib/authority/states';
import { APPLY_REGIONS } from '@/lib/check/views';
import { todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { requestAction } from '../actions';
import { RequestForm } from '../forms';

export const metadata: Metadata = { title: '上传委托书' };

export default async function RequestPage() {
  const user = await requireUser(['resident'], '/proxy/request');
  const today = todayInShanghai();
  const to = defaultValidTo(today);
  return (
    <div className="space-y-6">
      <BackLink href="/proxy">委托代办</BackLink>
      <h1 className="text-2xl font-bold">上传委托书，申请代办</h1>
      <p>委托人不方便上网时用这种方式：三步，经办窗口核验通过后即可代办。</p>
      <section className="card space-y-3" aria-labelledby="s1">
        <h2 id="s1" className="text-xl font-bold">第 1 步：下载委托书，请委托人签字</h2>
        <form method="post" action="/proxy/template" className="space-y-3">
          <div>
            <label htmlFor="t-name" className="block font-semibold mb-1">委托人（申请人）姓名</label>
            <input id="t-name" name="name" className="input" required autoComplete="off" />
          </div>
          <div>
            <label htmlFor="t-proxy" className="block font-semibold mb-1">您的姓名</label>
            <input id="t-proxy" name="proxyName" className="input" required defaultValue={/^用户\d{4}$/.test(user.displayName) ? '' : user.displayName} />
          </div>
          {['apply', 'view', 'respond', 'notify'].map((s) => <input key={s} type="hidden" name="scope" value={s} />)}
          <input type="hidden" name="validFrom" value={today} />
          <input type="hidden" name="validTo" value={to} />
          <p className="text-sm text-muted">委托书写明：提交申请、查看进度、回复补正、接收通知，期限 {today} 至 {to}；不包括变更收款账户。</p>
          <button type="submit" className="btn btn-secondary">下载委托书（PDF）</button>
        </form>
        <p>打印出来，请委托人本人签字或按手印。没有打印机的，可以到社区或经办窗口领取纸质委托书。</p>
      </section>
      <section className="card space-y-3" aria-labelledby="s2">
        <h2 id="s2" className="text-xl font-bold">第 2 步：填写并上传</h2>
        <RequestForm action={requestAction} today={today} defaultTo={to} regions={APPLY_REGIONS} />
      </section>
      <section className="card" aria-labelledby="s3">
        <h2 id="s3" className="text-xl font-bold">第 3 步：等待核验</h2>
        <p>经办窗口核对委托书签字和两张身份证后通知您。通过后在“我的 → 为他人办理”里就能为委托人办理；没通过会告诉您原因。</p>
      </section>
    </div>
  );
}
