import 'server-only';
// A resident's rights over what the portal holds about them (《个人信息保护法》第四十四条至第四十七条): the
// separate consent for sensitive data (第二十九条), a copy of everything (第四十五条), a correction a clerk
// decides (第四十六条), withdrawing SMS consent and closing the account (第十五条、第四十七条). Every request
// is a `data_requests` row with the date it must be answered by, audited in the same transaction.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import { decrypt, decryptJson, encrypt } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser, smsWithdrawnBy } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { deleteIfUnreferenced } from '@/lib/store/files';
import { openEpisode, openName } from '@/lib/personal/records';
import { addWorkingDays, maskBankAccount, todayInShanghai } from '@/lib/format';
import { BANK_CHANGE_TEXT } from '@/lib/dal/bank-changes';
import { ANSWER_WITHIN_WORKING_DAYS, NOTICE_VERSION } from '@/lib/texts/privacy-notice';
import { regionInfo, type RegionCode } from '@/lib/calculator';
import { STATUS_TEXT } from '@/lib/workflow/states';
import { RELATIONSHIP_TEXT } from '@/lib/authority/states';
import { notFound, refuse, type Result } from '@/lib/result';
import type { ConsentKind, DataRequestKind, DataRequestStatus } from '@/db/schema-shared';
import { STAFF } from '@/lib/auth/roles';
import { staffAreaWhere } from '@/lib/dal/access';

export const ROLE_LABEL: Record<string, string> = { clerk: '受理员', reviewer: '审核员', admin: '管理员', auditor: '审计员' };
export const REQUEST_KIND_TEXT: Record<DataRequestKind, string> = { correction: '更正信息', closure: '注销账号', export: '下载我的数据', sms_withdraw: '撤回短信通知同意' };
export const REQUEST_STATUS_TEXT: Record<DataRequestStatus, string> = { open: '处理中', done: '已办结', refused: '不予更正' };

function isResident(actor: SessionUser): boolean {
  return actor.role === 'resident';
}

async function ownPersonId(actor: SessionUser): Promise<string | null> {
  const [row] = await q((db) => db.select({ p: schema.users.personId }).from(schema.users).where(eq(schema.users.id, actor.id)));
  return row?.p ?? actor.personId ?? null;
}

// ── Consent ──────────────────────────────────────────────────────────────────────────────────────────

/** The live consent of this kind, if any (given and not withdrawn), with the notice version it was given under. */
export async function liveConsent(userId: string, kind: ConsentKind) {
  const c = schema.consents;
  const [row] = await q((db) => db.select().from(c).where(and(eq(c.userId, userId), eq(c.kind, kind), isNull(c.withdrawnAt))).orderBy(desc(c.givenAt)).limit(1));
  return row ?? null;
}

/** Separate consent to sensitive data under the current notice (a new notice version asks again). */
export async function hasSensitiveConsent(actor: SessionUser): Promise<boolean> {
  const row = await liveConsent(actor.id, 'sensitive');
  return row?.noticeVersion === NOTICE_VERSION;
}

export async function giveSensitiveConsent(actor: SessionUser): Promise<Result> {
  if (!isResident(actor)) return notFound();
  if (await hasSensitiveConsent(actor)) return { ok: true };
  return transaction(async (db) => {
    await db.insert(schema.consents).values({ userId: actor.id, kind: 'sensitive', noticeVersion: NOTICE_VERSION });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'consent.give', entity: 'user', entityId: actor.id, summary: { kind: 'sensitive', version: NOTICE_VERSION } });
    return { ok: true } as const;
  });
}

/** SMS notices go out unless the account withdrew that consent (and has not given it again since). */
export const smsWithdrawn = smsWithdrawnBy;

function dueDate(now: Date): string {
  return todayInShanghai(addWorkingDays(now, ANSWER_WITHIN_WORKING_DAYS));
}

async function newRequestRef(now: Date): Promise<string> {
  const year = todayInShanghai(now).slice(0, 4);
  const c = schema.counters;
  const [row] = await q((db) => db.insert(c).values({ name: `ref:GR-${year}`, value: 1 }).onConflictDoUpdate({ target: c.name, set: { value: sql`${c.value} + 1` } }).returning({ value: c.value }));
  return `GR-${year}-${String(row!.value).padStart(6, '0')}`;
}

/** Withdraws (or gives again) consent to SMS notices; the request is recorded and answered at once. */
export async function setSmsConsent(actor: SessionUser, wanted: boolean, now = new Date()): Promise<Result> {
  if (!isResident(actor)) return notFound();
  return transaction(async (db) => {
    const c = schema.consents;
    if (wanted) await db.insert(c).values({ userId: actor.id, kind: 'sms', noticeVersion: NOTICE_VERSION });
    else {
      const withdrawn = await db.update(c).set({ withdrawnAt: now.toISOString() }).where(and(eq(c.userId, actor.id), eq(c.kind, 'sms'), isNull(c.withdrawnAt))).returning({ id: c.id });
      // Never asked before: SMS was on by the sign-in notice, so the withdrawal itself is a row.
      if (withdrawn.length === 0) await db.insert(c).values({ userId: actor.id, kind: 'sms', noticeVersion: NOTICE_VERSION, withdrawnAt: now.toISOString() });
    }
    const ref = await newRequestRef(now);
    const answer = wanted ? '已恢复短信通知。' : '已停止发送短信通知；办理进展仍在“我的”消息通知里。';
    await db.insert(schema.dataRequests).values({ ref, userId: actor.id, kind: 'sms_withdraw', status: 'done', dueDate: dueDate(now), answer, decidedAt: now.toISOString() });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: wanted ? 'consent.give' : 'consent.withdraw', entity: 'user', entityId: actor.id, summary: { kind: 'sms', ref } });
    return { ok: true } as const;
  });
}

// ── The copy of everything ───────────────────────────────────────────────────────────────────────────

export type MyData = Awaited<ReturnType<typeof collectMyData>>;

/** Everything the portal holds about this resident, decrypted for them alone; the download is audited. */
export async function exportMyData(actor: SessionUser, format: 'json' | 'pdf', now = new Date()): Promise<MyData | null> {
  if (!isResident(actor)) return null;
  const data = await collectMyData(actor, now);
  await transaction(async (db) => {
    const ref = await newRequestRef(now);
    await db.insert(schema.dataRequests).values({ ref, userId: actor.id, kind: 'export', status: 'done', dueDate: dueDate(now), answer: `已下载（${format.toUpperCase()}）`, decidedAt: now.toISOString() });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'data.export', entity: 'user', entityId: actor.id, summary: { format, ref, applications: data.applications.length } });
  });
  return data;
}

async function collectMyData(actor: SessionUser, now: Date) {
  const personId = await ownPersonId(actor);
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, actor.id)));
  const [person] = personId ? await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, personId))) : [];
  const t = schema.applications;
  // The person's own applications (whoever filed them) and the drafts this account started for itself.
  const apps = await q((db) =>
    db.select().from(t).where(or(personId ? eq(t.personId, personId) : sql`false`, and(eq(t.filedByUserId, actor.id), eq(t.status, 'draft'), personId ? or(isNull(t.personId), eq(t.personId, personId)) : isNull(t.personId)))).orderBy(asc(t.createdAt)),
  );
  const appIds = apps.map((a) => a.id);
  const episodes = appIds.length ? await q((db) => db.select().from(schema.episodes).where(inArray(schema.episodes.applicationId, appIds)).orderBy(asc(schema.episodes.seq))) : [];
  const docs = appIds.length ? await q((db) => db.select().from(schema.documents).where(inArray(schema.documents.applicationId, appIds)).orderBy(asc(schema.documents.createdAt))) : [];
  const a = schema.authorities;
  const granted = personId ? await q((db) => db.select().from(a).where(eq(a.grantorPersonId, personId)).orderBy(asc(a.createdAt))) : [];
  const held = await q((db) => db.select({ a, nameMasked: schema.persons.nameMasked }).from(a).innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId)).where(eq(a.proxyUserId, actor.id)).orderBy(asc(a.createdAt)));
  const workerRows = await q((db) => db.select().from(schema.communityWorkers).where(eq(schema.communityWorkers.userId, actor.id)).orderBy(asc(schema.communityWorkers.verifiedAt)));
  const notices = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, actor.id)).orderBy(asc(schema.notifications.createdAt)));
  const consents = await q((db) => db.select().from(schema.consents).where(eq(schema.consents.userId, actor.id)).orderBy(asc(schema.consents.givenAt)));
  const requests = await q((db) => db.select().from(schema.dataRequests).where(eq(schema.dataRequests.userId, actor.id)).orderBy(asc(schema.dataRequests.createdAt)));
  const bankChanges = await bankChangesOf(appIds, actor.id);
  const l = schema.auditLog;
  const views = appIds.length
    ? await q((db) =>
        db
          .select({ at: l.at, action: l.action, role: l.actorRole, entityId: l.entityId, region: schema.users.region, district: schema.users.district })
          .from(l)
          .leftJoin(schema.users, eq(schema.users.id, l.actorUserId))
          .where(and(eq(l.entity, 'application'), inArray(l.entityId, appIds), inArray(l.actorRole, [...STAFF]), or(sql`${l.action} like '%.view'`, eq(l.action, 'application.reveal'))))
          .orderBy(asc(l.at)),
      )
    : [];
  const refOf = new Map(apps.map((x) => [x.id, x.ref]));
  return {
    generatedAt: now.toISOString(),
    noticeVersion: NOTICE_VERSION,
    account: { phone: user?.phoneEnc ? decrypt(user.phoneEnc) : null, createdAt: user?.createdAt ?? null, lastLoginAt: user?.lastLoginAt ?? null },
    person: person
      ? { name: openName(person.nameEnc), idNumber: person.idNumberEnc ? decrypt(person.idNumberEnc) : null, birthDate: person.birthDate, phone: person.phoneEnc ? decrypt(person.phoneEnc) : null, hukouRegion: person.hukouRegion, insuredRegion: person.insuredRegion }
      : null,
    applications: apps.map((x) => ({
      ref: x.ref,
      status: x.status,
      statusText: STATUS_TEXT[x.status]?.label ?? x.status,
      region: x.region,
      year: x.year,
      createdAt: x.createdAt,
      submittedAt: x.submittedAt,
      decidedAt: x.decidedAt,
      estimatedFen: x.estimatedFen,
      decidedAmountFen: x.decidedAmountFen,
      bankName: x.bankName,
      bankAccount: x.bankAccountEnc ? decrypt(x.bankAccountEnc) : null,
      draftAnswers: x.status === 'draft' && x.draftEnc ? decryptJson<unknown>(x.draftEnc) : null,
      visits: episodes.filter((e) => e.applicationId === x.id).map((e) => {
        const { id: _id, applicationId: _app, ...visit } = openEpisode(e);
        return visit;
      }),
      documents: docs.filter((d) => d.applicationId === x.id).map((d) => ({ name: d.originalName, kind: d.kind, mime: d.mime, sizeBytes: d.sizeBytes, uploadedAt: d.createdAt })),
    })),
    authoritiesGranted: granted.map((g) => ({ status: g.status, kind: g.kind, relationship: RELATIONSHIP_TEXT[g.relationship], scope: g.scope, validFrom: g.validFrom, validTo: g.validTo, proxyPhone: g.proxyPhoneEnc ? decrypt(g.proxyPhoneEnc) : null })),
    authoritiesHeld: held.map(({ a: h, nameMasked }) => ({ grantor: nameMasked, status: h.status, kind: h.kind, relationship: RELATIONSHIP_TEXT[h.relationship], scope: h.scope, validFrom: h.validFrom, validTo: h.validTo })),
    // The office's verifications of this account as a 基层工作人员 (unit and region as the clerk recorded them).
    communityWorker: workerRows.map((w) => ({ region: w.region, organisation: w.organisation, verifiedAt: w.verifiedAt })),
    notices: notices.map((n) => ({ at: n.createdAt, title: n.title, body: n.body, readAt: n.readAt })),
    consents: consents.map((c) => ({ kind: c.kind, noticeVersion: c.noticeVersion, givenAt: c.givenAt, withdrawnAt: c.withdrawnAt })),
    requests: requests.map((r) => ({ ref: r.ref, kind: r.kind, status: r.status, createdAt: r.createdAt, dueDate: r.dueDate, answer: r.answer })),
    bankChanges,
    // Who looked at the record: role and office, never a name (the staff member is not the data subject).
    staffViews: views.map((v) => ({ at: v.at, ref: refOf.get(v.entityId ?? '') ?? null, action: v.action, role: ROLE_LABEL[v.role ?? ''] ?? v.role, office: officeText(v.region, v.district) })),
  };
}

export function officeText(region: string | null, district: string | null): string {
  const name = region ? (regionInfo(region as RegionCode)?.nameZh ?? region) : '全市';
  return `${name}${district ? ` ${district}` : ''}医疗救助经办机构`;
}

// ── Corrections ──────────────────────────────────────────────────────────────────────────────────────

export const CORRECTION_MAX = 500;

/** A correction the resident asks for: it reaches the clerks of the application's region (or the account's). */
export async function requestCorrection(actor: SessionUser, input: { ref: string | null; detail: string }, now = new Date()): Promise<Result<{ ref: string; dueDate: string }>> {
  if (!isResident(actor)) return notFound();
  const detail = input.detail.trim();
  if (!detail) return refuse('invalid', '请写明哪一项信息不对，应当是什么。', { detail: '请写明哪一项信息不对，应当是什么。' });
  if (detail.length > CORRECTION_MAX) return refuse('invalid', `请不超过 ${CORRECTION_MAX} 字。`, { detail: `请不超过 ${CORRECTION_MAX} 字。` });
  const mine = await myApplications(actor);
  const app = input.ref ? mine.find((x) => x.ref === input.ref) : null;
  if (input.ref && !app) return refuse('invalid', '请从列表里选择您的申请。', { ref: '请从列表里选择您的申请。' });
  const region = app?.region ?? actor.region ?? mine[0]?.region ?? null;
  return transaction(async (db) => {
    const ref = await newRequestRef(now);
    const due = dueDate(now);
    const [row] = await db.insert(schema.dataRequests).values({ ref, userId: actor.id, kind: 'correction', region, applicationId: app?.id ?? null, detailEnc: encrypt(detail), dueDate: due }).returning({ id: schema.dataRequests.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'data.correction_request', entity: 'data_request', entityId: row!.id, summary: { ref, region, application: app?.ref ?? null } });
    return { ok: true as const, ref, dueDate: due };
  });
}

async function myApplications(actor: SessionUser) {
  const personId = await ownPersonId(actor);
  if (!personId) return [];
  const t = schema.applications;
  return q((db) => db.select({ id: t.id, ref: t.ref, region: t.region, status: t.status }).from(t).where(and(eq(t.personId, personId), ne(t.status, 'draft'), isNotNull(t.ref))).orderBy(desc(t.submittedAt)));
}

/** The references the correction form offers. */
export async function correctableApplications(actor: SessionUser) {
  return isResident(actor) ? (await myApplications(actor)).map((a) => ({ ref: a.ref!, statusText: STATUS_TEXT[a.status]?.label ?? a.status })) : [];
}

/** The resident's own requests, newest first. */
export async function myRequests(actor: SessionUser) {
  if (!isResident(actor)) return [];
  const r = schema.dataRequests;
  const rows = await q((db) => db.select().from(r).where(eq(r.userId, actor.id)).orderBy(desc(r.createdAt)));
  return rows.map((x) => ({ ref: x.ref, kind: x.kind, status: x.status, createdAt: x.createdAt, dueDate: x.dueDate, answer: x.answer }));
}

/** Clerks and reviewers see the open and decided corrections of their region (district staff: their district's applications). */
function staffMayWork(actor: SessionUser): boolean {
  return (actor.role === 'clerk' || actor.role === 'reviewer') && Boolean(actor.region);
}

export async function correctionQueue(actor: SessionUser) {
  if (!staffMayWork(actor)) return [];
  const r = schema.dataRequests;
  const rows = await q((db) =>
    db
      .select({ r, appRef: schema.applications.ref, district: schema.applications.district })
      .from(r)
      .leftJoin(schema.applications, eq(schema.applications.id, r.applicationId))
      .where(and(eq(r.kind, 'correction'), eq(r.region, actor.region!), actor.district ? staffAreaWhere(actor, schema.applications.region, schema.applications.district) : undefined))
      .orderBy(asc(r.status), asc(r.dueDate)),
  );
  return rows.map(({ r: x, appRef }) => ({ id: x.id, ref: x.ref, status: x.status, createdAt: x.createdAt, dueDate: x.dueDate, answer: x.answer, applicationRef: appRef, detail: x.detailEnc ? decrypt(x.detailEnc) : '' }));
}

/** Reading the queue shows what residents wrote (it may be personal data): audited as a view. */
export async function auditCorrectionQueueView(actor: SessionUser, count: number): Promise<void> {
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'data_request.queue_view', entity: 'data_request', summary: { rows: count } });
}

/** A clerk answers a correction: corrected (done) or not corrected with the reason; the resident is told. */
export async function decideCorrection(actor: SessionUser, id: string, input: { decision: 'done' | 'refused'; answer: string }, now = new Date()): Promise<Result> {
  if (!staffMayWork(actor)) return notFound();
  const answer = input.answer.trim();
  if (!answer) return refuse('invalid', '请写明处理结果。', { answer: '请写明处理结果：改了什么，或为什么不改。' });
  const r = schema.dataRequests;
  const queue = await correctionQueue(actor);
  if (!queue.some((x) => x.id === id)) return notFound();
  return transaction(async (db) => {
    const [done] = await db.update(r).set({ status: input.decision, answer, decidedByUserId: actor.id, decidedAt: now.toISOString() }).where(and(eq(r.id, id), eq(r.status, 'open'))).returning();
    if (!done) return refuse('conflict', '这项申请已经答复过了。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'data_request.decide', entity: 'data_request', entityId: id, summary: { ref: done.ref, decision: input.decision } });
    await notifyUser(done.userId, input.decision === 'done' ? '信息已更正' : '信息更正申请的答复', `您的更正申请 ${done.ref}：${answer}`);
    return { ok: true } as const;
  });
}

/**
 * The requests to change a receiving account, on the person's applications or asked by this account (as a proxy):
 * the new account masked (the request is a record of what was asked, not a second copy of the number).
 */
async function bankChangesOf(appIds: string[], userId: string) {
  const c = schema.bankAccountChanges;
  const t = schema.applications;
  const rows = await q((db) =>
    db
      .select({ c, ref: t.ref })
      .from(c)
      .innerJoin(t, eq(t.id, c.applicationId))
      .where(or(appIds.length ? inArray(c.applicationId, appIds) : sql`false`, eq(c.requestedByUserId, userId)))
      .orderBy(asc(c.createdAt)),
  );
  return rows.map(({ c: r, ref }) => ({
    ref, bankName: r.bankName, accountMasked: maskBankAccount(r.accountLast4), status: r.status, statusText: BANK_CHANGE_TEXT[r.status], cause: r.cause,
    createdAt: r.createdAt, decidedAt: r.decidedAt, answer: r.answer,
  }));
}

// ── Closing the account ──────────────────────────────────────────────────────────────────────────────

/** What closing would remove and keep, said before the resident confirms. */
export async function closurePreview(actor: SessionUser) {
  const personId = await ownPersonId(actor);
  const t = schema.applications;
  const drafts = await q((db) => db.select({ id: t.id }).from(t).where(and(eq(t.filedByUserId, actor.id), eq(t.status, 'draft'))));
  const kept = personId ? await q((db) => db.select({ ref: t.ref, status: t.status }).from(t).where(and(eq(t.personId, personId), ne(t.status, 'draft')))) : [];
  const a = schema.authorities;
  const live = await q((db) => db.select({ id: a.id }).from(a).where(and(inArray(a.status, ['active', 'pending']), or(eq(a.proxyUserId, actor.id), personId ? eq(a.grantorPersonId, personId) : sql`false`))));
  const appIds = personId ? (await q((db) => db.select({ id: t.id }).from(t).where(eq(t.personId, personId)))).map((x) => x.id) : [];
  // Kept with the applications they belong to: a pending change is still verified, and its answer sent, after closing.
  const bankChanges = await bankChangesOf(appIds, actor.id);
  return { drafts: drafts.length, kept: kept.map((k) => ({ ref: k.ref!, statusText: STATUS_TEXT[k.status]?.label ?? k.status })), authorities: live.length, bankChanges };
}

/**
 * Closes the account: drafts and their uploads deleted, authorities both ways ended, consents withdrawn, the
 * phone unlinked (signing in again starts a new account), every session ended. Submitted and decided
 * applications stay with the office for the region's retention period (they are records of public money).
 */
export async function closeAccount(actor: SessionUser, now = new Date()): Promise<Result<{ ref: string }>> {
  if (!isResident(actor)) return notFound();
  const personId = await ownPersonId(actor);
  const removed: string[] = [];
  const at = now.toISOString();
  const result = await transaction(async (db) => {
    const t = schema.applications;
    const drafts = (await db.select({ id: t.id }).from(t).where(and(eq(t.filedByUserId, actor.id), eq(t.status, 'draft')))).map((d) => d.id);
    if (drafts.length) {
      removed.push(...(await db.select({ sha256: schema.documents.sha256 }).from(schema.documents).where(inArray(schema.documents.applicationId, drafts))).map((d) => d.sha256));
      await db.delete(schema.documents).where(inArray(schema.documents.applicationId, drafts));
      await db.delete(schema.episodes).where(inArray(schema.episodes.applicationId, drafts));
      await db.delete(t).where(and(inArray(t.id, drafts), eq(t.status, 'draft')));
    }
    await db.delete(schema.prefills).where(eq(schema.prefills.userId, actor.id));
    const a = schema.authorities;
    const mine = or(eq(a.proxyUserId, actor.id), personId ? eq(a.grantorPersonId, personId) : sql`false`);
    const revoked = await db.update(a).set({ status: 'revoked', revokedAt: at, endedByUserId: actor.id }).where(and(eq(a.status, 'active'), mine)).returning({ id: a.id });
    const cancelled = await db.update(a).set({ status: 'cancelled', endedByUserId: actor.id }).where(and(eq(a.status, 'pending'), mine)).returning({ id: a.id });
    await db.update(schema.consents).set({ withdrawnAt: at }).where(and(eq(schema.consents.userId, actor.id), isNull(schema.consents.withdrawnAt)));
    await db
      .update(schema.users)
      .set({ closedAt: at, disabled: true, phoneHmac: null, phoneEnc: null, displayName: '已注销', sessionVersion: sql`${schema.users.sessionVersion} + 1` })
      .where(eq(schema.users.id, actor.id));
    const ref = await newRequestRef(now);
    await db.insert(schema.dataRequests).values({ ref, userId: actor.id, kind: 'closure', status: 'done', dueDate: dueDate(now), answer: '账号已注销。', decidedAt: at });
    // Counts only: what was deleted, never its content.
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'account.close', entity: 'user', entityId: actor.id, summary: { ref, drafts: drafts.length, documents: removed.length, authorities: revoked.length + cancelled.length } });
    return { ok: true as const, ref };
  });
  await deleteIfUnreferenced(removed);
  return result;
}
