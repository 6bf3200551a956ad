import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encrypt, lookupHash } from '@/lib/personal/crypto';
import { applicationDetail } from '@/lib/dal/applications';
import { cancelInvitation, grantedAuthorities, inviteProxy, revokeAuthority } from '@/lib/dal/authorities/grantor';
import { acceptInvitation, heldAuthorities, invitationsForMe, INVITATION_LOCKED, requestByDocument } from '@/lib/dal/authorities/proxy';
import { sendAuthorityReminders } from '@/lib/dal/authorities/reminders';
import { approveRequest, authorityForReview, authorityQueue, linkAccountToPerson, rejectRequest, verifyCommunityWorker } from '@/lib/dal/authorities/staff';
import { recordGuardian } from '@/lib/dal/counter';
import { exportMyData } from '@/lib/dal/my-data';
import { hasAuthority } from '@/lib/dal/access';
import { createDraft, getDraft, listDrafts, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { perform } from '@/lib/workflow';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';
import { sealName } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

let seq = 0;
function idNumber(n: number): string {
  const first = `32020219500101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}
async function resident(withPerson: string | null = null): Promise<SessionUser & { phone: string; idNumber: string | null }> {
  seq += 1;
  const phone = `1350000${String(seq).padStart(4, '0')}`;
  let personId: string | null = null;
  if (withPerson) {
    const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName(withPerson), idNumberEnc: encrypt(idNumber(seq)), idNumberHmac: lookupHash(`id:${idNumber(seq)}`), insuredRegion: 'wuxi' }).returning());
    personId = p!.id;
  }
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: withPerson ?? `居民${seq}`, phoneEnc: encrypt(phone), phoneHmac: lookupHash(`phone:${phone}`), personId, region: 'wuxi' }).returning());
  return { ...toSessionUser(row!), phone, idNumber: withPerson ? idNumber(seq) : null };
}
async function clerk(): Promise<SessionUser> {
  seq += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `clerk${seq}`, displayName: '受理员', region: 'wuxi' }).returning());
  return toSessionUser(row!);
}
const grant = (phone: string, over: Partial<Parameters<typeof inviteProxy>[1]> = {}) => ({ phone, relationship: 'family' as const, scope: ['apply', 'view'] as ('apply' | 'view')[], validFrom: '2026-12-01', validTo: '2027-11-30', applicationId: null, ...over });
const NOW = new Date('2026-12-01T04:00:00Z');
const status = async (id: string) => (await q((db) => db.select().from(schema.authorities).where(eq(schema.authorities.id, id))))[0]!;

// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const file = (name: string) => ({ name, bytes: PNG });

describe('invite and accept with the known fact', () => {
  it('the invited phone accepts with the last 4 of the applicant’s 身份证号; then the proxy may start a draft', async () => {
    const father = await resident('张大明');
    const daughter = await resident();
    const invited = await inviteProxy(father, grant(daughter.phone), NOW);
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    expect((await invitationsForMe(daughter, NOW)).map((i) => i.id)).toEqual([invited.id]);
    // Somebody else signed in sees nothing and cannot accept it.
    const stranger = await resident();
    expect(await invitationsForMe(stranger, NOW)).toEqual([]);
    expect((await acceptInvitation(stranger, invited.id, father.idNumber!.slice(-4), NOW)).ok).toBe(false);
    // Before accepting, no access.
    expect((await createDraft(daughter, { region: 'wuxi', forPersonId: father.personId })).ok).toBe(false);
    expect(await acceptInvitation(daughter, invited.id, father.idNumber!.slice(-4), NOW)).toEqual({ ok: true });
    expect((await status(invited.id)).status).toBe('active');
    const draft = await createDraft(daughter, { region: 'wuxi', forPersonId: father.personId });
    expect(draft.ok).toBe(true);
    const log = (await grantedAuthorities(father))[0]!;
    expect(log.activity.map((a) => a.action)).toEqual(expect.arrayContaining(['authority.invite', 'authority.accept', 'draft.create']));
  });

  it('three wrong answers lock the invitation; a right answer after that is refused', async () => {
    const father = await resident('李老');
    const proxy = await resident();
    const invited = await inviteProxy(father, grant(proxy.phone), NOW);
    if (!invited.ok) throw new Error(invited.message);
    const first = await acceptInvitation(proxy, invited.id, '0000', NOW);
    expect(first).toMatchObject({ ok: false, code: 'invalid' });
    expect(first.ok ? '' : first.message).toContain('还可以再试 2 次');
    await acceptInvitation(proxy, invited.id, '1111', NOW);
    expect(await acceptInvitation(proxy, invited.id, '2222', NOW)).toMatchObject({ ok: false, message: INVITATION_LOCKED });
    expect((await status(invited.id))).toMatchObject({ status: 'locked', factAttempts: 3 });
    expect(await acceptInvitation(proxy, invited.id, father.idNumber!.slice(-4), NOW)).toMatchObject({ ok: false, message: INVITATION_LOCKED });
    // The applicant is told and can cancel it.
    expect(await cancelInvitation(father, invited.id)).toEqual({ ok: true });
    expect((await status(invited.id)).status).toBe('cancelled');
  });

  it('an invitation expires after 14 days', async () => {
    const father = await resident('王老');
    const proxy = await resident();
    const invited = await inviteProxy(father, grant(proxy.phone), NOW);
    if (!invited.ok) throw new Error(invited.message);
    // 14 days and 1 minute later.
    const later = new Date(NOW.getTime() + 14 * 86_400_000 + 60_000);
    expect(await invitationsForMe(proxy, later)).toEqual([]);
    expect((await acceptInvitation(proxy, invited.id, father.idNumber!.slice(-4), later)).ok).toBe(false);
    expect((await status(invited.id)).status).toBe('expired');
  });

  it('five invitations sent at the same moment: exactly 3 pass the limit of 3', async () => {
    const father = await resident('李老汉');
    const phones = await Promise.all(Array.from({ length: 5 }, async () => (await resident()).phone));
    const results = await Promise.all(phones.map((p) => inviteProxy(father, grant(p), NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['conflict', 'conflict']);
  });

  it('at most 3 live proxies per person; own phone, empty scope and reversed dates are refused', async () => {
    const father = await resident('赵老');
    for (let i = 0; i < 3; i += 1) expect((await inviteProxy(father, grant((await resident()).phone), NOW)).ok).toBe(true);
    expect(await inviteProxy(father, grant((await resident()).phone), NOW)).toMatchObject({ ok: false, code: 'conflict' });
    // The same phone twice is refused (already invited).
    const twice = await resident('钱小');
    const phone = (await resident()).phone;
    expect((await inviteProxy(twice, grant(phone), NOW)).ok).toBe(true);
    expect(await inviteProxy(twice, grant(phone), NOW)).toMatchObject({ ok: false, fieldErrors: { phone: expect.any(String) } });
    const other = await resident('钱老');
    const bad = await inviteProxy(other, grant(other.phone, { scope: [], validTo: '2026-11-30' }), NOW);
    expect(bad.ok ? {} : bad.fieldErrors).toMatchObject({ phone: expect.any(String), scope: expect.any(String), validTo: expect.any(String) });
  });
});

/** A complete Wuxi draft (低保, one stay) the proxy fills in for the applicant. */
async function fileFor(proxy: SessionUser & { phone: string }, applicant: SessionUser & { idNumber: string | null; displayName: string }): Promise<{ id: string }> {
  const draft = await createDraft(proxy, { region: 'wuxi', forPersonId: applicant.personId });
  if (!draft.ok) throw new Error(draft.message);
  const name = applicant.displayName;
  await saveStep(proxy, draft.id, 'applicant', { values: { name, idNumber: applicant.idNumber!, phone: proxy.phone, hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(proxy, draft.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(proxy, draft.id, 'bank', { values: { bankName: '工商银行', accountName: name, account: '6222020000001234567' }, complete: true });
  await saveStep(proxy, draft.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(proxy, draft.id, -1, { complete: true, values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' } });
  return draft;
}

describe('acting and notices', () => {
  it('a proxy without 接收通知 gets no notices, the applicant does', async () => {
    const father = await resident('黄老伯');
    const son = await resident();
    const invited = await inviteProxy(father, grant(son.phone, { scope: ['apply', 'view'] }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(son, invited.id, father.idNumber!.slice(-4), NOW);
    const draft = await fileFor(son, father);
    expect((await perform(son, draft.id, 'submit', {}, { now: NOW })).ok).toBe(true);
    const notes = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.applicationId, draft.id)));
    expect(notes.map((n) => n.userId)).toEqual([father.id]);
  });

  it('the proxy files, the event and audit name the authority, and her notice is about him (his money), his is to “您”', async () => {
    const father = await resident('张大明');
    const daughter = await resident();
    const invited = await inviteProxy(father, grant(daughter.phone, { scope: ['apply', 'view', 'notify'] }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(daughter, invited.id, father.idNumber!.slice(-4), NOW);
    const draft = await fileFor(daughter, father);
    const submitted = await perform(daughter, draft.id, 'submit', {}, { now: NOW });
    expect(submitted.ok).toBe(true);
    const [event] = await q((db) => db.select().from(schema.events).where(eq(schema.events.applicationId, draft.id)));
    expect(event!.authorityId).toBe(invited.id);
    const notes = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.applicationId, draft.id)));
    const hers = notes.find((n) => n.userId === daughter.id)!;
    const his = notes.find((n) => n.userId === father.id)!;
    expect(his.body).toContain('我们已收到您的医疗救助申请');
    expect(hers.body).toContain('我们已收到张*明 的医疗救助申请');
    expect(hers.body).not.toContain('您');
    // The applicant's log lists what she did in his name.
    const log = (await grantedAuthorities(father))[0]!.activity.map((a) => a.action);
    expect(log).toEqual(expect.arrayContaining(['draft.create', 'draft.save', 'application.submit']));
  });
});

describe('revoke', () => {
  it('holds on the very next action, and the proxy’s drafts pass to the applicant', async () => {
    const father = await resident('孙老');
    const daughter = await resident();
    const invited = await inviteProxy(father, grant(daughter.phone), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(daughter, invited.id, father.idNumber!.slice(-4), NOW);
    const draft = await createDraft(daughter, { region: 'wuxi', forPersonId: father.personId });
    if (!draft.ok) throw new Error(draft.message);
    expect(await getDraft(daughter, draft.id)).not.toBeNull();
    expect(await revokeAuthority(father, invited.id, NOW)).toEqual({ ok: true });
    expect(await getDraft(daughter, draft.id)).toBeNull();
    expect((await listDrafts(father)).map((d) => d.id)).toEqual([draft.id]);
    expect((await revokeAuthority(father, invited.id, NOW)).ok).toBe(false);
    expect((await heldAuthorities(daughter))[0]!.status).toBe('revoked');
  });

  it('a clerk revokes at the counter for a person of their region only', async () => {
    const father = await resident('谢老');
    const son = await resident();
    const invited = await inviteProxy(father, grant(son.phone), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(son, invited.id, father.idNumber!.slice(-4), NOW);
    seq += 1;
    const [sh] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `sh${seq}`, displayName: '上海受理员', region: 'shanghai' }).returning());
    expect((await revokeAuthority(toSessionUser(sh!), invited.id, NOW)).ok).toBe(false);
    expect((await status(invited.id)).status).toBe('active');
    expect(await revokeAuthority(await clerk(), invited.id, NOW)).toEqual({ ok: true });
    expect((await status(invited.id))).toMatchObject({ status: 'revoked' });
  });

  it('a scope not granted is refused: view only cannot start a draft nor see another person', async () => {
    const father = await resident('周老');
    const proxy = await resident();
    const invited = await inviteProxy(father, grant(proxy.phone, { scope: ['view'] }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(proxy, invited.id, father.idNumber!.slice(-4), NOW);
    expect((await createDraft(proxy, { region: 'wuxi', forPersonId: father.personId })).ok).toBe(false);
    const neighbour = await resident('吴老');
    expect((await createDraft(proxy, { region: 'wuxi', forPersonId: neighbour.personId })).ok).toBe(false);
    expect(await applicationDetail(proxy, 'WX-2026-999999')).toBeNull();
  });
});

describe('委托书 request, clerk verification, account linking', () => {
  it('is pending until a clerk approves with a note; a rejection carries the reason', async () => {
    const daughter = await resident();
    const c = await clerk();
    const input = { name: '郑大爷', idNumber: idNumber(900), region: 'wuxi', relationship: 'family' as const, scope: ['apply', 'view'] as ('apply' | 'view')[], validFrom: '2026-12-01', validTo: '2027-11-30' };
    const asked = await requestByDocument(daughter, input, { letter: file('委托书.png'), proxyId: file('my-id.png'), grantorId: file('his-id.png') }, NOW);
    if (!asked.ok) throw new Error(asked.message);
    const personId = (await status(asked.id)).grantorPersonId;
    expect((await createDraft(daughter, { region: 'wuxi', forPersonId: personId })).ok).toBe(false);
    expect(await approveRequest(c, asked.id, '已核对委托书签字和两张身份证', NOW)).toEqual({ ok: true });
    expect((await status(asked.id))).toMatchObject({ status: 'active', verifiedBy: c.id, verifyNote: '已核对委托书签字和两张身份证' });
    expect((await createDraft(daughter, { region: 'wuxi', forPersonId: personId })).ok).toBe(true);
    // A second request for the same person is found by 身份证号 (no second record), and can be refused.
    const again = await requestByDocument(daughter, input, { letter: file('a.png'), proxyId: file('b.png'), grantorId: file('c.png') }, NOW);
    if (!again.ok) throw new Error(again.message);
    expect((await status(again.id)).grantorPersonId).toBe(personId);
    expect(await rejectRequest(c, again.id, 'unsigned', NOW)).toEqual({ ok: true });
    expect((await status(again.id))).toMatchObject({ status: 'rejected', declineReason: '委托书没有委托人本人签字或按手印' });
    // A resident cannot approve.
    expect((await approveRequest(daughter, asked.id, 'x', NOW)).ok).toBe(false);
  });

  it('links a resident account to the person on file after the clerk checked the 身份证', async () => {
    const c = await clerk();
    const id = idNumber(901);
    await q((db) => db.insert(schema.persons).values({ ...sealName('冯老'), idNumberEnc: encrypt(id), idNumberHmac: lookupHash(`id:${id}`) }));
    const u = await resident();
    expect(await linkAccountToPerson(c, { phone: u.phone, idNumber: id, note: '核对了身份证原件' })).toEqual({ ok: true, name: '冯*' });
    const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, u.id)));
    expect(row!.personId).not.toBeNull();
    expect((await linkAccountToPerson(c, { phone: u.phone, idNumber: id, note: '' })).ok).toBe(false);
  });
});

describe('reminders and expiry', () => {
  it('reminds both sides once, 14 days before the end; marks ended authorities expired; runs idempotently', async () => {
    const father = await resident('陈老');
    const daughter = await resident();
    const invited = await inviteProxy(father, grant(daughter.phone, { validTo: '2026-12-20' }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    await acceptInvitation(daughter, invited.id, father.idNumber!.slice(-4), NOW);
    // 2026-12-05 is 15 days before 2026-12-20: not yet.
    expect((await sendAuthorityReminders(new Date('2026-12-05T02:00:00Z'))).reminded).toBe(0);
    // 2026-12-06 is 14 days before: both are told, once.
    expect((await sendAuthorityReminders(new Date('2026-12-06T02:00:00Z'))).reminded).toBe(1);
    expect((await sendAuthorityReminders(new Date('2026-12-07T02:00:00Z'))).reminded).toBe(0);
    const notes = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.title, '委托即将到期')));
    expect(notes.map((n) => n.userId).sort()).toEqual([father.id, daughter.id].sort());
    // The day after the end date it is marked expired (with this file's other invitations, past their 14 days).
    expect((await sendAuthorityReminders(new Date('2026-12-21T02:00:00Z'))).expired).toBeGreaterThanOrEqual(1);
    expect((await status(invited.id)).status).toBe('expired');
    expect((await sendAuthorityReminders(new Date('2026-12-21T02:00:00Z'))).expired).toBe(0);
  });
});

describe('staff and invitations', () => {
  it('a clerk cannot approve an invitation in the proxy’s place (only a 委托书 is verified)', async () => {
    const father = await resident('罗老');
    const proxy = await resident();
    const c = await clerk();
    const invited = await inviteProxy(father, grant(proxy.phone), NOW);
    if (!invited.ok) throw new Error(invited.message);
    expect(await approveRequest(c, invited.id, '想跳过确认', NOW)).toMatchObject({ ok: false, code: 'conflict' });
    expect((await status(invited.id)).status).toBe('pending');
  });
});

describe('review of busy proxies', () => {
  it('a proxy acting for more than 20 people is listed for staff review; 20 is not', async () => {
    const busy = await resident();
    const c = await clerk();
    const people: string[] = [];
    for (let i = 0; i < 21; i += 1) {
      const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName(`社区${i}号`) }).returning({ id: schema.persons.id }));
      people.push(p!.id);
    }
    const give = (personId: string) => q((db) => db.insert(schema.authorities).values({ grantorPersonId: personId, proxyUserId: busy.id, scope: ['view'], validFrom: '2026-01-01', validTo: '2027-12-31', status: 'active', kind: 'document' }));
    for (const p of people.slice(0, 20)) await give(p);
    expect((await authorityQueue(c)).flagged.map((f) => f.id)).not.toContain(busy.id);
    await give(people[20]!);
    expect((await authorityQueue(c)).flagged).toContainEqual(expect.objectContaining({ id: busy.id, people: 21 }));
  });

  it('only the staff of an area where the proxy acts for someone see them listed', async () => {
    const busy = await resident();
    const [row] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `clerk-sh-${seq}`, displayName: '受理员', region: 'shanghai' }).returning());
    const shanghai = toSessionUser(row!);
    for (let i = 0; i < 21; i += 1) {
      const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName(`无锡${i}号`), insuredRegion: 'wuxi' }).returning({ id: schema.persons.id }));
      await q((db) => db.insert(schema.authorities).values({ grantorPersonId: p!.id, proxyUserId: busy.id, scope: ['view'], validFrom: '2026-01-01', validTo: '2027-12-31', status: 'active', kind: 'document' }));
    }
    expect((await authorityQueue(await clerk())).flagged.map((f) => f.id)).toContain(busy.id);
    expect((await authorityQueue(shanghai)).flagged.map((f) => f.id)).not.toContain(busy.id);
  });
});

describe('staff see and link only people of their area (a district: people with a case there)', () => {
  async function staff(region: string, district: string | null = null): Promise<SessionUser> {
    seq += 1;
    const [row] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `area${seq}`, displayName: '受理员', region, district }).returning());
    return toSessionUser(row!);
  }

  it('a 委托书 of a Wuxi person: the Wuxi clerk reviews it; a 梁溪区 clerk (no case of the person there) and a Shanghai clerk do not', async () => {
    const daughter = await resident();
    const input = { name: '钱大爷', idNumber: idNumber(950), region: 'wuxi', relationship: 'family' as const, scope: ['apply', 'view'] as ('apply' | 'view')[], validFrom: '2026-12-01', validTo: '2027-11-30' };
    const asked = await requestByDocument(daughter, input, { letter: file('委托书.png'), proxyId: file('my-id.png'), grantorId: file('his-id.png') }, NOW);
    if (!asked.ok) throw new Error(asked.message);
    const wuxi = await staff('wuxi');
    const district = await staff('wuxi', '梁溪区');
    const shanghai = await staff('shanghai');
    expect((await authorityForReview(wuxi, asked.id))?.id).toBe(asked.id);
    expect((await authorityQueue(wuxi)).pending.map((p) => p.id)).toContain(asked.id);
    // Before the fix the district clerk saw the full name, the 身份证号 and the photos of anybody of the region.
    expect(await authorityForReview(district, asked.id)).toBeNull();
    expect((await authorityQueue(district)).pending.map((p) => p.id)).not.toContain(asked.id);
    expect((await approveRequest(district, asked.id, '已核对', NOW)).ok).toBe(false);
    expect(await authorityForReview(shanghai, asked.id)).toBeNull();
    expect((await authorityQueue(shanghai)).pending.map((p) => p.id)).not.toContain(asked.id);
    expect((await status(asked.id)).status).toBe('pending');
    // A case of the person in 梁溪区 makes them the district's too.
    const personId = (await status(asked.id)).grantorPersonId;
    const [owner] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.id, daughter.id)));
    await q((db) => db.insert(schema.applications).values({ ref: 'WX-2026-950950', personId, filedByUserId: owner!.id, region: 'wuxi', district: '梁溪区', year: 2026, status: 'submitted' }));
    expect((await authorityForReview(district, asked.id))?.id).toBe(asked.id);
  });

  it('a Shanghai clerk linking an account to a Wuxi person is told there is no such record, and nothing is linked', async () => {
    const id = idNumber(951);
    await q((db) => db.insert(schema.persons).values({ ...sealName('孙老'), idNumberEnc: encrypt(id), idNumberHmac: lookupHash(`id:${id}`), insuredRegion: 'wuxi' }));
    const u = await resident();
    const shanghai = await staff('shanghai');
    const refused = await linkAccountToPerson(shanghai, { phone: u.phone, idNumber: id, note: '' });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { idNumber: expect.stringContaining('没有这个身份证号的登记记录') } });
    expect((await linkAccountToPerson(await staff('wuxi', '梁溪区'), { phone: u.phone, idNumber: id, note: '' })).ok).toBe(false);
    const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, u.id)));
    expect(row!.personId).toBeNull();
    expect(await linkAccountToPerson(await staff('wuxi'), { phone: u.phone, idNumber: id, note: '核对了身份证原件' })).toEqual({ ok: true, name: '孙*' });
  });
});

describe('代办人与委托人的关系（家属、基层工作人员、监护人、其他）', () => {
  async function staffOf(region: string, district: string | null = null): Promise<SessionUser> {
    seq += 1;
    const [row] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: `rel${seq}`, displayName: '受理员', region, district }).returning());
    return toSessionUser(row!);
  }
  const auditOf = (authorityId: string, action: string) => q((db) => db.select().from(schema.auditLog).where(and(eq(schema.auditLog.authorityId, authorityId), eq(schema.auditLog.action, action))));

  it('申请人邀请时选择关系并保存；监护人不能在网上选；旧记录为“其他”；双方列表和“我的数据”都显示关系', async () => {
    const mother = await resident('吴秀兰');
    const son = await resident();
    const bad = await inviteProxy(mother, grant(son.phone, { relationship: 'guardian' as never }), NOW);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { relationship: expect.any(String) } });
    const invited = await inviteProxy(mother, grant(son.phone, { relationship: 'family' }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    expect((await status(invited.id)).relationship).toBe('family');
    expect((await invitationsForMe(son, NOW))[0]).toMatchObject({ relationshipText: '家属' });
    expect(await acceptInvitation(son, invited.id, mother.idNumber!.slice(-4), NOW)).toEqual({ ok: true });
    expect((await grantedAuthorities(mother)).find((g) => g.id === invited.id)).toMatchObject({ relationship: 'family', relationshipText: '家属' });
    expect((await heldAuthorities(son, NOW)).find((h) => h.id === invited.id)).toMatchObject({ relationshipText: '家属' });
    const data = await exportMyData(mother, 'json', NOW);
    expect(data?.authoritiesGranted).toContainEqual(expect.objectContaining({ relationship: '家属' }));
    expect((await exportMyData(son, 'json', NOW))?.authoritiesHeld).toContainEqual(expect.objectContaining({ relationship: '家属' }));
    // A row written without a relationship (as every row before the migration) reads as 'other'.
    const [old] = await q((db) => db.insert(schema.authorities).values({ grantorPersonId: mother.personId!, proxyUserId: son.id, scope: ['view'], validFrom: '2026-01-01', validTo: '2026-06-30', status: 'expired', kind: 'document' }).returning());
    expect(old!.relationship).toBe('other');
  });

  it('基层工作人员：核实前显示“待经办部门核实身份”；本地区受理员核实单位后显示已核实，并留下审计记录；外地区和街道受理员看不到', async () => {
    const elder = await resident('冯老伯');
    const worker = await resident();
    const invited = await inviteProxy(elder, grant(worker.phone, { relationship: 'community_worker' }), NOW);
    if (!invited.ok) throw new Error(invited.message);
    const wuxi = await staffOf('wuxi');
    // Not accepted yet: there is no account to verify.
    expect(await verifyCommunityWorker(wuxi, invited.id, { organisation: '崇安寺街道某某社区居委会' }, NOW)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await acceptInvitation(worker, invited.id, elder.idNumber!.slice(-4), NOW)).toEqual({ ok: true });
    expect((await grantedAuthorities(elder))[0]).toMatchObject({ relationshipText: '基层工作人员（待经办部门核实身份）', workerVerified: false });
    expect((await heldAuthorities(worker, NOW))[0]).toMatchObject({ relationshipText: '基层工作人员（待经办部门核实身份）' });
    expect((await authorityQueue(wuxi)).workers.map((w) => w.id)).toContain(invited.id);
    // Another region's clerk, and a district clerk without a case of the person there, are answered not found.
    expect(await verifyCommunityWorker(await staffOf('shanghai'), invited.id, { organisation: '某社区' }, NOW)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await verifyCommunityWorker(await staffOf('wuxi', '梁溪区'), invited.id, { organisation: '某社区' }, NOW)).toMatchObject({ ok: false, code: 'not_found' });
    expect((await authorityQueue(await staffOf('shanghai'))).workers.map((w) => w.id)).not.toContain(invited.id);
    expect(await verifyCommunityWorker(wuxi, invited.id, { organisation: ' ' }, NOW)).toMatchObject({ ok: false, fieldErrors: { organisation: expect.any(String) } });
    expect(await verifyCommunityWorker(wuxi, invited.id, { organisation: '崇安寺街道某某社区居委会' }, NOW)).toEqual({ ok: true });
    const [cw] = await q((db) => db.select().from(schema.communityWorkers).where(eq(schema.communityWorkers.userId, worker.id)));
    expect(cw).toMatchObject({ region: 'wuxi', organisation: '崇安寺街道某某社区居委会', verifiedBy: wuxi.id, authorityId: invited.id, verifiedAt: NOW.toISOString() });
    expect(await auditOf(invited.id, 'authority.verify_worker')).toHaveLength(1);
    expect((await grantedAuthorities(elder))[0]).toMatchObject({ relationshipText: '基层工作人员（经办部门已核实）', workerVerified: true });
    expect((await heldAuthorities(worker, NOW))[0]).toMatchObject({ relationshipText: '基层工作人员（经办部门已核实）' });
    expect((await authorityQueue(wuxi)).workers.map((w) => w.id)).not.toContain(invited.id);
    expect(await verifyCommunityWorker(wuxi, invited.id, { organisation: '崇安寺街道某某社区居委会' }, NOW)).toMatchObject({ ok: false, code: 'conflict' });
    expect((await exportMyData(worker, 'json', NOW))?.communityWorker).toEqual([{ region: 'wuxi', organisation: '崇安寺街道某某社区居委会', verifiedAt: NOW.toISOString() }]);
    // A family member's authority has nothing to verify.
    const other = await inviteProxy(elder, grant((await resident()).phone, { relationship: 'family' }), NOW);
    if (!other.ok) throw new Error(other.message);
    expect(await verifyCommunityWorker(wuxi, other.id, { organisation: '某社区' }, NOW)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('已核实的基层工作人员为本地区 21 人代办不列入“代办人数较多”；未核实的仍然列入', async () => {
    const worker = await resident();
    const stranger = await resident();
    const c = await staffOf('wuxi');
    const give = async (proxyUserId: string, relationship: 'community_worker' | 'family', i: number) => {
      const [p] = await q((db) => db.insert(schema.persons).values({ ...sealName(`社区老人${i}`), insuredRegion: 'wuxi' }).returning({ id: schema.persons.id }));
      const [a] = await q((db) => db.insert(schema.authorities).values({ grantorPersonId: p!.id, proxyUserId, scope: ['view'], validFrom: '2026-01-01', validTo: '2027-12-31', status: 'active', kind: 'document', relationship }).returning());
      return a!.id;
    };
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push(await give(worker.id, 'community_worker', i));
    for (let i = 0; i < 21; i += 1) await give(stranger.id, 'family', 100 + i);
    const flagged = async () => (await authorityQueue(c)).flagged.map((f) => f.id);
    expect(await flagged()).toEqual(expect.arrayContaining([worker.id, stranger.id]));
    expect(await verifyCommunityWorker(c, ids[0]!, { organisation: '某街道社区事务受理服务中心' }, NOW)).toEqual({ ok: true });
    expect(await flagged()).not.toContain(worker.id);
    expect(await flagged()).toContain(stranger.id);
  });

  it('监护人：没有监护证明不登记；有证明时委托立即生效（窗口、监护人），监护人用手机号登录即可为本人办理；外地区受理员看不到', async () => {
    const clerkWx = await staffOf('wuxi');
    const personId = idNumber(970);
    const guardianId = idNumber(971);
    const phone = '13599990970';
    const input = { personName: '褚老太', personIdNumber: personId, guardianName: '褚建国', guardianIdNumber: guardianId, guardianPhone: phone, validTo: '2027-11-30' };
    const refused = await recordGuardian(clerkWx, input, null, NOW);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { proof: expect.stringContaining('监护证明') } });
    expect(await q((db) => db.select().from(schema.persons).where(eq(schema.persons.idNumberHmac, lookupHash(`id:${personId}`))))).toHaveLength(0);
    expect(await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lookupHash(`phone:${phone}`))))).toHaveLength(0);
    expect((await recordGuardian(await staffOf('shanghai'), { ...input, personIdNumber: idNumber(972) }, null, NOW)).ok).toBe(false);
    const made = await recordGuardian(clerkWx, input, file('监护证明.png'), NOW);
    if (!made.ok) throw new Error(made.message);
    const row = await status(made.id);
    expect(row).toMatchObject({ status: 'active', kind: 'counter', relationship: 'guardian', verifiedBy: clerkWx.id });
    expect(row.proxyIdNumberEnc).not.toContain(guardianId);
    const [doc] = await q((db) => db.select().from(schema.documents).where(eq(schema.documents.authorityId, made.id)));
    expect(doc).toMatchObject({ kind: 'authority_guardianship' });
    expect(await auditOf(made.id, 'authority.guardian')).toHaveLength(1);
    // The guardian's first sign-in finds the account made at the counter, which holds the authority.
    const [account] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lookupHash(`phone:${phone}`))));
    const guardian = toSessionUser(account!);
    expect(await hasAuthority(guardian.id, row.grantorPersonId, 'apply')).toBe(true);
    expect((await createDraft(guardian, { region: 'wuxi', forPersonId: row.grantorPersonId })).ok).toBe(true);
    expect((await heldAuthorities(guardian, NOW))[0]).toMatchObject({ relationshipText: '监护人', status: 'active' });
    const review = await authorityForReview(clerkWx, made.id);
    expect(review).toMatchObject({ relationshipText: '监护人', guardianName: '褚建国', guardianIdNumber: guardianId });
    expect(review?.documents.map((d) => d.label)).toEqual(['监护证明']);
    expect(await authorityForReview(await staffOf('shanghai'), made.id)).toBeNull();
    // A Shanghai clerk cannot give the Wuxi person another guardian.
    const again = await recordGuardian(await staffOf('shanghai'), { ...input, guardianIdNumber: idNumber(973), guardianPhone: '13599990973' }, file('证明.png'), NOW);
    expect(again).toMatchObject({ ok: false, fieldErrors: { personIdNumber: expect.any(String) } });
  });
});
