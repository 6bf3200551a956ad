import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { STAFF } from '@/lib/auth/roles';
import { AUTHORITY_STATUS_TEXT, SCOPE_TEXT } from '@/lib/authority/states';
import { authorityForReview, DECLINE_REASONS } from '@/lib/dal/authorities/staff';
import { formatDateTime, maskIdNumber, maskPhone } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { staffRevokeAction, verifyAction } from '../actions';
import { VerifyForm } from '../forms';

export const metadata: Metadata = { title: '核验委托书' };

export default async function AuthorityReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(STAFF, `/admin/authorities/${id}`);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const r = await authorityForReview(user, id);
  if (!r) notFound();
  return (
    <div className="space-y-6">
      <BackLink href="/admin/authorities">委托核验</BackLink>
      <h1 className="text-2xl font-bold">核验委托书</h1>
      <section className="card space-y-1">
        <p>状态：<strong>{AUTHORITY_STATUS_TEXT[r.status]}</strong> · 提交于 {formatDateTime(r.createdAt)}</p>
        <p>委托人：<strong>{r.grantorName}</strong>，身份证号 {r.grantorIdNumber ? maskIdNumber(r.grantorIdNumber) : '—'}</p>
        <p>受托人：<strong>{r.proxyName ?? '—'}</strong>，手机 {r.proxyPhone ? maskPhone(r.proxyPhone) : '—'}</p>
        <p>委托事项：{r.scope.map((s) => SCOPE_TEXT[s]).join('、')}；期限 {r.validFrom} 至 {r.validTo}</p>
        {r.verifyNote ? <p>核验说明：{r.verifyNote}</p> : null}
        {r.declineReason ? <p>不通过原因：{r.declineReason}</p> : null}
      </section>
      <section className="card space-y-3" aria-labelledby="docs">
        <h2 id="docs" className="text-xl font-bold">材料</h2>
        <p className="text-sm text-muted">对照：委托书上的签字、姓名和期限；两张身份证与上面的姓名一致。</p>
        <ul className="grid gap-4 sm:grid-cols-3">
          {r.documents.map((d) => (
            <li key={d.id} className="space-y-1">
              <p className="font-semibold">{d.label}</p>
              {d.mime === 'application/pdf' ? (
                <a className="link" href={`/admin/authorities/${r.id}/documents/${d.id}`}>{d.name}（PDF）</a>
              ) : (
                <a href={`/admin/authorities/${r.id}/documents/${d.id}`}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- a private, audited file: not for the image optimiser */}
                  <img src={`/admin/authorities/${r.id}/documents/${d.id}`} alt={d.label} className="max-h-60 border border-gray-300" />
                </a>
              )}
            </li>
          ))}
        </ul>
      </section>
      {user.role === 'clerk' && r.status === 'pending' && r.kind === 'document' ? (
        <section className="card space-y-3" aria-labelledby="v">
          <h2 id="v" className="text-xl font-bold">核验</h2>
          <VerifyForm action={verifyAction.bind(null, r.id)} reasons={DECLINE_REASONS} />
        </section>
      ) : null}
      {user.role === 'clerk' && r.status === 'active' ? (
        <form action={staffRevokeAction} className="card space-y-3">
          <input type="hidden" name="id" value={r.id} />
          <label className="choice"><input type="checkbox" name="confirm" value="yes" /><span>委托人到窗口要求撤销，已核对身份</span></label>
          <button type="submit" className="btn btn-danger">撤销委托</button>
        </form>
      ) : null}
    </div>
  );
}
