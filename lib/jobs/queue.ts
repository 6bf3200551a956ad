import 'server-only';
// The job queue: long work (imports, recomputations, the nightly watch-list refresh) is a row in `jobs`, run
// by a worker process (scripts/worker.ts), so every instance's page shows the same progress and a job survives
// a restart. Claiming never lets two workers take one job:
// - PostgreSQL: `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`: a row another worker is
//   claiming is skipped, not waited for;
// - SQLite: a compare-and-set UPDATE on the status and heartbeat the worker read (one writer at a time).
// A running job's worker writes a heartbeat; a job whose heartbeat is older than STALE_MS (the worker died)
// is claimed again, at most MAX_ATTEMPTS times in all, then it fails with that reason.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { JobKind, JobStatus } from '@/db/schema-shared';
import { encryptJson, decryptJson } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { staffAreaWhere } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { notFound, refuse, type Result } from '@/lib/result';
import { dialect, q, rawRows, schema, transaction } from '@/lib/store/db';
import { STAFF } from '@/lib/auth/roles';

export type JobRow = typeof schema.jobs.$inferSelect;
export const STALE_MS = 60_000;
export const MAX_ATTEMPTS = 3;
export const JOB_STAFF = STAFF;

export const JOB_STATUS_TEXT: Record<JobStatus, string> = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' };
export const JOB_KIND_TEXT: Record<JobKind, string> = { settlement_import: '导入结算记录（免申即享）', watchlist_refresh: '刷新因病致贫预警名单', impact_preview: '参数变化影响预览（重新计算全年）', retention: '按保存期限删除过期数据' };

export type EnqueueInput = { kind: JobKind; region: string; title: string; payload?: unknown; total?: number; dedupeKey?: string; createdByUserId?: string | null };

/** Adds a job (in the caller's transaction when there is one). With a `dedupeKey` already used, returns that job. */
export async function enqueue(input: EnqueueInput, now = new Date()): Promise<JobRow> {
  const j = schema.jobs;
  const values = {
    kind: input.kind, region: input.region, title: input.title, total: input.total ?? 0, dedupeKey: input.dedupeKey ?? null,
    payloadEnc: input.payload === undefined ? null : encryptJson(input.payload), createdByUserId: input.createdByUserId ?? null,
    createdAt: now.toISOString(), updatedAt: now.toISOString(),
  };
  const [row] = await q((db) => db.insert(j).values(values).onConflictDoNothing({ target: j.dedupeKey }).returning());
  if (row) return row;
  const [existing] = await q((db) => db.select().from(j).where(eq(j.dedupeKey, input.dedupeKey!)));
  return existing!;
}

export function payloadOf<T>(job: JobRow): T {
  return decryptJson<T>(job.payloadEnc!);
}

/** Claims the oldest job that is queued or whose worker stopped answering; null when there is none. */
export async function claimJob(workerId: string, now = new Date()): Promise<JobRow | null> {
  const j = schema.jobs;
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MS).toISOString();
  if (dialect() === 'postgres') {
    const rows = await rawRows<{ id: string }>(sql`
      update jobs set status = 'running', locked_by = ${workerId}, heartbeat_at = ${at}, started_at = coalesce(started_at, ${at}),
        attempts = attempts + 1, updated_at = ${at}
      where id = (
        select id from jobs where status = 'queued' or (status = 'running' and heartbeat_at < ${stale})
        order by created_at, id limit 1 for update skip locked)
      returning id`);
    if (!rows[0]) return null;
    const [row] = await q((db) => db.select().from(j).where(eq(j.id, rows[0]!.id)));
    return row ?? null;
  }
  for (let round = 0; round < 5; round++) {
    const candidates = await q((db) =>
      db
        .select({ id: j.id, status: j.status, heartbeatAt: j.heartbeatAt })
        .from(j)
        .where(or(eq(j.status, 'queued'), and(eq(j.status, 'running'), lt(j.heartbeatAt, stale))))
        .orderBy(j.createdAt, j.id)
        .limit(5),
    );
    if (candidates.length === 0) return null;
    for (const c of candidates) {
      // Compare-and-set: only the worker whose UPDATE still sees the status and heartbeat it read gets the job.
      const [row] = await q((db) =>
        db
          .update(j)
          .set({ status: 'running', lockedBy: workerId, heartbeatAt: at, startedAt: sql`coalesce(${j.startedAt}, ${at})`, attempts: sql`${j.attempts} + 1`, updatedAt: at })
          .where(and(eq(j.id, c.id), eq(j.status, c.status), c.heartbeatAt === null ? isNull(j.heartbeatAt) : eq(j.heartbeatAt, c.heartbeatAt)))
          .returning(),
      );
      if (row) return row;
    }
  }
  return null;
}

/** The job was taken over (its heartbeat went stale and another worker claimed it): this worker must stop. */
export class LostJob extends Error {
  constructor(id: string) {
    super(`job ${id} is no longer held by this worker`);
  }
}

/** Progress and heartbeat in one write, only while this worker still holds the job. */
export async function reportProgress(jobId: string, workerId: string, done: number, total?: number, now = new Date()): Promise<void> {
  const j = schema.jobs;
  const rows = await q((db) =>
    db
      .update(j)
      .set({ done, ...(total === undefined ? {} : { total }), heartbeatAt: now.toISOString(), updatedAt: now.toISOString() })
      .where(and(eq(j.id, jobId), eq(j.lockedBy, workerId), eq(j.status, 'running')))
      .returning({ id: j.id }),
  );
  if (rows.length === 0) throw new LostJob(jobId);
}

export async function finishJob(jobId: string, workerId: string, result: Record<string, unknown>, now = new Date()): Promise<boolean> {
  const j = schema.jobs;
  const rows = await q((db) =>
    db
      .update(j)
      .set({ status: 'done', result, error: null, finishedAt: now.toISOString(), updatedAt: now.toISOString(), heartbeatAt: null, done: sql`${j.total}` })
      .where(and(eq(j.id, jobId), eq(j.lockedBy, workerId), eq(j.status, 'running')))
      .returning({ id: j.id }),
  );
  return rows.length > 0;
}

/** Ends the job as failed with the reason in plain words (shown on its page), so staff can retry it. */
export async function failJob(jobId: string, workerId: string | null, reason: string, now = new Date()): Promise<boolean> {
  const j = schema.jobs;
  const rows = await q((db) =>
    db
      .update(j)
      .set({ status: 'failed', error: reason.slice(0, 2000), finishedAt: now.toISOString(), updatedAt: now.toISOString(), heartbeatAt: null })
      .where(and(eq(j.id, jobId), eq(j.status, 'running'), workerId === null ? sql`true` : eq(j.lockedBy, workerId)))
      .returning({ id: j.id }),
  );
  return rows.length > 0;
}

// A job's area is its region and the district of the staff member who started it: staff of a district see
// the jobs their district started, region staff every job of the region (a nightly job has no district).
const creator = schema.users;

async function jobInArea(actor: SessionUser, id: string) {
  if (!(JOB_STAFF as readonly string[]).includes(actor.role) || !actor.region) return null;
  const j = schema.jobs;
  const [row] = await q((db) => db.select({ job: j }).from(j).leftJoin(creator, eq(creator.id, j.createdByUserId)).where(and(eq(j.id, id), staffAreaWhere(actor, j.region, creator.district))));
  return row?.job ?? null;
}

/** A job of the actor's area (another region's or district's job is "not found"); viewing it is audited. */
export async function jobFor(actor: SessionUser, id: string): Promise<Result<{ job: Omit<JobRow, 'payloadEnc'> }>> {
  const row = await jobInArea(actor, id);
  if (!row) return notFound();
  return transaction(async () => {
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'job.view', entity: 'job', entityId: row.id, summary: { kind: row.kind, status: row.status } });
    const { payloadEnc: _payload, ...job } = row;
    void _payload;
    return { ok: true as const, job };
  });
}

/** The area's recent jobs of some kinds, newest first (lists on the import and watch-list pages). */
export async function recentJobs(actor: SessionUser, kinds: JobKind[], limit = 10) {
  if (!actor.region || !(JOB_STAFF as readonly string[]).includes(actor.role)) return [];
  const j = schema.jobs;
  return transaction(async (db) => {
    const rows = await db
      .select({ id: j.id, kind: j.kind, title: j.title, status: j.status, done: j.done, total: j.total, error: j.error, createdAt: j.createdAt, startedAt: j.startedAt, finishedAt: j.finishedAt, result: j.result })
      .from(j)
      .leftJoin(creator, eq(creator.id, j.createdByUserId))
      .where(and(staffAreaWhere(actor, j.region, creator.district), inArray(j.kind, kinds)))
      .orderBy(desc(j.createdAt))
      .limit(limit);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'job.list', entity: 'job', summary: { kinds, count: rows.length } });
    return rows;
  });
}

/** A failed job back in the queue (auditors only look). The attempts start again. */
export async function retryJob(actor: SessionUser, id: string, ctx: { ip?: string | null; now?: Date } = {}): Promise<Result> {
  if (actor.role === 'auditor') return refuse('forbidden', '审计员只能查看，不能重试任务。');
  const now = (ctx.now ?? new Date()).toISOString();
  const j = schema.jobs;
  return transaction(async (db) => {
    if (!(await jobInArea(actor, id))) return notFound();
    const moved = await db
      .update(j)
      .set({ status: 'queued', error: null, attempts: 0, lockedBy: null, heartbeatAt: null, finishedAt: null, done: 0, updatedAt: now })
      .where(and(eq(j.id, id), eq(j.status, 'failed')))
      .returning({ id: j.id });
    if (moved.length === 0) return refuse('conflict', '只有失败的任务可以重试；这个任务正在进行或已经完成。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'job.retry', entity: 'job', entityId: id, ip: ctx.ip, summary: { before: { status: 'failed' }, after: { status: 'queued' } } });
    return { ok: true };
  });
}

/** Time left, from the rate so far (null until there is a rate). */
export function secondsLeft(job: Pick<JobRow, 'done' | 'total' | 'startedAt' | 'status'>, now = new Date()): number | null {
  if (job.status !== 'running' || !job.startedAt || job.done <= 0 || job.total <= job.done) return null;
  const elapsed = (now.getTime() - new Date(job.startedAt).getTime()) / 1000;
  return Math.max(1, Math.round((elapsed / job.done) * (job.total - job.done)));
}
