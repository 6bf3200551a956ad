import 'server-only';
// The payments ledger: one row per approval, payment, failure or correction, NEVER edited in place
// (a correction is an `adjustment` row pointing at the row it corrects). What an application is owed,
// what reached the bank account and whether a retry is due are all derived from its rows (`deriveState`).
// The `status` column is kept for older readers and describes the row itself when it was written
// (approval/adjustment 'pending', payment 'paid', failure 'failed'); nothing reads it to decide.
//
// Annual pool limits (the calculator's: a region's fixed table or a staff-set parameter, per category where the
// document lets staff set one, 000 二(二)4) are checked inside the approval's transaction. Two reviewers approving
// for the same person-year at the same moment are serialised by a per-person-year counter row (`counters`,
// name `ledger:<person>:<year>`): the upsert takes that row's lock on PostgreSQL (READ COMMITTED) until the
// transaction ends, so the second approval's sum is read after the first has committed; on SQLite every
// transaction already runs alone (BEGIN IMMEDIATE behind the store's lock). The same code runs on both.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppRow } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { parametersForYear } from '@/lib/dal/parameters';
import { isRegionCode, type CategoryCode, type EstimateResult, type ParamSet, type RegionCode } from '@/lib/calculator';
import { rowAt, paramValue } from '@/lib/calculator/params';
import { SPECS } from '@/lib/calculator/regions';
import { formatMoney } from '@/lib/format';
import { refuse } from '@/lib/result';
import { q, schema, type Db } from '@/lib/store/db';
import { Abort } from '@/lib/workflow/run';
import { staffAreaWhere } from '@/lib/dal/access';

export type LedgerRow = typeof schema.payments.$inferSelect;
export type PaymentKind = LedgerRow['kind'];

// ---------------------------------------------------------------------------------------------------------
// Pools and their limits (pure)

/** A pool's annual limit for a category: `fixed` (the document's table), `param` (staff-set), `unset` (a staff
 * parameter nobody has set: no limit can be checked), `none` (the rules set no pool limit for this money). */
export type PoolLimit = { pool: string; nameZh: string; limitFen: number | null; kind: 'fixed' | 'param' | 'unset' | 'none'; source: string; param?: string };

const TILT_POOL = 'tilt';
const GENERAL_POOL = 'general';

export function poolName(region: string, pool: string): string {
  if (!isRegionCode(region)) return pool;
  const spec = SPECS[region].pools.find((p) => p.pool === pool);
  if (spec) return spec.nameZh;
  if (pool === TILT_POOL) return SPECS[region].tilt?.nameZh ?? '倾斜救助';
  return '医疗救助';
}

export function poolLimit(region: string, year: number, pool: string, category: string | null, params: ParamSet): PoolLimit {
  const nameZh = poolName(region, pool);
  const spec = isRegionCode(region) ? SPECS[region].pools.find((p) => p.pool === pool) : undefined;
  if (!spec) return { pool, nameZh, limitFen: null, kind: 'none', source: '' };
  const l = spec.limit;
  if ('row' in l) {
    const row = rowAt(SPECS[region as RegionCode].table, l.row, `${year}-12-31`);
    return row ? { pool, nameZh, limitFen: row.value, kind: 'fixed', source: row.source } : { pool, nameZh, limitFen: null, kind: 'none', source: '' };
  }
  // 000 二(二)4 分类设定: the category's own limit wins over the pool's.
  const own = category && spec.perCategory?.includes(category as CategoryCode) ? `${l.param}.${category}` : undefined;
  const ownValue = own ? paramValue(params, own) : undefined;
  if (own && ownValue !== undefined) return { pool, nameZh, limitFen: ownValue, kind: 'param', source: params[own]!.source, param: own };
  const value = paramValue(params, l.param);
  if (value !== undefined) return { pool, nameZh, limitFen: value, kind: 'param', source: params[l.param]!.source, param: l.param };
  return { pool, nameZh, limitFen: null, kind: 'unset', source: '', param: own ?? l.param };
}

/**
 * How a decided amount falls into pools: in proportion to what the estimate at submission put in each pool
 * (its episodes' assistance, tilt in the tilt's pool or its own), largest remainder so the parts add up exactly.
 * An estimate with nothing in any pool puts everything in the region's first pool.
 */
export function approvalSplit(region: string, snapshot: { result: Pick<EstimateResult, 'episodes'> } | null, amountFen: number): { pool: string; amountFen: number }[] {
  const spec = isRegionCode(region) ? SPECS[region] : undefined;
  const tiltPool = spec?.tilt?.pool ?? TILT_POOL;
  const weights = new Map<string, number>();
  for (const ep of snapshot?.result.episodes ?? []) {
    if (ep.assistanceFen > 0) weights.set(ep.pool ?? GENERAL_POOL, (weights.get(ep.pool ?? GENERAL_POOL) ?? 0) + ep.assistanceFen);
    if (ep.tiltFen > 0) weights.set(tiltPool, (weights.get(tiltPool) ?? 0) + ep.tiltFen);
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [{ pool: spec?.pools[0]?.pool ?? GENERAL_POOL, amountFen }];
  const parts = [...weights.entries()].map(([pool, w]) => {
    const exact = (amountFen * w) / total;
    return { pool, amountFen: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = amountFen - parts.reduce((a, p) => a + p.amountFen, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    p.amountFen += 1;
    left -= 1;
  }
  return parts.filter((p) => p.amountFen > 0 || amountFen === 0).map(({ pool, amountFen: a }) => ({ pool, amountFen: a }));
}

// ---------------------------------------------------------------------------------------------------------
// Derived state (pure)

export type PaymentState = 'none' | 'unpaid' | 'failed' | 'paid';
export const PAYMENT_STATE_TEXT: Record<PaymentState, string> = { none: '无应发金额', unpaid: '待发放', failed: '发放失败，待重新发放', paid: '已发放' };

export type DerivedPool = { pool: string; owedFen: number; paidFen: number; outstandingFen: number };
export type Derived = { state: PaymentState; owedFen: number; paidFen: number; outstandingFen: number; pools: DerivedPool[]; lastFailure: { reason: string | null; batchRef: string | null; at: string } | null };

/** An application's payment state from its ledger rows only (owed = approvals + adjustments; paid = payments). */
export function deriveState(rows: readonly Pick<LedgerRow, 'kind' | 'pool' | 'amountFen' | 'reason' | 'batchRef' | 'createdAt'>[]): Derived {
  const pools = new Map<string, DerivedPool>();
  const at = (pool: string) => pools.get(pool) ?? pools.set(pool, { pool, owedFen: 0, paidFen: 0, outstandingFen: 0 }).get(pool)!;
  let lastEvent: (typeof rows)[number] | null = null;
  for (const r of rows) {
    if (r.kind === 'approval' || r.kind === 'adjustment') at(r.pool).owedFen += r.amountFen;
    else if (r.kind === 'payment') at(r.pool).paidFen += r.amountFen;
    if ((r.kind === 'payment' || r.kind === 'failure') && (!lastEvent || r.createdAt >= lastEvent.createdAt)) lastEvent = r;
  }
  const list = [...pools.values()].map((p) => ({ ...p, outstandingFen: p.owedFen - p.paidFen }));
  const owedFen = list.reduce((a, p) => a + p.owedFen, 0);
  const paidFen = list.reduce((a, p) => a + p.paidFen, 0);
  const outstandingFen = owedFen - paidFen;
  const failed = lastEvent?.kind === 'failure' ? { reason: lastEvent.reason, batchRef: lastEvent.batchRef, at: lastEvent.createdAt } : null;
  const state: PaymentState = owedFen <= 0 ? 'none' : outstandingFen <= 0 ? 'paid' : failed ? 'failed' : 'unpaid';
  return { state, owedFen, paidFen, outstandingFen, pools: list, lastFailure: failed };
}

// ---------------------------------------------------------------------------------------------------------
// Writes (inside a workflow verb's transaction)

/** Serialises ledger writes for one person-year until the transaction ends (see the header). */
async function lockPersonYear(db: Db, personId: string, year: number): Promise<void> {
  const c = schema.counters;
  await db
    .insert(c)
    .values({ name: `ledger:${personId}:${year}`, value: 1 })
    .onConflictDoUpdate({ target: c.name, set: { value: sql`${c.value} + 1` } });
}

/** What the person has been granted this year per pool (approvals and adjustments, paid or not). */
async function grantedByPool(db: Db, personId: string, year: number, region: string): Promise<Map<string, number>> {
  const p = schema.payments;
  const rows = await db
    .select({ pool: p.pool, fen: sql<number>`coalesce(sum(${p.amountFen}), 0)`.mapWith(Number) })
    .from(p)
    .where(and(eq(p.personId, personId), eq(p.year, year), eq(p.region, region), inArray(p.kind, ['approval', 'adjustment'])))
    .groupBy(p.pool);
  return new Map(rows.map((r) => [r.pool, r.fen]));
}

/** What an approval actually owes: the amount, or less when a pool's annual limit leaves less room (and the line saying so). */
export type ApprovalOutcome = { amountFen: number; limitNote: string | null };

/** The line the decision notice and the ledger show when the room left is paid (Office rules: limit reached). */
export function limitNoteText(roomFen: number, poolNameZh: string | null): string {
  return `本年度限额剩余 ${formatMoney(roomFen)}，按剩余额度支付${poolNameZh ? `（${poolNameZh}）` : ''}`;
}

/**
 * The amount an approval owes the applicant, one row per pool it falls in. A pool whose annual limit for this
 * person-year and category leaves less room than its part pays the room left (Office rules, "limit reached"),
 * and the rows carry the line saying so; only when no pool has any room left is the approval refused.
 */
export async function recordApproval(db: Db, app: AppRow, amountFen: number, actor: SessionUser, opts: { reason?: string | null } = {}): Promise<ApprovalOutcome> {
  if (!app.personId) throw new Abort(refuse('invalid', '这份申请没有申请人记录，不能批准。'));
  await lockPersonYear(db, app.personId, app.year);
  const split = approvalSplit(app.region, app.estimateSnapshot as { result: EstimateResult } | null, amountFen);
  const params = await parametersForYear(app.region, app.year);
  const granted = await grantedByPool(db, app.personId, app.year, app.region);
  const notes: string[] = [];
  let firstFull: string | null = null;
  const parts = split.map((part) => {
    const limit = poolLimit(app.region, app.year, part.pool, app.primaryCategory, params);
    if (part.amountFen <= 0 || limit.limitFen === null) return part;
    const used = granted.get(part.pool) ?? 0;
    const room = Math.max(0, limit.limitFen - used);
    if (part.amountFen <= room) return part;
    firstFull ??= `超过${limit.nameZh}年度救助限额 ${formatMoney(limit.limitFen)}（${limit.source}）：此人 ${app.year} 年已批准 ${formatMoney(used)}，本次计入该项 ${formatMoney(part.amountFen)}，没有剩余额度。`;
    notes.push(limitNoteText(room, split.length > 1 ? limit.nameZh : null));
    return { pool: part.pool, amountFen: room };
  });
  const total = parts.reduce((a, p) => a + p.amountFen, 0);
  if (amountFen > 0 && total === 0 && firstFull) throw new Abort(refuse('conflict', firstFull, { amountFen: '本年度限额已用完' }));
  const limitNote = notes.length ? notes.join('；') : null;
  const reason = [limitNote, opts.reason].filter(Boolean).join('；') || null;
  for (const part of parts) {
    if (part.amountFen === 0 && amountFen > 0) continue;
    await db.insert(schema.payments).values({
      applicationId: app.id, personId: app.personId, region: app.region, year: app.year, pool: part.pool,
      amountFen: part.amountFen, status: 'pending', kind: 'approval', reason, createdByUserId: actor.id,
    });
  }
  return { amountFen: total, limitNote };
}

/**
 * What the person-year already has settled, case by case, from every source the ledger knows (direct cases,
 * applied cases, corrections): a case counts for the more of its approval and what it owes now, so a correction
 * that lowered it is never paid back by a later recompute, and one that raised it is not paid again.
 */
export async function settledForPersonYear(db: Db, personId: string, region: string, year: number): Promise<{ totalFen: number; cases: { applicationId: string; fen: number }[] }> {
  const p = schema.payments;
  const rows = await db
    .select({ applicationId: p.applicationId, kind: p.kind, fen: p.amountFen })
    .from(p)
    .where(and(eq(p.personId, personId), eq(p.year, year), eq(p.region, region), inArray(p.kind, ['approval', 'adjustment'])));
  const byCase = new Map<string, { approval: number; owed: number }>();
  for (const r of rows) {
    const c = byCase.get(r.applicationId) ?? byCase.set(r.applicationId, { approval: 0, owed: 0 }).get(r.applicationId)!;
    if (r.kind === 'approval') c.approval += r.fen;
    c.owed += r.fen;
  }
  const cases = [...byCase].map(([applicationId, c]) => ({ applicationId, fen: Math.max(c.approval, c.owed) }));
  return { totalFen: cases.reduce((a, c) => a + c.fen, 0), cases };
}

/** Refuses (rolling the transaction back) when adding `parts` would pass a pool's annual limit for the person-year. */
async function checkLimits(db: Db, app: AppRow, parts: { pool: string; amountFen: number }[]): Promise<void> {
  const params = await parametersForYear(app.region, app.year);
  const granted = await grantedByPool(db, app.personId!, app.year, app.region);
  for (const part of parts) {
    if (part.amountFen <= 0) continue;
    const limit = poolLimit(app.region, app.year, part.pool, app.primaryCategory, params);
    if (limit.limitFen === null) continue;
    const used = granted.get(part.pool) ?? 0;
    if (used + part.amountFen > limit.limitFen) {
      const room = Math.max(0, limit.limitFen - used);
      throw new Abort(
        refuse(
          'conflict',
          `超过${limit.nameZh}年度救助限额 ${formatMoney(limit.limitFen)}（${limit.source}）：此人 ${app.year} 年已批准 ${formatMoney(used)}，本次计入该项 ${formatMoney(part.amountFen)}，最多还能批准 ${formatMoney(room)}。`,
          { amountFen: `该项最多还能批准 ${formatMoney(room)}` },
        ),
      );
    }
  }
}

/**
 * A correction of the decided amount before payment: the new total is split over pools as an approval would be,
 * and the difference to what the application owes now goes in as `adjustment` rows (negative to lower), one per
 * pool that changes; the approval row stays as it was. An increase is checked against the annual limits under
 * the person-year lock; nothing already paid can be corrected away.
 */
export async function recordAdjustment(db: Db, app: AppRow, newTotalFen: number, actor: SessionUser, reason: string): Promise<void> {
  if (!app.personId) throw new Abort(refuse('invalid', '这份申请没有申请人记录，不能更正。'));
  await lockPersonYear(db, app.personId, app.year);
  const derived = deriveState(await rowsOf(db, app.id));
  if (newTotalFen < derived.paidFen) {
    const msg = `已发放 ${formatMoney(derived.paidFen)}，更正后的金额不能低于已发放的金额`;
    throw new Abort(refuse('invalid', msg, { amountFen: msg }));
  }
  const target = new Map(approvalSplit(app.region, app.estimateSnapshot as { result: EstimateResult } | null, newTotalFen).map((p) => [p.pool, p.amountFen]));
  const pools = new Set([...target.keys(), ...derived.pools.map((p) => p.pool)]);
  const deltas = [...pools]
    .map((pool) => ({ pool, amountFen: (target.get(pool) ?? 0) - (derived.pools.find((p) => p.pool === pool)?.owedFen ?? 0) }))
    .filter((d) => d.amountFen !== 0);
  await checkLimits(db, app, deltas);
  for (const d of deltas) {
    await db.insert(schema.payments).values({
      applicationId: app.id, personId: app.personId, region: app.region, year: app.year, pool: d.pool,
      amountFen: d.amountFen, status: 'pending', kind: 'adjustment', reason, createdByUserId: actor.id,
    });
  }
}

async function rowsOf(db: Db, applicationId: string): Promise<LedgerRow[]> {
  const p = schema.payments;
  return db.select().from(p).where(eq(p.applicationId, applicationId)).orderBy(asc(p.createdAt), asc(p.id));
}

/** The bank paid what is outstanding: one `payment` row per pool with money outstanding. */
export async function recordPaymentRows(db: Db, app: AppRow, actor: SessionUser, opts: { batchRef: string | null; now: Date }): Promise<void> {
  const derived = deriveState(await rowsOf(db, app.id));
  if (derived.outstandingFen <= 0) throw new Abort(refuse('conflict', '这份申请没有待发放的金额。'));
  for (const p of derived.pools.filter((x) => x.outstandingFen > 0)) {
    await db.insert(schema.payments).values({
      applicationId: app.id, personId: app.personId!, region: app.region, year: app.year, pool: p.pool, amountFen: p.outstandingFen,
      status: 'paid', kind: 'payment', paidAt: opts.now.toISOString(), batchRef: opts.batchRef, createdByUserId: actor.id, createdAt: opts.now.toISOString(),
    });
  }
}

/** The bank returned the transfer: one `failure` row per pool for the amount tried; the amount stays outstanding. */
export async function recordFailureRows(db: Db, app: AppRow, actor: SessionUser, opts: { batchRef: string | null; reason: string; now: Date }): Promise<void> {
  const derived = deriveState(await rowsOf(db, app.id));
  if (derived.outstandingFen <= 0) throw new Abort(refuse('conflict', '这份申请没有待发放的金额。'));
  for (const p of derived.pools.filter((x) => x.outstandingFen > 0)) {
    await db.insert(schema.payments).values({
      applicationId: app.id, personId: app.personId!, region: app.region, year: app.year, pool: p.pool, amountFen: p.outstandingFen,
      status: 'failed', kind: 'failure', batchRef: opts.batchRef, reason: opts.reason, createdByUserId: actor.id, createdAt: opts.now.toISOString(),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reads

/** An application's ledger rows and derived state (callers have checked access to the application). */
export async function applicationLedger(applicationId: string): Promise<{ rows: LedgerRow[]; derived: Derived }> {
  const rows = await q((db) => rowsOf(db, applicationId));
  return { rows, derived: deriveState(rows) };
}

/** A person's year in one region: granted and paid per pool beside the pool's limit (the case page and /admin/payments). */
export async function personYearLedger(personId: string, region: string, year: number, category: string | null) {
  const p = schema.payments;
  const rows = await q((db) => db.select().from(p).where(and(eq(p.personId, personId), eq(p.year, year), eq(p.region, region))));
  const params = await parametersForYear(region, year);
  const derived = deriveState(rows);
  const pools = isRegionCode(region) ? SPECS[region].pools.map((s) => s.pool) : [];
  for (const d of derived.pools) if (!pools.includes(d.pool)) pools.push(d.pool);
  return pools.map((pool) => {
    const d = derived.pools.find((x) => x.pool === pool);
    return { ...poolLimit(region, year, pool, category, params), grantedFen: d?.owedFen ?? 0, paidFen: d?.paidFen ?? 0 };
  });
}

export const KIND_TEXT: Record<PaymentKind, string> = { approval: '批准（应发）', payment: '发放成功', failure: '发放失败', adjustment: '更正' };

/** The latest ledger rows of the actor's region (and district, for staff of one), newest first, with the case reference (staff only). */
export async function recentLedgerRows(actor: SessionUser, limit = 50) {
  if (actor.role === 'resident' || !actor.region) return [];
  const p = schema.payments;
  return q((db) =>
    db
      .select({ id: p.id, ref: schema.applications.ref, kind: p.kind, pool: p.pool, region: p.region, year: p.year, amountFen: p.amountFen, batchRef: p.batchRef, reason: p.reason, createdAt: p.createdAt })
      .from(p)
      .innerJoin(schema.applications, eq(schema.applications.id, p.applicationId))
      .where(and(eq(p.region, actor.region!), staffAreaWhere(actor, schema.applications.region, schema.applications.district)))
      .orderBy(sql`${p.createdAt} desc`, sql`${p.id} desc`)
      .limit(limit),
  );
}

/** The region's pools with the limit that applies to a category, for pages that explain what is checked. */
export async function regionPoolLimits(region: string, year: number, category: string | null): Promise<PoolLimit[]> {
  if (!isRegionCode(region)) return [];
  const params = await parametersForYear(region, year);
  return SPECS[region].pools.map((s) => poolLimit(region, year, s.pool, category, params));
}
