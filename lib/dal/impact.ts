import 'server-only';
// Impact of a drafted parameter value, run for an administrator and stored (impact_runs) so the page can show
// its progress and result. The recomputation itself is lib/office/impact.ts (person-year inputs), run by the job
// worker in the background (job kind `impact_preview`).
import { stringify } from 'csv-stringify/sync';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { categoryName, isRegionCode, type CategoryCode, type EpisodeInput, type RegionCode } from '@/lib/calculator';
import { staffParam } from '@/lib/calculator/params';
import { writeAudit } from '@/lib/dal/audit';
import { parametersForYear } from '@/lib/dal/parameters';
import type { SessionUser } from '@/lib/dal/users';
import { STAFF } from '@/lib/auth/roles';
import { computeImpact, type ImpactResult, type PersonYear } from '@/lib/office/impact';
import { openEpisode } from '@/lib/personal/records';
import { forbidden, notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { enqueue, payloadOf } from '@/lib/jobs/queue';
import { JobFailure, type JobContext } from '@/lib/jobs/runner';
import { fenToYuanInput } from '@/lib/format';

export type ImpactRun = typeof schema.impactRuns.$inferSelect & { result: ImpactResult | null };

/** Applications that count for a year's spending: submitted and not withdrawn, refused or sent elsewhere. */
const LIVE = ['submitted', 'accepted', 'in_review', 'needs_info', 'approved', 'paid'] as const;

const PAGE = 2_000;

/**
 * The region's applications of `year` as person-year inputs (episodes decrypted, categories as at submission), read
 * a page of applications at a time (keyset by reference) with their episodes and categories, so a province's year
 * never sits in memory at once and no query binds a list of ids. `total` is counted first, for progress.
 */
export async function applicationPersonYears(region: RegionCode, year: number): Promise<{ total: number; personYears: AsyncGenerator<PersonYear> }> {
  const a = schema.applications;
  const live = and(eq(a.region, region), eq(a.year, year), inArray(a.status, [...LIVE]));
  const [{ n } = { n: 0 }] = await q((db) => db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(a).where(live));
  return { total: n, personYears: pagesOf(region, year, live!) };
}

type AppKeys = { id: string; ref: string | null; personId: string | null };
type Page = { apps: AppKeys[]; range: SQL };

/**
 * Pages of the live applications: by reference (unique, and a region's references share their prefix, so a page is
 * a range of the ref index), then any without a reference by id. Each page comes with its range as a condition on
 * applications, so its visits and categories are read by joining that range (no query binds a list of ids).
 */
async function* appPages(live: SQL): AsyncGenerator<Page> {
  const a = schema.applications;
  for (const byId of [false, true]) {
    const key = byId ? a.id : a.ref;
    let after: string | null = null;
    for (;;) {
      const from = and(live, byId ? isNull(a.ref) : isNotNull(a.ref), after === null ? undefined : gt(key, after))!;
      const apps: AppKeys[] = await q((db) => db.select({ id: a.id, ref: a.ref, personId: a.personId }).from(a).where(from).orderBy(asc(key)).limit(PAGE));
      if (apps.length === 0) break;
      const last = byId ? apps.at(-1)!.id : apps.at(-1)!.ref!;
      yield { apps, range: and(from, lte(key, last))! };
      if (apps.length < PAGE) break;
      after = last;
    }
  }
}

async function* pagesOf(region: RegionCode, year: number, live: SQL): AsyncGenerator<PersonYear> {
  const a = schema.applications;
  const e = schema.episodes;
  const c = schema.personCategories;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for await (const { apps, range } of appPages(live)) {
    // Only the columns used: the rows' lookup hashes would be two more strings per visit, a million times over.
    const [episodes, cats] = await Promise.all([
      q((db) => db.select({ id: e.id, applicationId: e.applicationId, seq: e.seq, dataEnc: e.dataEnc }).from(e).innerJoin(a, eq(a.id, e.applicationId)).where(range).orderBy(asc(e.seq))),
      // The people of the page's applications as a subquery: a person with two applications in the page is asked for once.
      q((db) => db.select({ personId: c.personId, code: c.code, validFrom: c.validFrom, validTo: c.validTo }).from(c).where(and(eq(c.region, region), inArray(c.personId, db.select({ id: a.personId }).from(a).where(range))))),
    ]);
    const byApp = new Map<string, EpisodeInput[]>();
    for (const row of episodes) {
      const v = openEpisode(row);
      const ep: EpisodeInput = {
        id: `e${v.seq + 1}`, date: v.date, endDate: v.endDate ?? undefined, kind: v.kind, hospitalLevel: v.hospitalLevel as 1 | 2 | 3,
        specialDisease: v.specialDisease, referred: v.referred, location: v.location, offsiteFiled: v.offsiteFiled,
        totalFen: v.totalFen, policyFen: v.policyFen, basicPaidFen: v.basicPaidFen, criticalPaidFen: v.criticalPaidFen, supplementaryPaidFen: v.supplementaryPaidFen,
      };
      const list = byApp.get(row.applicationId);
      if (list) list.push(ep);
      else byApp.set(row.applicationId, [ep]);
    }
    // Grouped by person once: filtering every category row for every application is quadratic.
    const catsOf = new Map<string, typeof cats>();
    for (const r of cats) {
      const list = catsOf.get(r.personId);
      if (list) list.push(r);
      else catsOf.set(r.personId, [r]);
    }
    for (const app of apps) {
      const seen = new Set<string>();
      const categories = (app.personId ? (catsOf.get(app.personId) ?? []) : [])
        .filter((r) => r.validFrom <= end && (!r.validTo || r.validTo >= start))
        .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > start ? r.validFrom : undefined, to: r.validTo && r.validTo < end ? r.validTo : undefined }))
        .filter((x) => !seen.has(JSON.stringify(x)) && Boolean(seen.add(JSON.stringify(x))));
      yield { key: app.ref ?? app.id, source: 'application' as const, person: { categories }, episodes: byApp.get(app.id) ?? [] };
    }
  }
}

/**
 * Starts the recomputation of the year under the draft and under the value in force: a stored run (the page shows
 * its progress and result) and a job the worker picks up (lib/jobs), so a year of person-years never holds a
 * request open and any instance shows the same progress.
 */
export async function runImpact(actor: SessionUser, draft: { name: string; value: number; year: number }, meta: { ip?: string | null } = {}): Promise<Result<{ id: string; jobId: string }>> {
  if (actor.role !== 'admin') return forbidden('只有管理员可以预览参数变化的影响。');
  const region = actor.region ?? '';
  if (!isRegionCode(region)) return forbidden('您的账号没有分配地区。');
  const def = staffParam(region, draft.name);
  if (!def) return refuse('invalid', '这个参数不属于本地区的政策。', { name: '请从列表中选择本地区需要设定的参数' });
  const r = schema.impactRuns;
  return transaction(async (db) => {
    const [run] = await db.insert(r).values({ region, year: draft.year, name: draft.name, draftValue: draft.value, total: 0, createdBy: actor.id }).returning();
    const id = run!.id;
    const job = await enqueue({ kind: 'impact_preview', region, title: `参数变化预览：${draft.year} 年 ${def.descriptionZh.split('（')[0]}`, payload: { runId: id }, createdByUserId: actor.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'parameter.impact', entity: 'impact_run', entityId: id, ip: meta.ip, summary: { region, year: draft.year, name: draft.name, draftValue: draft.value, jobId: job.id } });
    return { ok: true as const, id, jobId: job.id };
  });
}

/** The worker's side (job kind `impact_preview`): loads the year's person-years and recomputes them with progress. */
export async function runImpactJob(ctx: JobContext): Promise<Record<string, unknown>> {
  const { runId } = payloadOf<{ runId: string }>(ctx.job);
  const r = schema.impactRuns;
  const [run] = await q((db) => db.select().from(r).where(eq(r.id, runId)));
  if (!run || !isRegionCode(run.region)) throw new JobFailure('这次预览的记录已不存在。');
  try {
    // Imported settlements of certified people became 免申即享 cases with their visits, so they are among these.
    const { total, personYears } = await applicationPersonYears(run.region, run.year);
    await q((db) => db.update(r).set({ total, done: 0 }).where(eq(r.id, runId)));
    await ctx.progress(0, total);
    const inForce = await parametersForYear(run.region, run.year);
    const result = await computeImpact({ region: run.region, year: run.year, name: run.name, draftValue: run.draftValue, inForce, personYears, total }, async (p) => {
      await q((db) => db.update(r).set({ done: p.done }).where(eq(r.id, runId)));
      await ctx.progress(p.done, total);
    });
    await q((db) => db.update(r).set({ status: 'done', done: result.personYears, result, finishedAt: new Date().toISOString() }).where(eq(r.id, runId)));
    return { runId, personYears: result.personYears, deltaFen: result.totals.deltaFen };
  } catch (error) {
    await q((db) => db.update(r).set({ status: 'failed', error: '重新计算时出错，请稍后再试。', finishedAt: new Date().toISOString() }).where(eq(r.id, runId)));
    throw error;
  }
}

function mayRead(actor: SessionUser, run: { region: string }): boolean {
  return STAFF.includes(actor.role) && actor.region === run.region;
}

/** The region's latest impact runs, newest first. */
export async function recentImpacts(actor: SessionUser, limit = 5): Promise<ImpactRun[]> {
  if (!actor.region || !STAFF.includes(actor.role)) return [];
  const r = schema.impactRuns;
  const rows = await q((db) => db.select().from(r).where(eq(r.region, actor.region!)).orderBy(desc(r.createdAt)).limit(limit));
  return rows.map((row) => ({ ...row, result: (row.result as ImpactResult | null) ?? null }));
}

export async function impactRun(actor: SessionUser, id: string): Promise<Result<{ run: ImpactRun }>> {
  const r = schema.impactRuns;
  const [row] = await q((db) => db.select().from(r).where(eq(r.id, id)));
  if (!row || !mayRead(actor, row)) return notFound();
  return { ok: true, run: { ...row, result: (row.result as ImpactResult | null) ?? null } };
}

const yuanCell = (fen: number) => fenToYuanInput(fen);

/** The run's tables as one CSV (totals, by category, by pool, largest changes), money in 元 with the fen exact. */
export function impactCsv(result: ImpactResult): string {
  const unit = staffParam(result.region, result.name)?.unit === 'percent' ? '%' : '元';
  const value = (v: number | null) => (v === null ? '未设定' : unit === '元' ? yuanCell(v) : String(v));
  const rows: string[][] = [
    ['表', '项目', '现行', '草稿', '变化', '人年数', '受影响人年'],
    ['参数', `${result.name}（${result.year} 年，单位 ${unit}）`, value(result.inForceValue), value(result.draftValue), '', '', ''],
    ['说明', '以下金额单位为元，精确到分', '', '', '', '', ''],
    ['合计', '救助金额（含倾斜救助）', yuanCell(result.totals.beforeFen), yuanCell(result.totals.afterFen), yuanCell(result.totals.deltaFen), String(result.personYears), String(result.affected)],
    ...result.byCategory.map((c) => ['按类别', c.category ? categoryName(c.category) : '无可计算身份', yuanCell(c.beforeFen), yuanCell(c.afterFen), yuanCell(c.afterFen - c.beforeFen), String(c.personYears), String(c.affected)]),
    ...result.byPool.map((p) => ['按资金池', p.nameZh, yuanCell(p.beforeFen), yuanCell(p.afterFen), yuanCell(p.afterFen - p.beforeFen), '', '']),
    ...result.largest.map((c) => ['最大变化', `${c.key}（${c.category ? categoryName(c.category) : '—'}）`, yuanCell(c.beforeFen), yuanCell(c.afterFen), yuanCell(c.deltaFen), '', '']),
  ];
  return stringify(rows, { bom: true, record_delimiter: 'windows' });
}
