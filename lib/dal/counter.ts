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
import { textPhone } from '@/lib/dal/notifications';
import type { SessionUser } from '@/lib/dal/users';
import { openName, sealName } from '@/lib/personal/records';
import { forbidden, invalid, notFound, refuse, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import { perform } from '@/lib/workflow';

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
