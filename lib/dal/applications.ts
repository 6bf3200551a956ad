import 'server-only';
// Submitted applications: submit (idempotent), read for the people allowed, and every state transition as
// one transaction with its event, audit row and notification (ARCHITECTURE.md "Application states").
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db, schema } from '@/db';
import type { ApplicationStatus } from '@/db/schema';
import { estimate, parameterNames, type CategoryCode, type EstimateInput, type EstimateResult, type RegionCode } from '@/lib/calculator';
import { checkTransition, STATUS_TEXT, ACTION_TEXT, type TransitionName } from '@/lib/applications/states';
import { allComplete, type Draft } from '@/lib/applications/draft';
import { decryptJson, encrypt, lookupHash } from '@/lib/crypto';
import { canAccess, loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { notifyApplication, textRecipients } from '@/lib/dal/notifications';
import { parametersForYear } from '@/lib/dal/parameters';
import type { SessionUser } from '@/lib/dal/users';
import { validateApplicant, validateBank, validateDeclaration, validateIdentity } from '@/lib/validation/apply';
import { parseEpisodeForm } from '@/lib/validation/episode-form';
import { formatMoney, todayInShanghai } from '@/lib/format';

const REF_PREFIX: Record<string, string> = { wuxi: 'WX', shanghai: 'SH', 'chongqing-shapingba': 'CQ', national: 'QG', 'shanghai-mutual-aid': 'HZ' };

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

/** The estimate as the person will see it before submitting, and as it is stored with the application. */
export function estimateFor(region: RegionCode, year: number, categories: EstimateInput['person']['categories'], episodes: Parameters<typeof estimate>[0]['episodes'], now = new Date()): EstimateSnapshot {
  const params = parametersForYear(region, year);
  const known = new Set(parameterNames(region));
  const parameters = Object.fromEntries(Object.entries(params).filter(([k]) => known.has(k)));
  const result = estimate({ region, year, person: { categories }, episodes, parameters });
  return {
    result,
    parameters: Object.fromEntries(Object.entries(parameters).map(([k, p]) => [k, { value: p.value, source: p.source, version: p.version, effectiveFrom: p.effectiveFrom }])),
    computedAt: now.toISOString(),
  };
}

function certifiedCategories(personId: string | null, region: string, year: number): { code: CategoryCode; from?: string; to?: string }[] {
  if (!personId) return [];
  const c = schema.personCategories;
  return db()
    .select()
    .from(c)
    .where(and(eq(c.personId, personId), eq(c.region, region), eq(c.basis, 'certified')))
    .all()
    .filter((r) => r.validFrom <= `${year}-12-31` && (!r.validTo || r.validTo >= `${year}-01-01`))
    .map((r) => ({ code: r.code as CategoryCode, from: r.validFrom > `${year}-01-01` ? r.validFrom : undefined, to: r.validTo && r.validTo < `${year}-12-31` ? r.validTo : undefined }));
}

export type SubmitResult = { ok: true; ref: string } | { ok: false; problems: Problem[]; message: string };

/**
 * Submits a draft. Idempotent: the draft row is the idempotency key, so a double tap, a retry after a
 * timeout, or submitting again from the back button answers with the same reference.
 */
export async function submitDraft(actor: SessionUser, id: string, now = new Date()): Promise<SubmitResult> {
  const row = loadApplication(actor, { id }, 'apply');
  if (!row) return { ok: false, problems: [], message: '没有找到这份申请。' };
  if (row.status !== 'draft') return row.ref ? { ok: true, ref: row.ref } : { ok: false, problems: [], message: '这份申请已经提交过了。' };
  const draft = row.draftEnc ? decryptJson<Draft>(row.draftEnc) : { episodes: [] };
  const region = row.region as RegionCode;
  const prepared = prepareSubmission(region, draft, todayInShanghai(now));
  if (!prepared.ok) return { ok: false, problems: prepared.problems, message: '还有内容没有填完，请补充后再提交。' };
  const { applicant, identity, bank, episodes, year } = prepared;

  const outcome = db().transaction((tx) => {
    const current = tx.select().from(schema.applications).where(eq(schema.applications.id, id)).get();
    if (!current || current.status !== 'draft') return current?.ref ? { ok: true as const, ref: current.ref, notify: [] as string[] } : null;
    const person = resolvePerson(tx, actor, current.personId, applicant);
    if ('error' in person) return { ok: false as const, message: person.error };
    for (const code of identity.categories) {
      tx.insert(schema.personCategories)
        .values({ personId: person.id, code, region, validFrom: `${year}-01-01`, basis: 'declared', certificateNo: identity.certificateNo || null })
        .run();
    }
    const categories = [...certifiedCategories(person.id, region, year), ...identity.categories.map((code) => ({ code }))];
    const snapshot = estimateFor(region, year, dedupeCategories(categories), episodes, now);
    episodes.forEach((e, seq) =>
      tx.insert(schema.episodes)
        .values({ applicationId: id, seq, hospitalName: e.hospitalName ?? null, date: e.date, endDate: e.endDate ?? null, kind: e.kind, hospitalLevel: e.hospitalLevel ?? 2, specialDisease: e.specialDisease ?? false, referred: e.referred ?? true, location: e.location ?? 'local', offsiteFiled: e.offsiteFiled ?? false, totalFen: e.totalFen, policyFen: e.policyFen, basicPaidFen: e.basicPaidFen ?? 0, criticalPaidFen: e.criticalPaidFen ?? 0, supplementaryPaidFen: e.supplementaryPaidFen ?? 0 })
        .run(),
    );
    const ref = nextRef(tx, region, Number(todayInShanghai(now).slice(0, 4)));
    const submitted = { ...current, personId: person.id };
    tx.update(schema.applications)
      .set({
        status: 'submitted', ref, personId: person.id, year, idempotencyKey: id,
        bankAccountEnc: encrypt(bank.account), bankAccountLast4: bank.account.slice(-4), bankName: bank.bankName,
        estimateSnapshot: snapshot, estimatedFen: snapshot.result.totals.assistanceFen, primaryCategory: snapshot.result.category,
        submittedAt: now.toISOString(), updatedAt: now.toISOString(),
      })
      .where(eq(schema.applications.id, id))
      .run();
    tx.insert(schema.events).values({ applicationId: id, type: 'status', fromStatus: 'draft', toStatus: 'submitted', actorUserId: actor.id, message: '申请已提交', createdAt: now.toISOString() }).run();
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'application.submit', entity: 'application', entityId: id, summary: { ref, estimatedFen: snapshot.result.totals.assistanceFen } }, tx);
    const notify = notifyApplication(tx, submitted, `申请 ${ref} 已提交`, `我们已收到您的医疗救助申请，编号 ${ref}。${STATUS_TEXT.submitted.next}`);
    return { ok: true as const, ref, notify };
  });
  if (!outcome) return { ok: false, problems: [], message: '这份申请已经提交过了。' };
  if (!outcome.ok) return { ok: false, problems: [{ section: 'applicant', message: outcome.message }], message: outcome.message };
  await textRecipients(outcome.notify, `【医疗救助】您的申请 ${outcome.ref} 已提交，请登录查看进度。`);
  return { ok: true, ref: outcome.ref };
}

function dedupeCategories<T>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

function resolvePerson(tx: Tx, actor: SessionUser, personId: string | null, a: { name: string; idNumber: string; birthDate: string; phone: string; hukouLocal: boolean; insuredLocal: boolean }): { id: string } | { error: string } {
  const idHmac = lookupHash(`id:${a.idNumber}`);
  if (personId) {
    const p = tx.select().from(schema.persons).where(eq(schema.persons.id, personId)).get();
    if (!p) return { error: '没有找到申请人。' };
    if (p.idNumberHmac && p.idNumberHmac !== idHmac) return { error: '身份证号与申请人的登记信息不一致，请核对；如登记有误请到窗口更正。' };
    tx.update(schema.persons).set({ phoneEnc: encrypt(a.phone), idNumberEnc: p.idNumberEnc ?? encrypt(a.idNumber), idNumberHmac: idHmac }).where(eq(schema.persons.id, p.id)).run();
    return { id: p.id };
  }
  const existing = tx.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, idHmac)).get();
  if (existing) {
    // Linking an account to an existing person on the strength of a typed ID number would expose that person's records.
    return { error: '这个身份证号已经登记在其他账号或窗口办理的记录中。为保护个人信息，请带身份证到窗口核实后再申请。' };
  }
  const created = tx
    .insert(schema.persons)
    .values({ name: a.name, idNumberEnc: encrypt(a.idNumber), idNumberHmac: idHmac, birthDate: a.birthDate, phoneEnc: encrypt(a.phone), hukouRegion: a.hukouLocal ? 'local' : 'other', insuredRegion: a.insuredLocal ? 'local' : 'other' })
    .returning({ id: schema.persons.id })
    .get();
  tx.update(schema.users).set({ personId: created.id }).where(eq(schema.users.id, actor.id)).run();
  return { id: created.id };
}

function nextRef(tx: Tx, region: string, year: number): string {
  const prefix = `${REF_PREFIX[region] ?? 'YL'}-${year}`;
  const row = tx
    .insert(schema.counters)
    .values({ name: `ref:${prefix}`, value: 1 })
    .onConflictDoUpdate({ target: schema.counters.name, set: { value: sql`${schema.counters.value} + 1` } })
    .returning({ value: schema.counters.value })
    .get();
  return `${prefix}-${String(row.value).padStart(6, '0')}`;
}

export type ApplicationSummary = { id: string; ref: string | null; status: ApplicationStatus; region: string; year: number; estimatedFen: number | null; decidedAmountFen: number | null; updatedAt: string; submittedAt: string | null; personName: string | null; isProxy: boolean };

/** Submitted applications this resident may see (own, and those of people they act for with `view`), newest first. */
export function listApplications(actor: SessionUser): ApplicationSummary[] {
  const t = schema.applications;
  const personIds = [actor.personId, ...actingFor(actor).map((p) => p.id)].filter((x): x is string => Boolean(x));
  const rows = db()
    .select({ app: t, personName: schema.persons.name })
    .from(t)
    .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
    .where(and(sql`${t.status} <> 'draft'`, or(eq(t.filedByUserId, actor.id), personIds.length ? inArray(t.personId, personIds) : sql`0`)))
    .orderBy(desc(t.submittedAt))
    .all();
  return rows
    .filter((r) => canAccess(actor, r.app, 'view'))
    .map(({ app, personName }) => ({ id: app.id, ref: app.ref, status: app.status, region: app.region, year: app.year, estimatedFen: app.estimatedFen, decidedAmountFen: app.decidedAmountFen, updatedAt: app.updatedAt, submittedAt: app.submittedAt, personName, isProxy: app.personId !== actor.personId }));
}

/** People this resident holds an active authority for (ARCHITECTURE.md: proxy). */
export function actingFor(actor: SessionUser) {
  const a = schema.authorities;
  const today = todayInShanghai();
  return db()
    .select({ id: schema.persons.id, name: schema.persons.name, scope: a.scope, validTo: a.validTo })
    .from(a)
    .innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId))
    .where(and(eq(a.proxyUserId, actor.id), eq(a.status, 'active'), sql`${a.validFrom} <= ${today}`, sql`${a.validTo} >= ${today}`))
    .all();
}

export type ApplicationDetail = ReturnType<typeof applicationDetail>;

/** Everything the application page shows; null when this actor may not see it (the page answers 404). */
export function applicationDetail(actor: SessionUser, ref: string) {
  const app = loadApplication(actor, { ref }, 'view');
  if (!app || app.status === 'draft') return null;
  const person = app.personId ? db().select({ name: schema.persons.name }).from(schema.persons).where(eq(schema.persons.id, app.personId)).get() : null;
  const events = db()
    .select({ e: schema.events, actorRole: schema.users.role })
    .from(schema.events)
    .leftJoin(schema.users, eq(schema.users.id, schema.events.actorUserId))
    .where(eq(schema.events.applicationId, app.id))
    .orderBy(asc(schema.events.createdAt))
    .all();
  const episodes = db().select().from(schema.episodes).where(eq(schema.episodes.applicationId, app.id)).orderBy(asc(schema.episodes.seq)).all();
  const documents = db()
    .select({ id: schema.documents.id, kind: schema.documents.kind, originalName: schema.documents.originalName, mime: schema.documents.mime, episodeSeq: schema.documents.episodeSeq, eventId: schema.documents.eventId, createdAt: schema.documents.createdAt })
    .from(schema.documents)
    .where(eq(schema.documents.applicationId, app.id))
    .all();
  return {
    app: { ...app, bankAccountEnc: undefined, draftEnc: undefined },
    personName: person?.name ?? null,
    isProxy: actor.role === 'resident' && app.personId !== actor.personId,
    canRespond: actor.role === 'resident' && app.status === 'needs_info' && canAccess(actor, app, 'respond'),
    canWithdraw: actor.role === 'resident' && checkTransition('withdraw', app.status, 'applicant').ok && canAccess(actor, app, 'apply'),
    snapshot: app.estimateSnapshot as EstimateSnapshot | null,
    events: events.map(({ e, actorRole }) => ({ ...e, byStaff: Boolean(actorRole && actorRole !== 'resident') })),
    episodes,
    documents,
  };
}

/** 补正 uploads this person made that no answer has carried yet. */
export function pendingSupplements(applicationId: string, userId: string) {
  const d = schema.documents;
  return db()
    .select({ id: d.id, originalName: d.originalName })
    .from(d)
    .where(and(eq(d.applicationId, applicationId), eq(d.kind, 'supplement'), eq(d.uploadedBy, userId), isNull(d.eventId)))
    .all();
}

export type TransitionInput = { message?: string; reason?: string; clause?: string; amountFen?: number; transferredTo?: string; documentIds?: string[] };
export type TransitionResult = { ok: true; status: ApplicationStatus } | { ok: false; message: string; fieldErrors?: Record<string, string> };

const NEEDS: Partial<Record<TransitionName, 'apply' | 'respond'>> = { withdraw: 'apply', answer: 'respond' };

/**
 * The one way an application changes state (staff pages, the resident's page, the seed and tests all call it):
 * permission and region first, then the state machine, then state + event + audit + notification in one transaction.
 */
export async function transition(actor: SessionUser, ref: string, name: TransitionName, input: TransitionInput = {}, ctx: { ip?: string | null; now?: Date } = {}): Promise<TransitionResult> {
  const now = ctx.now ?? new Date();
  const isResident = actor.role === 'resident';
  const app = loadApplication(actor, { ref }, isResident ? (NEEDS[name] ?? 'apply') : 'view');
  if (!app || app.status === 'draft') return { ok: false, message: '没有找到这份申请，或您无权办理。' };
  if (actor.role === 'auditor') return { ok: false, message: '审计员只能查看，不能办理。' };
  const check = checkTransition(name, app.status, isResident ? 'applicant' : actor.role);
  if (!check.ok) return check;

  const fieldErrors: Record<string, string> = {};
  const message = input.message?.trim() ?? '';
  if (name === 'answer') input = { ...input, documentIds: pendingSupplements(app.id, actor.id).map((d) => d.id) };
  if ((name === 'request_info' || name === 'answer' || name === 'transfer') && !message && !(name === 'answer' && input.documentIds?.length)) {
    fieldErrors.message = name === 'answer' ? '请写下补充说明，或上传补正材料' : name === 'transfer' ? '请写明转办原因' : '请写明需要补充哪些材料';
  }
  if (message.length > 1000) fieldErrors.message = '说明不能超过 1000 字';
  if (name === 'reject' && !input.reason?.trim()) fieldErrors.reason = '请写明不予救助的原因';
  if (name === 'reject' && !input.clause?.trim()) fieldErrors.clause = '请写明依据的政策条款';
  if (name === 'transfer' && !input.transferredTo?.trim()) fieldErrors.transferredTo = '请写明转给哪个地区或部门';
  if (name === 'approve' && (!Number.isSafeInteger(input.amountFen) || (input.amountFen ?? -1) < 0)) fieldErrors.amountFen = '请填写核定的救助金额';
  if (Object.keys(fieldErrors).length) return { ok: false, message: '请补充必填内容。', fieldErrors };

  const to = check.to;
  const notify = db().transaction((tx) => {
    const fresh = tx.select({ status: schema.applications.status }).from(schema.applications).where(eq(schema.applications.id, app.id)).get();
    if (fresh?.status !== app.status) return null; // somebody else moved it first
    const patch: Partial<typeof schema.applications.$inferInsert> = { status: to, updatedAt: now.toISOString() };
    if (name === 'approve') Object.assign(patch, { decidedAmountFen: input.amountFen, decidedAt: now.toISOString() });
    if (name === 'reject') Object.assign(patch, { decisionReason: input.reason!.trim(), decisionClause: input.clause!.trim(), decidedAt: now.toISOString() });
    if (name === 'transfer') Object.assign(patch, { transferredTo: input.transferredTo!.trim(), decidedAt: now.toISOString() });
    if (name === 'withdraw') Object.assign(patch, { decidedAt: now.toISOString() });
    tx.update(schema.applications).set(patch).where(eq(schema.applications.id, app.id)).run();
    const event = tx
      .insert(schema.events)
      .values({
        applicationId: app.id, type: name, fromStatus: app.status, toStatus: to, actorUserId: actor.id, createdAt: now.toISOString(),
        message: message || input.reason?.trim() || null,
        data: { clause: input.clause?.trim() || undefined, amountFen: input.amountFen, transferredTo: input.transferredTo?.trim() || undefined },
      })
      .returning({ id: schema.events.id })
      .get();
    if (input.documentIds?.length) {
      tx.update(schema.documents)
        .set({ eventId: event.id })
        .where(and(inArray(schema.documents.id, input.documentIds), eq(schema.documents.applicationId, app.id), eq(schema.documents.uploadedBy, actor.id)))
        .run();
    }
    if (name === 'approve') {
      tx.insert(schema.payments).values({ applicationId: app.id, personId: app.personId!, region: app.region, year: app.year, pool: app.primaryCategory ?? 'assistance', amountFen: input.amountFen!, status: 'pending' }).run();
    }
    if (name === 'mark_paid') {
      tx.update(schema.payments).set({ status: 'paid', paidAt: now.toISOString() }).where(and(eq(schema.payments.applicationId, app.id), eq(schema.payments.status, 'pending'))).run();
    }
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: `application.${name}`, entity: 'application', entityId: app.id, ip: ctx.ip, summary: { ref, from: app.status, to, amountFen: input.amountFen } }, tx);
    const body = name === 'approve' ? `核定救助金额 ${formatMoney(input.amountFen!)}。${STATUS_TEXT[to].next}` : `${message || input.reason?.trim() || ''}${message || input.reason ? '。' : ''}${STATUS_TEXT[to].next}`;
    return notifyApplication(tx, app, `申请 ${ref}：${STATUS_TEXT[to].label}`, body);
  });
  if (!notify) return { ok: false, message: '这份申请刚刚被其他人处理过，请刷新后再看。' };
  await textRecipients(notify, `【医疗救助】您的申请 ${ref} ${ACTION_TEXT[name] === '提交补正材料' ? '已收到补正材料' : `状态更新为：${STATUS_TEXT[to].label}`}，请登录查看。`);
  return { ok: true, status: to };
}
