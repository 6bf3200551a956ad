import 'server-only';
// The staff queue: applications of the staff member's region (and district, if they have one), never
// drafts. Filtering, sorting, counting and paging happen in the database; searching by 身份证号 goes
// through its HMAC (persons.id_number_hmac), so no row is ever decrypted to be compared.
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@/db/schema';
import { ACTING_STAFF, STAFF } from '@/lib/auth/roles';
import { lookupHash } from '@/lib/personal/crypto';
import { inStaffArea, staffAreaWhere } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { regionSettings, type RegionSettings } from '@/lib/dal/region-settings';
import type { SessionUser } from '@/lib/dal/users';
import { parseYuanToFen } from '@/lib/format';
import { subtractWorkingDays, workingDaysBetween, type WorkCalendar } from '@/lib/office/workdays';
import { notFound, refuse, type Result } from '@/lib/result';
import { dialect, q, schema, transaction } from '@/lib/store/db';

export const PAGE_SIZE = 20;
export const SORTS = { oldest: '最早提交在前', newest: '最新提交在前', amount_desc: '估算金额从高到低', amount_asc: '估算金额从低到高', updated: '最近有变化在前' } as const;
export type QueueSort = keyof typeof SORTS;

const text = z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined);
const date = z.iso.date().optional().catch(undefined);
const yuan = z.string().optional().catch(undefined).transform((v) => (v ? (parseYuanToFen(v) ?? undefined) : undefined));

/** The queue's filters as a shareable URL has them (a GET form); anything unreadable is ignored, never a 500. */
export const queueFilterSchema = z.object({
  q: text,
  status: z.enum(APPLICATION_STATUSES).exclude(['draft']).optional().catch(undefined),
  category: text,
  district: text,
  from: date,
  to: date,
  min: yuan,
  max: yuan,
  mine: z.literal('1').optional().catch(undefined),
  overdue: z.literal('1').optional().catch(undefined),
  sort: z.enum(Object.keys(SORTS) as [QueueSort, ...QueueSort[]]).optional().catch(undefined),
  // The page number is only a label: the page itself is found by a cursor (the row before it, or after it), so a
  // deep page costs what the first costs (keyset paging, no OFFSET). A page number without a cursor is page 1.
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  after: z.string().max(400).optional().catch(undefined),
  before: z.string().max(400).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFilterSchema>;

export function parseQueueFilters(params: Record<string, string | string[] | undefined>): QueueFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return queueFilterSchema.parse(flat);
}

export type Sla = { tone: 'ok' | 'warn' | 'bad' | 'none'; label: string; limit: number | null };

/** Where the clock stands: the office's limit for the state, counted in working days from submission. */
export function slaFor(status: ApplicationStatus, ageWorkingDays: number | null, s: Pick<RegionSettings, 'acceptWithinWorkingDays' | 'decideWithinWorkingDays'>): Sla {
  const running = status === 'submitted' || status === 'accepted' || status === 'in_review';
  const limit = status === 'submitted' ? s.acceptWithinWorkingDays : running ? s.decideWithinWorkingDays : null;
  if (running && limit === null) return { tone: 'none', label: '本地区未设定办理时限', limit: null };
  if (limit === null || ageWorkingDays === null) return { tone: 'none', label: status === 'needs_info' ? '等待申请人补正' : '已办结，不计时限', limit: null };
  if (ageWorkingDays > limit) return { tone: 'bad', label: '已超期', limit };
  // Amber in the last fifth of the limit, at least the last working day (accept within 2 → from day 1).
  if (limit - ageWorkingDays <= Math.max(1, Math.floor(limit / 5))) return { tone: 'warn', label: '即将超期', limit };
  return { tone: 'ok', label: '正常', limit };
}

/** The instant before which a submission is past `limit` working days today (its Shanghai date < cutoff date). */
function overdueBefore(now: Date, limit: number, cal: WorkCalendar): string {
  return new Date(`${subtractWorkingDays(now, limit, cal)}T00:00:00+08:00`).toISOString();
}

export type QueueRow = {
  ref: string; status: ApplicationStatus; submittedAt: string | null; updatedAt: string; estimatedFen: number | null; primaryCategory: string | null;
  district: string | null; name: string | null; assignedToUserId: string | null; assignedName: string | null; ageWorkingDays: number | null; sla: Sla;
};

/**
 * `total` and `counts` are exact unless `capped`: a filtered query counts at most COUNT_CAP matching rows (then
 * the page says "more than 10,000, narrow the filters"), so no filter ever counts a million rows.
 */
export type QueuePage = {
  rows: QueueRow[]; total: number; page: number; pages: number; counts: { status: ApplicationStatus; n: number }[]; capped: boolean; settings: RegionSettings;
  /** Cursors for the links to the previous and next page (null: there is none). */
  prev: string | null; next: string | null;
};

export const COUNT_CAP = 10_000;

type CursorValue = string | number | null;
type SortKey = { col: SQLiteColumn; field: 'submittedAt' | 'updatedAt' | 'estimatedFen' | 'id'; dir: 'asc' | 'desc' };

/** Each sort's columns, the application id last so the order is total (a cursor names exactly one row). */
function sortKeys(sort: QueueSort): SortKey[] {
  const t = schema.applications;
  const k = (field: SortKey['field'], dir: SortKey['dir']): SortKey => ({ col: t[field], field, dir });
  return {
    oldest: [k('submittedAt', 'asc'), k('id', 'asc')],
    newest: [k('submittedAt', 'desc'), k('id', 'desc')],
    amount_desc: [k('estimatedFen', 'desc'), k('submittedAt', 'asc'), k('id', 'asc')],
    amount_asc: [k('estimatedFen', 'asc'), k('submittedAt', 'asc'), k('id', 'asc')],
    updated: [k('updatedAt', 'desc'), k('id', 'desc')],
  }[sort];
}

/** A cursor: the sort and the sort values of one row, base64url JSON (not secret: the page shows them anyway). */
function writeCursor(sort: QueueSort, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([sort, ...values])).toString('base64url');
}

/** The values of a cursor made for this sort, or null (unreadable, or made for another sort: page 1). */
function readCursor(raw: string | undefined, sort: QueueSort, n: number): { values: CursorValue[] } | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== n + 1 || parsed[0] !== sort) return null;
    const values = parsed.slice(1) as unknown[];
    if (!values.every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v)))) return null;
    if (typeof values.at(-1) !== 'string') return null;
    return { values: values as CursorValue[] };
  } catch {
    return null;
  }
}

/**
 * Rows strictly after the cursor in the sort's order (`back`: strictly before it, i.e. after it in the reversed
 * order). NULLs sit where each database puts them (SQLite: lowest; PostgreSQL: highest), the same place as its
 * ORDER BY. The first column is also bounded on its own, so the database starts its index range at the cursor.
 */
function keysetAfter(keys: SortKey[], values: CursorValue[], back: boolean): SQL | undefined {
  const nullsLow = dialect() === 'sqlite';
  const after = (k: SortKey, v: CursorValue, strict: boolean): SQL | undefined => {
    const asc = (k.dir === 'asc') !== back;
    const nullsFirst = asc === nullsLow;
    if (v === null) return strict ? (nullsFirst ? isNotNull(k.col) : sql`1 = 0`) : nullsFirst ? undefined : isNull(k.col);
    const cmp = strict ? (asc ? gt(k.col, v) : lt(k.col, v)) : asc ? gte(k.col, v) : lte(k.col, v);
    return nullsFirst ? cmp : or(cmp, isNull(k.col));
  };
  const same = (k: SortKey, v: CursorValue) => (v === null ? isNull(k.col) : eq(k.col, v));
  const branches = keys.map((k, i) => and(...keys.slice(0, i).map((p, j) => same(p, values[j]!)), after(k, values[i]!, true)));
  return and(after(keys[0]!, values[0]!, false), or(...branches));
}

export async function staffQueue(actor: SessionUser, filters: Partial<QueueFilters> = {}, now = new Date()): Promise<QueuePage> {
  const settings = await regionSettings(actor.region ?? '', now);
  if (!STAFF.includes(actor.role) || !actor.region) return { rows: [], total: 0, page: 1, pages: 1, counts: [], capped: false, settings, prev: null, next: null };
  const t = schema.applications;
  const where: SQL[] = [staffAreaWhere(actor, t.region, t.district), ne(t.status, 'draft')];
  if (filters.q) {
    const s = filters.q.normalize('NFKC').replace(/\s/g, '').toUpperCase();
    if (/^\d{17}[\dX]$/.test(s)) {
      const hmac = lookupHash(`id:${s}`);
      const [person] = await q((db) => db.select({ id: schema.persons.id }).from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac)));
      where.push(person ? eq(t.personId, person.id) : sql`1 = 0`);
    } else {
      where.push(eq(t.ref, s));
    }
  }
  if (filters.category) where.push(eq(t.primaryCategory, filters.category));
  if (filters.district) where.push(eq(t.district, filters.district));
  if (filters.from) where.push(gte(t.submittedAt, new Date(`${filters.from}T00:00:00+08:00`).toISOString()));
  if (filters.to) where.push(lt(t.submittedAt, new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()));
  if (filters.min !== undefined) where.push(gte(t.estimatedFen, filters.min));
  if (filters.max !== undefined) where.push(lte(t.estimatedFen, filters.max));
  if (filters.mine) where.push(eq(t.assignedToUserId, actor.id));
  // Overdue, written twice: as an OR of (status, cutoff) ranges for the bounded count (each branch an index range),
  // and as one CASE for the page, so the page is read in submission order from the index and stops after a page
  // instead of sorting every overdue case of the region (docs/benchmarks.md).
  // A state whose limit the region has not set has nothing overdue: its branch is left out, and with neither set the
  // filter is a constant false the database answers without reading a row (it used to read the whole region looking
  // for rows no branch could match: 750 ms p95 on PostgreSQL at 1,000,000 applications, docs/benchmarks.md).
  let overdueForPage: SQL | undefined;
  let overdueForCount: SQL | undefined;
  if (filters.overdue) {
    const branches: { statuses: ApplicationStatus[]; before: string }[] = [];
    if (settings.acceptWithinWorkingDays !== null) branches.push({ statuses: ['submitted'], before: overdueBefore(now, settings.acceptWithinWorkingDays, settings.calendar) });
    if (settings.decideWithinWorkingDays !== null) branches.push({ statuses: ['accepted', 'in_review'], before: overdueBefore(now, settings.decideWithinWorkingDays, settings.calendar) });
    if (branches.length === 0) {
      overdueForCount = sql`1 = 0`;
      overdueForPage = sql`1 = 0`;
    } else {
      overdueForCount = or(...branches.map((b) => and(inArray(t.status, b.statuses), lt(t.submittedAt, b.before))))!;
      const whens = branches.map((b) => sql`when ${t.status} in (${sql.join(b.statuses.map((x) => sql`${x}`), sql`, `)}) then ${t.submittedAt} < ${b.before}`);
      overdueForPage = sql`(case ${sql.join(whens, sql` `)} else false end)`;
    }
    where.push(overdueForCount);
  }
  // Counts per status answer the other filters (so the tabs tell how many of *these* are in each state).
  const countWhere = and(...where);
  if (filters.status) where.push(eq(t.status, filters.status));
  const keys = sortKeys(filters.sort ?? 'oldest');
  const cursor = readCursor(filters.before ?? filters.after, filters.sort ?? 'oldest', keys.length);
  const backwards = Boolean(cursor && filters.before);
  const assignee = schema.users;
  // Only status (and district) narrow the queue: the trigger-kept counts table answers exactly, in a few rows.
  const simple = !(filters.q || filters.category || filters.from || filters.to || filters.min !== undefined || filters.max !== undefined || filters.mine || filters.overdue);
  return q(async (db) => {
    let counts: { status: ApplicationStatus; n: number }[];
    let total: number;
    let capped = false;
    if (simple) {
      const c = schema.applicationCounts;
      const elsewhere = Boolean(actor.district && filters.district && filters.district !== actor.district);
      const rows = elsewhere ? [] : await db
        .select({ status: c.status, n: sql<number>`sum(${c.n})` })
        .from(c)
        .where(and(staffAreaWhere(actor, c.region, c.district), filters.district ? eq(c.district, filters.district) : undefined))
        .groupBy(c.status);
      counts = rows.map((r) => ({ status: r.status, n: Number(r.n) })).filter((r) => r.n > 0);
      total = filters.status ? (counts.find((r) => r.status === filters.status)?.n ?? 0) : counts.reduce((a, r) => a + r.n, 0);
    } else {
      // Bounded counts: at most COUNT_CAP + 1 matching rows are read, through the filter's index.
      const bounded = db.select({ status: t.status }).from(t).where(countWhere).limit(COUNT_CAP + 1).as('bounded');
      const rows = await db.select({ status: bounded.status, n: count() }).from(bounded).groupBy(bounded.status);
      counts = rows.map((r) => ({ status: r.status, n: Number(r.n) }));
      const all = counts.reduce((a, r) => a + r.n, 0);
      capped = all > COUNT_CAP;
      if (!filters.status) total = Math.min(all, COUNT_CAP);
      else if (!capped) total = counts.find((r) => r.status === filters.status)?.n ?? 0;
      else {
        const only = db.select({ one: sql`1` }).from(t).where(and(...where)).limit(COUNT_CAP + 1).as('only');
        const [r] = await db.select({ n: count() }).from(only);
        total = Math.min(Number(r?.n ?? 0), COUNT_CAP);
      }
    }
    counts.sort((a, b) => APPLICATION_STATUSES.indexOf(a.status) - APPLICATION_STATUSES.indexOf(b.status));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageWhere = and(...where.filter((w) => w !== overdueForCount), overdueForPage);
    const read = (at: { values: CursorValue[] } | null, back: boolean) =>
      db
        .select({
          id: t.id, ref: t.ref, status: t.status, submittedAt: t.submittedAt, updatedAt: t.updatedAt, estimatedFen: t.estimatedFen, primaryCategory: t.primaryCategory,
          district: t.district, name: schema.persons.nameMasked, assignedToUserId: t.assignedToUserId, assignedName: assignee.displayName,
        })
        .from(t)
        .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
        .leftJoin(assignee, eq(assignee.id, t.assignedToUserId))
        .where(and(pageWhere, at ? keysetAfter(keys, at.values, back) : undefined))
        .orderBy(...keys.map((k) => ((k.dir === 'asc') !== back ? asc(k.col) : desc(k.col))))
        .limit(PAGE_SIZE + 1);
    let page: number;
    let found = await read(cursor, backwards);
    let more = found.length > PAGE_SIZE;
    found = found.slice(0, PAGE_SIZE);
    let hasPrev: boolean;
    let hasNext: boolean;
    if (backwards) {
      found.reverse();
      // Fewer than a page before the cursor (the queue changed meanwhile): the first page instead.
      if (found.length < PAGE_SIZE) {
        found = await read(null, false);
        more = found.length > PAGE_SIZE;
        found = found.slice(0, PAGE_SIZE);
        page = 1;
        hasPrev = false;
        hasNext = more;
      } else {
        page = more ? Math.max(2, Math.min(filters.page ?? 2, pages)) : 1;
        hasPrev = more;
        hasNext = true;
      }
    } else {
      page = cursor ? Math.max(2, Math.min(filters.page ?? 2, pages)) : 1;
      hasPrev = Boolean(cursor);
      hasNext = more;
    }
    const rows = found;
    const cursorOf = (r: (typeof found)[number]) => writeCursor(filters.sort ?? 'oldest', keys.map((k) => r[k.field]));
    return {
      counts, total, page, pages, capped, settings,
      prev: hasPrev && rows.length ? cursorOf(rows[0]!) : null,
      next: hasNext && rows.length ? cursorOf(rows.at(-1)!) : null,
      rows: rows.map(({ id: _id, ...r }) => {
        const ageWorkingDays = r.submittedAt ? workingDaysBetween(r.submittedAt, now, settings.calendar) : null;
        return { ...r, ref: r.ref!, ageWorkingDays, sla: slaFor(r.status, ageWorkingDays, settings) };
      }),
    };
  });
}

/** Colleagues a case can be given to: active clerks, reviewers and admins of the same region. */
export async function colleagues(actor: SessionUser): Promise<{ id: string; displayName: string; role: string }[]> {
  if (!STAFF.includes(actor.role) || !actor.region) return [];
  const u = schema.users;
  return q((db) =>
    db.select({ id: u.id, displayName: u.displayName, role: u.role }).from(u)
      .where(and(eq(u.region, actor.region!), inArray(u.role, [...ACTING_STAFF]), eq(u.disabled, false)))
      .orderBy(asc(u.displayName)),
  );
}

/**
 * Gives a case to a colleague (or to oneself, or to nobody with `null`). Independent of the workflow:
 * the status does not change. Audited in the same transaction, with who had it before.
 */
export async function assignApplication(actor: SessionUser, ref: string, assigneeId: string | null, ip?: string | null): Promise<Result<{ assignedToUserId: string | null }>> {
  if (!ACTING_STAFF.includes(actor.role) || !actor.region) return refuse('forbidden', '您没有权限分派申请。');
  const t = schema.applications;
  const [app] = await q((db) => db.select().from(t).where(eq(t.ref, ref)));
  if (!app || app.status === 'draft' || !inStaffArea(actor, app)) return notFound();
  if (assigneeId) {
    const ok = (await colleagues(actor)).some((c) => c.id === assigneeId);
    if (!ok) return refuse('invalid', '只能分派给本地区在岗的受理员、审核员或管理员。', { assignee: '请从列表中选择同事' });
  }
  await transaction(async (db) => {
    await db.update(t).set({ assignedToUserId: assigneeId }).where(eq(t.id, app.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.assign', entity: 'application', entityId: app.id, ip, summary: { ref, before: { assignedToUserId: app.assignedToUserId }, after: { assignedToUserId: assigneeId } } });
  });
  return { ok: true, assignedToUserId: assigneeId };
}

/** The districts that occur in this staff member's region, for the filter. */
export async function districtsOf(actor: SessionUser): Promise<string[]> {
  if (!STAFF.includes(actor.role) || !actor.region) return [];
  const c = schema.applicationCounts;
  const rows = await q((db) => db.selectDistinct({ d: c.district }).from(c).where(and(eq(c.region, actor.region!), gt(c.n, 0))));
  return rows.map((r) => r.d).filter((d): d is string => Boolean(d)).sort();
}
