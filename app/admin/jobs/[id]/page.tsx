import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JobProgress } from '@/app/admin/_components/job-progress';
import { JOB_KIND_TEXT, JOB_STAFF, jobFor } from '@/lib/jobs/queue';
import type { ImportOutcome } from '@/lib/dal/settlements';
import type { RefreshOutcome } from '@/lib/dal/watchlist';
import type { RetentionOutcome } from '@/lib/dal/retention';
import { formatMoney } from '@/lib/format';
import { requireUser } from '@/lib/auth/session';
import { retryJobAction } from './actions';
import { RetryForm } from './retry-form';

export const metadata: Metadata = { title: '任务进度' };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser([...JOB_STAFF], `/admin/jobs/${id}`);
  const r = await jobFor(user, id);
  if (!r.ok) notFound();
  const { job } = r;
  const back = job.kind === 'settlement_import' ? { href: '/admin/imports', label: '← 返回结算记录导入' } : job.kind === 'retention' ? { href: '/admin', label: '← 返回办理队列' } : { href: '/admin/watchlist', label: '← 返回预警名单' };
  return (
    <div className="space-y-6">
      <p>
        <Link href={back.href} className="link">
          {back.label}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{JOB_KIND_TEXT[job.kind]}</h1>
      <JobProgress job={job} />
      {job.status === 'failed' && user.role !== 'auditor' ? (
        <RetryForm action={retryJobAction.bind(null, job.id)} />
      ) : null}
      {job.status === 'done' && job.kind === 'settlement_import' ? <ImportSummary r={job.result as ImportOutcome} /> : null}
      {job.status === 'done' && job.kind === 'watchlist_refresh' ? <RefreshSummary r={job.result as RefreshOutcome} /> : null}
      {job.status === 'done' && job.kind === 'retention' ? <RetentionSummary r={job.result as RetentionOutcome} /> : null}
    </div>
  );
}

function ImportSummary({ r }: { r: ImportOutcome }) {
  return (
    <section aria-labelledby="sum-h" className="space-y-3">
      <h2 id="sum-h" className="text-xl font-bold">导入结果</h2>
      <ul className="card space-y-1" data-testid="import-summary">
        <li>文件中的结算记录：{r.rows} 条{r.skippedBadRows ? `（另有 ${r.skippedBadRows} 行有问题，按您的选择没有导入）` : ''}</li>
        <li>新导入：{r.inserted} 条；以前已经导入过、这次没有再导入：{r.alreadyImported} 条</li>
        <li>系统中没有这个身份证号的人员：{r.unmatched} 条（记录已保存，以后可用于预警）</li>
        <li>不是已认定的低保对象或特困人员（须依申请办理）：{r.notCertified} 人次</li>
        <li>本年度没有新增救助金额：{r.noAmount} 人次</li>
        {r.held ? (
          <li>
            待核实（规则要用到的项目没有填写，没有按最有利的情况猜测）：{r.held} 条，请在
            <Link href="/admin/imports#held-h" className="link">结算记录导入</Link>页面补填
          </li>
        ) : null}
        <li className="font-semibold">
          直接办理（免申即享）：{r.cases.length} 件，合计 {formatMoney(r.awardedFen)}
        </li>
      </ul>
      {r.noAmountWhy?.length ? (
        <div className="card space-y-1" data-testid="no-amount-why">
          <p className="font-semibold">没有新增救助金额的（已由医院结算或此前的案件支付，不重复支付）：</p>
          <ul className="list-disc pl-5">
            {r.noAmountWhy.map((x) => (
              <li key={x.settlementNos.join(',') || x.message}>
                结算单 {x.settlementNos.join('、')}：{x.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.refused.length ? (
        <div className="card space-y-1">
          <p className="font-semibold text-bad">没能直接办理的：</p>
          <ul className="list-disc pl-5">
            {r.refused.map((x) => (
              <li key={x.message}>
                {x.count} 人次：{x.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.cases.length ? (
        <ul className="space-y-1" aria-label="直接办理的案件">
          {r.cases.slice(0, 100).map((c) => (
            <li key={c.ref}>
              <Link href={`/admin/applications/${c.ref}`} className="link">
                {c.ref}
              </Link>{' '}
              · 已批准，等待发放 · {formatMoney(c.amountFen)}
            </li>
          ))}
          {r.cases.length > 100 ? <li className="text-muted">另有 {r.cases.length - 100} 件，请在发放台账中查看。</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

function RefreshSummary({ r }: { r: RefreshOutcome }) {
  return (
    <ul className="card space-y-1" data-testid="refresh-summary">
      <li>期间：{r.period}（近12个月）</li>
      <li>核查人数：{r.looked}；达到预警线：{r.listed}（新列入 {r.added}，已在名单中更新 {r.updated}）</li>
      <li>已给有账号的本人发送提醒：{r.notices} 人</li>
      <li>没有个人档案、达到预警线的线索（政策找人）：{r.leads ?? 0}</li>
      {/* Outcomes stored before the per-region line kept the share and the reference income instead. */}
      <li>预警线：{r.line ?? `个人负担达到参照收入 ${formatMoney(r.incomeFen ?? 0)} 的 ${r.sharePercent ?? 0}%`}</li>
      <li>
        <Link href="/admin/watchlist" className="link">
          查看预警名单
        </Link>
      </li>
    </ul>
  );
}

function RetentionSummary({ r }: { r: RetentionOutcome }) {
  return (
    <section aria-labelledby="ret-h" className="space-y-3">
      <h2 id="ret-h" className="text-xl font-bold">删除结果</h2>
      <ul className="card space-y-1" data-testid="retention-summary">
        <li>超过 180 天未修改的草稿：{r.drafts} 份（其上传材料 {r.draftDocuments} 份）</li>
        <li>过期的待填信息（从“能不能救助”“估算”带来）：{r.prefills} 份</li>
        <li>不属于任何申请或委托的上传材料：{r.orphanDocuments} 份</li>
        <li>删除的文件内容：{r.files} 个</li>
        <li>过期的登录验证码：{r.codes} 条；过期的频率限制记录：{r.rateLimits} 条</li>
        <li>
          已作出决定的救助档案保存 {r.retentionYears} 年{r.retentionDemo ? '（演示）' : ''}：超过保存期限的 {r.decidedPastPeriod} 件，未删除，交经办机构按档案规定处理
        </li>
      </ul>
    </section>
  );
}
