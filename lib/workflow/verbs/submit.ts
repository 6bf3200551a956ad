import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decryptJson, encrypt, lookupHash } from '@/lib/personal/crypto';
import type { Draft } from '@/lib/applications/draft';
import type { RegionCode } from '@/lib/calculator';
import { certifiedCategories, dedupeCategories, estimateFor, prepareSubmission, type Prepared } from '@/lib/dal/applications';
import { ID_BELONGS_TO_OTHER, ID_DIFFERS_FROM_RECORD } from '@/lib/dal/persons';
import type { SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { refuse } from '@/lib/result';
import { sealName, sealOptional, sealVisit } from '@/lib/personal/records';
import { schema, type Db } from '@/lib/store/db';
import { visitKeys } from '@/lib/personal/visit-key';
import { Abort, type Verb } from '@/lib/workflow/run';
import { STATUS_TEXT } from '@/lib/workflow/states';

const REF_PREFIX: Record<string, string> = { wuxi: 'WX', shanghai: 'SH', 'chongqing-shapingba': 'CQ', national: 'QG', 'shanghai-mutual-aid': 'HZ' };

/**
 * Submits a draft. Idempotent: the draft row is the idempotency key and the status is claimed by
 * compare-and-set, so a double tap, a retry after a timeout, a retry on another instance or submitting
 * again from the back button all answer with the same reference.
 */
export const submit: Verb<Record<string, never>, Prepared> = {
  name: 'submit',
  // A clerk submits what they filed at the counter (窗口代录) for a person without an account.
  from: ['draft'], to: 'submitted', by: ['applicant', 'clerk'],
  label: '提交',
  eventLabel: '提交申请',
  byId: true,
  access: 'apply',
  input: z.object({}).strict(),
  replay: (app) => (app.status !== 'draft' && app.ref ? { ok: true, status: app.status, ref: app.ref } : null),
  prepare: async (c) => {
    const draft = c.app.draftEnc ? decryptJson<Draft>(c.app.draftEnc) : { episodes: [] };
    const prepared = prepareSubmission(c.app.region as RegionCode, draft, todayInShanghai(c.now));
    if (!prepared.ok) return refuse('invalid', '还有内容没有填完，请补充后再提交。', Object.fromEntries(prepared.problems.map((p) => [p.section, p.message])));
    return { ok: true, value: prepared };
  },
  patch: async ({ db, actor, app, prepared, now }) => {
    const { applicant, identity, bank, episodes, year } = prepared;
    const region = app.region as RegionCode;
    const person = await resolvePerson(db, actor, app.personId, applicant, region);
    if ('error' in person) throw new Abort(refuse('invalid', person.error, { applicant: person.error }));
    for (const code of identity.categories) {
      await db.insert(schema.personCategories).values({ personId: person.id, code, region, validFrom: `${year}-01-01`, basis: 'declared', certificateNoEnc: sealOptional(identity.certificateNo) });
    }
    const categories = [...(await certifiedCategories(person.id, region, year)), ...identity.categories.map((code) => ({ code }))];
    const snapshot = await estimateFor(region, year, dedupeCategories(categories), episodes, now);
    for (const [seq, e] of episodes.entries()) {
      // Unknown is not yes (Office rules): referral, level and place open gates (004 二(三)2–3, 003 四(四)), so a
      // visit without them is asked again, never stored as referred, 二级 or 本市. The form requires all three.
      const { hospitalLevel, referred, location } = e;
      if (hospitalLevel === undefined || referred === undefined || location === undefined) throw new Abort(refuse('invalid', '有就医记录还没有填完整：请选择医院等级、就医地点和是否按规定转诊。', { episodes: '有就医记录还没有填完整' }));
      // The visit is health data: one encrypted JSON value; only its position and application stay in the clear.
      const visit = {
        hospitalName: e.hospitalName ?? null, date: e.date, endDate: e.endDate ?? null, kind: e.kind, hospitalLevel,
        specialDisease: e.specialDisease ?? false, referred, location, offsiteFiled: e.offsiteFiled ?? false,
        totalFen: e.totalFen, policyFen: e.policyFen, basicPaidFen: e.basicPaidFen ?? 0, criticalPaidFen: e.criticalPaidFen ?? 0, supplementaryPaidFen: e.supplementaryPaidFen ?? 0,
        ...(e.assistancePaidFen ? { assistancePaidFen: e.assistancePaidFen } : {}),
      };
      // The keyed hashes that find this visit in an import (lib/personal/visit-key.ts): it is never paid twice.
      await db.insert(schema.episodes).values({ applicationId: app.id, seq, dataEnc: sealVisit(visit), ...visitKeys(visit, e.settlementNo) });
    }
    const ref = await nextRef(db, region, Number(todayInShanghai(now).slice(0, 4)));
    return {
      ref, personId: person.id, year, idempotencyKey: app.id,
      bankAccountEnc: encrypt(bank.account), bankAccountLast4: bank.account.slice(-4), bankName: bank.bankName,
      estimateSnapshot: snapshot, estimatedFen: snapshot.result.totals.assistanceFen, primaryCategory: snapshot.result.category,
      submittedAt: now.toISOString(),
    };
  },
  event: () => ({ message: '申请已提交' }),
  notice: (c) => ({
    title: `申请 ${c.ref} 已提交`,
    body: `我们已收到您的医疗救助申请，编号 ${c.ref}。${STATUS_TEXT.submitted.next}`,
    sms: `【医疗救助】您的申请 ${c.ref} 已提交，请登录查看进度。`,
  }),
};

type Applicant = Prepared['applicant'];

// hukou_region / insured_region hold a region code, as staff-created records do; "other" is somewhere else.
async function resolvePerson(db: Db, actor: SessionUser, personId: string | null, a: Applicant, region: RegionCode): Promise<{ id: string } | { error: string }> {
  const p = schema.persons;
  const idHmac = lookupHash(`id:${a.idNumber}`);
  if (personId) {
    const [person] = await db.select().from(p).where(eq(p.id, personId));
    if (!person) return { error: '没有找到申请人。' };
    if (person.idNumberHmac && person.idNumberHmac !== idHmac) return { error: ID_DIFFERS_FROM_RECORD };
    await db.update(p).set({ phoneEnc: a.phone ? encrypt(a.phone) : person.phoneEnc, idNumberEnc: person.idNumberEnc ?? encrypt(a.idNumber), idNumberHmac: idHmac }).where(eq(p.id, person.id));
    return { id: person.id };
  }
  const [existing] = await db.select({ id: p.id }).from(p).where(eq(p.idNumberHmac, idHmac));
  // Linking an account to an existing person on the strength of a typed ID number would expose that person's records.
  if (existing) return { error: ID_BELONGS_TO_OTHER };
  const [created] = await db
    .insert(p)
    .values({ ...sealName(a.name), idNumberEnc: encrypt(a.idNumber), idNumberHmac: idHmac, birthDate: a.birthDate, phoneEnc: a.phone ? encrypt(a.phone) : null, hukouRegion: a.hukouLocal ? region : 'other', insuredRegion: a.insuredLocal ? region : 'other' })
    .returning({ id: p.id });
  await db.update(schema.users).set({ personId: created!.id }).where(and(eq(schema.users.id, actor.id)));
  return { id: created!.id };
}

/** The next reference of a region and year (WX-2025-000123), from a counter row. */
export async function nextRef(db: Db, region: string, year: number): Promise<string> {
  const prefix = `${REF_PREFIX[region] ?? 'YL'}-${year}`;
  const c = schema.counters;
  const [row] = await db
    .insert(c)
    .values({ name: `ref:${prefix}`, value: 1 })
    .onConflictDoUpdate({ target: c.name, set: { value: sql`${c.value} + 1` } })
    .returning({ value: c.value });
  return `${prefix}-${String(row!.value).padStart(6, '0')}`;
}
