import 'server-only';
// 待核实 (Office rules, "Unknown is not yes"): a settlement row with a blank cell a region's rule depends on was
// stored held and not awarded. The region's clerks see each held row with its reason on the import's page, fill
// the missing cells there, and the row then goes through the same 直接办理 verb as any other row (awardPersonYear).
// The fill, its audit row and the award share one transaction; the list itself is a staff view, audited too.
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { awardPersonYear, IMPORTERS } from '@/lib/dal/settlements';
import type { SessionUser } from '@/lib/dal/users';
import type { Visit } from '@/lib/personal/records';
import { notFound, refuse, type Result } from '@/lib/result';
import { HELD_FIELDS, HELD_TEXT, type HeldField } from '@/lib/office/settlement-file';
import { q, schema, transaction } from '@/lib/store/db';
import { directCategories } from '@/lib/workflow/verbs/direct-award';

/** Held rows shown on one page; the count says how many more wait. */
export const HELD_SHOWN = 50;

export type HeldRow = {
  id: string; settlementNo: string; date: string; hospitalName: string | null; kindText: string; reason: string; fields: HeldField[];
  personMasked: string | null; visit: Pick<Visit, HeldField>;
};

const KIND_TEXT: Record<Visit['kind'], string> = { inpatient: '住院', outpatient: '普通门急诊', outpatient_special: '门诊慢特病' };

/** Which cells a hold reason names (the import wrote it from HELD_TEXT). */
export function heldFieldsOf(reason: string): HeldField[] {
  return HELD_FIELDS.filter((k) => reason.includes(HELD_TEXT[k]));
}

const mayResolve = (actor: SessionUser) => (IMPORTERS as readonly string[]).includes(actor.role) && !!actor.region;

/** The region's held rows, oldest visit first; the view is audited (it shows visits, health data). */
export async function heldSettlements(actor: SessionUser, ip?: string | null): Promise<{ rows: HeldRow[]; total: number }> {
  if (!mayResolve(actor) && actor.role !== 'auditor') return { rows: [], total: 0 };
  if (!actor.region) return { rows: [], total: 0 };
  const region = actor.region;
  const s = schema.settlements;
  const p = schema.persons;
  const where = and(eq(s.region, region), isNotNull(s.holdReason), isNull(s.applicationId));
  return transaction(async (db) => {
    const found = await db
      .select({ id: s.id, no: s.settlementNo, date: s.date, dataEnc: s.dataEnc, reason: s.holdReason, personMasked: p.nameMasked })
      .from(s)
      .leftJoin(p, eq(p.id, s.personId))
      .where(where)
      .orderBy(asc(s.date), asc(s.settlementNo))
      .limit(HELD_SHOWN + 1);
    const total = found.length > HELD_SHOWN ? Number((await db.select({ n: sql<number>`count(*)` }).from(s).where(where))[0]!.n) : found.length;
    const rows = found.slice(0, HELD_SHOWN).map((r) => {
      const v = decryptJson<Visit>(r.dataEnc);
      return {
        id: r.id, settlementNo: r.no, date: r.date, hospitalName: v.hospitalName, kindText: KIND_TEXT[v.kind], reason: r.reason!, fields: heldFieldsOf(r.reason!),
        personMasked: r.personMasked ?? null, visit: { referred: v.referred, hospitalLevel: v.hospitalLevel, location: v.location },
      };
    });
    if (rows.length) {
      await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'settlement.held_view', entity: 'settlement', entityId: null, ip, summary: { region, shown: rows.length, total } });
    }
    return { rows, total };
  });
}

/** The clerk's answers: exactly the cells the row was held for, each required. */
export const heldFillSchema = z.object({
  referred: z.enum(['yes', 'no'], { error: '请选择是否按规定转诊' }).optional(),
  hospitalLevel: z.enum(['1', '2', '3'], { error: '请选择医院等级' }).optional(),
  location: z.enum(['local', 'province', 'elsewhere'], { error: '请选择就医地' }).optional(),
});
export type HeldFill = z.infer<typeof heldFillSchema>;
const MISSING: Record<HeldField, string> = { referred: '请选择是否按规定转诊', hospitalLevel: '请选择医院等级', location: '请选择就医地' };

export type ResolveOutcome = { settlementNo: string; award: { ref: string; amountFen: number } | null; note: string };

/**
 * Fills a held row's blank cells and releases it: compare-and-set on the hold (two clerks at once: one wins), the
 * audit row, then the person-year goes through 直接办理 like an imported row (a refusal there is undone alone and
 * said in `note`; the filled row stays released). Another region's row, or one already released, is not found.
 */
export async function resolveHeldSettlement(actor: SessionUser, id: string, fill: HeldFill, ctx: { ip?: string | null } = {}): Promise<Result<ResolveOutcome>> {
  if (!mayResolve(actor)) return notFound();
  const s = schema.settlements;
  const [row] = await q((db) => db.select().from(s).where(and(eq(s.id, id), eq(s.region, actor.region!), isNotNull(s.holdReason), isNull(s.applicationId))));
  if (!row) return refuse('not_found', '没有找到这条待核实的结算记录，可能已经有人处理过。');
  const fields = heldFieldsOf(row.holdReason!);
  const fieldErrors = Object.fromEntries(fields.filter((k) => fill[k] === undefined).map((k) => [k, MISSING[k]]));
  if (Object.keys(fieldErrors).length) return refuse('invalid', '请把没有填写的项目补全。', fieldErrors);
  const visit = decryptJson<Visit>(row.dataEnc);
  const filled: Visit = { ...visit };
  if (fields.includes('referred')) filled.referred = fill.referred === 'yes';
  if (fields.includes('hospitalLevel')) filled.hospitalLevel = Number(fill.hospitalLevel);
  if (fields.includes('location')) filled.location = fill.location!;
  return transaction(async (db) => {
    const released = await db
      .update(s)
      .set({ dataEnc: encryptJson(filled), holdReason: null })
      .where(and(eq(s.id, row.id), eq(s.holdReason, row.holdReason!), isNull(s.applicationId)))
      .returning({ id: s.id });
    if (released.length === 0) return refuse('conflict', '这条结算记录刚刚被其他人核实过，请刷新后再看。');
    await writeAudit({
      actorUserId: actor.id, actorRole: actor.role, action: 'settlement.resolve_hold', entity: 'settlement', entityId: row.id, ip: ctx.ip,
      summary: { settlementNo: row.settlementNo, before: { holdReason: row.holdReason }, after: { holdReason: null, filled: fields } },
    });
    if (!row.personId) return { ok: true as const, settlementNo: row.settlementNo, award: null, note: '系统中没有这个身份证号的人员，记录已保存，可用于预警。' };
    if ((await directCategories(row.personId, row.region, row.year)).length === 0) {
      return { ok: true as const, settlementNo: row.settlementNo, award: null, note: '此人不在本地区直接办理的范围内，须依申请办理。' };
    }
    const r = await awardPersonYear(actor, row.region, row.personId, row.year, `hold-${row.id}`);
    if (r.ok) return { ok: true as const, settlementNo: row.settlementNo, award: { ref: r.ref, amountFen: r.amountFen }, note: '' };
    return { ok: true as const, settlementNo: row.settlementNo, award: null, note: r.message };
  });
}
