import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { createDraft } from '@/lib/dal/drafts';
import { applicantOnRecord, checkApplicantIdNumber, ID_BELONGS_TO_OTHER, ID_DIFFERS_FROM_RECORD } from '@/lib/dal/persons';
import { clearPrefillFor, readPrefillFor, savePrefillFor } from '@/lib/dal/prefills';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

let seq = 0;
function idNumber(n: number): string {
  const first = `32020219700101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}
async function person(name: string, id: string | null, phone = '13900001111'): Promise<string> {
  const [row] = await q((db) =>
    db.insert(schema.persons).values({ ...sealName(name), idNumberEnc: id ? encrypt(id) : null, idNumberHmac: id ? lookupHash(`id:${id}`) : null, phoneEnc: encrypt(phone) }).returning({ id: schema.persons.id }),
  );
  return row!.id;
}
async function resident(personId: string | null = null): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${seq}`, phoneHmac: lookupHash(`phone:1360000${String(seq).padStart(4, '0')}`), personId }).returning());
  return toSessionUser(row!);
}
async function draft(u: SessionUser, forPersonId?: string): Promise<string> {
  const created = await createDraft(u, { region: 'wuxi', forPersonId });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

describe('applicantOnRecord', () => {
  it('gives the resident their own record, the 身份证号 with its masked form (first 3 and last 4)', async () => {
    const id = idNumber(1);
    const u = await resident(await person('张一', id, '13900002222'));
    const r = await applicantOnRecord(u, await draft(u));
    expect(r).toMatchObject({ self: true, name: '张一', phone: '13900002222', idNumber: id });
    // 18 characters: 3 shown + 11 stars + 4 shown.
    expect(r!.idNumberMasked).toBe(`${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`);
  });

  it('gives a proxy only the name of the person they file for, and nobody anything for a draft not theirs', async () => {
    const grantor = await person('赵二', idNumber(2));
    const proxy = await resident(await person('王二', idNumber(3)));
    await q((db) => db.insert(schema.authorities).values({ grantorPersonId: grantor, proxyUserId: proxy.id, scope: ['apply', 'view', 'respond'], validFrom: '2000-01-01', validTo: '2999-12-31', status: 'active' }));
    const id = await draft(proxy, grantor);
    expect(await applicantOnRecord(proxy, id)).toMatchObject({ self: false, name: '赵二', phone: null, idNumber: null, idNumberMasked: null });
    const stranger = await resident();
    expect(await applicantOnRecord(stranger, id)).toBeNull();
  });

  it('is null for a resident without a person record', async () => {
    const u = await resident();
    expect(await applicantOnRecord(u, await draft(u))).toBeNull();
  });
});

describe('checkApplicantIdNumber', () => {
  it('accepts the number on record and refuses another one, on the idNumber field, without revealing the record', async () => {
    const id = idNumber(4);
    const u = await resident(await person('李四', id));
    const d = await draft(u);
    expect(await checkApplicantIdNumber(u, d, id)).toEqual({ ok: true });
    const other = await checkApplicantIdNumber(u, d, idNumber(5));
    expect(other).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { idNumber: ID_DIFFERS_FROM_RECORD } });
    expect(JSON.stringify(other)).not.toContain(id.slice(-4));
  });

  it('refuses, for someone without a record, a number that already belongs to another person', async () => {
    const taken = idNumber(6);
    await person('周六', taken);
    const u = await resident();
    const d = await draft(u);
    expect(await checkApplicantIdNumber(u, d, taken)).toMatchObject({ ok: false, fieldErrors: { idNumber: ID_BELONGS_TO_OTHER } });
    expect(await checkApplicantIdNumber(u, d, idNumber(7))).toEqual({ ok: true });
  });

  it('checks a proxy draft against the grantor’s record', async () => {
    const grantorId = idNumber(8);
    const grantor = await person('钱八', grantorId);
    const proxy = await resident(await person('孙八', idNumber(9)));
    await q((db) => db.insert(schema.authorities).values({ grantorPersonId: grantor, proxyUserId: proxy.id, scope: ['apply'], validFrom: '2000-01-01', validTo: '2999-12-31', status: 'active' }));
    const d = await draft(proxy, grantor);
    expect(await checkApplicantIdNumber(proxy, d, grantorId)).toEqual({ ok: true });
    // The proxy's own number is not the grantor's.
    expect(await checkApplicantIdNumber(proxy, d, idNumber(9))).toMatchObject({ ok: false, fieldErrors: { idNumber: ID_DIFFERS_FROM_RECORD } });
  });

  it('a record without a number on file: refuses a number of another person, accepts a free one', async () => {
    const u = await resident(await person('吴十', null));
    const d = await draft(u);
    const taken = idNumber(10);
    await person('郑十', taken);
    expect(await checkApplicantIdNumber(u, d, taken)).toMatchObject({ ok: false, fieldErrors: { idNumber: ID_BELONGS_TO_OTHER } });
    expect(await checkApplicantIdNumber(u, d, idNumber(11))).toEqual({ ok: true });
  });

  it('answers not found for a draft that is not the actor’s', async () => {
    const owner = await resident();
    const d = await draft(owner);
    expect(await checkApplicantIdNumber(await resident(), d, idNumber(12))).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('prefills', () => {
  const visit = (n: number) => ({ kind: 'inpatient', date: `2026-0${n}-01`, totalYuan: String(1000 * n), policyYuan: String(800 * n) });

  it('keeps any number of visits per account, encrypted, merged field by field, cleared once used', async () => {
    const u = await resident();
    expect(await readPrefillFor(u)).toEqual({});
    // Twelve visits: more than the signed-out cookie's ten.
    const twelve = Array.from({ length: 12 }, (_, i) => visit((i % 9) + 1));
    expect((await savePrefillFor(u, { region: 'wuxi', categories: ['dibao'], episodes: twelve })).ok).toBe(true);
    await savePrefillFor(u, { categories: ['tekun'] });
    const read = await readPrefillFor(u);
    expect(read.region).toBe('wuxi');
    expect(read.categories).toEqual(['tekun']);
    expect(read.episodes).toHaveLength(12);
    const [row] = await q((db) => db.select().from(schema.prefills).where(eq(schema.prefills.userId, u.id)));
    expect(row!.dataEnc).not.toContain('inpatient');
    await clearPrefillFor(u);
    expect(await readPrefillFor(u)).toEqual({});
  });

  it('is per account, and staff have none', async () => {
    const a = await resident();
    const b = await resident();
    await savePrefillFor(a, { region: 'shanghai', episodes: [visit(1)] });
    expect(await readPrefillFor(b)).toEqual({});
    const [staffRow] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `clerk-p${seq}`, displayName: 'clerk', region: 'wuxi' }).returning());
    const staff = toSessionUser(staffRow!);
    expect(await savePrefillFor(staff, { region: 'wuxi' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await readPrefillFor(staff)).toEqual({});
  });
});
