import Link from 'next/link';
import { JOB_STATUS_TEXT, secondsLeft, type JobRow } from '@/lib/jobs/queue';
import { formatDateTime } from '@/lib/format';
import { AutoRefresh } from './auto-refresh';

type JobView = Pick<JobRow, 'id' | 'title' | 'status' | 'done' | 'total' | 'error' | 'startedAt' | 'createdAt' | 'finishedAt'>;

function timeLeftText(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `，预计还需 ${seconds} 秒`;
  return `，预计还需 ${Math.ceil(seconds / 60)} 分钟`;
}

/** A job's bar with counts and time left; the page refreshes itself while the job is queued or running. */
export function JobProgress({ job, link = false }: { job: JobView; link?: boolean }) {
  const active = job.status === 'queued' || job.status === 'running';
  const percent = job.total > 0 ? Math.min(100, Math.floor((job.done * 100) / job.total)) : job.status === 'done' ? 100 : 0;
  const left = secondsLeft(job);
  return (
    <div className="card space-y-2" data-testid="job-progress" data-status={job.status}>
      <AutoRefresh active={active && !link} />
      <p className="font-semibold">
        {link ? (
          <Link href={`/admin/jobs/${job.id}`} className="link">
            {job.title}
          </Link>
        ) : (
          job.title
        )}
        <span className="ml-2 text-sm">（{JOB_STATUS_TEXT[job.status]}）</span>
      </p>
      <div className="h-4 w-full rounded bg-gray-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${job.title}进度`}>
        <div className={`h-4 rounded ${job.status === 'failed' ? 'bg-bad' : 'bg-brand'}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm" aria-live="polite">
        {job.status === 'queued' ? '排队中，等待工作进程处理…' : `已处理 ${job.done} / ${job.total}（${percent}%）${timeLeftText(left)}`}
      </p>
      {job.status === 'failed' && job.error ? (
        <p className="text-bad font-semibold" role="alert">
          失败原因：{job.error}
        </p>
      ) : null}
      <p className="text-sm text-muted">
        提交于 {formatDateTime(job.createdAt)}
        {job.finishedAt ? ` · 结束于 ${formatDateTime(job.finishedAt)}` : ''}
      </p>
    </div>
  );
}
