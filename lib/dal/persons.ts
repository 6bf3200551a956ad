import 'server-only';
import { openName } from '@/lib/personal/records';
// The person an application is for, as the record has them: what the 申请人信息 step may prefill, and the
// 身份证号 check made where the number is typed (the same rules submit applies, lib/workflow/verbs/submit.ts).
import { and, eq, ne } from 'drizzle-orm';
import { decrypt, lookupHash } from '@/lib/personal/crypto';
import { loadApplication, type AppRow } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { maskIdNumber } from '@/lib/format';
import { notFound, refuse, type Result } from '@/lib/result';
import { q, schema } from '@/lib/store/db';

/** The typed number is not the one on the applicant's record (the record's number is never shown). */
export const ID_DIFFERS_FROM_RECORD = '这个身份证号与申请人的登记信息不一致。请对照身份证核对；如果登记的号码有误，请带身份证到窗口更正。';
/** The typed number belongs to another person record: linking to it would expose that person's records. */
export const ID_BELONGS_TO_OTHER = '这个身份证号已经登记在其他账号或窗口办理的记录中。为保护个人信息，请带身份证到窗口核实后再申请。';

export type ApplicantOnRecord = {
  personId: string;
  /** The draft is the resident's own (not filed for somebody under an authority). */
  self: boolean;
  name: string;
  /** Only for the resident's own record; a proxy never gets the grantor's numbers back. */
  phone: string | null;
  idNumber: string | null;
  idNumberMasked: string | null;
};

async function draftRow(actor: SessionUser, draftId: string): Promise<AppRow | null> {
  const row = await loadApplication(actor, { id: draftId }, 'apply');
  return row && row.status === 'draft' ? row : null;
}

/** The account's person now (a submit elsewhere may have linked one since the session began). */
async function accountPersonId(actor: SessionUser): Promise<string | null> {
  if (actor.personId) return actor.personId;
  const [row] = await q((db) => db.select({ personId: schema.users.personId }).from(schema.users).where(eq(schema.users.id, actor.id)));
  return row?.personId ?? null;
}

async function personOfDraft(actor: SessionUser, row: AppRow): Promise<{ personId: string | null; self: boolean }> {
  const own = await accountPersonId(actor);
  if (row.personId && row.personId !== own) return { personId: row.personId, self: false };
  return { personId: own, self: true };
}

/** The applicant of this draft as on record, or null (no record yet, or not this resident's draft). */
export async function applicantOnRecord(actor: SessionUser, draftId: string): Promise<ApplicantOnRecord | null> {
  if (actor.role !== 'resident') return null;
  const row = await draftRow(actor, draftId);
  if (!row) return null;
  const { personId, self } = await personOfDraft(actor, row);
  if (!personId) return null;
  const [person] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, personId)));
  if (!person) return null;
  const idNumber = self && person.idNumberEnc ? decrypt(person.idNumberEnc) : null;
  return {
    personId,
    self,
    name: openName(person.nameEnc),
    phone: self && person.phoneEnc ? decrypt(person.phoneEnc) : null,
    idNumber,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
  };
}

/**
 * The 身份证号 typed on the 申请人信息 step, checked as submit will check it: it must match the applicant's
 * record when there is one, and must not belong to another person record. Refusals name the field `idNumber`.
 */
export async function checkApplicantIdNumber(actor: SessionUser, draftId: string, idNumber: string): Promise<Result> {
  if (actor.role !== 'resident') return notFound();
  const row = await draftRow(actor, draftId);
  if (!row) return notFound();
  const p = schema.persons;
  const hmac = lookupHash(`id:${idNumber}`);
  const { personId } = await personOfDraft(actor, row);
  if (personId) {
    const [person] = await q((db) => db.select({ hmac: p.idNumberHmac }).from(p).where(eq(p.id, personId)));
    if (person?.hmac) return person.hmac === hmac ? { ok: true } : refuse('invalid', ID_DIFFERS_FROM_RECORD, { idNumber: ID_DIFFERS_FROM_RECORD });
  }
  const others = await q((db) => db.select({ id: p.id }).from(p).where(personId ? and(eq(p.idNumberHmac, hmac), ne(p.id, personId)) : eq(p.idNumberHmac, hmac)));
  if (others.length > 0) return refuse('invalid', ID_BELONGS_TO_OTHER, { idNumber: ID_BELONGS_TO_OTHER });
  return { ok: true };
}
