import 'server-only';
// Applications as the people allowed see them, and what submitting needs (checks and the estimate).
// Every change of state goes through lib/workflow (one verb file each).
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '@/db/schema';
import { estimate, parameterNames, type CategoryCode, type EstimateInput, type EstimateResult, type RegionCode } from '@/lib/calculator';
import { canMove } from '@/lib/workflow';
import { allComplete, type Draft } from '@/lib/applications/draft';
import { actingAuthorityId, canAccess, loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { bankChangeOffer } from '@/lib/dal/bank-changes';
import { proxyLabel } from '@/lib/authority/states';
import { staffMaySee } from '@/lib/dal/documents';
import { parametersForYear } from '@/lib/dal/parameters';
import type { SessionUser } from '@/lib/dal/users';
import { openEpisode, openName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';
import { validateApplicant, validateBank, validateDeclaration, validateIdentity } from '@/lib/validation/apply';
import { parseEpisodeForm } from '@/lib/validation/episode-form';
import { maskName, todayInShanghai } from '@/lib/format';

export type EstimateSnapshot = {
  result: EstimateResult;
  parameters: Record<string, { value: number; source: string; version?: string; effectiveFrom?: string }>;
  computedAt: string;
};

export type Problem = { section: string; message: string };

/** Everything submission needs, checked again on the server whatever the pages said. */
export function prepareSubmission(region: RegionCode, draft: Draft, today = todayInShanghai()) {
  const problems: Problem[] = [];
  const applicant = draft.applicant ? validateApplicant(draft.applicant.values) : null;
  if (!applicant?.ok) problems.push({ section: 'applicant', message: '申请人信息还没有填完整' });
  const identity = draft.identity ? validateIdentity(draft.identity.values, region) : null;
  if (!identity?.ok) problems.push({ section: 'identity', message: '救助身份还没有选择' });
  const episodes = draft.episodes.map((e) => parseEpisodeForm(e.values, today, { requireHospitalName: true }));
  if (episodes.length === 0) problems.push({ section: 'episodes', message: '请至少添加一次就医记录' });
  else if (episodes.some((e) => !e.ok)) problems.push({ section: 'episodes', message: '有就医记录还没有填完整' });
  const good = episodes.flatMap((e) => (e.ok ? [e.episode] : []));
  const years = new Set(good.map((e) => e.date.slice(0, 4)));
  if (years.size > 1) problems.push({ section: 'episodes', message: '一份申请只能包含同一年的就医记录，不同年份请分开申请' });
  const bank = draft.bank ? validateBank(draft.bank.values, applicant?.ok ? applicant.data.name : null) : null;
  if (!bank?.ok) problems.push({ section: 'bank', message: '收款账户还没有填完整' });
  const declaration = draft.declaration ? validateDeclaration(draft.declaration.values) : null;
  if (!declaration?.ok) problems.push({ section: 'declaration', message: '还没有确认声明与授权' });
  if (problems.length || !allComplete(draft) || !applicant?.ok || !identity?.ok || !bank?.ok) return { ok: false as const, problems };
  const year = Number(good[0]!.date.slice(0, 4));
  return { ok: true as const, applicant: applicant.data, identity: identity.data, bank: bank.data, episodes: good, year };
}

export type Prepared = Extract<ReturnType<typeof prepareSubmission>, { ok: true }>;

/** The estimate as the person will see it before submitting, and as it is stored with the application. */
export async function estimateFor(region: RegionCode, year: number, categories: EstimateInput['person']['categories'], episodes: Parameters<typeof estimate>[0]['episodes'], now = new Date()): Promise<EstimateSnapshot> {
  const params = await parametersForYear(region, year);
  const known = new Set(parameterNames(region));
  const parameters = Object.fromEntries(Object.entries(params).filter(([k]) => known.has(k)));
  const result = estimate({ region, year, person: { categories }, episodes, parameters });
  return {
    result,
    parameters: Object.fromEntries(Object.entries(parameters).map(([k, p]) => [k, { value: p.value, source: p.source, version: p.version, effectiveFrom: p.effectiveFrom }])),
    computedAt: now.toISOString(),
  };
}

/** Categories a department certified for this person, as the calculator takes them for `year`. */
export async function certifiedCategories(personId: string | null, region: string, year: number): Promise<{ code: CategoryCode; from?: string; to?: string }[]> {
  if (!personId) return [];
  const c = schema.personCategories;
  const rows = await q((db) => db.select().from(c).where(and(eq(c.personId, personId), eq(c.region, region), eq(c.basis, 'certified'))));
  return rows
    .filter((r) => r.validFrom <= `${year}-12-31` && (!r.validTo || r.validTo >= `${year}-01-01`))
    .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > `${year}-01-01` ? r.validFrom : undefined, to: r.validTo && r.validTo < `${year}-12-31` ? r.validTo : undefined }));
}

export function dedupeCategories<T>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type ApplicationSummary = { id: string; ref: string | null; status: ApplicationStatus; region: string; year: number; estimatedFen: number | null; decidedAmountFen: number | null; updatedAt: string; submittedAt: string | null; personId: string | null; personName: string | null; isProxy: boolean; filedByProxy: boolean };

/** Submitted applications this resident may see (own, and those of people they act for with `view`), newest first. */
export async function listApplications(actor: SessionUser): Promise<ApplicationSummary[]> {
  const t = schema.applications;
  const personIds = [actor.personId, ...(await actingFor(actor)).map((p) => p.id)].filter((x): x is string => Boolean(x));
  const rows = await q((db) =>
    db
      .select({ app: t, personNameEnc: schema.persons.nameEnc })
      .from(t)
      .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
      .where(and(ne(t.status, 'draft'), or(eq(t.filedByUserId, actor.id), personIds.length ? inArray(t.personId, personIds) : sql`false`)))
      .orderBy(desc(t.submittedAt)),
  );
  const out: ApplicationSummary[] = [];
  for (const { app, personNameEnc } of rows) {
    if (!(await canAccess(actor, app, 'view'))) continue;
    out.push({ id: app.id, ref: app.ref, status: app.status, region: app.region, year: app.year, estimatedFen: app.estimatedFen, decidedAmountFen: app.decidedAmountFen, updatedAt: app.updatedAt, submittedAt: app.submittedAt, personId: app.personId, personName: personNameEnc ? openName(personNameEnc) : null, isProxy: app.personId !== actor.personId, filedByProxy: app.personId === actor.personId && app.filedByUserId !== actor.id });
  }
  return out;
}

/** People this resident holds an active authority for. */
export async function actingFor(actor: SessionUser) {
  const a = schema.authorities;
  const today = todayInShanghai();
  const rows = await q((db) =>
    db
      .select({ id: schema.persons.id, nameEnc: schema.persons.nameEnc, scope: a.scope, validTo: a.validTo })
      .from(a)
      .innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId))
      .where(and(eq(a.proxyUserId, actor.id), eq(a.status, 'active'), sql`${a.validFrom} <= ${today}`, sql`${a.validTo} >= ${today}`)),
  );
  return rows.map(({ nameEnc, ...r }) => ({ ...r, name: openName(nameEnc) }));
}

export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof applicationDetail>>>;

/** Everything the application page shows; null when this actor may not see it (the page answers 404). */
export async function applicationDetail(actor: SessionUser, ref: string, ip?: string | null) {
  const app = await loadApplication(actor, { ref }, 'view');
  if (!app || app.status === 'draft') return null;
  const personId = app.personId;
  const { person, events, episodes, documents } = await q(async (db) => ({
    person: personId ? (await db.select({ nameEnc: schema.persons.nameEnc }).from(schema.persons).where(eq(schema.persons.id, personId)))[0] : undefined,
    events: await db
      .select({ e: schema.events, actorRole: schema.users.role })
      .from(schema.events)
      .leftJoin(schema.users, eq(schema.users.id, schema.events.actorUserId))
      .where(eq(schema.events.applicationId, app.id))
      .orderBy(asc(schema.events.createdAt)),
    // The visit keys (lib/personal/visit-key.ts) stay in the data layer: the page needs the visit, not its hashes.
    episodes: await db
      .select({ id: schema.episodes.id, applicationId: schema.episodes.applicationId, seq: schema.episodes.seq, dataEnc: schema.episodes.dataEnc })
      .from(schema.episodes)
      .where(eq(schema.episodes.applicationId, app.id))
      .orderBy(asc(schema.episodes.seq)),
    documents: await db
      .select({ id: schema.documents.id, kind: schema.documents.kind, originalName: schema.documents.originalName, mime: schema.documents.mime, episodeSeq: schema.documents.episodeSeq, eventId: schema.documents.eventId, createdAt: schema.documents.createdAt })
      .from(schema.documents)
      .where(eq(schema.documents.applicationId, app.id)),
  }));
  const isResident = actor.role === 'resident';
  // A proxy's look at the applicant's case is logged for the applicant (/proxy shows it).
  const viewingUnder = isResident ? await actingAuthorityId(actor, app, 'view') : null;
  if (viewingUnder) await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'proxy.view', entity: 'application', entityId: app.id, authorityId: viewingUnder });
  // Who acted under which authority, for the timeline ("由 王* 代办").
  const actors = await q((db) => db.select({ id: schema.users.id, name: schema.users.displayName }).from(schema.users).where(inArray(schema.users.id, [...new Set(events.filter((e) => e.e.authorityId && e.e.actorUserId).map((e) => e.e.actorUserId!))].concat(['-']))));
  // Staff of the region may open this page too (it shows the name, the stays and the documents): a staff read
  // is audited here as on the case page (staff-case.ts), the decision (decision.ts) and a download (documents.ts).
  if (!isResident) {
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.view', entity: 'application', entityId: app.id, ip, summary: { ref, view: 'applicant_page' } });
  }
  return {
    app: { ...app, bankAccountEnc: undefined, draftEnc: undefined },
    personName: person ? openName(person.nameEnc) : null,
    isProxy: isResident && app.personId !== actor.personId,
    canRespond: isResident && app.status === 'needs_info' && (await canAccess(actor, app, 'respond')),
    canWithdraw: isResident && canMove('withdraw', app.status, 'applicant') && (await canAccess(actor, app, 'apply')),
    bank: await bankChangeOffer(actor, app),
    snapshot: app.estimateSnapshot as EstimateSnapshot | null,
    events: events.map(({ e, actorRole }) => ({ ...e, byStaff: Boolean(actorRole && actorRole !== 'resident'), byProxy: e.authorityId ? proxyLabel(actors.find((x) => x.id === e.actorUserId)?.name ?? '代办人', maskName) : null })),
    episodes: episodes.map(openEpisode),
    documents: isResident ? documents : documents.filter(staffMaySee),
  };
}

/** 补正 uploads this person made that no answer has carried yet. */
export async function pendingSupplements(applicationId: string, userId: string) {
  const d = schema.documents;
  return q((db) =>
    db
      .select({ id: d.id, originalName: d.originalName })
      .from(d)
      .where(and(eq(d.applicationId, applicationId), eq(d.kind, 'supplement'), eq(d.uploadedBy, userId), isNull(d.eventId))),
  );
}
