import 'server-only';
// The retention job (《个人信息保护法》第十九条: kept no longer than the purpose needs; 第四十七条(一) deleted
// once the period is over). Per region, nightly from the worker: drafts (and their uploads) 180 days after
// their last change, the leftovers of /check → /apply handovers as long, upload rows that belong to nothing,
// and, once for all regions, sign-in codes and rate-limit windows that have expired. Idempotent: a second run
// finds nothing more to delete. The audit row lists counts and row ids, never what they held.
// Decided assistance records are kept for the region's period (`recordRetentionYears`, demo 30 years); the
// job counts those past it for the office's archive procedure and deletes none of them.
import { and, eq, inArray, isNull, lt, notInArray, or } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { writeAudit } from '@/lib/dal/audit';
import { enqueue } from '@/lib/jobs/queue';
import type { JobContext } from '@/lib/jobs/runner';
import { deleteIfUnreferenced } from '@/lib/store/files';
import { DRAFT_RETENTION_DAYS } from '@/lib/texts/privacy-notice';

const DAY = 86_400_000;
/** An upload row older than this that belongs to no application and no authority is a leftover. */
const ORPHAN_GRACE_MS = DAY;
/** Rate-limit windows are at most a day long (lib/dal/rate-limit.ts callers); older rows count nothing. */
const RATE_WINDOW_KEEP_MS = 2 * DAY;
export const DEFAULT_RECORD_RETENTION_YEARS = 30;

export type RetentionOutcome = {
  draftCutoff: string;
  drafts: number;
  draftDocuments: number;
  prefills: number;
  orphanDocuments: number;
  files: number;
  codes: number;
  rateLimits: number;
  retentionYears: number;
  retentionDemo: boolean;
  decidedPastPeriod: number;
};

/** The region's period for decided records, from its settings (missing = the demo default, said as such). */
export async function recordRetention(region: string): Promise<{ years: number; demo: boolean; source: string }> {
  const rs = schema.regionSettings;
  const [row] = await q((db) => db.select().from(rs).where(and(eq(rs.region, region), eq(rs.key, 'recordRetentionYears'))));
  const years = Number(row?.value);
  if (row && Number.isInteger(years) && years > 0) return { years, demo: row.demo, source: row.source };
  return { years: DEFAULT_RECORD_RETENTION_YEARS, demo: true, source: '演示数据：未设定时按 30 年' };
}

export async function runRetention(ctx: JobContext, now = new Date()): Promise<RetentionOutcome> {
  const region = ctx.job.region;
  const draftCutoff = new Date(now.getTime() - DRAFT_RETENTION_DAYS * DAY).toISOString();
  const t = schema.applications;
  const d = schema.documents;
  const removedHashes: string[] = [];
  const out = await transaction(async (db) => {
    const drafts = (await db.select({ id: t.id }).from(t).where(and(eq(t.region, region), eq(t.status, 'draft'), lt(t.updatedAt, draftCutoff)))).map((r) => r.id);
    let draftDocuments = 0;
    if (drafts.length) {
      const docs = await db.select({ id: d.id, sha256: d.sha256 }).from(d).where(inArray(d.applicationId, drafts));
      removedHashes.push(...docs.map((x) => x.sha256));
      draftDocuments = docs.length;
      await db.delete(d).where(inArray(d.applicationId, drafts));
      // Compare-and-set on the status and the age: a draft saved or submitted meanwhile is left alone.
      await db.delete(t).where(and(inArray(t.id, drafts), eq(t.status, 'draft'), lt(t.updatedAt, draftCutoff)));
    }
    const pf = schema.prefills;
    const prefills = (await db.delete(pf).where(lt(pf.updatedAt, draftCutoff)).returning({ userId: pf.userId })).length;
    // Uploads attached to nothing (no application, no authority), or to an application that no longer exists.
    const graceCutoff = new Date(now.getTime() - ORPHAN_GRACE_MS).toISOString();
    const live = db.select({ id: t.id }).from(t);
    const orphans = await db
      .select({ id: d.id, sha256: d.sha256 })
      .from(d)
      .where(and(lt(d.createdAt, graceCutoff), isNull(d.authorityId), or(isNull(d.applicationId), notInArray(d.applicationId, live))));
    if (orphans.length) {
      removedHashes.push(...orphans.map((x) => x.sha256));
      await db.delete(d).where(inArray(d.id, orphans.map((x) => x.id)));
    }
    // Expired sign-in codes and stale rate-limit windows: one sweep for all regions (harmless to repeat).
    const o = schema.otpCodes;
    const codes = (await db.delete(o).where(lt(o.expiresAt, now.toISOString())).returning({ id: o.id })).length;
    const rl = schema.rateLimits;
    const rateLimits = (await db.delete(rl).where(lt(rl.windowStart, now.getTime() - RATE_WINDOW_KEEP_MS)).returning({ key: rl.key })).length;
    const period = await recordRetention(region);
    const recordCutoff = new Date(now);
    recordCutoff.setUTCFullYear(recordCutoff.getUTCFullYear() - period.years);
    const past = await db.select({ id: t.id }).from(t).where(and(eq(t.region, region), inArray(t.status, ['approved', 'paid', 'rejected', 'withdrawn', 'transferred']), lt(t.decidedAt, recordCutoff.toISOString())));
    const result: RetentionOutcome = {
      draftCutoff, drafts: drafts.length, draftDocuments, prefills, orphanDocuments: orphans.length, files: 0, codes, rateLimits,
      retentionYears: period.years, retentionDemo: period.demo, decidedPastPeriod: past.length,
    };
    // What was deleted (kinds, counts, ids), never its content.
    await writeAudit({ actorUserId: null, actorRole: 'system', action: 'retention.delete', entity: 'job', entityId: ctx.job.id, summary: { region, ...result, draftIds: drafts } });
    return result;
  });
  out.files = await deleteIfUnreferenced(removedHashes);
  await ctx.progress(1, 1);
  return out;
}

/** The nightly run of every region (the worker calls this; the key makes it once a day however many workers run). */
export async function enqueueNightlyRetention(regions: readonly string[], today: string): Promise<void> {
  for (const region of regions) await enqueue({ kind: 'retention', region, title: `按保存期限删除过期数据（${today}）`, total: 1, dedupeKey: `retention-nightly:${region}:${today}` });
}

/** Queues one run for a region now (the e2e support script and an operator's manual run). */
export async function enqueueRetention(region: string, now = new Date()) {
  return enqueue({ kind: 'retention', region, title: '按保存期限删除过期数据', total: 1, dedupeKey: `retention:${region}:${now.toISOString()}` }, now);
}
