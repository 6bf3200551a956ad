import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { AUTHORITY_STATUS_TEXT, defaultValidTo, INVITATION_DAYS, MAX_PROXIES_PER_PERSON, SCOPE_TEXT } from '@/lib/authority/states';
import { listApplications } from '@/lib/dal/applications';
import { canInviteOnline, grantedAuthorities } from '@/lib/dal/authorities/grantor';
import { heldAuthorities, invitationsForMe } from '@/lib/dal/authorities/proxy';
import { formatDateTime, todayInShanghai } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import type { AuthorityScope } from '@/db/schema-shared';
import { acceptAction, cancelAction, declineAction, inviteAction, revokeAction } from './actions';
import { AcceptForm, InviteForm } from './forms';

export const metadata: Metadata = { title: '委托代办' };

const DONE: Record<string, string> = {
  invited: `邀请已发出。对方用这个手机号登录后确认即可，${INVITATION_DAYS} 天内有效。`,
  accepted: '您已接受委托，现在可以在“我的”页面为对方办理。',
  declined: '您已拒绝这份委托。',
  cancelled: '已取消。',
  revoked: '委托已撤销，立即生效。',
  requested: '委托书已提交，经办窗口核验通过后才能开始代办。结果会发消息通知您。',
};

const scopes = (s: readonly AuthorityScope[]) => s.map((x) => SCOPE_TEXT[x]).join('、');
const TONE: Record<string, string> = { active: 'bg-green-100 text-ok', pending: 'bg-amber-100 text-warn', locked: 'bg-red-100 text-bad' };

function Status({ status }: { status: keyof typeof AUTHORITY_STATUS_TEXT }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONE[status] ?? 'bg-gray-200 text-muted'}`}>{AUTHORITY_STATUS_TEXT[status]}</span>;
}

export default async function ProxyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser(['resident'], '/proxy');
  const params = await searchParams;
  const [invitations, held, granted, apps, online] = await Promise.all([invitationsForMe(user), heldAuthorities(user), grantedAuthorities(user), listApplications(user), canInviteOnline(user)]);
  const today = todayInShanghai();
  const own = apps.filter((a) => !a.isProxy && a.ref).map((a) => ({ id: a.id, label: `${a.ref}（${a.year} 年）` }));
  const live = granted.filter((g) => g.status === 'active' || g.status === 'pending').length;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">委托代办</h1>
      <p>年老、生病或住院不方便办理的，可以委托家人、社区工作人员代办（委托代办）。委托随时可以撤销，到期自动结束。无法自己表示同意的人，由监护人带监护证明到窗口登记。</p>
      {params.done && DONE[params.done] ? <p role="status" className="border-l-4 border-ok bg-green-50 p-3 font-semibold">{DONE[params.done]}</p> : null}
      {params.error ? <p role="alert" className="border-l-4 border-bad bg-red-50 p-3 font-semibold text-bad">这份委托刚刚发生了变化，请看下面的最新状态。</p> : null}

      {invitations.length > 0 ? (
        <section aria-labelledby="inv-title" className="space-y-3">
          <h2 id="inv-title" className="text-xl font-bold">邀请您代办</h2>
          {invitations.map((i) => (
            <div key={i.id} className="card space-y-3" data-testid="invitation">
              <p className="font-semibold text-lg">{i.grantor} 邀请您代办 <Status status={i.status} /></p>
              <p>您的身份：{i.relationshipText}。可以：{scopes(i.scope)}{i.oneApplication ? '（只限一份申请）' : ''}；有效期 {i.validFrom} 至 {i.validTo}。</p>
              <p className="text-sm text-muted">请在 {formatDateTime(i.inviteExpiresAt)} 前确认。</p>
              {i.status === 'pending' ? (
                <>
                  <AcceptForm action={acceptAction.bind(null, i.id)} id={i.id} />
                  <form action={declineAction}>
                    <input type="hidden" name="id" value={i.id} />
                    <SubmitButton className="btn btn-secondary" pendingText="正在处理…">拒绝</SubmitButton>
                  </form>
                </>
              ) : (
                <p className="text-bad font-semibold">确认信息已连续填错 3 次，这份邀请已锁定。请委托人取消后重新邀请，或到窗口办理。</p>
              )}
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="held-title" className="space-y-3">
        <h2 id="held-title" className="text-xl font-bold">我为别人代办</h2>
        {held.length === 0 ? (
          <p className="card">您目前没有替别人办理的委托。家人可以在这一页邀请您，或者您可以<Link href="/proxy/request" className="link">上传委托书申请代办</Link>。</p>
        ) : (
          <ul className="space-y-3">
            {held.map((h) => (
              <li key={h.id} className="card space-y-2" data-testid="held">
                <p className="font-semibold text-lg">为 {h.grantor} 代办 <Status status={h.status} /></p>
                <p>您的身份：<span data-testid="relationship">{h.relationshipText}</span></p>
                <p>可以：{scopes(h.scope)}{h.oneApplication ? '（只限一份申请）' : ''}；有效期 {h.validFrom} 至 {h.validTo}。</p>
                {h.kind === 'document' && h.status === 'pending' ? <p className="text-sm text-muted">委托书已上传，等待经办窗口核验。</p> : null}
                {h.status === 'rejected' && h.declineReason ? <p className="text-bad">没有通过的原因：{h.declineReason}</p> : null}
                <div className="flex flex-wrap gap-3">
                  {h.status === 'active' ? <Link href={`/proxy/for/${h.personId}`} className="btn btn-primary">为 {h.grantor} 办理</Link> : null}
                  {h.status === 'active' || h.status === 'pending' ? (
                    <form action={h.status === 'active' ? revokeAction : cancelAction}>
                      <input type="hidden" name="id" value={h.id} />
                      <SubmitButton className="btn btn-secondary" pendingText="正在处理…">{h.status === 'active' ? '不再代办（撤销）' : '撤回申请'}</SubmitButton>
                    </form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {held.length > 0 ? <p><Link href="/proxy/request" className="link">家人不方便上网？上传签字的委托书申请代办</Link></p> : null}
      </section>

      <section aria-labelledby="granted-title" className="space-y-3">
        <h2 id="granted-title" className="text-xl font-bold">我委托的代办人</h2>
        {granted.length === 0 ? (
          <p className="card">您还没有委托别人代办。</p>
        ) : (
          <ul className="space-y-3">
            {granted.map((g) => (
              <li key={g.id} className="card space-y-2" data-testid="granted">
                <p className="font-semibold text-lg">{g.proxy ?? (g.phone ? `代办人 ${g.phone}` : '代办人')}{g.proxy && g.phone && !g.proxy.includes('手机尾号') ? `（${g.phone}）` : ''} <Status status={g.status} /></p>
                <p>关系：<span data-testid="relationship">{g.relationshipText}</span></p>
                <p>可以：{scopes(g.scope)}{g.oneApplication ? '（只限一份申请）' : '（全部申请）'}；有效期 {g.validFrom} 至 {g.validTo}。</p>
                {g.status === 'pending' && g.kind === 'invitation' ? <p className="text-sm text-muted">等待对方登录确认{g.attempts ? `（已填错 ${g.attempts} 次）` : ''}。</p> : null}
                {g.status === 'locked' ? <p className="text-bad">对方连续 3 次没有答对您身份证号的最后 4 位，邀请已锁定。</p> : null}
                {g.status === 'active' || g.status === 'pending' || g.status === 'locked' ? (
                  <form action={g.status === 'active' ? revokeAction : cancelAction}>
                    <input type="hidden" name="id" value={g.id} />
                    <SubmitButton className="btn btn-danger" pendingText="正在撤销…">{g.status === 'active' ? '撤销委托' : '取消邀请'}</SubmitButton>
                  </form>
                ) : null}
                <details>
                  <summary className="link cursor-pointer py-2">代办人做了什么（{g.activity.length} 条记录）</summary>
                  {g.activity.length === 0 ? (
                    <p>还没有记录。</p>
                  ) : (
                    <ul className="divide-y divide-gray-200" data-testid="activity">
                      {g.activity.map((a, i) => (
                        <li key={i} className="py-2">
                          {formatDateTime(a.at)} · {a.text}
                          {a.ref ? <> · <Link href={`/applications/${a.ref}`} className="link">{a.ref}</Link></> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-title" className="card space-y-3">
        <h2 id="invite-title" className="text-xl font-bold">邀请代办人</h2>
        {!online ? (
          <p>在线邀请需要代办人填写您身份证号的最后 4 位来确认，您的账号还没有登记身份证号（第一次为自己提交申请时登记）。现在可以：请代办人在“上传委托书”页上传您签字的委托书，或一起到街道（乡镇）社区事务受理服务中心办理。</p>
        ) : live >= MAX_PROXIES_PER_PERSON ? (
          <p>您已经有 {MAX_PROXIES_PER_PERSON} 位代办人（包括等待确认的），请先撤销一位再邀请。</p>
        ) : (
          <InviteForm action={inviteAction} today={today} defaultTo={defaultValidTo(today)} applications={own} />
        )}
      </section>
    </div>
  );
}
