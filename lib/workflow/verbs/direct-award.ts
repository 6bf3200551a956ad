import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dedupeCategories, estimateFor, type EstimateSnapshot } from '@/lib/dal/applications';
import { recordApproval } from '@/lib/dal/ledger';
import type { SessionUser } from '@/lib/dal/users';
import { decryptJson } from '@/lib/crypto';
import type { CategoryCode, EpisodeInput, RegionCode } from '@/lib/calculator';
import { formatMoney } from '@/lib/format';
import type { Visit } from '@/lib/personal-data';
import { refuse } from '@/lib/result';
import { q, schema } from '@/lib/store/db';
import { Abort, type Verb } from '@/lib/workflow/run';
import { STATUS_TEXT, transitionNoticeBody } from '@/lib/workflow/states';
import { nextRef } from './submit';

/** 已认定为低保对象、特困人员的，直接获得医疗救助 (003 五(八); 000 二(五)1 免申即享). */
export const DIRECT_CATEGORIES: readonly CategoryCode[] = ['dibao', 'tekun'];
export const DIRECT_KEY_PREFIX = 'direct:';

/** The clause a case is decided under: Shanghai's own (000 二(五)1 免申即享), elsewhere the national one (003 五(八)). */
export function directClause(region: string): string {
  return region === 'shanghai' ? '000 二(五)1' : '003 五(八)';
}

/** A case the settlement import created (免申即享), not one somebody applied for. */
export function isDirectAward(app: { idempotencyKey: string | null }): boolean {
  return app.idempotencyKey?.startsWith(DIRECT_KEY_PREFIX) ?? false;
}

/** What the case's snapshot adds to the calculator's: which settlements, and what earlier direct cases of the year already gave. */
export type DirectAwardSnapshot = EstimateSnapshot & {
  award: { settlementNos: string[]; newSettlementNos: string[]; yearTotalFen: number; earlierFen: number; amountFen: number; categories: CategoryCode[] };
};

type Prepared = { snapshot: DirectAwardSnapshot; fresh: { id: string; dataEnc: string }[]; category: CategoryCode | null };

export function visitToEpisode(settlementNo: string, v: Visit): EpisodeInput {
  return {
    id: settlementNo, date: v.date, endDate: v.endDate ?? undefined, kind: v.kind, hospitalLevel: v.hospitalLevel as 1 | 2 | 3, specialDisease: v.specialDisease,
    referred: v.referred, location: v.location, offsiteFiled: v.offsiteFiled, totalFen: v.totalFen, policyFen: v.policyFen,
    basicPaidFen: v.basicPaidFen, criticalPaidFen: v.criticalPaidFen, supplementaryPaidFen: v.supplementaryPaidFen,
  };
}

/** The 低保/特困 certifications of the person that cover part of the year, as the calculator takes them. */
export async function directCategories(personId: string, region: string, year: number) {
  const c = schema.personCategories;
  const rows = await q((db) => db.select().from(c).where(and(eq(c.personId, personId), eq(c.region, region), eq(c.basis, 'certified'), inArray(c.code, [...DIRECT_CATEGORIES]))));
  return dedupeCategories(
    rows
      .filter((r) => r.validFrom <= `${year}-12-31` && (!r.validTo || r.validTo >= `${year}-01-01`))
      .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > `${year}-01-01` ? r.validFrom : undefined, to: r.validTo && r.validTo < `${year}-12-31` ? r.validTo : undefined })),
  );
}

/**
 * 直接办理 (免申即享): approves the case the settlement import created for one person-year. The year is computed
 * again over ALL imported settlements of that person-year (the deductible and the limits are annual, 003 四(五)),
 * and the case gets what that exceeds the earlier direct cases of the year, so importing a later period or an
 * overlapping file never pays a visit twice. The settlements it covers are linked to the case by compare-and-set.
 */
export const directAward: Verb<Record<string, never>, Prepared> = {
  name: 'direct_award',
  byId: true,
  input: z.object({}).strict(),
  load: async (actor: SessionUser, id: string) => {
    const t = schema.applications;
    const [row] = await q((db) =>
      db.select().from(t).where(and(eq(t.id, id), eq(t.status, 'draft'), like(t.idempotencyKey, `${DIRECT_KEY_PREFIX}%`), eq(t.filedByUserId, actor.id), eq(t.region, actor.region ?? ''))),
    );
    return row ?? null;
  },
  prepare: async ({ app, now }) => {
    if (!app.personId) return refuse('invalid', '没有对应的人员记录。');
    const personId = app.personId;
    const categories = await directCategories(personId, app.region, app.year);
    if (categories.length === 0) return refuse('invalid', '此人在该年度不是已认定的低保对象或特困人员，须依申请办理。');
    const s = schema.settlements;
    const rows = await q((db) => db.select().from(s).where(and(eq(s.personId, personId), eq(s.region, app.region), eq(s.year, app.year))).orderBy(asc(s.date), asc(s.settlementNo)));
    const fresh = rows.filter((r) => r.applicationId === null);
    if (fresh.length === 0) return refuse('conflict', '没有尚未办理的结算记录。');
    const episodes = rows.map((r) => visitToEpisode(r.settlementNo, decryptJson<Visit>(r.dataEnc)));
    const base = await estimateFor(app.region as RegionCode, app.year, categories, episodes, now);
    const t = schema.applications;
    const [earlier] = await q((db) =>
      db
        .select({ fen: sql<number>`coalesce(sum(${t.decidedAmountFen}), 0)` })
        .from(t)
        .where(and(eq(t.personId, personId), eq(t.region, app.region), eq(t.year, app.year), like(t.idempotencyKey, `${DIRECT_KEY_PREFIX}%`), inArray(t.status, ['approved', 'paid']))),
    );
    const earlierFen = Number(earlier?.fen ?? 0);
    // The amount an application would be approved at by default (the estimate's assistance, as submit stores it).
    const yearTotalFen = base.result.totals.assistanceFen;
    const amountFen = yearTotalFen - earlierFen;
    if (!base.result.computable) return refuse('invalid', `暂时算不出救助金额：缺少工作人员设定的参数 ${base.result.missingParameters.join('、')}。`);
    if (amountFen <= 0) return refuse('conflict', `按规定计算本年度没有新增的救助金额（全年应救助 ${formatMoney(yearTotalFen)}，此前已直接办理 ${formatMoney(earlierFen)}）。`);
    const snapshot: DirectAwardSnapshot = {
      ...base,
      award: { settlementNos: rows.map((r) => r.settlementNo), newSettlementNos: fresh.map((r) => r.settlementNo), yearTotalFen, earlierFen, amountFen, categories: categories.map((c) => c.code) },
    };
    return { ok: true, value: { snapshot, fresh: fresh.map((r) => ({ id: r.id, dataEnc: r.dataEnc })), category: base.result.category } };
  },
  patch: async ({ db, app, prepared, now }) => ({
    ref: await nextRef(db, app.region, Number(now.toISOString().slice(0, 4))),
    estimateSnapshot: prepared.snapshot, estimatedFen: prepared.snapshot.award.amountFen, decidedAmountFen: prepared.snapshot.award.amountFen,
    primaryCategory: prepared.category, submittedAt: now.toISOString(), decidedAt: now.toISOString(),
    decisionClause: directClause(app.region), decisionReason: '已认定的低保对象、特困人员，按规定直接获得医疗救助（免申即享）',
  }),
  event: (c) => ({
    message: '已认定的救助对象，按结算记录直接办理（免申即享），无需本人申请',
    data: { amountFen: c.prepared.snapshot.award.amountFen, earlierFen: c.prepared.snapshot.award.earlierFen, settlements: c.prepared.snapshot.award.newSettlementNos.length, clause: directClause(c.app.region) },
  }),
  effects: async (c) => {
    const s = schema.settlements;
    const ids = c.prepared.fresh.map((f) => f.id);
    const linked = await c.db.update(s).set({ applicationId: c.app.id }).where(and(inArray(s.id, ids), isNull(s.applicationId))).returning({ id: s.id });
    if (linked.length !== ids.length) throw new Abort(refuse('conflict', '这些结算记录刚刚被另一次导入办理过。'));
    // The case's visits, as an application's: the settlement's encrypted visit is the same sealed record (sealVisit).
    for (const [seq, f] of c.prepared.fresh.entries()) await c.db.insert(schema.episodes).values({ applicationId: c.app.id, seq, dataEnc: f.dataEnc });
    await recordApproval(c.db, { ...c.app, estimateSnapshot: c.prepared.snapshot, primaryCategory: c.prepared.category }, c.prepared.snapshot.award.amountFen, c.actor);
  },
  notice: (c) => ({
    title: `已为您直接办理医疗救助（${c.ref}）`,
    body: transitionNoticeBody('direct_award', { amountFen: c.prepared.snapshot.award.amountFen }),
    sms: `【医疗救助】您是已认定的救助对象，已为您直接办理医疗救助 ${c.ref}（${STATUS_TEXT.approved.label}），请登录查看。`,
  }),
};
