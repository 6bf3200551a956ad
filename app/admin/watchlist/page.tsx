import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { JobProgress } from '@/app/admin/_components/job-progress';
import { WATCH_ACTORS, WATCH_STAFF, WATCH_STATUS_TEXT, watchlistFor } from '@/lib/dal/watchlist';
import { formatDateTime, formatMoney, maskName } from '@/lib/format';
import { recentJobs } from '@/lib/jobs/queue';
import { requireUser } from '@/lib/session';
import { followUpAction, refreshWatchlistAction } from './actions';
import { FollowUpForm } from './follow-up-form';
import { BackToDesk } from '@/app/admin/_components/back-to-desk';

export const metadata: Metadata = { title: '因病致贫预警名单' };

export default async function WatchlistPage() {
  const user = await requireUser([...WATCH_STAFF], '/admin/watchlist');
  const [entries, jobs] = await Promise.all([watchlistFor(user, { status: 'active' }), recentJobs(user, ['watchlist_refresh'], 3)]);
  const canAct = (WATCH_ACTORS as readonly string[]).includes(user.role);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackToDesk />
        <h1 className="text-2xl font-bold">因病致贫预警名单</h1>
        <p>
          近12个月经基本医保、大病保险和医疗救助后，个人负担的医疗费用仍然较重的人（000 二(三)；003 五(七)）。预警线由管理员在<Link href="/admin/parameters" className="link">参数设定</Link>中设定：负担占家庭年可支配收入的比例（参照 000 四 第二类支出型贫困家庭：40%），以及家庭年可支配收入的参照值。每晚自动刷新一次，也可以马上刷新；同一个人同一个月只列一次。
        </p>
        <p className="text-sm text-muted">跟进时可以把不属于医疗救助或帮扶不够的人推介给慈善组织（000 二(四)1）。新列入名单的人如有账号，会收到一条提醒，告诉他可以申请哪些帮助。</p>
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
                    <FollowUpForm id={e.id} current={e.status} action={followUpAction.bind(null, e.id)} />
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
