import { requestAddress } from '@/lib/http/client-address';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/_components/back-link';
import { StatusTag } from '@/app/_components/status-tag';
import { TraceList } from '@/app/_components/trace-list';
import { ROLE_TEXT } from '@/app/admin/_components/role-text';
import { SlaTag } from '@/app/admin/_components/sla-tag';
import { STAFF } from '@/lib/auth/roles';
import { categoryName, isCategoryCode, regionInfo, STAFF_PARAMS, type RegionCode } from '@/lib/calculator';
import { DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { REVEALABLE, staffCaseDetail } from '@/lib/dal/staff-case';
import { colleagues, slaFor } from '@/lib/dal/staff-queue';
import { formatDate, formatDateTime, formatMoney, workingDaysBetween } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { EPISODE_KINDS } from '@/lib/validation/episode-form';
import { eventLabel, isVerbName, verbLabel } from '@/lib/workflow';
import { STATUS_TEXT } from '@/lib/workflow/states';
import { AUTHORITY_STATUS_TEXT, SCOPE_TEXT } from '@/lib/authority/states';
import { ActionForm } from './action-forms';
import { assignAction, caseAction, revealAction, settlementNoAction } from './actions';
import { SettlementNoForm } from './settlement-no-form';
import { AssignForm } from './assign-form';
import { RevealButton } from './reveal-button';
import { REVEALERS } from '@/lib/dal/staff-case';

export async function generateMetadata({ params }: { params: Promise<{ ref: string }> }): Promise<Metadata> {
  return { title: `办理 ${(await params).ref}` };
}

const BASIS_TEXT = { certified: '部门认定', declared: '申请人自报，待核实' } as const;
const POOL_TEXT: Record<string, string> = { assistance: '医疗救助' };
const PAY_STATUS: Record<string, string> = { pending: '待发放', paid: '已发放', failed: '发放失败', reversed: '已冲正' };
const PAY_KIND: Record<string, string> = { approval: '批准', payment: '发放', failure: '发放失败', adjustment: '更正' };

export default async function StaffCasePage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { ref } = await params;
  const query = await searchParams;
  const user = await requireUser(STAFF, `/admin/applications/${ref}`);
  const d = await staffCaseDetail(user, ref, await requestAddress());
  if (!d) notFound();
  const { app } = d;
  const region = app.region as RegionCode;
  const { settings } = d;
  const age = app.submittedAt ? workingDaysBetween(app.submittedAt, new Date(), settings.calendar) : null;
  const team = user.role === 'auditor' ? [] : await colleagues(user);
  const docHref = (id: string, download = false) => `/admin/applications/${ref}/documents/${id}${download ? '?download=1' : ''}`;
  const labels: Record<string, string> = Object.fromEntries(STAFF_PARAMS[region].map((p) => [p.name, p.descriptionZh]));
  const units: Record<string, string> = Object.fromEntries(STAFF_PARAMS[region].map((p) => [p.name, p.unit]));
  const show = (n: string, v: number | undefined) => (v === undefined ? '未设置' : units[n] === 'fen' ? formatMoney(v) : String(v));
  const paramNames = [...new Set([...Object.keys(d.snapshot?.parameters ?? {}), ...Object.keys(d.fresh?.parameters ?? {})])];
  const then = d.snapshot?.result.totals.assistanceFen ?? null;
  const now = d.fresh?.result.totals.assistanceFen ?? null;
  const decided = app.status === 'approved' || app.status === 'paid' || app.status === 'rejected';
  return (
    <div className="space-y-6">
      <BackLink href="/admin">工作台</BackLink>
      <h1 className="text-2xl font-bold">办理申请 {ref}</h1>
      {query.done && isVerbName(query.done) ? (
        <p role="status" className="border-l-4 border-ok bg-green-50 p-3 font-semibold text-ok">已{verbLabel(query.done)}。</p>
      ) : null}

      <section className="card space-y-3" aria-labelledby="now-title">
        <h2 id="now-title" className="sr-only">当前状态</h2>
        <p className="flex flex-wrap items-center gap-2">
          <StatusTag status={app.status} />
          <SlaTag sla={slaFor(app.status, age, settings)} age={age} />
        </p>
        <p className="text-sm">
          {regionInfo(region).nameZh}
          {app.district ? ` · ${app.district}` : ''} · {app.year} 年度 · 提交于 {app.submittedAt ? formatDateTime(app.submittedAt) : '—'}
        </p>
        {decided ? (
          <p>
            <Link className="link font-semibold" href={`/admin/applications/${ref}/decision`}>查看决定书</Link>
          </p>
        ) : null}
        {user.role === 'auditor' ? (
          <p>经办人：{d.assignee?.displayName ?? '尚未分派'}</p>
        ) : (
          <AssignForm action={assignAction.bind(null, ref)} colleagues={team} current={app.assignedToUserId} meId={user.id} />
        )}
      </section>

      <section className="space-y-3" aria-labelledby="act-title">
        <h2 id="act-title" className="text-xl font-bold">办理</h2>
        {user.role === 'auditor' ? (
          <p className="card">您是审计员，只能查看，不能办理。</p>
        ) : (
          <>
            {d.actions.forms.map((form) => (
              <ActionForm key={form.verb} action={caseAction.bind(null, ref, form.verb)} form={form} />
            ))}
            {/* Four eyes: what the role could do but this person may not, said before anyone presses a button. */}
            {d.actions.barred.map((b) => (
              <p key={b.verb} className="card" data-testid={`barred-${b.verb}`}>
                <span className="font-semibold">{b.label}：</span>
                {b.message}
              </p>
            ))}
            {d.actions.forms.length === 0 ? (
              <p className="card">
                当前状态下您（{ROLE_TEXT[user.role]}）没有可办理的操作。
                {d.actions.waitingFor.length ? `下一步：${d.actions.waitingFor.map((w) => `${w.label}（${w.by.map((r) => ROLE_TEXT[r as keyof typeof ROLE_TEXT] ?? r).join('、') || '申请人'}）`).join('，')}。` : '办理已结束。'}
              </p>
            ) : (
              <p className="text-sm text-muted">通常由{d.actions.usually.map((r) => ROLE_TEXT[r]).join('、')}办理；受理人和提交人不能对同一申请作出批准或不予救助的决定（四眼原则）。</p>
            )}
          </>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="who-title">
        <h2 id="who-title" className="text-xl font-bold">申请人</h2>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
          {(Object.keys(REVEALABLE) as (keyof typeof REVEALABLE)[]).map((field) => (
            <div key={field} className="contents">
              <dt className="font-semibold">{REVEALABLE[field]}</dt>
              <dd>{d.masked[field] && !REVEALERS.includes(user.role) ? <span>{field === 'bankAccount' ? `${app.bankName ?? ''} ${d.masked[field]}` : d.masked[field]}</span> : d.masked[field] ? <RevealButton action={revealAction.bind(null, ref, field)} field={field} label={REVEALABLE[field]} masked={field === 'bankAccount' ? `${app.bankName ?? ''} ${d.masked[field]}` : d.masked[field]!} /> : '—'}</dd>
            </div>
          ))}
          <dt className="font-semibold">户籍 / 参保</dt>
          <dd>{d.hukouRegion === 'local' || d.hukouRegion === app.region ? '本地户籍' : '非本地户籍'} · {d.insuredRegion === 'local' || d.insuredRegion === app.region ? '本地参保' : '非本地参保'}</dd>
        </dl>
        <h3 className="font-bold">救助身份</h3>
        {d.categories.length === 0 ? (
          <p>没有登记的救助身份。</p>
        ) : (
          <ul className="list-disc pl-5 space-y-1">
            {d.categories.filter((c, i, all) => all.findIndex((o) => o.code === c.code && o.basis === c.basis && o.validFrom === c.validFrom && o.certificateNo === c.certificateNo) === i).map((c) => (
              <li key={c.id}>
                <strong>{isCategoryCode(c.code) ? categoryName(c.code) : c.code}</strong>：{BASIS_TEXT[c.basis]}
                {c.certifiedBy ? `，认定部门：${c.certifiedBy}` : ''}
                {c.certificateNo ? `，证号 ${c.certificateNo}` : ''}，自 {c.validFrom}
                {c.validTo ? ` 至 ${c.validTo}` : ' 起'}
              </li>
            ))}
          </ul>
        )}
        {d.authority ? (
          <>
            <h3 className="font-bold">代办委托</h3>
            <p>
              由 {d.authority.proxyName ?? '受托人'} 代办，委托范围：{d.authority.a.scope.map((s) => SCOPE_TEXT[s] ?? s).join('、')}；有效期 {d.authority.a.validFrom} 至 {d.authority.a.validTo}
              {d.authority.a.status !== 'active' ? `（${AUTHORITY_STATUS_TEXT[d.authority.a.status]}）` : ''}
              <Link href={`/admin/authorities/${d.authority.a.id}`} className="link">委托 {d.authority.a.id.slice(0, 8)}</Link>
              {d.authority.a.kind === 'invitation' ? `，申请人在网上邀请，受托人${d.authority.a.acceptedAt ? ` ${formatDate(d.authority.a.acceptedAt)} ` : ''}用申请人身份证号后 4 位确认` : d.authority.a.verifiedAt ? `，${formatDate(d.authority.a.verifiedAt)} 已核验委托书${d.authority.a.verifyNote ? `（${d.authority.a.verifyNote}）` : ''}` : '，委托书尚未核验'}。
            </p>
          </>
        ) : null}
      </section>

      <section className="card space-y-3" aria-labelledby="calc-title">
        <h2 id="calc-title" className="text-xl font-bold">救助金额计算</h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="rounded border border-gray-300 p-3">
            <p className="text-sm text-muted">提交时的估算{d.snapshot ? `（${formatDateTime(d.snapshot.computedAt)}）` : ''}</p>
            <p className="text-2xl font-bold" data-testid="estimate-then">{then !== null ? formatMoney(then) : '—'}</p>
          </div>
          <div className={`rounded border p-3 ${then !== now ? 'border-warn bg-amber-50' : 'border-gray-300'}`}>
            <p className="text-sm text-muted">按今天的参数重新计算</p>
            <p className="text-2xl font-bold" data-testid="estimate-now">{now !== null ? formatMoney(now) : '—'}</p>
            {then !== null && now !== null ? <p className="font-semibold">{then === now ? '与提交时一致' : `▲ 与提交时不同，相差 ${formatMoney(now - then)}`}</p> : null}
          </div>
        </div>
        {paramNames.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="text-left font-semibold">用到的参数</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-1">参数</th>
                  <th scope="col" className="p-1">提交时</th>
                  <th scope="col" className="p-1">今天</th>
                </tr>
              </thead>
              <tbody>
                {paramNames.map((n) => {
                  const a = d.snapshot?.parameters[n]?.value;
                  const b = d.fresh?.parameters[n]?.value;
                  return (
                    <tr key={n} className={a !== b ? 'bg-amber-50 font-semibold' : ''}>
                      <th scope="row" className="p-1 text-left font-normal">{labels[n] ?? n}</th>
                      <td className="p-1">{show(n, a)}</td>
                      <td className="p-1">{show(n, b)}{a !== b ? '（有变化）' : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {d.snapshot ? (
          <details>
            <summary className="cursor-pointer font-semibold text-brand">提交时的计算过程</summary>
            <TraceList rows={d.snapshot.result.trace} className="mt-2 list-decimal pl-5 space-y-1 text-sm" />
          </details>
        ) : null}
      </section>

      <section className="card space-y-2" aria-labelledby="ledger-title">
        <h2 id="ledger-title" className="text-xl font-bold">本人 {app.year} 年度救助台账</h2>
        {d.ledger.length === 0 ? (
          <p>本年度还没有批准或发放的记录。</p>
        ) : (
          <ul className="divide-y divide-gray-200">
            {d.ledger.map((p) => (
              <li key={p.id} className="py-2 text-sm">
                {p.ref}
                {p.ref === ref ? '（本申请）' : ''} · {PAY_KIND[p.kind] ?? p.kind} · {POOL_TEXT[p.pool] ?? (isCategoryCode(p.pool) ? categoryName(p.pool) : p.pool)} · <strong>{formatMoney(p.amountFen)}</strong> · {PAY_STATUS[p.status] ?? p.status}
                {p.paidAt ? ` · ${formatDate(p.paidAt)}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">
          本年度已发放合计 {formatMoney(d.ledger.filter((p) => p.status === 'paid').reduce((a, p) => a + p.amountFen, 0))}，待发放合计 {formatMoney(d.ledger.filter((p) => p.status === 'pending').reduce((a, p) => a + p.amountFen, 0))}
        </p>
      </section>

      <section className="card space-y-3" aria-labelledby="docs-title">
        <h2 id="docs-title" className="text-xl font-bold">就医记录与材料</h2>
        <ul className="divide-y divide-gray-200">
          {d.episodes.map((e) => (
            <li key={e.id} className="py-2">
              <p className="font-semibold">{e.hospitalName}，{EPISODE_KINDS.find((k) => k.value === e.kind)?.label}</p>
              <p className="text-sm">{e.date}{e.endDate ? ` 至 ${e.endDate}` : ''}，总费用 {formatMoney(e.totalFen)}，政策范围内 {formatMoney(e.policyFen)}，基本医保已付 {formatMoney(e.basicPaidFen)}，大病保险已付 {formatMoney(e.criticalPaidFen)}{e.supplementaryPaidFen ? `，其他补充保障已付 ${formatMoney(e.supplementaryPaidFen)}` : ''}{e.assistancePaidFen ? `，医院结算时医疗救助已付 ${formatMoney(e.assistancePaidFen)}（批准时扣除）` : ''}</p>
              <p className="text-sm text-muted">{d.numbered.includes(e.seq) ? '已有结算单号（用于核对是否重复支付）' : '没有结算单号'}</p>
              {d.duplicates.filter((m) => m.seq === e.seq).map((m, i) => (
                <p key={i} className="text-bad font-semibold" data-testid="possible-duplicate">
                  可能重复：
                  {m.ref ? (
                    <>
                      与案件 <Link href={`/admin/applications/${encodeURIComponent(m.ref)}`} className="link">{m.ref}</Link>（{m.status ? (STATUS_TEXT[m.status as keyof typeof STATUS_TEXT]?.label ?? m.status) : ''}）是同一次就医
                    </>
                  ) : m.source === 'settlement' ? '与已导入的医保结算记录是同一次就医' : '与另一份申请是同一次就医'}
                  {m.hospitalPaidFen ? `，医院结算时已支付医疗救助 ${formatMoney(m.hospitalPaidFen)}` : ''}。批准时不会重复支付。
                </p>
              ))}
              {d.mayNumber && !d.numbered.includes(e.seq) ? <SettlementNoForm seq={e.seq} action={settlementNoAction.bind(null, app.ref!, String(e.seq))} /> : null}
            </li>
          ))}
        </ul>
        {d.documents.length === 0 ? (
          <p>没有上传材料。</p>
        ) : (
          <ul className="space-y-4" aria-label="材料">
            {d.documents.map((doc) => (
              <li key={doc.id} className="space-y-2">
                <p>
                  <strong>{DOCUMENT_KINDS[doc.kind as DocumentKind] ?? doc.kind}</strong>
                  {doc.episodeSeq !== null ? `（第 ${doc.episodeSeq + 1} 次就医）` : ''}：{doc.originalName} · {formatDateTime(doc.createdAt)}
                </p>
                {doc.mime === 'application/pdf' ? (
                  <iframe src={docHref(doc.id)} title={`材料：${doc.originalName}`} className="h-96 w-full rounded border border-gray-300" />
                ) : (
                  // eslint-disable-next-line @next/next/no-img-element -- an authorised, uncached route; next/image would cache it
                  <img src={docHref(doc.id)} alt={`材料：${doc.originalName}`} className="max-h-96 max-w-full rounded border border-gray-300" />
                )}
                <p className="flex flex-wrap gap-3">
                  <a className="link" href={docHref(doc.id)} target="_blank" rel="noopener">在新窗口打开</a>
                  <a className="link" href={docHref(doc.id, true)}>下载</a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-xl font-bold mb-3">办理记录</h2>
        <ol className="border-l-2 border-brand pl-4 space-y-4">
          {d.events.map(({ e, actorName, actorRole }) => {
            const data = (e.data ?? {}) as { documents?: string[]; dueDate?: string | null; clause?: string; amountFen?: number; adjustmentReason?: string; transferredTo?: string };
            return (
              <li key={e.id}>
                <p className="font-semibold">{eventLabel(e.type)}</p>
                <p className="text-sm text-muted">
                  {formatDateTime(e.createdAt)} · {actorName ?? '—'}
                  {actorRole ? `（${ROLE_TEXT[actorRole]}）` : ''}
                  {e.authorityId ? ` · 受申请人委托代办（委托 ${e.authorityId.slice(0, 8)}）` : ''}
                </p>
                {e.message ? <p className="mt-1 whitespace-pre-wrap">{e.message}</p> : null}
                {data.documents?.length ? <p className="text-sm">须上传：{data.documents.join('、')}</p> : null}
                {data.dueDate ? <p className="text-sm">补正期限：{data.dueDate}</p> : null}
                {data.amountFen !== undefined ? <p className="text-sm">核定金额 {formatMoney(data.amountFen)}{data.adjustmentReason ? `，调整原因：${data.adjustmentReason}` : ''}</p> : null}
                {data.clause ? <p className="text-sm">依据：{data.clause}</p> : null}
                {data.transferredTo ? <p className="text-sm">转至：{data.transferredTo}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
