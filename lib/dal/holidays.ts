import 'server-only';
// The holiday calendar a region's administrator keeps (法定节假日 and 调休 workdays, per year). No document sets
// the office's time limits or its calendar; the State Council publishes the year's 节假日安排 and the office
// enters it here. Staff of the region read it; only its administrator changes it, audited in the same transaction.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { STAFF } from '@/lib/auth/roles';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { forbidden, notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { buildCalendar, type WorkCalendar } from '@/lib/office/workdays';

export type HolidayRow = typeof schema.holidays.$inferSelect;

/** Every day of the region's calendar, as the working-day counts use it. */
export async function workCalendar(region: string): Promise<WorkCalendar> {
  const h = schema.holidays;
  const rows = await q((db) => db.select({ date: h.date, kind: h.kind }).from(h).where(eq(h.region, region)));
  return buildCalendar(rows);
}

/** Whether the actor's region has entered any day of that year (without it, working days are Monday to Friday only). */
export async function holidaysRecorded(actor: SessionUser, year: number): Promise<boolean> {
  const r = await holidayYear(actor, year);
  return r.ok && r.rows.length > 0;
}

/** One year of the actor's region's calendar (staff of the region; anyone else: not found). */
export async function holidayYear(actor: SessionUser, year: number): Promise<Result<{ rows: HolidayRow[] }>> {
  if (!STAFF.includes(actor.role) || !actor.region) return notFound();
  const h = schema.holidays;
  const rows = await q((db) =>
    db
      .select()
      .from(h)
      .where(and(eq(h.region, actor.region!), gte(h.date, `${year}-01-01`), lte(h.date, `${year}-12-31`)))
      .orderBy(asc(h.date)),
  );
  return { ok: true, rows };
}

export type HolidayInput = { date: string; kind: 'holiday' | 'workday'; name: string; source: string };

/** Sets one day of the calendar (a day already listed is changed, never listed twice). Administrators only. */
export async function setHoliday(actor: SessionUser, input: HolidayInput, meta: { ip?: string | null } = {}): Promise<Result<{ id: string }>> {
  if (actor.role !== 'admin' || !actor.region) return forbidden('只有管理员可以维护节假日安排。');
  const region = actor.region;
  const h = schema.holidays;
  return transaction(async (db) => {
    const [before] = await db.select().from(h).where(and(eq(h.region, region), eq(h.date, input.date)));
    const values = { kind: input.kind, name: input.name, source: input.source, demo: false, createdBy: actor.id };
    const [row] = before
      ? await db.update(h).set(values).where(eq(h.id, before.id)).returning()
      : await db.insert(h).values({ region, date: input.date, ...values }).returning();
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: 'holiday.set', entity: 'holiday', entityId: row!.id, ip: meta.ip,
      summary: { region, date: input.date, before: before ? { kind: before.kind, name: before.name, source: before.source } : null, after: { kind: input.kind, name: input.name, source: input.source } },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** Removes one day from the calendar (it is then an ordinary weekday or weekend day). Administrators only. */
export async function removeHoliday(actor: SessionUser, id: string, meta: { ip?: string | null } = {}): Promise<Result> {
  if (actor.role !== 'admin' || !actor.region) return forbidden('只有管理员可以维护节假日安排。');
  const h = schema.holidays;
  return transaction(async (db) => {
    const [row] = await db.delete(h).where(and(eq(h.id, id), eq(h.region, actor.region!))).returning();
    if (!row) return refuse('not_found', '这一天不在本地区的节假日安排里（可能已被删除）。');
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: 'holiday.remove', entity: 'holiday', entityId: row.id, ip: meta.ip,
      summary: { region: row.region, date: row.date, before: { kind: row.kind, name: row.name, source: row.source } },
    });
    return { ok: true as const };
  });
}
