import { and, asc, eq, inArray, isNull, like, not, or } from 'drizzle-orm';
import { z } from 'zod';
import { dedupeCategories, estimateFor, type EstimateSnapshot } from '@/lib/dal/applications';
import { settledForPersonYear } from '@/lib/dal/ledger';
import type { SessionUser } from '@/lib/dal/users';
import { decryptJson } from '@/lib/personal/crypto';
import { isRegionCode, type CategoryCode, type EpisodeInput, type RegionCode } from '@/lib/calculator';
import { directScope } from '@/lib/calculator/regions';
import { formatMoney } from '@/lib/format';
import type { Visit } from '@/lib/personal/records';
import { refuse } from '@/lib/result';
import { q, schema } from '@/lib/store/db';
import { Abort, type Verb } from '@/lib/workflow/run';
import { STATUS_TEXT, transitionNoticeBody } from '@/lib/workflow/states';
import { approveAmount } from './common';
import { nextRef } from './submit';

export const DIRECT_KEY_PREFIX = 'direct:';

/** The certified categories a region assists without an application (the calculator's `direct`): none for an unknown region. */
export function directCategoryCodes(region: string): readonly CategoryCode[] {
  return isRegionCode(region) ? directScope(region).categories : [];
}

/**
 * The clause a case is decided under, the region's own: Wuxi 001 五(十), Shanghai 000 二(五)1, Chongqing 004 二(六),
 * national 003 五(八) (the calculator's `directSource`).
 */
export function directClause(region: string): string {
  return isRegionCode(region) ? directScope(region).clause : '003 五(八)';
}

/** A case the settlement import created (免申即享), not one somebody applied for. */
export function isDirectAward(app: { idempotencyKey: string | null }): boolean {
  return app.idempotencyKey?.startsWith(DIRECT_KEY_PREFIX) ?? false;
}

/** What the case's snapshot adds to the calculator's: which settlements, and what earlier direct cases of the year already gave. */
/**
 * `yearTotalFen` is the year's entitlement over every known visit (imported, and applied for but never imported);
 * `hospitalPaidFen` what the hospitals' 一站式 settlements already paid; `earlierFen` what earlier cases of the
 * person-year, direct or applied, have settled (ledger); `amountFen` the rest, after any limit (`limitNote`).
 */
export type DirectAwardSnapshot = EstimateSnapshot & {
  award: {
    settlementNos: string[]; newSettlementNos: string[]; yearTotalFen: number; earlierFen: number; amountFen: number; categories: CategoryCode[];
    hospitalPaidFen?: number; appliedVisits?: number; clause?: string; limitNote?: string | null;
  };
};

type Fresh = { id: string; dataEnc: string; noKey: string | null; visitKey: string | null };
type Prepared = { snapshot: DirectAwardSnapshot; fresh: Fresh[]; category: CategoryCode | null };

export function visitToEpisode(settlementNo: string, v: Visit): EpisodeInput {
  return {
    id: settlementNo, date: v.date, endDate: v.endDate ?? undefined, kind: v.kind, hospitalLevel: v.hospitalLevel as 1 | 2 | 3, specialDisease: v.specialDisease,
    referred: v.referred, location: v.location, offsiteFiled: v.offsiteFiled, totalFen: v.totalFen, policyFen: v.policyFen,
    basicPaidFen: v.basicPaidFen, criticalPaidFen: v.criticalPaidFen, supplementaryPaidFen: v.supplementaryPaidFen,
  };
}

/** The person's certifications in the region's direct scope that cover part of the year, as the calculator takes them. */
export async function directCategories(personId: string, region: string, year: number) {
  const c = schema.personCategories;
  const codes = directCategoryCodes(region);
  if (codes.length === 0) return [];
  const rows = await q((db) => db.select().from(c).where(and(eq(c.personId, personId), eq(c.region, region), eq(c.basis, 'certified'), inArray(c.code, [...codes]))));
  return dedupeCategories(
    rows
      .filter((r) => r.validFrom <= `${year}-12-31` && (!r.validTo || r.validTo >= `${year}-01-01`))
      .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > `${year}-01-01` ? r.validFrom : undefined, to: r.validTo && r.validTo < `${year}-12-31` ? r.validTo : undefined })),
  );
}

/**
 * 直接办理 (免申即享): approves the case the settlement import created for one person-year. The year is computed
 * again over every known visit of that person-year (the deductible and the limits are annual, 003 四(五)): the
 * imported settlements that are not held 待核实, and the visits of applied cases that no settlement matches
 * (lib/personal/visit-key.ts). The case gets what that exceeds everything already paid or settled for the person-year:
 * the hospitals' 一站式 assistance (医疗救助支付) and every earlier case, direct or applied, corrections included
 * (settledForPersonYear), so no visit is paid twice and a lowered amount is never paid back. A pool limit with
 * less room pays the room left. The settlements it covers are linked to the case by compare-and-set.
 */
export const directAward: Verb<Record<string, never>, Prepared> = {
  name: 'direct_award',
  // 免申即享 (003 五(八), 000 二(五)1, by region: directScope()): the settlement import creates the case as a draft
  // nobody else can see and this verb approves it in the same transaction.
  from: ['draft'], to: 'approved', by: ['clerk', 'reviewer', 'admin'],
  label: '直接办理（免申即享）',
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
    if (categories.length === 0) return refuse('invalid', '此人在该年度不是可以直接获得医疗救助的已认定救助对象，须依申请办理。');
    const s = schema.settlements;
    const rows = await q((db) =>
      db.select().from(s).where(and(eq(s.personId, personId), eq(s.region, app.region), eq(s.year, app.year), isNull(s.holdReason))).orderBy(asc(s.date), asc(s.settlementNo)),
    );
    const fresh = rows.filter((r) => r.applicationId === null);
    if (fresh.length === 0) return refuse('conflict', '没有尚未办理的结算记录。');
    const known = new Set(rows.flatMap((r) => [r.noKey, r.visitKey]).filter((k): k is string => !!k));
    const applied = (await appliedVisits(personId, app.region, app.year)).filter((e) => !(e.noKey && known.has(e.noKey)) && !(e.visitKey && known.has(e.visitKey)));
    const appliedOpen = applied.map((e) => decryptJson<Visit>(e.dataEnc));
    const episodes = [
      ...rows.map((r) => visitToEpisode(r.settlementNo, decryptJson<Visit>(r.dataEnc))),
      ...appliedOpen.map((v, i) => visitToEpisode(`applied-${i + 1}`, v)),
    ];
    const base = await estimateFor(app.region as RegionCode, app.year, categories, episodes, now);
    if (!base.result.computable) return refuse('invalid', `暂时算不出救助金额：缺少工作人员设定的参数 ${base.result.missingParameters.join('、')}。`);
    const earlierFen = (await q((db) => settledForPersonYear(db, personId, app.region, app.year))).totalFen;
    // Paid at the hospital: the file's figure for each settlement, and the receipt's for an applied visit the file
    // does not hold (a visit in both counts once, from the file).
    const hospitalPaidFen = rows.reduce((a, r) => a + r.assistancePaidFen, 0) + appliedOpen.reduce((a, v) => a + (v.assistancePaidFen ?? 0), 0);
    const yearTotalFen = base.result.totals.assistanceFen;
    const amountFen = yearTotalFen - hospitalPaidFen - earlierFen;
    if (amountFen <= 0) {
      // Below zero: an earlier case paid a visit the hospital had also assisted (its receipt did not say so).
      const over = amountFen < 0 ? `已办理和医院已支付的合计比全年应救助多 ${formatMoney(-amountFen)}，请核对此前的案件是否扣除了医院结算时支付的医疗救助。` : '';
      return refuse('conflict', `按规定计算本年度没有新增的救助金额（全年应救助 ${formatMoney(yearTotalFen)}，医院结算时已支付 ${formatMoney(hospitalPaidFen)}，此前已办理 ${formatMoney(earlierFen)}）。${over}`);
    }
    const snapshot: DirectAwardSnapshot = {
      ...base,
      award: {
        settlementNos: rows.map((r) => r.settlementNo), newSettlementNos: fresh.map((r) => r.settlementNo), yearTotalFen, earlierFen, amountFen,
        categories: categories.map((c) => c.code), hospitalPaidFen, appliedVisits: applied.length, clause: directClause(app.region), limitNote: null,
      },
    };
    return { ok: true, value: { snapshot, fresh: fresh.map((r) => ({ id: r.id, dataEnc: r.dataEnc, noKey: r.noKey, visitKey: r.visitKey })), category: base.result.category } };
  },
  patch: async ({ db, app, prepared, now }) => ({
    ref: await nextRef(db, app.region, Number(now.toISOString().slice(0, 4))),
    estimateSnapshot: prepared.snapshot, estimatedFen: prepared.snapshot.award.amountFen, decidedAmountFen: prepared.snapshot.award.amountFen,
    primaryCategory: prepared.category, submittedAt: now.toISOString(), decidedAt: now.toISOString(),
    decisionClause: directClause(app.region), decisionReason: '已认定的救助对象，按规定直接获得医疗救助（免申即享）',
  }),
  event: (c) => ({
    message: '已认定的救助对象，按结算记录直接办理（免申即享），无需本人申请',
    data: {
      amountFen: c.prepared.snapshot.award.amountFen, earlierFen: c.prepared.snapshot.award.earlierFen, hospitalPaidFen: c.prepared.snapshot.award.hospitalPaidFen,
      settlements: c.prepared.snapshot.award.newSettlementNos.length, clause: directClause(c.app.region),
    },
  }),
  effects: async (c) => {
    const s = schema.settlements;
    const ids = c.prepared.fresh.map((f) => f.id);
    const linked = await c.db.update(s).set({ applicationId: c.app.id }).where(and(inArray(s.id, ids), isNull(s.applicationId), isNull(s.holdReason))).returning({ id: s.id });
    if (linked.length !== ids.length) throw new Abort(refuse('conflict', '这些结算记录刚刚被另一次导入办理过。'));
    // The case's visits, as an application's: the settlement's encrypted visit is the same sealed record (sealVisit).
    for (const [seq, f] of c.prepared.fresh.entries()) await c.db.insert(schema.episodes).values({ applicationId: c.app.id, seq, dataEnc: f.dataEnc, noKey: f.noKey, visitKey: f.visitKey });
    const award = c.prepared.snapshot.award;
    const paid = await approveAmount(c, { ...c.app, estimateSnapshot: c.prepared.snapshot, primaryCategory: c.prepared.category }, award.amountFen);
    if (paid.amountFen !== award.amountFen) {
      award.amountFen = paid.amountFen;
      award.limitNote = paid.limitNote;
      await c.db.update(schema.applications).set({ estimateSnapshot: c.prepared.snapshot }).where(eq(schema.applications.id, c.app.id));
    }
  },
  notice: (c) => ({
    title: `已为您直接办理医疗救助（${c.ref}）`,
    body: transitionNoticeBody('direct_award', 'approved', { amountFen: c.prepared.snapshot.award.amountFen }),
    sms: `【医疗救助】您是已认定的救助对象，已为您直接办理医疗救助 ${c.ref}（${STATUS_TEXT.approved.label}），请登录查看。`,
  }),
};

/** The visits of the person-year's applied cases (approved or paid; not direct ones), with their keys. */
async function appliedVisits(personId: string, region: string, year: number): Promise<{ dataEnc: string; noKey: string | null; visitKey: string | null }[]> {
  const t = schema.applications;
  const e = schema.episodes;
  return q((db) =>
    db
      .select({ dataEnc: e.dataEnc, noKey: e.noKey, visitKey: e.visitKey })
      .from(e)
      .innerJoin(t, eq(t.id, e.applicationId))
      .where(and(eq(t.personId, personId), eq(t.region, region), eq(t.year, year), inArray(t.status, ['approved', 'paid']), or(isNull(t.idempotencyKey), not(like(t.idempotencyKey, `${DIRECT_KEY_PREFIX}%`)))))
      .orderBy(asc(e.applicationId), asc(e.seq)),
  );
}
