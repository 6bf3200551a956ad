import 'server-only';
// Proxy authorities, the proxy's side: invitations for my phone, accept with the known fact, decline, what I hold,
// and asking with a signed 委托书 (a clerk verifies it, lib/dal/authorities/staff.ts).
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  addDays,
  AUTHORITY_STATUS_TEXT,
  factMatches,
  INVITATION_DAYS,
  MAX_FACT_ATTEMPTS,
  MAX_PROXIES_PER_PERSON,
  proxyLabel,
  RELATIONSHIP_TEXT,
} from '@/lib/authority/states';
import { decrypt, encrypt, lookupHash } from '@/lib/personal/crypto';
import type { AuthorityRow } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { notifyUser } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { maskName, todayInShanghai } from '@/lib/format';
import { sealName } from '@/lib/personal/records';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { fileStore } from '@/lib/store/files';
import { q, schema, transaction } from '@/lib/store/db';
import { prepareUpload } from '@/lib/uploads/check';
import { accountOfPerson, AUTHORITY_DOCUMENT_KINDS, choosableRelationship, effectiveStatus, liveCount, ownPersonId, phoneHmacOf, personRegions, relationshipOf, scopeText, stepAuthority, workerVerifications } from './shared';
import type { ChoosableRelationship, GrantableScope } from './grantor';

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
    .map((r) => ({ id: r.a.id, status: r.a.status, grantor: r.nameMasked, relationshipText: RELATIONSHIP_TEXT[r.a.relationship], scope: r.a.scope, validFrom: r.a.validFrom, validTo: r.a.validTo, oneApplication: r.a.applicationId !== null, attemptsLeft: MAX_FACT_ATTEMPTS - r.a.factAttempts, inviteExpiresAt: r.a.inviteExpiresAt! }));
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
  const verified = await workerVerifications([actor.id]);
  const regions = await personRegions(rows.map((r) => r.a.grantorPersonId));
  return rows.map(({ a: row, nameMasked }) => ({ id: row.id, personId: row.grantorPersonId, grantor: nameMasked, status: effectiveStatus(row, now), kind: row.kind, ...relationshipOf(row, regions.get(row.grantorPersonId), verified), scope: row.scope, validFrom: row.validFrom, validTo: row.validTo, oneApplication: row.applicationId !== null, declineReason: row.declineReason, verifyNote: row.verifyNote }));
}

// ── The proxy asks with a signed 委托书; a clerk verifies ──────────────────────────────────────────────

export type RequestInput = { name: string; idNumber: string; region: string; relationship: ChoosableRelationship; scope: GrantableScope[]; validFrom: string; validTo: string };
export type RequestFiles = { letter: { name: string; bytes: Uint8Array }; proxyId: { name: string; bytes: Uint8Array }; grantorId: { name: string; bytes: Uint8Array } };

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
  if (!choosableRelationship(input.relationship)) errors.relationship = '请选择您是委托人的什么人。';
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
      .values({ grantorPersonId: personId, proxyUserId: actor.id, proxyPhoneHmac: await phoneHmacOf(actor.id), scope: input.scope, validFrom: input.validFrom, validTo: input.validTo, status: 'pending', kind: 'document', relationship: input.relationship, verifyNote: null, declineReason: null })
      .returning({ id: schema.authorities.id });
    const kinds: [keyof RequestFiles, keyof typeof AUTHORITY_DOCUMENT_KINDS][] = [['letter', 'letter'], ['proxyId', 'proxy_id'], ['grantorId', 'grantor_id']];
    for (const [key, kind] of kinds) {
      const p = prepared[key];
      if (!p.ok) continue;
      const [doc] = await db.insert(schema.documents).values({ sha256: p.sha256, mime: p.mime, sizeBytes: p.bytes.length, originalName: files[key].name.slice(0, 120) || '未命名文件', kind: `authority_${kind}`, authorityId: row!.id, uploadedBy: actor.id }).returning({ id: schema.documents.id });
      if (kind === 'letter') await db.update(schema.authorities).set({ evidenceDocumentId: doc!.id }).where(eq(schema.authorities.id, row!.id));
    }
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.request', entity: 'authority', entityId: row!.id, authorityId: row!.id, summary: { relationship: input.relationship, scope: input.scope, validTo: input.validTo, newPerson: !existing } });
    return { ok: true as const, id: row!.id };
  });
}
