import 'server-only';
// Proxy authorities, the applicant's side (委托代办, 000 二(四)3; 001 七(十四); 003 七(十二)): invite a proxy by phone,
// cancel an invitation, revoke an authority, and the list of what was granted with what was done under it.
// Every step is a compare-and-set on the status (lib/authority/states.ts) in one transaction with its audit row.
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  addDays,
  AUTHORITY_STATUS_TEXT,
  GRANTABLE_SCOPES,
  INVITATION_DAYS,
  MAX_PROXIES_PER_PERSON,
  proxyLabel,
  type AuthorityActor,
} from '@/lib/authority/states';
import type { CHOOSABLE_RELATIONSHIPS } from '@/lib/authority/states';
import { decrypt, encrypt, lookupHash } from '@/lib/personal/crypto';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser, textPhone, textRecipients } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { maskName, maskPhone, todayInShanghai } from '@/lib/format';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { accountOfPerson, choosableRelationship, effectiveStatus, LIVE, liveCount, ownPersonId, phoneHmacOf, personRegions, relationshipOf, scopeText, stepAuthority, TOO_MANY, workerVerifications } from './shared';
import { authorityForReview } from './staff';

export type GrantableScope = (typeof GRANTABLE_SCOPES)[number];
export type ChoosableRelationship = (typeof CHOOSABLE_RELATIONSHIPS)[number];
export type GrantInput = { phone: string; relationship: ChoosableRelationship; scope: GrantableScope[]; validFrom: string; validTo: string; applicationId: string | null };

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
  if (!choosableRelationship(input.relationship)) errors.relationship = '请选择代办人是您的什么人。';
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
        status: 'pending', kind: 'invitation', relationship: input.relationship, applicationId: input.applicationId, invitedByUserId: actor.id, inviteExpiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      })
      .returning({ id: schema.authorities.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.invite', entity: 'authority', entityId: row!.id, authorityId: row!.id, summary: { relationship: input.relationship, scope: input.scope, validFrom: input.validFrom, validTo: input.validTo, oneApplication: Boolean(input.applicationId) } });
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
  'authority.verify_worker': '经办部门核实了代办人的基层工作人员身份',
  'authority.guardian': '经办窗口登记了监护人',
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
  const regions = (await personRegions([personId])).get(personId);
  const verified = await workerVerifications(rows.map((r) => r.a.proxyUserId));
  const ids = rows.map((r) => r.a.id);
  const log = ids.length
    ? await q((db) => db.select({ l: schema.auditLog, ref: schema.applications.ref }).from(schema.auditLog).leftJoin(schema.applications, and(eq(schema.auditLog.entity, 'application'), eq(schema.applications.id, schema.auditLog.entityId))).where(inArray(schema.auditLog.authorityId, ids)).orderBy(desc(schema.auditLog.at)).limit(200))
    : [];
  return rows.map(({ a: row, proxyName }) => ({
    id: row.id,
    status: effectiveStatus(row),
    kind: row.kind,
    ...relationshipOf(row, regions, verified),
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
