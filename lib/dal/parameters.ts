import 'server-only';
// Staff-set parameters (what the documents leave to other bodies), each with its effective dates and source.
// A value is never edited: a change is a new version with its own dates. Versions of one name in one region
// never overlap (checked and inserted in one transaction, serialised per name by a counter row); closing the
// version in force when a new one starts is a step the administrator asks for explicitly.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { isRegionCode, type ParamSet, type RegionCode } from '@/lib/calculator';
import { staffParam, STAFF_PARAMS, type StaffParamDef } from '@/lib/calculator/params';
import { watchParamDefs } from '@/lib/office/watch-params';
import { OFFICE_PARAM_DEFS, type OfficeParamDef } from '@/lib/office/time-limits';
import { SPECS } from '@/lib/calculator/regions';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { STAFF } from '@/lib/auth/roles';
import { forbidden, notFound, refuse, type Result } from '@/lib/result';
import { q, rawRows, schema, transaction, type Db } from '@/lib/store/db';
import { Abort } from '@/lib/workflow/run';

export type ParameterRow = typeof schema.parameters.$inferSelect;
type Period = { effectiveFrom: string; effectiveTo: string | null };

/** Parameters in force on a date; where several rows overlap the latest-starting one wins. */
export function parametersOnDate(region: string, date: string): Promise<ParamSet> {
  return collect(region, date, date);
}

/** Parameters for a calendar year: the latest value whose period touches the year. */
export function parametersForYear(region: string, year: number): Promise<ParamSet> {
  return collect(region, `${year}-01-01`, `${year}-12-31`);
}

type InForceRow = { id: string; name: string; value: number | string; source: string; effective_from: string; demo: number | boolean };

/**
 * One statement written out rather than built: every estimate and check (pages and the JSON API) runs it, and the
 * query builder's work per call (about 130 µs, 34 µs written out) was the largest part of POST /api/v1/estimate's own
 * work (docs/benchmarks.md, "Requests per second"). PostgreSQL returns the bigint amount as text and the flag as a
 * boolean, SQLite both as numbers.
 */
async function collect(region: string, from: string, to: string): Promise<ParamSet> {
  const rows = await rawRows<InForceRow>(
    sql`select id, name, value, source, effective_from, demo from parameters where region = ${region} and effective_from <= ${to} and (effective_to is null or effective_to >= ${from}) order by effective_from, created_at`,
  );
  const set: ParamSet = {};
  for (const row of rows) {
    set[row.name] = { value: Number(row.value), source: row.source, effectiveFrom: row.effective_from, demo: Boolean(row.demo), version: row.id };
  }
  return set;
}

// ---------------------------------------------------------------------------------------------------------
// Pure rules of versions (tested on their own)

/** Do two periods share at least one day? An open end runs for ever. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
}

/** The version in force on `date` (versions of one name never overlap, so at most one). */
export function versionOn<T extends Period>(versions: readonly T[], date: string): T | undefined {
  return versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || v.effectiveTo >= date));
}

/** The version in force for a calendar year: the latest-starting one that touches it (as parametersForYear). */
export function versionForYear<T extends Period>(versions: readonly T[], year: number): T | undefined {
  const touching = versions.filter((v) => periodsOverlap(v, { effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` }));
  return touching.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
}

/** "2026-07-01" → "2026-06-30". */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function periodText(v: Period): string {
  return v.effectiveTo ? `${v.effectiveFrom} 至 ${v.effectiveTo}` : `${v.effectiveFrom} 起（未设截止日期）`;
}

// ---------------------------------------------------------------------------------------------------------
// Reads for staff

/** Staff of the region may read its parameters; anyone else gets "not found". */
function mayRead(actor: SessionUser, region: string): region is RegionCode {
  return STAFF.includes(actor.role) && actor.region === region && isRegionCode(region);
}

export type ParameterVersion = ParameterRow & { setByName: string | null };
/** A figure an administrator may set: the calculator's, the early warning's, or the office's time limits. */
export type EditableParamDef = StaffParamDef | OfficeParamDef;
export type RegionParameters = {
  region: RegionCode;
  defs: { def: EditableParamDef; versions: ParameterVersion[] }[];
  fixed: { name: string; value: number; generous?: number; unit: string; source: string; noteZh: string; from: string; to?: string; categories?: readonly string[] }[];
};

/** Every staff-set parameter of the region with all its versions (oldest first), and the figures the document fixes. */
export async function regionParameters(actor: SessionUser, region: string): Promise<Result<RegionParameters>> {
  if (!mayRead(actor, region)) return notFound();
  const p = schema.parameters;
  const u = schema.users;
  const rows = await q((db) =>
    db
      .select({ row: p, setByName: u.displayName })
      .from(p)
      .leftJoin(u, eq(u.id, p.setBy))
      .where(eq(p.region, region))
      .orderBy(asc(p.effectiveFrom), asc(p.createdAt)),
  );
  const defs = [...STAFF_PARAMS[region], ...watchParamDefs(region), ...OFFICE_PARAM_DEFS].map((def) => ({
    def,
    versions: rows.filter((r) => r.row.name === def.name).map((r) => ({ ...r.row, setByName: r.setByName })),
  }));
  const fixed = SPECS[region].table.map((r) => ({ name: r.name, value: r.value, generous: r.generous, unit: r.unit, source: r.source, noteZh: r.noteZh, from: r.from, to: r.to, categories: r.categories }));
  return { ok: true, region, defs, fixed };
}

// ---------------------------------------------------------------------------------------------------------
// Publishing a new version (administrators of the region)

/** What an administrator may set in a region: the calculator's staff parameters, the early-warning ones, the time limits. */
export function editableParam(region: RegionCode, name: string): EditableParamDef | undefined {
  return staffParam(region, name) ?? [...watchParamDefs(region), ...OFFICE_PARAM_DEFS].find((d) => d.name === name);
}

export type NewVersion = {
  name: string;
  value: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  /** The administrator's explicit choice: end the version in force on `effectiveFrom` the day before. */
  closePrevious: boolean;
};

/** Serialises version writes of one parameter until the transaction ends (PostgreSQL row lock; SQLite runs alone). */
async function lockName(db: Db, region: string, name: string): Promise<void> {
  const c = schema.counters;
  await db
    .insert(c)
    .values({ name: `parameters:${region}:${name}`, value: 1 })
    .onConflictDoUpdate({ target: c.name, set: { value: sql`${c.value} + 1` } });
}

export async function publishParameter(actor: SessionUser, input: NewVersion, meta: { ip?: string | null } = {}): Promise<Result<{ id: string; closed: ParameterRow | null }>> {
  if (actor.role !== 'admin') return forbidden('只有管理员可以设定参数。');
  const region = actor.region ?? '';
  if (!isRegionCode(region)) return forbidden('您的账号没有分配地区，不能设定参数。');
  const def = editableParam(region, input.name);
  if (!def) return refuse('invalid', '这个参数不属于本地区的政策。', { name: '请从列表中选择本地区需要设定的参数' });
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) {
    return refuse('invalid', '截止日期早于开始日期。', { effectiveTo: '截止日期不能早于开始日期' });
  }
  const p = schema.parameters;
  try {
    return await transaction(async (db) => {
      await lockName(db, region, input.name);
      const existing = await db.select().from(p).where(and(eq(p.region, region), eq(p.name, input.name))).orderBy(asc(p.effectiveFrom));
      let closed: ParameterRow | null = null;
      if (input.closePrevious) {
        const current = versionOn(existing, input.effectiveFrom);
        if (!current || current.effectiveFrom >= input.effectiveFrom) {
          throw new Abort(refuse('invalid', `${input.effectiveFrom} 没有更早开始、仍在执行的版本可以结束。`, { closePrevious: '没有可以结束的现行版本，请取消勾选' }));
        }
        const effectiveTo = dayBefore(input.effectiveFrom);
        // Compare-and-set: the version is closed only if nobody changed its end meanwhile.
        const [row] = await db
          .update(p)
          .set({ effectiveTo })
          .where(and(eq(p.id, current.id), current.effectiveTo === null ? isNull(p.effectiveTo) : eq(p.effectiveTo, current.effectiveTo)))
          .returning();
        if (!row) throw new Abort(refuse('conflict', '现行版本刚被别人改过，请刷新页面后再试。'));
        closed = row;
        await writeAudit({
          actorUserId: actor.id, actorRole: actor.role, action: 'parameter.close', entity: 'parameter', entityId: row.id, ip: meta.ip,
          summary: { region, name: input.name, before: { effectiveTo: current.effectiveTo }, after: { effectiveTo } },
        });
      }
      const others = existing.filter((v) => v.id !== closed?.id).concat(closed ? [closed] : []);
      const clash = others.find((v) => periodsOverlap(v, input));
      if (clash) {
        throw new Abort(
          refuse(
            'conflict',
            `与已有版本（${periodText(clash)}，${clash.source}）的日期重叠。参数不会被覆盖：请让新版本从现行版本结束后开始，或勾选“结束现行版本”。`,
            { effectiveFrom: `与 ${periodText(clash)} 的版本重叠` },
          ),
        );
      }
      const [row] = await db
        .insert(p)
        .values({ region, name: input.name, value: input.value, unit: def.unit, effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo, source: input.source, demo: false, setBy: actor.id })
        .returning();
      await writeAudit({
        actorUserId: actor.id, actorRole: actor.role, action: 'parameter.publish', entity: 'parameter', entityId: row!.id, ip: meta.ip,
        summary: { region, name: input.name, after: { value: input.value, unit: def.unit, effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo, source: input.source } },
      });
      return { ok: true as const, id: row!.id, closed };
    });
  } catch (error) {
    if (error instanceof Abort) return error.refusal;
    throw error;
  }
}
