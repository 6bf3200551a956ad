import 'server-only';
// One step of a worker: claim a job, run its handler with a heartbeat, record the outcome. A handler reports
// progress through `ctx.progress`; throwing `JobFailure` fails the job with that message (shown to staff as
// the reason), anything else fails it with the error's message. A job taken over by another worker (its
// heartbeat went stale) is left alone: that worker now owns it.
import { claimJob, failJob, finishJob, LostJob, MAX_ATTEMPTS, reportProgress, STALE_MS, type JobRow } from '@/lib/jobs/queue';
import type { JobKind } from '@/db/schema-shared';
import { log } from '@/lib/observe/log';

export type JobContext = { job: JobRow; workerId: string; progress: (done: number, total?: number) => Promise<void> };
export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;
export type Handlers = Partial<Record<JobKind, JobHandler>>;

/** A reason for staff, in plain words: the job fails with exactly this message. */
export class JobFailure extends Error {}

export async function runNext(workerId: string, handlers: Handlers, opts: { heartbeatMs?: number } = {}): Promise<JobRow | null> {
  const job = await claimJob(workerId);
  if (!job) return null;
  if (job.attempts > MAX_ATTEMPTS) {
    await failJob(job.id, workerId, `处理这个任务的工作进程已中断 ${MAX_ATTEMPTS} 次，任务已停止。请检查文件或数据后点“重试”。`);
    return job;
  }
  const handler = handlers[job.kind];
  if (!handler) {
    await failJob(job.id, workerId, `这个工作进程不认识任务类型“${job.kind}”。`);
    return job;
  }
  let last = { done: job.done, total: job.total as number | undefined };
  let lost = false;
  const beat = setInterval(() => {
    reportProgress(job.id, workerId, last.done, last.total).catch((e) => {
      if (e instanceof LostJob) lost = true;
    });
  }, opts.heartbeatMs ?? STALE_MS / 4);
  try {
    const result = await handler({
      job,
      workerId,
      progress: async (done, total) => {
        if (lost) throw new LostJob(job.id);
        last = { done, total: total ?? last.total };
        await reportProgress(job.id, workerId, done, total);
      },
    });
    await finishJob(job.id, workerId, result);
  } catch (error) {
    if (error instanceof LostJob) return job;
    const reason = error instanceof JobFailure ? error.message : `任务出错：${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof JobFailure)) log('error', 'job failed', { jobId: job.id, kind: job.kind, error });
    await failJob(job.id, workerId, reason);
  } finally {
    clearInterval(beat);
  }
  return job;
}
