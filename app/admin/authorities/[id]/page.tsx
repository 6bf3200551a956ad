import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { STAFF } from '@/lib/auth/roles';
import { AUTHORITY_STATUS_TEXT, SCOPE_TEXT } from '@/lib/authority/states';
import { authorityForReview, DECLINE_REASONS } from '@/lib/dal/authorities/staff';
import { formatDateTime, maskIdNumber, maskPhone } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { staffRevokeAction, verifyAction, verifyWorkerAction } from '../actions';
import { VerifyForm, WorkerForm } from '../forms';

export const metadata: Metadata = { title: '核验委托书' };

export default async function AuthorityReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { done } = await searchParams;
  const user = await requireUser(STAFF, `/admin/authorities/${id}`);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const r = await authorityForReview(user, id);
  if (!r) notFound();
  return (
    <div className="space-y-6">
      <BackLink href="/admin/authorities">委托核验</BackLink>
      <h1 className="text-2xl font-bold">{r.kind === 'document' ? '核验委托书' : '委托详情'}</h1>
      {done === 'guardian' ? <p role="status" className="border-l-4 border-ok bg-green-50 p-3 font-semibold">监护人已登记，委托即时生效，已通知监护人用登记的手机号登录办理。</p> : null}
      <section className="card space-y-1">
        <p>状态：<strong>{AUTHORITY_STATUS_TEXT[r.status]}</strong> · 提交于 {formatDateTime(r.createdAt)}</p>
        <p>委托人：<strong>{r.grantorName}</strong>，身份证号 {r.grantorIdNumber ? maskIdNumber(r.grantorIdNumber) : '—'}</p>
        <p>受托人：<strong>{r.guardianName ?? r.proxyName ?? '—'}</strong>，手机 {r.proxyPhone ? maskPhone(r.proxyPhone) : '—'}{r.guardianIdNumber ? `，身份证号 ${maskIdNumber(r.guardianIdNumber)}` : ''}</p>
        <p>与委托人的关系：<strong data-testid="relationship">{r.relationshipText}</strong>{r.worker ? `（${r.worker.organisation}，${formatDateTime(r.worker.verifiedAt)} 核实）` : ''}</p>
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
      {user.role === 'clerk' && r.relationship === 'community_worker' && !r.workerVerified && (r.status === 'active' || r.status === 'pending') ? (
        <section className="card space-y-3" aria-labelledby="w">
          <h2 id="w" className="text-xl font-bold">核实基层工作人员身份</h2>
          {r.hasProxyAccount ? (
            <>
              <p>核实后，这位代办人为本地区的人代办时都显示“经办部门已核实”，也不再列入“代办人数较多的受托人”。</p>
              <WorkerForm action={verifyWorkerAction.bind(null, r.id)} />
            </>
          ) : (
            <p>代办人还没有接受邀请。接受后才能核实身份。</p>
          )}
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
