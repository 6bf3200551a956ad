import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { JobProgress } from '@/app/admin/_components/job-progress';
import { regionWarningLine, WATCH_ACTORS, WATCH_STAFF, WATCH_STATUS_TEXT, watchLeadsFor, watchlistFor } from '@/lib/dal/watchlist';
import { formatDate, formatDateTime, formatMoney, maskName } from '@/lib/format';
import { recentJobs } from '@/lib/jobs/queue';
import { requireUser } from '@/lib/auth/session';
import { followUpAction, openLeadAction, refreshWatchlistAction } from './actions';
import { FollowUpForm, OpenLeadForm } from './follow-up-form';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';

export const metadata: Metadata = { title: '因病致贫预警名单' };

export default async function WatchlistPage() {
  const user = await requireUser([...WATCH_STAFF], '/admin/watchlist');
  const line = await regionWarningLine(user.region ?? '');
  const canAct = (WATCH_ACTORS as readonly string[]).includes(user.role);
  const charity = user.region === 'shanghai';
  if (line.kind === 'none') {
    return (
      <div className="space-y-4">
        <BackToDesk />
        <h1 className="text-2xl font-bold">因病致贫预警名单</h1>
        <p className="card">{line.text}互助帮困计划按参加对象的申请补助，这里没有名单要跟进。</p>
      </div>
    );
  }
  const [entries, leads, jobs] = await Promise.all([watchlistFor(user, { status: 'active' }), watchLeadsFor(user), recentJobs(user, ['watchlist_refresh'], 3)]);
  const openLeads = leads.filter((l) => l.status === 'open');
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackToDesk />
        <h1 className="text-2xl font-bold">因病致贫预警名单</h1>
        <p>
          近12个月经基本医保、大病保险和医疗救助后，个人实际负担的医疗费用（含目录外费用）仍然较重的人（000 二(三)；003 五(七)）。每晚自动刷新一次，也可以马上刷新；同一个人同一个月只列一次。没有个人档案的人的结算记录也一起筛查，列为“政策找人”线索。
        </p>
        <p data-testid="warning-line">
          <span className="font-semibold">本地区的预警线：</span>
          {line.kind === 'line' ? `${line.text}。` : line.text}
          管理员在<Link href="/admin/parameters" className="link">参数设定</Link>中维护。
        </p>
        <p className="text-sm text-muted">
          {charity
            ? '跟进时可以把不属于医疗救助或帮扶不够的人推介给慈善组织（000 二(四)1）。'
            : '跟进时可以联系本人、帮他申请认定和救助，或转介其他帮扶。'}
          新列入名单的人如有账号，会收到一条提醒，告诉他可以申请哪些帮助。
        </p>
      </div>
      {canAct ? (
        <form action={refreshWatchlistAction}>
          <SubmitButton pendingText="正在排队…">马上刷新名单</SubmitButton>
        </form>
      ) : null}
      {jobs.length ? (
        <section aria-labelledby="jobs-h" className="space-y-2">
          <h2 id="jobs-h" className="text-xl font-bold">最近的刷新</h2>
          <ul className="space-y-2">
            {jobs.map((j) => (
              <li key={j.id}>
                <JobProgress job={j} link />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="list-h" className="space-y-3">
        <h2 id="list-h" className="text-xl font-bold">需要跟进的人（{entries.length}）</h2>
        {entries.length === 0 ? (
          <p className="card">名单上没有需要跟进的人。</p>
        ) : (
          <ul className="space-y-3" aria-label="预警名单">
            {entries.map((e) => (
              <li key={e.id} className="card space-y-2" data-testid="watch-entry">
                <p className="font-semibold">
                  {maskName(e.name)} · 个人仍负担 {formatMoney(e.burdenFen)} · {WATCH_STATUS_TEXT[e.status]}
                  {e.charityReferral ? `（${e.charityReferral}）` : ''}
                </p>
                <p>
                  <span className="font-semibold">列入原因：</span>
                  {e.reason}
                </p>
                <p className="text-sm text-muted">
                  期间 {e.period} · 更新于 {formatDateTime(e.updatedAt)} · {e.noticeSentAt ? `已提醒本人（${formatDateTime(e.noticeSentAt)}）` : '本人没有账号，未发提醒'}
                </p>
                {e.notes ? <p className="whitespace-pre-line text-sm">{e.notes}</p> : null}
                {canAct ? (
                  <details>
                    <summary className="link inline-flex min-h-11 cursor-pointer items-center">记录跟进情况</summary>
                    <FollowUpForm id={e.id} current={e.status} action={followUpAction.bind(null, e.id)} charity={charity} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="leads-h" className="space-y-3">
        <h2 id="leads-h" className="text-xl font-bold">政策找人：没有个人档案的线索（{openLeads.length}）</h2>
        <p className="text-sm text-muted">
          这些结算记录的身份证号在本网站还没有个人档案，个人负担已达到预警线。请向医保部门核实身份后建立档案：结算记录会归入档案，下次刷新时按档案列入名单。
        </p>
        {openLeads.length === 0 ? (
          <p className="card">没有待处理的线索。</p>
        ) : (
          <ul className="space-y-3" aria-label="政策找人线索">
            {openLeads.map((l) => (
              <li key={l.id} className="card space-y-2" data-testid="watch-lead">
                <p className="font-semibold">
                  没有个人档案 · 个人仍负担 {formatMoney(l.burdenFen)} · 期间 {l.period}
                </p>
                <ul className="space-y-1 text-sm" aria-label="就医记录">
                  {l.visits.map((v, i) => (
                    <li key={i}>
                      {formatDate(v.date)}
                      {v.endDate ? ` 至 ${formatDate(v.endDate)}` : ''} · {v.hospitalName ?? '医院未填写'} · {VISIT_KIND[v.kind]} · 总费用 {formatMoney(v.totalFen)} · 个人负担 {formatMoney(v.paidFen)}
                    </li>
                  ))}
                </ul>
                <p>
                  <span className="font-semibold">列入原因：</span>
                  {l.reason}
                </p>
                {canAct ? (
                  <details>
                    <summary className="link inline-flex min-h-11 cursor-pointer items-center">建立个人档案</summary>
                    <OpenLeadForm id={l.id} action={openLeadAction.bind(null, l.id)} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const VISIT_KIND = { inpatient: '住院', outpatient: '门急诊', outpatient_special: '门诊慢特病' } as const;
