import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimJob, enqueue, LostJob, reportProgress, retryJob, STALE_MS } from '@/lib/jobs/queue';
import { JobFailure, runNext } from '@/lib/jobs/runner';
import { q, schema } from '@/lib/store/db';
import { staff } from './fixtures';
import { testDialect } from '../helpers/test-db';

/** Every earlier job of the file out of the way (finished). */
const clearQueue = () => q((db) => db.update(schema.jobs).set({ status: 'done' }));
const jobRow = async (id: string) => (await q((db) => db.select().from(schema.jobs).where(eq(schema.jobs.id, id))))[0]!;

describe(`任务队列（${testDialect}）`, () => {
  it('二十个工作进程同时抢十个任务：每个任务只被一个进程拿到', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10; i++) ids.add((await enqueue({ kind: 'watchlist_refresh', region: 'claim-test', title: `t${i}` })).id);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, w) => claimJob(`worker-${w}`)));
    const got = claims.filter((c) => c !== null).map((c) => c!.id);
    // 10 jobs, 20 claimants: exactly 10 claims succeed, all different, and every job is running under its claimant.
    expect(got).toHaveLength(10);
    expect(new Set(got)).toEqual(ids);
    for (const c of claims.filter((x) => x !== null)) expect(await jobRow(c!.id)).toMatchObject({ status: 'running', lockedBy: c!.lockedBy, attempts: 1 });
    expect(await claimJob('late-worker')).toBeNull();
  });

  it('工作进程中断（心跳过期）后，任务被另一个进程重新领取；原进程不能再报告进度', async () => {
    await clearQueue();
    const job = await enqueue({ kind: 'watchlist_refresh', region: 'stale-test', title: 'stale' });
    const t0 = new Date('2030-01-01T00:00:00Z');
    const first = await claimJob('dead-worker', t0);
    expect(first?.id).toBe(job.id);
    expect(await claimJob('other', new Date(t0.getTime() + STALE_MS - 1000))).toBeNull();
    const again = await claimJob('other', new Date(t0.getTime() + STALE_MS + 1000));
    expect(again).toMatchObject({ id: job.id, lockedBy: 'other', attempts: 2 });
    await expect(reportProgress(job.id, 'dead-worker', 5)).rejects.toBeInstanceOf(LostJob);
    await reportProgress(job.id, 'other', 5, 10);
    expect(await jobRow(job.id)).toMatchObject({ done: 5, total: 10, lockedBy: 'other' });
  });

  it('失败的任务写明原因，可以重试；审计员不能重试，其他地区的任务查不到', async () => {
    const clerk = await staff('clerk', 'retry-region');
    const job = await enqueue({ kind: 'settlement_import', region: 'retry-region', title: 'fails', createdByUserId: clerk.id });
    await clearQueue();
    await q((db) => db.update(schema.jobs).set({ status: 'queued' }).where(eq(schema.jobs.id, job.id)));
    await runNext('w', { settlement_import: async () => { throw new JobFailure('第 7 行的身份证号不对'); } });
    expect(await jobRow(job.id)).toMatchObject({ status: 'failed', error: '第 7 行的身份证号不对' });
    expect(await retryJob(await staff('auditor', 'retry-region'), job.id)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await retryJob(await staff('clerk', 'wuxi'), job.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await retryJob(clerk, job.id)).toEqual({ ok: true });
    expect(await jobRow(job.id)).toMatchObject({ status: 'queued', error: null, attempts: 0 });
    expect(await retryJob(clerk, job.id)).toMatchObject({ ok: false, code: 'conflict' });
    await runNext('w', { settlement_import: async (ctx) => { await ctx.progress(3, 4); return { fine: true }; } });
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', done: 4, total: 4, result: { fine: true } });
  });
});
