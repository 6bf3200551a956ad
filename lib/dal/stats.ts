import 'server-only';
import { WATCH_STATUS_TEXT } from '@/lib/dal/watchlist';
// Statistics of a region for a period, for every staff member of the region: applications by status, days to a
// decision, approval rate, assistance paid by category and pool, the share of hospital bills left to the patient
// (001 四(七): 县域内住院 policy-range cost left to the patient at most 10%), and the watch list. Each table is
// also its CSV (same rows, money in 元 exact to the fen).
import { stringify } from 'csv-stringify/sync';
import { and, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_STATUSES, WATCHLIST_STATUSES } from '@/db/schema-shared';
import { categoryName, isCategoryCode, isRegionCode, type EstimateResult, type RegionCode } from '@/lib/calculator';
import { STAFF } from '@/lib/auth/roles';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { staffAreaWhere } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { poolNameZh } from '@/lib/office/impact';
import { fenToYuanInput, formatMoney } from '@/lib/format';
import { openEpisode } from '@/lib/personal/records';
import { notFound, refuse, type Result } from '@/lib/result';
import { dialect, q, rawRows, schema, transaction } from '@/lib/store/db';
import { STATUS_TEXT } from '@/lib/workflow/states';

export type Period = { from: string; to: string };
/** A cell: text, or money in fen (the page shows ¥, the CSV 元 exact to the fen). */
export type Cell = string | { fen: number };
export type StatTable = { key: string; title: string; columns: string[]; rows: Cell[][]; chart?: { label: string; value: number; display: string }[] };
export type RegionStats = {
  region: RegionCode;
  period: Period;
  submitted: number;
  decided: number;
  medianDays: number | null;
  approvalRate: number | null;
  paidFen: number;
  billShare: { stays: number; policyFen: number; leftFen: number; overTarget: number };
  tables: StatTable[];
};

export const TABLE_KEYS = ['status', 'decisions', 'paid-category', 'paid-pool', 'bills', 'watchlist'] as const;
const WATCH_TEXT: Record<(typeof WATCHLIST_STATUSES)[number], string> = WATCH_STATUS_TEXT;
const yuan = (fen: number): Cell => ({ fen });
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const DAY = 86_400_000;

/** The median of a list (mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Period bounds as ISO times: the whole first and last day in Asia/Shanghai (UTC+8, no daylight saving). */
function bounds(p: Period): { start: string; end: string } {
  return { start: new Date(`${p.from}T00:00:00+08:00`).toISOString(), end: new Date(`${p.to}T23:59:59.999+08:00`).toISOString() };
}

const DECIDED = ['approved', 'paid', 'rejected'] as const;
const FILL_BATCH = 500;

/**
 * 001 四(七) bill figures of the applications of the area and period not yet worked out (bill_stays NULL): the local
 * inpatient stays with a policy-range cost, that cost, what the estimate snapshot leaves to the patient after
 * insurance and assistance, and how many stays are over 10%. They need the encrypted visits, so the application
 * works them out (once: a trigger sets them NULL again when the snapshot or an episode changes) and the triggers
 * add them to application_stats_daily. On PostgreSQL the rows are locked first, so an episode changed meanwhile
 * waits and then clears the figures again.
 */
async function fillBillFigures(area: SQL, start: string, end: string): Promise<void> {
  const a = schema.applications;
  const pendingWhere = and(area, ne(a.status, 'draft'), isNull(a.billStays), gte(a.submittedAt, start), lte(a.submittedAt, end));
  for (;;) {
    const more = await transaction(async (tx) => {
      const ids = (await tx.select({ id: a.id }).from(a).where(pendingWhere).limit(FILL_BATCH)).map((r) => r.id);
      if (ids.length === 0) return false;
      if (dialect() === 'postgres') await rawRows(sql`select id from applications where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) for update`);
      const apps = await tx.select({ id: a.id, snapshot: a.estimateSnapshot }).from(a).where(and(inArray(a.id, ids), isNull(a.billStays)));
      const withSnapshot = apps.filter((x) => x.snapshot).map((x) => x.id);
      const episodes = withSnapshot.length ? await tx.select().from(schema.episodes).where(inArray(schema.episodes.applicationId, withSnapshot)) : [];
      const bills = new Map(apps.map((x) => [x.id, { billStays: 0, billPolicyFen: 0, billLeftFen: 0, billOverTarget: 0, result: (x.snapshot as { result?: EstimateResult } | null)?.result }]));
      for (const row of episodes) {
        const v = openEpisode(row);
        if (v.kind !== 'inpatient' || v.location !== 'local' || v.policyFen <= 0) continue;
        const b = bills.get(row.applicationId)!;
        const ep = b.result?.episodes[v.seq];
        if (!ep) continue;
        const left = Math.max(0, ep.selfPayPolicyFen - ep.assistanceFen - ep.tiltFen);
        b.billStays++;
        b.billPolicyFen += v.policyFen;
        b.billLeftFen += left;
        if (left * 10 > v.policyFen) b.billOverTarget++;
      }
      for (const [id, { result: _result, ...figures }] of bills) await tx.update(a).set(figures).where(and(eq(a.id, id), isNull(a.billStays)));
      return ids.length === FILL_BATCH;
    });
    if (!more) return;
  }
}

/**
 * The median time from submission to decision, in ms: the daily rollup says how many decisions fall in each whole
 * day, so only the one or two days holding the middle are read from applications (in order of decision_ms, on an
 * index), never the period's applications.
 */
async function medianDecisionMs(area: SQL, start: string, end: string, buckets: { day: number; n: number }[]): Promise<number | null> {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const a = schema.applications;
  const at = async (rank: number): Promise<number> => {
    let before = 0;
    for (const b of buckets) {
      if (rank < before + b.n) {
        // decision_day −1 holds every negative duration (decided before submitted), d ≥ 0 holds [d, d + 1) days.
        const range = b.day < 0 ? lt(a.decisionMs, 0) : and(gte(a.decisionMs, b.day * DAY), lt(a.decisionMs, (b.day + 1) * DAY));
        const [row] = await q((db) =>
          db.select({ ms: a.decisionMs }).from(a).where(and(area, inArray(a.status, [...DECIDED]), range, gte(a.submittedAt, start), lte(a.submittedAt, end))).orderBy(a.decisionMs).limit(1).offset(rank - before),
        );
        return Number(row?.ms ?? NaN);
      }
      before += b.n;
    }
    return NaN;
  };
  const mid = Math.floor(total / 2);
  const value = total % 2 ? await at(mid) : ((await at(mid - 1)) + (await at(mid))) / 2;
  return Number.isFinite(value) ? value : null;
}

type RollupRow = { status: (typeof APPLICATION_STATUSES)[number]; decisionDay: number; n: number; billStays: number; billPolicyFen: number; billLeftFen: number; billOverTarget: number };

/** The whole months inside a period ('YYYY-MM', first and last), or null when it holds none. */
export function wholeMonths(p: Period): { first: string; last: string } | null {
  const [fy, fm, fd] = p.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = p.to.split('-').map(Number) as [number, number, number];
  const month = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 7);
  const first = fd === 1 ? month(fy, fm) : month(fy, fm + 1);
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const last = td === lastDay ? month(ty, tm) : month(ty, tm - 1);
  return first <= last ? { first, last } : null;
}

/** The period's rollup grouped by status and day of decision: whole months from the monthly rows, the rest by day. */
async function rollupOf(actor: SessionUser, period: Period): Promise<RollupRow[]> {
  const d = schema.applicationStatsDaily;
  const m = schema.applicationStatsMonthly;
  const sum = (c: SQLiteColumn) => sql<number>`coalesce(sum(${c}), 0)`.mapWith(Number);
  const figures = (t: typeof d | typeof m) => ({ status: t.status, decisionDay: t.decisionDay, n: sum(t.n), billStays: sum(t.billStays), billPolicyFen: sum(t.billPolicyFen), billLeftFen: sum(t.billLeftFen), billOverTarget: sum(t.billOverTarget) });
  const months = wholeMonths(period);
  const days = months
    ? or(and(gte(d.day, period.from), lt(d.day, `${months.first}-01`)), and(gt(d.day, `${months.last}-31`), lte(d.day, period.to)))
    : and(gte(d.day, period.from), lte(d.day, period.to));
  const parts = await Promise.all([
    q((db) => db.select(figures(d)).from(d).where(and(staffAreaWhere(actor, d.region, d.district), days)).groupBy(d.status, d.decisionDay)),
    months ? q((db) => db.select(figures(m)).from(m).where(and(staffAreaWhere(actor, m.region, m.district), gte(m.month, months.first), lte(m.month, months.last))).groupBy(m.status, m.decisionDay)) : Promise.resolve([]),
  ]);
  const merged = new Map<string, RollupRow>();
  for (const r of parts.flat()) {
    const key = `${r.status}|${r.decisionDay}`;
    const cur = merged.get(key);
    if (!cur) merged.set(key, { ...r });
    else for (const k of ['n', 'billStays', 'billPolicyFen', 'billLeftFen', 'billOverTarget'] as const) cur[k] += r[k];
  }
  return [...merged.values()].sort((x, y) => x.decisionDay - y.decisionDay);
}

export async function regionStats(actor: SessionUser, region: string, period: Period): Promise<Result<{ stats: RegionStats }>> {
  if (!STAFF.includes(actor.role) || actor.region !== region || !isRegionCode(region)) return notFound();
  if (period.to < period.from) return refuse('invalid', '结束日期早于开始日期。', { to: '结束日期不能早于开始日期' });
  const { start, end } = bounds(period);
  const a = schema.applications;
  // District staff see their district's cases only, as in the queue (the one staff-area rule of lib/dal/access.ts).
  await fillBillFigures(staffAreaWhere(actor, a.region, a.district), start, end);

  // Everything about applications comes from the rollups: the period's whole months from the monthly one, the days
  // before and after them from the daily one (per region, Asia/Shanghai submission day or month, district, status
  // and whole day of decision). Applications without a district are kept as ''.
  const rollup = await rollupOf(actor, period);
  const submitted = rollup.reduce((s, r) => s + r.n, 0);

  // Applications by status.
  const byStatus = new Map<string, number>();
  for (const r of rollup) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
  const statusRows = APPLICATION_STATUSES.filter((s) => s !== 'draft' && byStatus.get(s)).map((s) => ({ label: STATUS_TEXT[s].label, value: byStatus.get(s)! }));

  // Decisions: approved (and then paid) or rejected, with a decision time; days from submission to the decision.
  const decisions = rollup.filter((r) => r.decisionDay !== -2 && (DECIDED as readonly string[]).includes(r.status));
  const decided = decisions.reduce((s, r) => s + r.n, 0);
  const approved = decisions.filter((r) => r.status !== 'rejected').reduce((s, r) => s + r.n, 0);
  const buckets = new Map<number, number>();
  for (const r of decisions) buckets.set(r.decisionDay, (buckets.get(r.decisionDay) ?? 0) + r.n);
  const ms = await medianDecisionMs(staffAreaWhere(actor, a.region, a.district), start, end, [...buckets].sort((x, y) => x[0] - y[0]).map(([day, n]) => ({ day, n })).filter((b) => b.n > 0));
  const medianDays = ms === null ? null : ms / DAY;
  const approvalRate = decided ? approved / decided : null;

  // Assistance paid in the period (ledger payment rows, kept by day, district, category and pool by triggers), by
  // category of the application and by pool: the amount and the number of payments.
  const ps = schema.paymentStatsDaily;
  const paid = await q((db) =>
    db
      .select({ pool: ps.pool, category: ps.category, fen: sql<number>`coalesce(sum(${ps.amountFen}), 0)`.mapWith(Number), n: sql<number>`coalesce(sum(${ps.n}), 0)`.mapWith(Number) })
      .from(ps)
      .where(and(staffAreaWhere(actor, ps.region, ps.district), gte(ps.day, period.from), lte(ps.day, period.to)))
      .groupBy(ps.pool, ps.category),
  );
  const sumBy = (key: 'pool' | 'category') => {
    const m = new Map<string, { fen: number; n: number }>();
    for (const r of paid) {
      const k = r[key] ?? '';
      const cur = m.get(k) ?? { fen: 0, n: 0 };
      m.set(k, { fen: cur.fen + r.fen, n: cur.n + r.n });
    }
    return [...m.entries()].sort((x, y) => y[1].fen - x[1].fen);
  };
  const paidFen = paid.reduce((s, r) => s + r.fen, 0);
  const catLabel = (c: string) => (c && isCategoryCode(c) ? categoryName(c) : '未注明');

  // 001 四(七): local hospital stays, policy-range cost left to the patient after insurance and assistance.
  const bill = { stays: 0, policyFen: 0, leftFen: 0, overTarget: 0 };
  for (const r of rollup) {
    bill.stays += r.billStays;
    bill.policyFen += r.billPolicyFen;
    bill.leftFen += r.billLeftFen;
    bill.overTarget += r.billOverTarget;
  }

  // The watch list of the region (people flagged by the early-warning rule), by status.
  const w = schema.watchlist;
  const watch = await q((db) => db.select({ status: w.status, n: sql<number>`count(*)`.mapWith(Number) }).from(w).where(eq(w.region, region)).groupBy(w.status));

  const tables: StatTable[] = [
    {
      key: 'status', title: '申请按状态', columns: ['状态', '件数'],
      rows: statusRows.map((r) => [r.label, String(r.value)]),
      chart: statusRows.map((r) => ({ label: r.label, value: r.value, display: `${r.value} 件` })),
    },
    {
      key: 'decisions', title: '办理时长与批准率', columns: ['项目', '数值'],
      rows: [
        ['已作出决定（件）', String(decided)],
        ['其中批准（件）', String(approved)],
        ['其中不予救助（件）', String(decided - approved)],
        ['批准率', pct(approvalRate)],
        ['从提交到决定的天数（中位数）', medianDays === null ? '—' : medianDays.toFixed(1)],
      ],
    },
    {
      key: 'paid-category', title: '已发放救助金按救助类别', columns: ['救助类别', '发放笔数', '金额（元）'],
      rows: sumBy('category').map(([k, v]) => [catLabel(k), String(v.n), yuan(v.fen)]),
      chart: sumBy('category').map(([k, v]) => ({ label: catLabel(k), value: v.fen, display: formatMoney(v.fen) })),
    },
    {
      key: 'paid-pool', title: '已发放救助金按资金池', columns: ['资金池', '发放笔数', '金额（元）'],
      rows: sumBy('pool').map(([k, v]) => [poolNameZh(region, k), String(v.n), yuan(v.fen)]),
      chart: sumBy('pool').map(([k, v]) => ({ label: poolNameZh(region, k), value: v.fen, display: formatMoney(v.fen) })),
    },
    {
      key: 'bills', title: '本地住院政策范围内费用个人负担比例（目标不超过 10%）', columns: ['项目', '数值'],
      rows: [
        ['本地住院（次）', String(bill.stays)],
        ['政策范围内费用（元）', yuan(bill.policyFen)],
        ['医保和救助后个人负担（元）', yuan(bill.leftFen)],
        ['个人负担比例', pct(bill.policyFen ? bill.leftFen / bill.policyFen : null)],
        ['超过 10% 的住院（次）', String(bill.overTarget)],
      ],
    },
    {
      key: 'watchlist', title: '预警名单', columns: ['状态', '人数'],
      rows: WATCHLIST_STATUSES.map((s) => [WATCH_TEXT[s], String(watch.find((x) => x.status === s)?.n ?? 0)]),
      chart: WATCHLIST_STATUSES.map((s) => {
        const n = watch.find((x) => x.status === s)?.n ?? 0;
        return { label: WATCH_TEXT[s], value: n, display: `${n} 人` };
      }),
    },
  ];
  return {
    ok: true,
    stats: { region, period, submitted, decided, medianDays, approvalRate, paidFen, billShare: bill, tables },
  };
}

/** One table as CSV (with a first line naming the region and period). */
export function statsCsv(stats: RegionStats, key: string): string | null {
  const t = stats.tables.find((x) => x.key === key);
  if (!t) return null;
  const rows = t.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : fenToYuanInput(c.fen))));
  return stringify([[`${t.title}（${stats.region}，${stats.period.from} 至 ${stats.period.to}）`], t.columns, ...rows], { bom: true, record_delimiter: 'windows' });
}
