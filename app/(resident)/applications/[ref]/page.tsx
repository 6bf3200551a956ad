import type { Metadata } from 'next';
import { citeClause } from '@/lib/texts/citation';
import Link from 'next/link';
import { BackLink } from '@/app/_components/back-link';
import { EstimateSummary } from '@/app/_components/estimate-summary';
import { StatusTag } from '@/app/_components/status-tag';
import { eventLabel } from '@/lib/workflow';
import { DIRECT_AWARD_NEXT, nextStepText } from '@/lib/workflow/states';
import { isDirectAward } from '@/lib/workflow/verbs/direct-award';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { pendingSupplements } from '@/lib/dal/applications';
import { DOCUMENT_KINDS, type DocumentKind } from '@/lib/dal/documents';
import { formatDateTime, formatMoney, maskBankAccount, nameForProxy } from '@/lib/format';
import { EPISODE_KINDS } from '@/lib/validation/episode-form';
import { respondAction } from './actions';
import { loadApplicationPage } from './load';
import { RespondForm } from './respond-form';

export async function generateMetadata({ params }: { params: Promise<{ ref: string }> }): Promise<Metadata> {
  return { title: `申请 ${(await params).ref}` };
}


export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { ref } = await params;
  const query = await searchParams;
  const { user, app, personName, isProxy, canRespond, canWithdraw, bank, snapshot, events, episodes, documents } = await loadApplicationPage(ref);
  // A proxy reads about the applicant (their account, their money); the applicant reads "您".
  const proxyFor = isProxy && personName ? nameForProxy(personName, ['view']) : null; // reaching this page took 查看进度
  const lastRequest = [...events].reverse().find((e) => e.type === 'request_info');
  const requested = (lastRequest?.data ?? {}) as { requireDocuments?: boolean; documents?: string[]; dueDate?: string | null };
  const filesRequired = Boolean(requested.requireDocuments || requested.documents?.length);
  const docLink = (id: string) => `/applications/${ref}/documents/${id}`;
  return (
    <div className="space-y-6">
      <BackLink href={user.role === 'resident' ? '/me' : '/admin'}>{user.role === 'resident' ? '我的申请' : '工作台'}</BackLink>
      {proxyFor ? <p className="bg-brand-light p-3 rounded font-semibold" data-testid="acting-for">您正在为 {proxyFor} 代办</p> : null}
      <h1 className="text-2xl font-bold">申请 {ref}</h1>
      {query.withdrawn ? <p role="status" className="text-ok font-semibold">申请已撤回。</p> : null}
      {query.answered && app.status !== 'needs_info' ? <p role="status" className="text-ok font-semibold">补正材料已提交，申请回到审核中。</p> : null}

      <section className="card space-y-2" aria-labelledby="now-title">
        <h2 id="now-title" className="sr-only">当前状态</h2>
        <p>
          <StatusTag status={app.status} />
        </p>
        <p className="text-lg">{app.status === 'approved' && isDirectAward(app) ? DIRECT_AWARD_NEXT : nextStepText(app.status, proxyFor)}</p>
        {app.status === 'approved' || app.status === 'paid' ? (
          <p>
            核定救助金额：<strong className="text-xl">{formatMoney(app.decidedAmountFen ?? 0)}</strong>
            {app.bankAccountLast4 ? `，发放到${proxyFor ? ` ${proxyFor} 本人的` : ''} ${app.bankName ?? ''} ${maskBankAccount(app.bankAccountLast4)}` : ''}
          </p>
        ) : null}
        {app.status === 'rejected' ? (
          <p className="border-l-4 border-bad bg-red-50 p-3">
            原因：{app.decisionReason}
            {app.decisionClause ? `（依据：${citeClause(app.decisionClause)}）` : ''}
          </p>
        ) : null}
        {app.status === 'transferred' ? <p>已转至：{app.transferredTo}</p> : null}
        {bank.failed ? (
          <p className="border-l-4 border-bad bg-red-50 p-3" data-testid="payment-failed">
            救助金发放没有成功：{bank.failed.reason ?? '银行退回'}。如果账户已经销户或不能用，请更换收款账户，工作人员核实后重新发放。
          </p>
        ) : null}
        {bank.canChange ? (
          <p>
            <Link href={`/applications/${ref}/bank`} className="link">更换收款账户</Link>
          </p>
        ) : null}
        {app.status === 'approved' || app.status === 'paid' || app.status === 'rejected' ? (
          <p>
            <Link href={`/applications/${ref}/decision`} className="link font-semibold">查看决定书（可打印、下载 PDF）</Link>
          </p>
        ) : null}
      </section>

      {canRespond ? (
        <section className="card space-y-3" aria-labelledby="respond-title">
          <h2 id="respond-title" className="text-xl font-bold">{proxyFor ? `需要为 ${proxyFor} 补充` : '需要您补充'}</h2>
          {lastRequest?.message ? (
            <div className="border-l-4 border-warn bg-amber-50 p-3" data-testid="requested">
              <p className="font-semibold">{filesRequired ? '需要上传的材料：' : '工作人员的说明：'}</p>
              <p className="whitespace-pre-wrap">{lastRequest.message}</p>
            </div>
          ) : null}
          {requested.documents?.length ? (
            <div>
              <p className="font-semibold">必须上传的材料：</p>
              <ul className="list-disc pl-5" aria-label="必须上传的材料">
                {requested.documents.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {requested.dueDate ? <p>请在 <strong>{requested.dueDate}</strong> 前提交补正。</p> : null}
          <RespondForm action={respondAction.bind(null, ref, app.id)} applicationId={app.id} pending={await pendingSupplements(app.id, user.id)} filesRequired={filesRequired} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="text-xl font-bold mb-3">办理进度</h2>
        <ol className="border-l-2 border-brand pl-4 space-y-4">
          {events.map((e) => (
            <li key={e.id}>
              <p className="font-semibold">{eventLabel(e.type)}</p>
              <p className="text-sm text-muted">
                {formatDateTime(e.createdAt)} · {e.byStaff ? '经办人员' : e.byProxy ? `${e.byProxy}（受委托代办）` : '申请人本人'}
              </p>
              {e.message && e.type !== 'status' ? <p className="mt-1 whitespace-pre-wrap">{e.message}</p> : null}
              {(e.data as { clause?: string } | null)?.clause ? <p className="text-sm">依据：{citeClause((e.data as { clause: string }).clause)}</p> : null}
              {documents.filter((d) => d.eventId === e.id).map((d) => (
                <p key={d.id}>
                  <a className="link" href={docLink(d.id)}>{d.originalName}</a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>

      {snapshot ? (
        <section className="card" aria-labelledby="est-title">
          <h2 id="est-title" className="text-xl font-bold mb-2">提交时的估算</h2>
          <p className="text-sm text-muted mb-2">按 {formatDateTime(snapshot.computedAt)} 当时的政策参数计算，仅供参考。</p>
          <EstimateSummary result={snapshot.result} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="ep-title">
        <h2 id="ep-title" className="text-xl font-bold mb-2">就医记录（{regionInfo(app.region as RegionCode).nameZh}，{app.year} 年）</h2>
        <ul className="divide-y divide-gray-200">
          {episodes.map((e) => (
            <li key={e.id} className="py-2">
              <p className="font-semibold">{e.hospitalName}，{EPISODE_KINDS.find((k) => k.value === e.kind)?.label}</p>
              <p className="text-sm">{e.date}{e.endDate ? ` 至 ${e.endDate}` : ''}，总费用 {formatMoney(e.totalFen)}，政策范围内 {formatMoney(e.policyFen)}{e.assistancePaidFen ? `，医院结算时医疗救助已付 ${formatMoney(e.assistancePaidFen)}（不重复发放）` : ''}</p>
              {documents.filter((d) => d.episodeSeq === e.seq).map((d) => (
                <a key={d.id} className="link block" href={docLink(d.id)}>{d.originalName}</a>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="docs-title">
        <h2 id="docs-title" className="text-xl font-bold mb-2">{proxyFor ? `为 ${proxyFor} 提交的材料` : '我提交的材料'}</h2>
        {documents.length === 0 ? (
          <p>没有上传材料。</p>
        ) : (
          <ul className="divide-y divide-gray-200">
            {documents.map((d) => (
              <li key={d.id} className="py-2">
                <a className="link" href={docLink(d.id)}>{d.originalName}</a>
                <span className="text-sm text-muted"> · {DOCUMENT_KINDS[d.kind as DocumentKind] ?? d.kind} · {formatDateTime(d.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {canWithdraw ? (
        <p>
          <Link href={`/applications/${ref}/withdraw`} className="link">
            撤回这份申请
          </Link>
        </p>
      ) : null}
    </div>
  );
}
