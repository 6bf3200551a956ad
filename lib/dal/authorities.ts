import 'server-only';
// Proxy authorities (委托代办, 000 二(四)3; 001 七(十四)): the applicant invites a proxy by phone, the proxy
// accepts with a fact about the applicant; or the proxy uploads a signed 委托书 that a clerk verifies; either
// side revokes. Every step is a compare-and-set on the status (lib/authority/states.ts says which) in one
// transaction with its audit row; notices go to the inbox in that transaction and by SMS after commit.
import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { AuthorityScope } from '@/db/schema-shared';
import {
  addDays,
  AUTHORITY_STATUS_TEXT,
  checkAuthorityStep,
  factMatches,
  GRANTABLE_SCOPES,
  INVITATION_DAYS,
  MAX_FACT_ATTEMPTS,
  MAX_PROXIES_PER_PERSON,
  PROXY_REVIEW_THRESHOLD,
  proxyLabel,
  SCOPE_TEXT,
  type AuthorityActor,
  type AuthorityStep,
} from '@/lib/authority/states';
import { decrypt, encrypt, lookupHash } from '@/lib/personal/crypto';
import type { AuthorityRow } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser, textPhone, textRecipients } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { maskName, maskPhone, todayInShanghai } from '@/lib/format';
import { openName, sealName } from '@/lib/personal/records';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { fileStore } from '@/lib/store/files';
import { q, schema, transaction } from '@/lib/store/db';
import { prepareUpload } from '@/lib/uploads';
import { staffAreaWhere } from '@/lib/dal/access';

export type GrantableScope = (typeof GRANTABLE_SCOPES)[number];
export type GrantInput = { phone: string; scope: GrantableScope[]; validFrom: string; validTo: string; applicationId: string | null };

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

const LIVE = ['pending', 'active'] as const;

async function phoneHmacOf(userId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ h: schema.users.phoneHmac }).from(schema.users).where(eq(schema.users.id, userId)));
  return row?.h ?? null;
}

async function ownPersonId(actor: SessionUser): Promise<string | null> {
  if (actor.personId) return actor.personId;
  const [row] = await q((db) => db.select({ p: schema.users.personId }).from(schema.users).where(eq(schema.users.id, actor.id)));
  return row?.p ?? null;
}

async function accountOfPerson(personId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, personId)));
  return row?.id ?? null;
}

/** Live (pending or active) authorities of a person still in date: at most MAX_PROXIES_PER_PERSON. */
/**
 * Live authorities of a person (at most MAX_PROXIES_PER_PERSON). Called inside the transaction that adds one: it
 * first takes the person's row in `counters` (a row lock on PostgreSQL until commit; SQLite has one writer), so two
 * invitations or approvals at the same moment are counted one after the other and cannot pass the limit together.
 */
async function liveCount(personId: string, today: string, exceptId?: string, now = new Date()): Promise<number> {
  await q((db) =>
    db
      .insert(schema.counters)
      .values({ name: `authorities:${personId}`, value: 1 })
      .onConflictDoUpdate({ target: schema.counters.name, set: { value: sql`${schema.counters.value} + 1` } }),
  );
  const a = schema.authorities;
  const rows = await q((db) => db.select({ id: a.id, validTo: a.validTo, inviteExpiresAt: a.inviteExpiresAt, status: a.status }).from(a).where(and(eq(a.grantorPersonId, personId), inArray(a.status, [...LIVE]))));
  return rows.filter((r) => r.id !== exceptId && r.validTo >= today && !(r.status === 'pending' && r.inviteExpiresAt && r.inviteExpiresAt < now.toISOString())).length;
}

const TOO_MANY = `本网站规定每个人最多可以同时委托 ${MAX_PROXIES_PER_PERSON} 位代办人（这是本网站的规则，不是政策文件的规定）。请先撤销一位，再邀请新的代办人。`;

/**
 * One step of the state machine as a compare-and-set: the row moves only from a status the table allows, so of
 * two clicks (or a click and a revocation) exactly one wins. Returns the row after the step, or null.
 */
async function stepAuthority(id: string, step: AuthorityStep, actor: AuthorityActor, from: AuthorityRow['status'], patch: Partial<typeof schema.authorities.$inferInsert> = {}): Promise<AuthorityRow | null> {
  const check = checkAuthorityStep(step, from, actor);
  if (!check.ok) return null;
  const a = schema.authorities;
  const [row] = await q((db) => db.update(a).set({ ...patch, status: check.to }).where(and(eq(a.id, id), eq(a.status, from))).returning());
  return row ?? null;
}

function scopeText(scope: readonly AuthorityScope[]): string {
  return scope.map((s) => SCOPE_TEXT[s]).join('、');
}

// ── The applicant grants ────────────────────────────────────────────────────────────────────────────────

/** Whether this resident can invite online: the known fact needs their 身份证号 on record. */
export async function canInviteOnline(actor: SessionUser): Promise<boolean> {
  const personId = actor.role === 'resident' ? await ownPersonId(actor) : null;
  if (!personId) return false;
  const [person] = await q((db) => db.select({ id: schema.persons.idNumberHmac }).from(schema.persons).where(eq(schema.persons.id, personId)));
  return Boolean(person?.id);
}

export async function inviteProxy(actor: SessionUser, input: GrantInput, now = new Date()): Promise<Result<{ id: string }>> {
  if (actor.role !== 'resident') return forbidden('只有居民账号可以委托代办人。');
  const personId = await ownPersonId(actor);
  const [person] = personId ? await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, personId))) : [];
  if (!person?.idNumberEnc) return refuse('conflict', '您的账号还没有登记身份证号（第一次提交申请时登记），暂时不能在线邀请。可以请代办人在本页上传您签字的委托书，或到窗口办理。');
  const today = todayInShanghai(now);
  const errors: Record<string, string> = {};
  const phoneHmac = lookupHash(`phone:${input.phone}`);
  if (phoneHmac === (await phoneHmacOf(actor.id))) errors.phone = '不能邀请您自己的手机号。';
  if (input.scope.length === 0 || input.scope.some((s) => !(GRANTABLE_SCOPES as readonly string[]).includes(s))) errors.scope = '请至少选择一项可以代办的事务。';
  if (input.validFrom < today) errors.validFrom = '开始日期不能早于今天。';
  if (input.validTo < input.validFrom) errors.validTo = '结束日期要晚于开始日期。';
  else if (input.validTo > addDays(input.validFrom, 5 * 366)) errors.validTo = '委托期限最长 5 年。';
  if (input.applicationId) {
    const [app] = await q((db) => db.select({ personId: schema.applications.personId }).from(schema.applications).where(eq(schema.applications.id, input.applicationId!)));
    if (app?.personId !== person.id) errors.applicationId = '请从列表中选择您的一份申请。';
  }
  if (Object.keys(errors).length) return invalid(errors);
  const proxyUser = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.phoneHmac, phoneHmac)));
  const result = await transaction(async (db) => {
    if ((await liveCount(person.id, today, undefined, now)) >= MAX_PROXIES_PER_PERSON) return refuse('conflict', TOO_MANY);
    const a = schema.authorities;
    const again = await db.select({ id: a.id }).from(a).where(and(eq(a.grantorPersonId, person.id), eq(a.proxyPhoneHmac, phoneHmac), inArray(a.status, [...LIVE])));
    if (again.length > 0) return invalid({ phone: '这个手机号已经是您的代办人，或邀请还在等待确认。' });
    const [row] = await db
      .insert(schema.authorities)
      .values({
        grantorPersonId: person.id, proxyPhoneHmac: phoneHmac, proxyPhoneEnc: encrypt(input.phone), scope: input.scope, validFrom: input.validFrom, validTo: input.validTo,
        status: 'pending', kind: 'invitation', applicationId: input.applicationId, invitedByUserId: actor.id, inviteExpiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      })
      .returning({ id: schema.authorities.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.invite', entity: 'authority', entityId: row!.id, authorityId: row!.id, summary: { scope: input.scope, validFrom: input.validFrom, validTo: input.validTo, oneApplication: Boolean(input.applicationId) } });
    if (proxyUser[0]) await notifyUser(proxyUser[0].id, '有人邀请您代办', `${person.nameMasked} 邀请您代办医疗救助事务（${scopeText(input.scope)}）。请在“委托代办”页确认，${INVITATION_DAYS} 天内有效。`);
    return { ok: true as const, id: row!.id };
  });
  if (result.ok) await textPhone(input.phone, `【医疗救助】${person.nameMasked} 邀请您代办医疗救助事务，请用本手机号登录后在“委托代办”页确认，${INVITATION_DAYS} 天内有效。`);
  return result;
}

/** The applicant cancels an invitation not yet accepted (also a locked one). */
export async function cancelInvitation(actor: SessionUser, id: string): Promise<Result> {
  const personId = await ownPersonId(actor);
  const [row] = await q((db) => db.select().from(schema.authorities).where(eq(schema.authorities.id, id)));
  const mine = row && ((personId && row.grantorPersonId === personId) || row.proxyUserId === actor.id);
  if (!row || !mine) return notFound();
  return transaction(async () => {
    const done = await stepAuthority(id, 'cancel', row.grantorPersonId === personId ? 'grantor' : 'proxy', row.status, { endedByUserId: actor.id, revokedAt: new Date().toISOString() });
    if (!done) return refuse('conflict', `这份委托${AUTHORITY_STATUS_TEXT[row.status]}，不能取消。`);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.cancel', entity: 'authority', entityId: id, authorityId: id });
    return { ok: true as const };
  });
}

/**
 * Either side ends an active authority; it holds on the very next request (every check reads this row). The
 * proxy's unfinished drafts for the person pass to the person's own account, so nothing typed is lost.
 */
export async function revokeAuthority(actor: SessionUser, id: string, now = new Date()): Promise<Result> {
  const personId = actor.role === 'resident' ? await ownPersonId(actor) : null;
  const [row] = await q((db) => db.select().from(schema.authorities).where(eq(schema.authorities.id, id)));
  if (!row) return notFound();
  // A clerk only for a person of their region (authorityForReview checks it, and audits the look).
  const side: AuthorityActor | null =
    personId && row.grantorPersonId === personId ? 'grantor' : row.proxyUserId === actor.id ? 'proxy' : actor.role === 'clerk' && (await authorityForReview(actor, id)) ? 'clerk' : null;
  if (!side) return notFound();
  const applicant = await accountOfPerson(row.grantorPersonId);
  const texts: string[] = [];
  const result = await transaction(async (db) => {
    const done = await stepAuthority(id, 'revoke', side, row.status, { revokedAt: now.toISOString(), endedByUserId: actor.id });
    if (!done) return refuse('conflict', `这份委托${AUTHORITY_STATUS_TEXT[row.status]}，不能撤销。`);
    let drafts = 0;
    if (applicant && row.proxyUserId) {
      const t = schema.applications;
      const moved = await db.update(t).set({ filedByUserId: applicant, updatedAt: now.toISOString() }).where(and(eq(t.filedByUserId, row.proxyUserId), eq(t.personId, row.grantorPersonId), eq(t.status, 'draft'))).returning({ id: t.id });
      drafts = moved.length;
    }
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.revoke', entity: 'authority', entityId: id, authorityId: id, summary: { by: side, draftsPassed: drafts } });
    const [grantor] = await db.select({ nameMasked: schema.persons.nameMasked }).from(schema.persons).where(eq(schema.persons.id, row.grantorPersonId));
    const body = `${side === 'proxy' ? '代办人' : side === 'clerk' ? '经办窗口' : '委托人'}撤销了为 ${grantor?.nameMasked ?? ''} 代办的委托，即时生效。${drafts ? `未提交的 ${drafts} 份草稿已转给委托人本人。` : ''}`;
    for (const userId of [applicant, row.proxyUserId]) {
      if (userId && userId !== actor.id) {
        await notifyUser(userId, '委托已撤销', body);
        texts.push(userId);
      }
    }
    return { ok: true as const, body };
  });
  if (result.ok) await textRecipients(texts, `【医疗救助】${result.body}`);
  return result.ok ? { ok: true } : result;
}

export type ActivityRow = { at: string; action: string; text: string; ref: string | null };

const ACTIVITY_TEXT: Record<string, string> = {
  'authority.invite': '发出了邀请',
  'authority.accept': '接受了委托',
  'authority.fact_wrong': '确认信息填错了一次',
  'authority.lock': '确认信息连续填错，邀请已锁定',
  'authority.decline': '拒绝了委托',
  'authority.cancel': '取消了委托',
  'authority.revoke': '撤销了委托',
  'authority.request': '上传了委托书，申请代办',
  'authority.approve': '经办窗口核验通过',
  'authority.reject': '经办窗口未通过核验',
  'authority.expire': '委托到期',
  'proxy.view': '查看了申请',
  'draft.create': '开始填写一份申请',
  'draft.save': '填写并保存了申请的一步',
  'authority.remind': '发出了到期提醒',
  'authority.view': '经办窗口查看了委托',
  'document.view': '经办窗口查看了委托材料',
  'document.upload': '上传了材料',
  'application.submit': '提交了申请',
  'application.answer': '回复了补正',
  'application.withdraw': '撤回了申请',
};

/** Every authority the applicant granted, with the proxy (masked), the scope, the status and what was done under it. */
export async function grantedAuthorities(actor: SessionUser) {
  const personId = await ownPersonId(actor);
  if (actor.role !== 'resident' || !personId) return [];
  const a = schema.authorities;
  const rows = await q((db) =>
    db.select({ a, proxyName: schema.users.displayName }).from(a).leftJoin(schema.users, eq(schema.users.id, a.proxyUserId)).where(eq(a.grantorPersonId, personId)).orderBy(desc(a.createdAt)),
  );
  const ids = rows.map((r) => r.a.id);
  const log = ids.length
    ? await q((db) => db.select({ l: schema.auditLog, ref: schema.applications.ref }).from(schema.auditLog).leftJoin(schema.applications, and(eq(schema.auditLog.entity, 'application'), eq(schema.applications.id, schema.auditLog.entityId))).where(inArray(schema.auditLog.authorityId, ids)).orderBy(desc(schema.auditLog.at)).limit(200))
    : [];
  return rows.map(({ a: row, proxyName }) => ({
    id: row.id,
    status: effectiveStatus(row),
    kind: row.kind,
    scope: row.scope,
    validFrom: row.validFrom,
    validTo: row.validTo,
    oneApplication: row.applicationId !== null,
    proxy: proxyName ? proxyLabel(proxyName, maskName) : null,
    phone: row.proxyPhoneEnc ? maskPhone(decrypt(row.proxyPhoneEnc)) : null,
    attempts: row.factAttempts,
    inviteExpiresAt: row.inviteExpiresAt,
    activity: log.filter((x) => x.l.authorityId === row.id).map((x): ActivityRow => ({ at: x.l.at, action: x.l.action, text: ACTIVITY_TEXT[x.l.action] ?? '其他操作', ref: x.ref ?? null })),
  }));
}

/** What the row says, with what the calendar says: an end date passed is 已到期 even before the reminder run marks it. */
export function effectiveStatus(row: Pick<AuthorityRow, 'status' | 'validTo' | 'inviteExpiresAt'>, now = new Date()): AuthorityRow['status'] {
  if (row.status === 'active' && row.validTo < todayInShanghai(now)) return 'expired';
  if (row.status === 'pending' && row.inviteExpiresAt && row.inviteExpiresAt < now.toISOString()) return 'expired';
  return row.status;
}

// ── The proxy accepts ───────────────────────────────────────────────────────────────────────────────────

/** Invitations waiting for this account's phone number. */
export async function invitationsForMe(actor: SessionUser, now = new Date()) {
  if (actor.role !== 'resident') return [];
  const hmac = await phoneHmacOf(actor.id);
  if (!hmac) return [];
  const a = schema.authorities;
  const rows = await q((db) =>
    db.select({ a, nameMasked: schema.persons.nameMasked }).from(a).innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId)).where(and(eq(a.proxyPhoneHmac, hmac), eq(a.kind, 'invitation'), inArray(a.status, ['pending', 'locked']), isNull(a.proxyUserId))),
  );
  return rows
    .filter((r) => effectiveStatus(r.a, now) !== 'expired')
    .map((r) => ({ id: r.a.id, status: r.a.status, grantor: r.nameMasked, scope: r.a.scope, validFrom: r.a.validFrom, validTo: r.a.validTo, oneApplication: r.a.applicationId !== null, attemptsLeft: MAX_FACT_ATTEMPTS - r.a.factAttempts, inviteExpiresAt: r.a.inviteExpiresAt! }));
}

async function invitationFor(actor: SessionUser, id: string): Promise<AuthorityRow | null> {
  const hmac = await phoneHmacOf(actor.id);
  const a = schema.authorities;
  const [row] = await q((db) => db.select().from(a).where(and(eq(a.id, id), eq(a.kind, 'invitation'))));
  return row && hmac && row.proxyPhoneHmac === hmac && row.proxyUserId === null ? row : null;
}

export const FACT_WRONG = (left: number) => `填写的不对。请向委托人核对身份证号码的最后 4 位${left > 0 ? `，还可以再试 ${left} 次` : ''}。`;
export const INVITATION_LOCKED = `确认信息已连续填错 ${MAX_FACT_ATTEMPTS} 次，这份邀请已锁定。请委托人取消后重新邀请，或到窗口办理。`;

/**
 * The invited proxy, signed in with the invited phone, confirms the last 4 characters of the applicant's
 * 身份证号. A wrong answer is counted in place; the third locks the invitation.
 */
export async function acceptInvitation(actor: SessionUser, id: string, answer: string, now = new Date()): Promise<Result> {
  if (actor.role !== 'resident') return notFound();
  const row = await invitationFor(actor, id);
  if (!row) return notFound();
  if (row.status === 'locked') return refuse('conflict', INVITATION_LOCKED);
  if (effectiveStatus(row, now) === 'expired') {
    await transaction(async () => {
      if (await stepAuthority(id, 'expire', 'system', 'pending')) await writeAudit({ actorUserId: null, actorRole: 'system', action: 'authority.expire', entity: 'authority', entityId: id, authorityId: id });
    });
    return refuse('conflict', `这份邀请已超过 ${INVITATION_DAYS} 天，已经失效。请委托人重新邀请。`);
  }
  if (row.status !== 'pending') return refuse('conflict', `这份邀请${AUTHORITY_STATUS_TEXT[row.status]}。`);
  if (row.grantorPersonId === (await ownPersonId(actor))) return refuse('conflict', '不能接受自己发出的委托。');
  const [person] = await q((db) => db.select({ idNumberEnc: schema.persons.idNumberEnc }).from(schema.persons).where(eq(schema.persons.id, row.grantorPersonId)));
  const right = person?.idNumberEnc ? factMatches(decrypt(person.idNumberEnc), answer) : false;
  const a = schema.authorities;
  if (!right) {
    return transaction(async (db) => {
      // Counted in place: parallel wrong guesses each add one.
      const [counted] = await db.update(a).set({ factAttempts: sql`${a.factAttempts} + 1` }).where(and(eq(a.id, id), eq(a.status, 'pending'))).returning({ n: a.factAttempts });
      if (!counted) return refuse('conflict', INVITATION_LOCKED);
      await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.fact_wrong', entity: 'authority', entityId: id, authorityId: id, summary: { attempts: counted.n } });
      if (counted.n >= MAX_FACT_ATTEMPTS) {
        if (await stepAuthority(id, 'lock', 'system', 'pending')) {
          await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.lock', entity: 'authority', entityId: id, authorityId: id });
          const applicant = await accountOfPerson(row.grantorPersonId);
          if (applicant) await notifyUser(applicant, '代办邀请已锁定', `受邀的代办人连续 ${MAX_FACT_ATTEMPTS} 次没有答对您身份证号的最后 4 位，邀请已锁定。如果不是您认识的人在操作，请不要再邀请这个号码。`);
        }
        return refuse('rate_limited', INVITATION_LOCKED, { answer: INVITATION_LOCKED });
      }
      const left = MAX_FACT_ATTEMPTS - counted.n;
      return refuse('invalid', FACT_WRONG(left), { answer: FACT_WRONG(left) });
    });
  }
  const applicant = await accountOfPerson(row.grantorPersonId);
  return transaction(async () => {
    if ((await liveCount(row.grantorPersonId, todayInShanghai(now), id, now)) >= MAX_PROXIES_PER_PERSON) return refuse('conflict', '委托人已经有 3 位代办人（本网站规定的上限，不是政策文件的规定），暂时不能再接受。');
    const done = await stepAuthority(id, 'accept', 'proxy', 'pending', { proxyUserId: actor.id, acceptedAt: now.toISOString() });
    if (!done) return refuse('conflict', '这份邀请刚刚发生了变化，请刷新后再看。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.accept', entity: 'authority', entityId: id, authorityId: id });
    if (applicant) await notifyUser(applicant, '代办人已接受委托', `${proxyLabel(actor.displayName, maskName)} 已接受您的委托，可以为您${scopeText(row.scope)}，有效期至 ${row.validTo}。您可以随时在“委托代办”页撤销。`);
    return { ok: true as const };
  });
}

export async function declineInvitation(actor: SessionUser, id: string): Promise<Result> {
  const row = await invitationFor(actor, id);
  if (!row) return notFound();
  return transaction(async () => {
    const done = await stepAuthority(id, 'decline', 'proxy', row.status, { endedByUserId: actor.id, declineReason: '受托人拒绝' });
    if (!done) return refuse('conflict', `这份邀请${AUTHORITY_STATUS_TEXT[row.status]}。`);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.decline', entity: 'authority', entityId: id, authorityId: id });
    const applicant = await accountOfPerson(row.grantorPersonId);
    if (applicant) await notifyUser(applicant, '代办邀请被拒绝', '您邀请的代办人拒绝了委托。');
    return { ok: true as const };
  });
}

/** Every authority this account holds or asked for (the proxy's side of /proxy). */
export async function heldAuthorities(actor: SessionUser, now = new Date()) {
  if (actor.role !== 'resident') return [];
  const a = schema.authorities;
  const rows = await q((db) => db.select({ a, nameMasked: schema.persons.nameMasked }).from(a).innerJoin(schema.persons, eq(schema.persons.id, a.grantorPersonId)).where(eq(a.proxyUserId, actor.id)).orderBy(desc(a.createdAt)));
  return rows.map(({ a: row, nameMasked }) => ({ id: row.id, personId: row.grantorPersonId, grantor: nameMasked, status: effectiveStatus(row, now), kind: row.kind, scope: row.scope, validFrom: row.validFrom, validTo: row.validTo, oneApplication: row.applicationId !== null, declineReason: row.declineReason, verifyNote: row.verifyNote }));
}

// ── The proxy asks with a signed 委托书; a clerk verifies ──────────────────────────────────────────────

export type RequestInput = { name: string; idNumber: string; region: string; scope: GrantableScope[]; validFrom: string; validTo: string };
export type RequestFiles = { letter: { name: string; bytes: Uint8Array }; proxyId: { name: string; bytes: Uint8Array }; grantorId: { name: string; bytes: Uint8Array } };

export const AUTHORITY_DOCUMENT_KINDS = { letter: '授权委托书（签字）', proxy_id: '受托人身份证', grantor_id: '委托人身份证' } as const;

/**
 * The proxy asks for authority without the applicant online: the signed 委托书 and both 身份证 photos. It is
 * pending until a clerk verifies it. The person record is found by 身份证号 (or made), never shown back.
 */
export async function requestByDocument(actor: SessionUser, input: RequestInput, files: RequestFiles, now = new Date()): Promise<Result<{ id: string }>> {
  if (actor.role !== 'resident') return forbidden('只有居民账号可以申请代办。');
  const today = todayInShanghai(now);
  const errors: Record<string, string> = {};
  if (input.validFrom < today) errors.validFrom = '开始日期不能早于今天。';
  if (input.validTo < input.validFrom) errors.validTo = '结束日期要晚于开始日期。';
  else if (input.validTo > addDays(input.validFrom, 5 * 366)) errors.validTo = '委托期限最长 5 年。';
  if (input.scope.length === 0) errors.scope = '请至少选择一项可以代办的事务。';
  const hmac = lookupHash(`id:${input.idNumber}`);
  const own = await ownPersonId(actor);
  const [existing] = await q((db) => db.select({ id: schema.persons.id }).from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac)));
  if (existing && existing.id === own) errors.idNumber = '这是您自己的身份证号。为自己申请不需要委托。';
  const prepared: Record<keyof RequestFiles, Awaited<ReturnType<typeof prepareUpload>>> = {
    letter: await prepareUpload(files.letter.bytes, files.letter.name),
    proxyId: await prepareUpload(files.proxyId.bytes, files.proxyId.name),
    grantorId: await prepareUpload(files.grantorId.bytes, files.grantorId.name),
  };
  for (const [key, p] of Object.entries(prepared)) if (!p.ok) errors[key] = p.message;
  if (Object.keys(errors).length) return invalid(errors);
  for (const p of Object.values(prepared)) if (p.ok) await fileStore().put(p.sha256, p.bytes);
  return transaction(async (db) => {
    let personId = existing?.id;
    if (!personId) {
      const [made] = await db.insert(schema.persons).values({ ...sealName(input.name), idNumberEnc: encrypt(input.idNumber), idNumberHmac: hmac, insuredRegion: input.region }).returning({ id: schema.persons.id });
      personId = made!.id;
    }
    if ((await liveCount(personId, today)) >= MAX_PROXIES_PER_PERSON) return refuse('conflict', '这个人已经有 3 位代办人，暂时不能再申请。');
    const [row] = await db
      .insert(schema.authorities)
      .values({ grantorPersonId: personId, proxyUserId: actor.id, proxyPhoneHmac: await phoneHmacOf(actor.id), scope: input.scope, validFrom: input.validFrom, validTo: input.validTo, status: 'pending', kind: 'document', verifyNote: null, declineReason: null })
      .returning({ id: schema.authorities.id });
    const kinds: [keyof RequestFiles, keyof typeof AUTHORITY_DOCUMENT_KINDS][] = [['letter', 'letter'], ['proxyId', 'proxy_id'], ['grantorId', 'grantor_id']];
    for (const [key, kind] of kinds) {
      const p = prepared[key];
      if (!p.ok) continue;
      const [doc] = await db.insert(schema.documents).values({ sha256: p.sha256, mime: p.mime, sizeBytes: p.bytes.length, originalName: files[key].name.slice(0, 120) || '未命名文件', kind: `authority_${kind}`, authorityId: row!.id, uploadedBy: actor.id }).returning({ id: schema.documents.id });
      if (kind === 'letter') await db.update(schema.authorities).set({ evidenceDocumentId: doc!.id }).where(eq(schema.authorities.id, row!.id));
    }
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.request', entity: 'authority', entityId: row!.id, authorityId: row!.id, summary: { scope: input.scope, validTo: input.validTo, newPerson: !existing } });
    return { ok: true as const, id: row!.id };
  });
}

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
  return !actor.district && (person.insuredRegion === null || person.insuredRegion === actor.region);
}

/** Staff: the requests waiting for verification in the clerk's region, and proxies acting for many people. */
export async function authorityQueue(actor: SessionUser) {
  if (actor.role === 'resident') return { pending: [], flagged: [] };
  const a = schema.authorities;
  const p = schema.persons;
  const requests = await q((db) =>
    db.select({ id: a.id, createdAt: a.createdAt, nameMasked: p.nameMasked, scope: a.scope, validTo: a.validTo, proxyName: schema.users.displayName, personId: p.id, insuredRegion: p.insuredRegion }).from(a).innerJoin(p, eq(p.id, a.grantorPersonId)).leftJoin(schema.users, eq(schema.users.id, a.proxyUserId))
      .where(and(eq(a.kind, 'document'), eq(a.status, 'pending'))).orderBy(a.createdAt),
  );
  // The same area as the review page (authorityForReview): listed here exactly when it opens there.
  const pending: Omit<(typeof requests)[number], 'personId' | 'insuredRegion'>[] = [];
  for (const { personId, insuredRegion, ...r } of requests) if (await personOfStaffArea(actor, { id: personId, insuredRegion })) pending.push(r);
  const counts = await q((db) => db.select({ proxyUserId: a.proxyUserId, n: count() }).from(a).where(eq(a.status, 'active')).groupBy(a.proxyUserId));
  const flaggedIds = counts.filter((c) => c.proxyUserId && c.n > PROXY_REVIEW_THRESHOLD).map((c) => c.proxyUserId!);
  const flaggedUsers = flaggedIds.length ? await q((db) => db.select({ id: schema.users.id, name: schema.users.displayName }).from(schema.users).where(inArray(schema.users.id, flaggedIds))) : [];
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.queue_view', entity: 'authority', summary: { pending: pending.length } });
  return {
    pending: pending.map((r) => ({ ...r, proxyName: r.proxyName ? proxyLabel(r.proxyName, maskName) : '' })),
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
  return {
    id: row.a.id, status: row.a.status, kind: row.a.kind, scope: row.a.scope, validFrom: row.a.validFrom, validTo: row.a.validTo, createdAt: row.a.createdAt, verifyNote: row.a.verifyNote, declineReason: row.a.declineReason,
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
