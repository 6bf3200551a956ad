import 'server-only';
// 窗口代录: a clerk files for a person who came to the counter without an account (or without a phone).
// The same draft and task list as the wizard (lib/dal/drafts.ts, saved step by step), filed by the clerk
// for the person record (found by 身份证号, or made, after the clerk saw the 身份证); the person's signature
// is the scanned pledge; submitting goes through the same submit verb, and the person gets the reference on
// a printed receipt and, when they gave a phone, by SMS.
import { and, eq } from 'drizzle-orm';
import type { Draft } from '@/lib/applications/draft';
import { allComplete } from '@/lib/applications/draft';
import { decrypt, encrypt, encryptJson, lookupHash } from '@/lib/personal/crypto';
import { loadApplication } from '@/lib/dal/access';
import { writeAudit } from '@/lib/dal/audit';
import { saveStep } from '@/lib/dal/drafts';
import type { SessionUser } from '@/lib/dal/users';
import { openName, sealName } from '@/lib/personal/records';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { addDays, GRANTABLE_SCOPES, MAX_PROXIES_PER_PERSON } from '@/lib/authority/states';
import { liveCount } from '@/lib/dal/authorities/shared';
import { personOfStaffArea } from '@/lib/dal/authorities/staff';
import { notifyUser, textPhone } from '@/lib/dal/notifications';
import { maskName, todayInShanghai } from '@/lib/format';
import { fileStore } from '@/lib/store/files';
import { prepareUpload } from '@/lib/uploads/check';

export type CounterStart = { name: string; idNumber: string; phone: string | null };

export async function startCounterFiling(actor: SessionUser, input: CounterStart): Promise<Result<{ id: string }>> {
  if (actor.role !== 'clerk' || !actor.region) return forbidden('只有受理员可以窗口代录。');
  const hmac = lookupHash(`id:${input.idNumber}`);
  const [existing] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac)));
  if (existing && openName(existing.nameEnc) !== input.name) return invalid({ name: '这个身份证号登记的姓名与填写的不一致，请对照身份证核对。' });
  const draft: Draft = {
    applicant: { values: { name: input.name, idNumber: input.idNumber, phone: input.phone ?? '', ...(input.phone ? {} : { noPhone: 'yes' }) }, complete: false },
    episodes: [],
  };
  const id = await transaction(async (db) => {
    let personId = existing?.id;
    if (!personId) {
      const [made] = await db.insert(schema.persons).values({ ...sealName(input.name), idNumberEnc: encrypt(input.idNumber), idNumberHmac: hmac, phoneEnc: input.phone ? encrypt(input.phone) : null, insuredRegion: actor.region }).returning({ id: schema.persons.id });
      personId = made!.id;
    }
    const [row] = await db
      .insert(schema.applications)
      .values({ filedByUserId: actor.id, personId, region: actor.region!, district: actor.district, year: new Date().getFullYear(), status: 'draft', draftEnc: encryptJson(draft), currentStep: 'applicant' })
      .returning({ id: schema.applications.id });
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'counter.start', entity: 'application', entityId: row!.id, summary: { newPerson: !existing, phone: Boolean(input.phone) } });
    return row!.id;
  });
  return { ok: true, id };
}

/** The clerk's counter drafts not yet submitted. */
export async function counterDrafts(actor: SessionUser) {
  if (actor.role !== 'clerk') return [];
  const t = schema.applications;
  const rows = await q((db) => db.select({ id: t.id, updatedAt: t.updatedAt, nameMasked: schema.persons.nameMasked }).from(t).innerJoin(schema.persons, eq(schema.persons.id, t.personId)).where(and(eq(t.filedByUserId, actor.id), eq(t.status, 'draft'))));
  return rows;
}

/**
 * Submits a counter filing: the scanned pledge (the person's signature on the 诚信承诺书 and 授权书) must be
 * uploaded, and stands for the declaration the person would tick online.
 */
export async function submitCounterFiling(actor: SessionUser, id: string, ip?: string | null): Promise<Result<{ ref: string }>> {
  if (actor.role !== 'clerk') return forbidden('只有受理员可以窗口代录。');
  const app = await loadApplication(actor, { id }, 'apply');
  if (!app || app.status !== 'draft') return notFound();
  const pledge = await q((db) => db.select({ id: schema.documents.id }).from(schema.documents).where(and(eq(schema.documents.applicationId, id), eq(schema.documents.kind, 'pledge'))));
  if (pledge.length === 0) return refuse('invalid', '请先扫描上传申请人签字的诚信承诺书和授权书。', { pledge: '请先扫描上传申请人签字的诚信承诺书和授权书。' });
  const saved = await saveStep(actor, id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes', signedOnPaper: 'yes' }, complete: true });
  if (!saved.ok) return saved;
  if (!allComplete(saved.draft)) return refuse('invalid', '还有内容没有填完，请补充后再提交。');
  const r = await perform(actor, id, 'submit', {}, { ip });
  if (!r.ok) return r;
  const [person] = await q((db) => db.select({ phoneEnc: schema.persons.phoneEnc }).from(schema.persons).where(eq(schema.persons.id, app.personId!)));
  if (person?.phoneEnc) await textPhone(decrypt(person.phoneEnc), `【医疗救助】您在窗口办理的医疗救助申请已提交，编号 ${r.ref}。可凭编号到窗口查询进度，或用本手机号登录网站查看。`);
  return { ok: true, ref: r.ref };
}

/** The receipt of a counter filing (the clerk prints it for the person). */
export async function counterReceipt(actor: SessionUser, ref: string) {
  if (actor.role !== 'clerk') return null;
  const app = await loadApplication(actor, { ref }, 'view');
  if (!app || app.status === 'draft' || app.filedByUserId !== actor.id) return null;
  const [person] = await q((db) => db.select({ nameMasked: schema.persons.nameMasked }).from(schema.persons).where(eq(schema.persons.id, app.personId!)));
  await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'counter.receipt', entity: 'application', entityId: app.id, summary: { ref } });
  return { ref: app.ref!, region: app.region, submittedAt: app.submittedAt, estimatedFen: app.estimatedFen, name: person?.nameMasked ?? '' };
}

// ── 监护人 at the counter ─────────────────────────────────────────────────────────────────────────────

export type GuardianInput = { personName: string; personIdNumber: string; guardianName: string; guardianIdNumber: string; guardianPhone: string; validTo: string };

/**
 * A clerk records the guardian (监护人) of a person who cannot consent, having seen both 身份证 and the guardianship
 * proof (监护证明), which is uploaded and stored encrypted like any authority document. The authority is active at
 * once (kind 'counter', relationship 'guardian', the clerk as verifier); the guardian signs in with the phone given
 * here and acts for the person. The 3-proxy limit is the portal's rule and counts the guardian too.
 */
export async function recordGuardian(actor: SessionUser, input: GuardianInput, proof: { name: string; bytes: Uint8Array } | null, now = new Date()): Promise<Result<{ id: string }>> {
  if (actor.role !== 'clerk' || !actor.region) return forbidden('只有受理员可以登记监护人。');
  const today = todayInShanghai(now);
  const errors: Record<string, string> = {};
  const prepared = proof && proof.bytes.length > 0 ? await prepareUpload(proof.bytes, proof.name) : null;
  if (!prepared) errors.proof = '请上传监护证明（拍照或扫描）。没有监护证明不能登记监护人。';
  else if (!prepared.ok) errors.proof = prepared.message;
  if (input.guardianIdNumber === input.personIdNumber) errors.guardianIdNumber = '监护人与被监护人不能是同一个人。';
  if (input.validTo < today) errors.validTo = '结束日期不能早于今天。';
  else if (input.validTo > addDays(today, 5 * 366)) errors.validTo = '期限最长 5 年，到期后凭监护证明重新登记。';
  const hmac = lookupHash(`id:${input.personIdNumber}`);
  const [existing] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, hmac)));
  // A clerk gives a guardian only to a person of their own area (as the authority review page decides), and learns
  // nothing else about a person of another area (not whether the name matches).
  if (existing && !(await personOfStaffArea(actor, existing))) errors.personIdNumber = '这个身份证号的登记记录不在本地区，请到被监护人参保地的窗口办理。';
  else if (existing && openName(existing.nameEnc) !== input.personName) errors.personName = '这个身份证号登记的姓名与填写的不一致，请对照身份证核对。';
  const phoneHmac = lookupHash(`phone:${input.guardianPhone}`);
  const [account] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, phoneHmac)));
  if (account && account.role !== 'resident') errors.guardianPhone = '这个手机号不能用于居民登录，请换一个。';
  else if (existing && account?.personId === existing.id) errors.guardianPhone = '这是被监护人本人的手机号，请填写监护人自己的手机号。';
  if (Object.keys(errors).length || !prepared?.ok) return invalid(errors);
  await fileStore().put(prepared.sha256, prepared.bytes);
  const result = await transaction(async (db) => {
    let personId = existing?.id;
    if (!personId) {
      const [made] = await db.insert(schema.persons).values({ ...sealName(input.personName), idNumberEnc: encrypt(input.personIdNumber), idNumberHmac: hmac, insuredRegion: actor.region }).returning({ id: schema.persons.id });
      personId = made!.id;
    }
    if ((await liveCount(personId, today, undefined, now)) >= MAX_PROXIES_PER_PERSON) return refuse('conflict', `这个人已经有 ${MAX_PROXIES_PER_PERSON} 位代办人（本网站的规则，不是政策文件的规定），请先撤销一位再登记监护人。`);
    // The guardian's resident account: the one of that phone, or made now, so the first sign-in finds it.
    let userId = account?.id;
    if (!userId) {
      const [made] = await db.insert(schema.users).values({ role: 'resident', displayName: `用户${input.guardianPhone.slice(-4)}`, phoneEnc: encrypt(input.guardianPhone), phoneHmac }).returning({ id: schema.users.id });
      userId = made!.id;
      await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'account.create', entity: 'user', entityId: userId, summary: { for: 'guardian' } });
    }
    const [row] = await db
      .insert(schema.authorities)
      .values({
        grantorPersonId: personId, proxyUserId: userId, proxyPhoneHmac: phoneHmac, proxyPhoneEnc: encrypt(input.guardianPhone), proxyNameEnc: encrypt(input.guardianName), proxyIdNumberEnc: encrypt(input.guardianIdNumber),
        scope: [...GRANTABLE_SCOPES], validFrom: today, validTo: input.validTo, status: 'active', kind: 'counter', relationship: 'guardian', verifiedBy: actor.id, verifiedAt: now.toISOString(), acceptedAt: now.toISOString(),
      })
      .returning({ id: schema.authorities.id });
    const [doc] = await db.insert(schema.documents).values({ sha256: prepared.sha256, mime: prepared.mime, sizeBytes: prepared.bytes.length, originalName: proof!.name.slice(0, 120) || '监护证明', kind: 'authority_guardianship', authorityId: row!.id, uploadedBy: actor.id }).returning({ id: schema.documents.id });
    await db.update(schema.authorities).set({ evidenceDocumentId: doc!.id }).where(eq(schema.authorities.id, row!.id));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'authority.guardian', entity: 'authority', entityId: row!.id, authorityId: row!.id, summary: { newPerson: !existing, newAccount: !account, validTo: input.validTo } });
    await notifyUser(userId, '您已登记为监护人', `经办窗口已登记您为 ${maskName(input.personName)} 的监护人，可以为其提交申请、查看进度、回复补正，有效期至 ${input.validTo}。`);
    return { ok: true as const, id: row!.id };
  });
  if (result.ok) await textPhone(input.guardianPhone, `【医疗救助】经办窗口已登记您为 ${maskName(input.personName)} 的监护人。请用本手机号登录网站，在“委托代办”页为其办理。`);
  return result;
}
