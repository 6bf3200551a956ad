import 'server-only';
// Proxy authorities, the office's side: the queue of 委托书 to verify and of proxies acting for many people, one
// request with its documents, approve or reject, and linking a resident account to a person record at the counter.
import { and, count, eq, inArray, isNotNull, isNull, ne, not, sql } from 'drizzle-orm';
import { MAX_PROXIES_PER_PERSON, PROXY_REVIEW_THRESHOLD, proxyLabel, RELATIONSHIP_TEXT } from '@/lib/authority/states';
import { decrypt, lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser, textRecipients } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { maskName, todayInShanghai } from '@/lib/format';
import { openName } from '@/lib/personal/records';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { fileStore } from '@/lib/store/files';
import { q, schema, transaction } from '@/lib/store/db';
import { inStaffArea, staffAreaWhere } from '@/lib/dal/access';
import { accountOfPerson, AUTHORITY_DOCUMENT_KINDS, LIVE, liveCount, personRegions, relationshipOf, scopeText, stepAuthority, workerVerifications } from './shared';

/** Reasons a clerk may give for not accepting a 委托书 (shown to the proxy as written). */
export const DECLINE_REASONS = {
  unsigned: '委托书没有委托人本人签字或按手印',
  unreadable: '材料照片看不清，无法核对',
  id_mismatch: '身份证与委托书上的姓名或号码不一致',
  id_missing: '缺少委托人或受托人的身份证照片',
  scope_unclear: '委托书没有写明委托事项或期限',
  other_form: '不是本网站生成的委托书模板，或内容被改动',
} as const;
export type DeclineReason = keyof typeof DECLINE_REASONS;

/**
 * Whether a person is of this staff member's area: they applied there (a case the staff member may see: region,
 * and district for district staff, as canAccess), or, for staff of the whole region, they are insured there (or
 * no region is on record). District staff see only people with a case in their district: a person has no district.
 */
export async function personOfStaffArea(actor: SessionUser, person: { id: string; insuredRegion: string | null }): Promise<boolean> {
  if (actor.role === 'resident' || !actor.region) return false;
  const t = schema.applications;
  const applied = await q((db) =>
    db.select({ id: t.id }).from(t).where(and(eq(t.personId, person.id), staffAreaWhere(actor, t.region, t.district), ne(t.status, 'draft'))).limit(1),
  );
  if (applied.length > 0) return true;
  // No region on record counts as the staff member's own (a person has no district, so district staff need the case).
  return inStaffArea(actor, { region: person.insuredRegion ?? actor.region, district: null });
}

/**
 * Staff: the 委托书 waiting for verification in the clerk's area, the 基层工作人员 whose identity the office has not
 * verified yet, and proxies acting for many people (a verified 基层工作人员's authorities as such do not count).
 */
export async function authorityQueue(actor: SessionUser) {
  if (actor.role === 'resident') return { pending: [], workers: [], flagged: [] };
  const a = schema.authorities;
  const p = schema.persons;
  const cw = schema.communityWorkers;
  const fields = { id: a.id, createdAt: a.createdAt, nameMasked: p.nameMasked, scope: a.scope, validTo: a.validTo, relationship: a.relationship, proxyName: schema.users.displayName, personId: p.id, insuredRegion: p.insuredRegion };
  const requests = await q((db) =>
    db.select(fields).from(a).innerJoin(p, eq(p.id, a.grantorPersonId)).leftJoin(schema.users, eq(schema.users.id, a.proxyUserId)).where(and(eq(a.kind, 'document'), eq(a.status, 'pending'))).orderBy(a.createdAt),
  );
  // The same rule as personRegions: verified for a region where the person has a case or is insured.
  const t = schema.applications;
  const verifiedHere = sql`exists (select 1 from ${cw} where ${cw.userId} = ${a.proxyUserId} and (${cw.region} = ${p.insuredRegion} or exists (select 1 from ${t} where ${t.personId} = ${a.grantorPersonId} and ${t.region} = ${cw.region} and ${t.status} <> 'draft')))`;
  const unverified = await q((db) =>
    db.select(fields).from(a).innerJoin(p, eq(p.id, a.grantorPersonId)).leftJoin(schema.users, eq(schema.users.id, a.proxyUserId))
      .where(and(eq(a.relationship, 'community_worker'), inArray(a.status, [...LIVE]), isNotNull(a.proxyUserId), not(verifiedHere))).orderBy(a.createdAt),
  );
  // The same area as the review page (authorityForReview): listed here exactly when it opens there.
  const inArea = async (rows: typeof requests) => {
    const out: (Omit<(typeof requests)[number], 'personId' | 'insuredRegion' | 'relationship'> & { relationshipText: string })[] = [];
    for (const { personId, insuredRegion, relationship, ...r } of rows) if (await personOfStaffArea(actor, { id: personId, insuredRegion })) out.push({ ...r, relationshipText: RELATIONSHIP_TEXT[relationship], proxyName: r.proxyName ? proxyLabel(r.proxyName, maskName) : '' });
    return out;
  };
  const pending = await inArea(requests);
  const workers = await inArea(unverified);
  const counted = and(eq(a.status, 'active'), not(and(eq(a.relationship, 'community_worker'), verifiedHere)!));
  const counts = await q((db) => db.select({ proxyUserId: a.proxyUserId, n: count() }).from(a).innerJoin(p, eq(p.id, a.grantorPersonId)).where(counted).groupBy(a.proxyUserId));
  const manyIds = counts.filter((c) => c.proxyUserId && c.n > PROXY_REVIEW_THRESHOLD).map((c) => c.proxyUserId!);
  // Listed to the staff of an area where the proxy acts for someone (the count is of everyone they act for).
  const grantors = manyIds.length
    ? await q((db) => db.select({ proxyUserId: a.proxyUserId, id: p.id, insuredRegion: p.insuredRegion }).from(a).innerJoin(p, eq(p.id, a.grantorPersonId)).where(and(counted, inArray(a.proxyUserId, manyIds))))
    : [];
  const flaggedIds: string[] = [];
  for (const id of manyIds) {
    for (const g of grantors.filter((x) => x.proxyUserId === id)) {
      if (await personOfStaffArea(actor, g)) {
        flaggedIds.push(id);
        break;
      }
    }
  }
  const flaggedUsers = flaggedIds.length ? await q((db) => db.select({ id: schema.users.id, name: schema.users.displayName }).from(schema.users).where(inArray(schema.users.id, flaggedIds))) : [];
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.queue_view', entity: 'authority', summary: { pending: pending.length, workers: workers.length } });
  return {
    pending,
    workers,
    flagged: flaggedUsers.map((u) => ({ id: u.id, name: proxyLabel(u.name, maskName), people: counts.find((c) => c.proxyUserId === u.id)!.n })),
  };
}

/** Staff: one request with its documents, the full names and numbers (the clerk compares them with the photos). */
export async function authorityForReview(actor: SessionUser, id: string) {
  if (actor.role === 'resident') return null;
  const a = schema.authorities;
  const [row] = await q((db) => db.select({ a, person: schema.persons, proxy: schema.users }).from(a).innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId)).leftJoin(schema.users, eq(schema.users.id, a.proxyUserId)).where(eq(a.id, id)));
  if (!row) return null;
  if (!(await personOfStaffArea(actor, row.person))) return null;
  const docs = await q((db) => db.select({ id: schema.documents.id, kind: schema.documents.kind, name: schema.documents.originalName, mime: schema.documents.mime }).from(schema.documents).where(eq(schema.documents.authorityId, id)));
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.view', entity: 'authority', entityId: id, authorityId: id });
  const verified = await workerVerifications([row.a.proxyUserId]);
  const regions = (await personRegions([row.person.id])).get(row.person.id);
  return {
    id: row.a.id, status: row.a.status, kind: row.a.kind, ...relationshipOf(row.a, regions, verified), worker: verified(row.a.proxyUserId, regions),
    hasProxyAccount: row.a.proxyUserId !== null,
    guardianName: row.a.proxyNameEnc ? openName(row.a.proxyNameEnc) : null, guardianIdNumber: row.a.proxyIdNumberEnc ? decrypt(row.a.proxyIdNumberEnc) : null, scope: row.a.scope, validFrom: row.a.validFrom, validTo: row.a.validTo, createdAt: row.a.createdAt, verifyNote: row.a.verifyNote, declineReason: row.a.declineReason,
    grantorName: openName(row.person.nameEnc), grantorIdNumber: row.person.idNumberEnc ? decrypt(row.person.idNumberEnc) : null,
    proxyName: row.proxy?.displayName ?? null, proxyPhone: row.proxy?.phoneEnc ? decrypt(row.proxy.phoneEnc) : null,
    documents: docs.map((d) => ({ ...d, label: AUTHORITY_DOCUMENT_KINDS[d.kind.replace(/^authority_/, '') as keyof typeof AUTHORITY_DOCUMENT_KINDS] ?? d.kind })),
  };
}

/** Staff: the bytes of a document attached to an authority request (audited as a view). */
export async function authorityDocument(actor: SessionUser, authorityId: string, documentId: string) {
  const review = actor.role === 'resident' ? null : await authorityForReview(actor, authorityId);
  if (!review) return null;
  const [doc] = await q((db) => db.select().from(schema.documents).where(and(eq(schema.documents.id, documentId), eq(schema.documents.authorityId, authorityId))));
  if (!doc) return null;
  const bytes = await fileStore().get(doc.sha256);
  if (!bytes) return null;
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'document.view', entity: 'document', entityId: doc.id, authorityId });
  return { bytes, mime: doc.mime, name: doc.originalName };
}

/** A clerk verified the 委托书 and both 身份证: the authority is active from now. */
export async function approveRequest(actor: SessionUser, id: string, note: string, now = new Date()): Promise<Result> {
  if (actor.role !== 'clerk') return forbidden('只有受理员可以核验委托书。');
  const review = await authorityForReview(actor, id);
  if (!review) return notFound();
  // An invitation is confirmed by the proxy with the known fact; a clerk verifies only a 委托书.
  if (review.kind !== 'document') return refuse('conflict', '这份委托是申请人在网上邀请的，由受托人确认，不需要核验。');
  const result = await transaction(async () => {
    const [row] = await q((db) => db.select().from(schema.authorities).where(eq(schema.authorities.id, id)));
    if ((await liveCount(row!.grantorPersonId, todayInShanghai(now), id)) >= MAX_PROXIES_PER_PERSON) return refuse('conflict', '这个人已经有 3 位生效的代办人，不能再通过。');
    const done = await stepAuthority(id, 'approve', 'clerk', 'pending', { verifiedBy: actor.id, verifiedAt: now.toISOString(), verifyNote: note });
    if (!done) return refuse('conflict', '这份申请已经处理过了，请刷新后再看。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.approve', entity: 'authority', entityId: id, authorityId: id, summary: { note } });
    if (done.proxyUserId) await notifyUser(done.proxyUserId, '委托书已核验通过', `经办窗口已核验您上传的委托书，您现在可以为 ${maskName(review.grantorName)} 代办（${scopeText(done.scope)}），有效期至 ${done.validTo}。`);
    return { ok: true as const, proxy: done.proxyUserId };
  });
  if (result.ok && result.proxy) await textRecipients([result.proxy], `【医疗救助】您上传的委托书已核验通过，可以登录代办了。`);
  return result.ok ? { ok: true } : result;
}

export async function rejectRequest(actor: SessionUser, id: string, reason: DeclineReason, now = new Date()): Promise<Result> {
  if (actor.role !== 'clerk') return forbidden('只有受理员可以核验委托书。');
  if (!(reason in DECLINE_REASONS)) return invalid({ reason: '请从列表中选择原因。' });
  const review = await authorityForReview(actor, id);
  if (!review) return notFound();
  if (review.kind !== 'document') return refuse('conflict', '这份委托是申请人在网上邀请的，由受托人确认，不需要核验。');
  const result = await transaction(async () => {
    const done = await stepAuthority(id, 'reject', 'clerk', 'pending', { verifiedBy: actor.id, verifiedAt: now.toISOString(), declineReason: DECLINE_REASONS[reason] });
    if (!done) return refuse('conflict', '这份申请已经处理过了，请刷新后再看。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.reject', entity: 'authority', entityId: id, authorityId: id, summary: { reason } });
    if (done.proxyUserId) await notifyUser(done.proxyUserId, '委托书没有通过核验', `原因：${DECLINE_REASONS[reason]}。请按要求重新上传，或到窗口办理。`);
    return { ok: true as const, proxy: done.proxyUserId };
  });
  if (result.ok && result.proxy) await textRecipients([result.proxy], `【医疗救助】您上传的委托书没有通过核验，请登录查看原因。`);
  return result.ok ? { ok: true } : result;
}

/**
 * The clerk, having seen the person's 身份证 at the counter, links their resident account (by the phone they
 * sign in with) to the person record already on file for that 身份证号 (filed at the counter or by a proxy).
 */
export async function linkAccountToPerson(actor: SessionUser, input: { phone: string; idNumber: string; note: string }): Promise<Result<{ name: string }>> {
  if (actor.role !== 'clerk') return forbidden('只有受理员可以核实身份并关联账号。');
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lookupHash(`phone:${input.phone}`))));
  if (!user || user.role !== 'resident') return invalid({ phone: '没有用这个手机号登录过的居民账号。请让对方先用手机号登录一次。' });
  if (user.personId) return invalid({ phone: '这个账号已经关联了本人信息，不需要再关联。' });
  const [person] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, lookupHash(`id:${input.idNumber}`))));
  // A person of another region (or, for district staff, without a case in the district) is answered as nobody:
  // the clerk could otherwise hand another region's records to an account, or learn who is registered where.
  if (!person || !(await personOfStaffArea(actor, person))) return invalid({ idNumber: '没有这个身份证号的登记记录。对方可以直接在网上为自己申请。' });
  const taken = await accountOfPerson(person.id);
  if (taken) return invalid({ idNumber: '这条登记记录已经关联了另一个账号。请核实后到系统管理员处处理。' });
  return transaction(async (db) => {
    const done = await db.update(schema.users).set({ personId: person.id }).where(and(eq(schema.users.id, user.id), isNull(schema.users.personId))).returning({ id: schema.users.id });
    if (done.length === 0) return refuse('conflict', '这个账号刚刚关联了本人信息，请刷新后再看。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'person.link_account', entity: 'person', entityId: person.id, summary: { userId: user.id, note: input.note } });
    await notifyUser(user.id, '账号已关联本人信息', '经办窗口核实了您的身份证，您的账号已关联本人的登记信息，现在可以在网上为自己申请和查看办理进度。');
    return { ok: true as const, name: maskName(openName(person.nameEnc)) };
  });
}

export const ORGANISATION_MAX = 60;

/**
 * A clerk, having checked the proxy's work card or the unit's letter, marks the proxy's account as a 基层工作人员
 * of the person's region (000 二(四)3; 001 七(十四)): who, when, the unit typed, on which authority; audited in the
 * same transaction. The account then counts as verified on every authority for a person of that region.
 */
export async function verifyCommunityWorker(actor: SessionUser, id: string, input: { organisation: string }, now = new Date()): Promise<Result> {
  if (actor.role !== 'clerk') return forbidden('只有受理员可以核实基层工作人员身份。');
  const organisation = input.organisation.trim();
  if (!organisation) return invalid({ organisation: '请填写代办人所在的单位（如某某街道社区居委会）。' });
  if (organisation.length > ORGANISATION_MAX) return invalid({ organisation: `单位名称请不超过 ${ORGANISATION_MAX} 字。` });
  const review = await authorityForReview(actor, id);
  if (!review) return notFound();
  if (review.relationship !== 'community_worker') return refuse('conflict', '这份委托的代办人不是基层工作人员，不需要核实。');
  if (!review.hasProxyAccount) return refuse('conflict', '代办人还没有接受邀请，接受后才能核实身份。');
  if (review.workerVerified) return refuse('conflict', '这位代办人已经核实过了。');
  const [row] = await q((db) => db.select({ proxyUserId: schema.authorities.proxyUserId }).from(schema.authorities).where(eq(schema.authorities.id, id)));
  const userId = row!.proxyUserId!;
  return transaction(async (db) => {
    const cw = schema.communityWorkers;
    const [made] = await db.insert(cw).values({ userId, region: actor.region!, organisation, authorityId: id, verifiedBy: actor.id, verifiedAt: now.toISOString() }).onConflictDoNothing().returning({ id: cw.id });
    if (!made) return refuse('conflict', '这位代办人已经核实过了。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.verify_worker', entity: 'authority', entityId: id, authorityId: id, summary: { userId, region: actor.region, organisation } });
    await notifyUser(userId, '基层工作人员身份已核实', `经办部门已核实您是${organisation}的基层工作人员，您代办的委托会显示“经办部门已核实”。`);
    return { ok: true as const };
  });
}
