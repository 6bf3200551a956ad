import 'server-only';
import { openEpisode, openName, openOptional } from '@/lib/personal/records';
// One case as staff see it: masked by default, every view audited, the estimate at submission beside a
// fresh one with today's parameters, the person's ledger for the year, and the actions this role may take
// in this state. Revealing a full value writes its audit row in the same transaction that reads it.
import { and, asc, eq } from 'drizzle-orm';
import type { CategoryCode, EpisodeInput, RegionCode } from '@/lib/calculator';
import { CASE_HANDLERS, STAFF } from '@/lib/auth/roles';
import { decrypt } from '@/lib/personal/crypto';
import { loadApplication, type AppRow } from '@/lib/dal/access';
import { dedupeCategories, estimateFor, type EstimateSnapshot } from '@/lib/dal/applications';
import { writeAudit } from '@/lib/dal/audit';
import type { SessionUser } from '@/lib/dal/users';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from '@/lib/format';
import { notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { localRules, regionSettings } from '@/lib/dal/region-settings';
import { addWorkingDays, todayInShanghai } from '@/lib/format';
import { caseActions } from '@/lib/workflow';
import { rejectReasonsFor } from '@/lib/workflow/reject-reasons';
import { visitMatches } from '@/lib/dal/visit-duplicates';
import { visitKeys } from '@/lib/personal/visit-key';

export const REVEALABLE = { name: '姓名', idNumber: '身份证号', phone: '手机号', bankAccount: '银行卡号' } as const;
export type RevealField = keyof typeof REVEALABLE;

async function loadForStaff(actor: SessionUser, ref: string): Promise<AppRow | null> {
  if (!STAFF.includes(actor.role)) return null;
  const app = await loadApplication(actor, { ref }, 'view');
  return app && app.status !== 'draft' ? app : null;
}

/** The applicant's full values, decrypted on the server only to be masked or revealed. */
async function personalValues(app: AppRow) {
  const [person] = app.personId ? await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, app.personId!))) : [];
  return {
    person,
    name: person?.nameEnc ? openName(person.nameEnc) : null,
    idNumber: person?.idNumberEnc ? decrypt(person.idNumberEnc) : null,
    phone: person?.phoneEnc ? decrypt(person.phoneEnc) : null,
    bankAccount: app.bankAccountEnc ? decrypt(app.bankAccountEnc) : null,
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof staffCaseDetail>>>;

/** Everything the staff case page shows, or null (404). The view itself is audited ('application.view'). */
export async function staffCaseDetail(actor: SessionUser, ref: string, ip?: string | null, now = new Date()) {
  const app = await loadForStaff(actor, ref);
  if (!app) return null;
  const values = await personalValues(app);
  const personId = app.personId;
  const data = await q(async (db) => ({
    categories: personId
      ? (await db.select().from(schema.personCategories).where(and(eq(schema.personCategories.personId, personId), eq(schema.personCategories.region, app.region))).orderBy(asc(schema.personCategories.validFrom)))
          .map(({ certificateNoEnc, ...c }) => ({ ...c, certificateNo: openOptional(certificateNoEnc) }))
      : [],
    authority: personId
      ? (await db.select({ a: schema.authorities, proxyName: schema.users.displayName }).from(schema.authorities)
          .leftJoin(schema.users, eq(schema.users.id, schema.authorities.proxyUserId))
          .where(and(eq(schema.authorities.grantorPersonId, personId), eq(schema.authorities.proxyUserId, app.filedByUserId))))[0] ?? null
      : null,
    events: await db.select({ e: schema.events, actorName: schema.users.displayName, actorRole: schema.users.role }).from(schema.events)
      .leftJoin(schema.users, eq(schema.users.id, schema.events.actorUserId))
      .where(eq(schema.events.applicationId, app.id)).orderBy(asc(schema.events.createdAt)),
    episodes: (await db.select().from(schema.episodes).where(eq(schema.episodes.applicationId, app.id)).orderBy(asc(schema.episodes.seq))).map(openEpisode),
    documents: await db.select({ id: schema.documents.id, kind: schema.documents.kind, originalName: schema.documents.originalName, mime: schema.documents.mime, episodeSeq: schema.documents.episodeSeq, eventId: schema.documents.eventId, createdAt: schema.documents.createdAt })
      .from(schema.documents).where(eq(schema.documents.applicationId, app.id)).orderBy(asc(schema.documents.createdAt)),
    ledger: personId ? await personLedger(personId, app.region, app.year) : [],
    assignee: app.assignedToUserId ? (await db.select({ displayName: schema.users.displayName }).from(schema.users).where(eq(schema.users.id, app.assignedToUserId)))[0] ?? null : null,
  }));
  const snapshot = app.estimateSnapshot as EstimateSnapshot | null;
  // The same visit elsewhere (an import, another case of this person): shown with the other case's link.
  const duplicates = (await visitMatches(app)).filter((m) => !m.own);
  const keyed = await q((db) => db.select({ seq: schema.episodes.seq, noKey: schema.episodes.noKey }).from(schema.episodes).where(eq(schema.episodes.applicationId, app.id)));
  const fresh = await freshEstimate(app, data.categories, data.episodes, now);
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.view', entity: 'application', entityId: app.id, ip, summary: { ref } });
  const [settings, rules] = await Promise.all([regionSettings(app.region), localRules(app.region)]);
  const actions = await caseActions(actor, app, {
    estimatedFen: app.estimatedFen,
    decidedAmountFen: app.decidedAmountFen,
    reasons: rejectReasonsFor(app.region, rules),
    // The default 补正 period the form suggests; the clerk may set any later date.
    defaultDueDate: todayInShanghai(addWorkingDays(now, 10, settings.calendar)),
  });
  return {
    app: { ...app, bankAccountEnc: undefined, draftEnc: undefined },
    masked: {
      name: values.name ? maskName(values.name) : null,
      idNumber: values.idNumber ? maskIdNumber(values.idNumber) : null,
      phone: values.phone ? maskPhone(values.phone) : null,
      bankAccount: app.bankAccountLast4 ? maskBankAccount(app.bankAccountLast4) : null,
    },
    hukouRegion: values.person?.hukouRegion ?? null,
    insuredRegion: values.person?.insuredRegion ?? null,
    birthDate: values.person?.birthDate ?? null,
    ...data,
    duplicates,
    /** Visits with a 结算单号 on record (its keyed hash); staff may fill the others at review. */
    numbered: keyed.filter((k) => k.noKey).map((k) => k.seq),
    mayNumber: SETTLEMENT_NO_BY.includes(actor.role) && (SETTLEMENT_NO_STATES as readonly string[]).includes(app.status),
    snapshot,
    fresh,
    actions,
    settings,
  };
}

/** Today's calculation for the same person, categories and bills, with the parameters now in force for the year. */
async function freshEstimate(app: AppRow, categories: { code: string; validFrom: string; validTo: string | null }[], episodes: ReturnType<typeof openEpisode>[], now: Date): Promise<EstimateSnapshot | null> {
  if (episodes.length === 0) return null;
  const y = app.year;
  const cats = dedupeCategories(
    categories
      .filter((r) => r.validFrom <= `${y}-12-31` && (!r.validTo || r.validTo >= `${y}-01-01`))
      .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > `${y}-01-01` ? r.validFrom : undefined, to: r.validTo && r.validTo < `${y}-12-31` ? r.validTo : undefined })),
  );
  const eps: EpisodeInput[] = episodes.map((e) => ({
    id: String(e.seq + 1), date: e.date, endDate: e.endDate ?? undefined, kind: e.kind, hospitalLevel: e.hospitalLevel as 1 | 2 | 3, specialDisease: e.specialDisease, referred: e.referred,
    location: e.location, offsiteFiled: e.offsiteFiled, totalFen: e.totalFen, policyFen: e.policyFen, basicPaidFen: e.basicPaidFen, criticalPaidFen: e.criticalPaidFen, supplementaryPaidFen: e.supplementaryPaidFen,
  }));
  return estimateFor(app.region as RegionCode, y, cats, eps, now);
}

/** Every ledger row of this person in this region and year (payments by person and year). */
export async function personLedger(personId: string, region: string, year: number) {
  const p = schema.payments;
  return q((db) =>
    db.select({ p, ref: schema.applications.ref }).from(p)
      .leftJoin(schema.applications, eq(schema.applications.id, p.applicationId))
      .where(and(eq(p.personId, personId), eq(p.region, region), eq(p.year, year)))
      .orderBy(asc(p.createdAt)),
  ).then((rows) => rows.map(({ p: row, ref }) => ({ ...row, ref })));
}

/** One personal value in full, for this staff member; the audit row is written in the same transaction. */
export const REVEALERS = CASE_HANDLERS;

export async function revealField(actor: SessionUser, ref: string, field: RevealField, ip?: string | null): Promise<Result<{ value: string }>> {
  // Auditors audit actions, not people, and administrators set the portal up: only a clerk or reviewer of the
  // area may see a full value (the office's ruling on least privilege).
  if (!REVEALERS.includes(actor.role) || !(field in REVEALABLE)) return notFound();
  const app = await loadForStaff(actor, ref);
  if (!app) return notFound();
  return transaction(async () => {
    const values = await personalValues(app);
    const value = values[field];
    if (!value) return notFound();
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.reveal', entity: 'application', entityId: app.id, ip, summary: { ref, field } });
    return { ok: true as const, value };
  });
}

const SETTLEMENT_NO_BY = CASE_HANDLERS;
const SETTLEMENT_NO_STATES = ['submitted', 'accepted', 'in_review', 'needs_info'] as const;

/**
 * Staff fill a visit's 结算单号 from the receipt at review (Office rules: the visit is keyed by it where there is
 * one): only its keyed hash is kept (lib/personal/visit-key.ts), so a later import of the same settlement finds this case.
 * Before a decision only; the audit row is written in the same transaction; another area's case is not found.
 */
export async function setSettlementNo(actor: SessionUser, ref: string, seq: number, settlementNo: string, ip?: string | null): Promise<Result<{ seq: number }>> {
  if (!SETTLEMENT_NO_BY.includes(actor.role)) return notFound();
  const app = await loadForStaff(actor, ref);
  if (!app) return notFound();
  if (!(SETTLEMENT_NO_STATES as readonly string[]).includes(app.status)) return refuse('conflict', '已经作出决定的申请不能再补填结算单号。');
  const e = schema.episodes;
  return transaction(async (db) => {
    const [episode] = await db.select().from(e).where(and(eq(e.applicationId, app.id), eq(e.seq, seq)));
    if (!episode) return notFound();
    const visit = openEpisode(episode);
    const { noKey } = visitKeys(visit, settlementNo);
    await db.update(e).set({ noKey }).where(eq(e.id, episode.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.settlement_no', entity: 'application', entityId: app.id, ip, summary: { ref, seq, before: { numbered: !!episode.noKey }, after: { numbered: true } } });
    return { ok: true as const, seq };
  });
}
