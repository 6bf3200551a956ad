import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { canMove, perform } from '@/lib/workflow';
import { decrypt, lookupHash } from '@/lib/personal/crypto';
import { sealName } from '@/lib/personal/records';
import { applicationDetail, listApplications } from '@/lib/dal/applications';
import { createDraft, getDraft, removeEpisode, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/personal/id-number';

let seq = 0;

/** Submits, then reloads the user as the next request would (submitting links the account to its person). */
async function submitDraft(u: SessionUser, id: string, now?: Date) {
  const r = await perform(u, id, 'submit', {}, { now });
  const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, u.id)));
  Object.assign(u, toSessionUser(row!));
  return r;
}
async function refOf(u: SessionUser, id: string): Promise<string> {
  const r = await submitDraft(u, id);
  if (!r.ok) throw new Error(r.message);
  return r.ref;
}
async function resident(): Promise<SessionUser> {
  seq += 1;
  const n = seq;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${n}`, phoneHmac: lookupHash(`phone:1370000${String(n).padStart(4, '0')}`) }).returning());
  return toSessionUser(row!);
}
async function staffUser(role: 'clerk' | 'reviewer' | 'auditor', region = 'wuxi'): Promise<SessionUser> {
  seq += 1;
  const n = seq;
  const [row] = await q((db) => db.insert(schema.users).values({ role, username: `${role}${n}`, displayName: role, region }).returning());
  return toSessionUser(row!);
}
function idNumber(n: number): string {
  const first = `32020219800101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}

/** A draft with every step complete: one 2026 Wuxi stay, 低保. */
async function completeDraft(user: SessionUser, name = '测试人', opts: { forPersonId?: string } = {}): Promise<string> {
  const created = await createDraft(user, { region: 'wuxi', forPersonId: opts.forPersonId });
  if (!created.ok) throw new Error(created.message);
  const id = created.id;
  await saveStep(user, id, 'applicant', { values: { name, idNumber: idNumber(seq), phone: '13700001111', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(user, id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(user, id, 'bank', { values: { bankName: '工商银行', accountName: name, account: '6222020000001234567' }, complete: true });
  await saveStep(user, id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(user, id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
  });
  return id;
}

let clerk: SessionUser;
let reviewer: SessionUser;
beforeAll(async () => {
  clerk = await staffUser('clerk');
  reviewer = await staffUser('reviewer');
});

describe('提交申请', () => {
  it('提交后得到申请编号，并保存当时的估算和用到的参数', async () => {
    const u = await resident();
    const r = await submitDraft(u, await completeDraft(u), new Date('2026-11-01T02:00:00Z'));
    expect(r).toMatchObject({ ok: true, ref: expect.stringMatching(/^WX-2026-\d{6}$/) });
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, (r as { ref: string }).ref)));
    expect(app!.status).toBe('submitted');
    // 001 四(六): (40,000 − 25,000 − 5,000) 元 × 85% = 8,500 元 = 850,000 分
    expect(app!.estimatedFen).toBe(850000);
    expect(app!.bankAccountLast4).toBe('4567');
    expect(app!.bankAccountEnc).not.toContain('6222');
    expect(canMove('withdraw', 'approved', 'applicant')).toBe(false);
  });

  it('姓名、证件编号和就医记录加密存放；申请详情读回的就医记录与提交的一样', async () => {
    const u = await resident();
    const id = await completeDraft(u, '钱多多');
    await saveStep(u, id, 'identity', { values: { categories: ['dibao'], certificateNo: 'DB-2026-0099' }, complete: true });
    const ref = await refOf(u, id);
    const [app] = await q((db) => db.select().from(schema.applications).where(eq(schema.applications.ref, ref)));
    const [person] = await q((db) => db.select().from(schema.persons).where(eq(schema.persons.id, app!.personId!)));
    const cats = await q((db) => db.select().from(schema.personCategories).where(eq(schema.personCategories.personId, app!.personId!)));
    const stored = await q((db) => db.select().from(schema.episodes).where(eq(schema.episodes.applicationId, app!.id)));
    // Nothing readable in the rows: only the masked name and the keys stay in the clear.
    const raw = JSON.stringify({ person, cats, stored });
    for (const plain of ['钱多多', 'DB-2026-0099', '无锡市人民医院', '2026-03-02', '5000000']) expect(raw).not.toContain(plain);
    expect(person!.nameMasked).toBe('钱*多');
    expect(cats.map((c) => c.certificateNoEnc && decrypt(c.certificateNoEnc))).toEqual(['DB-2026-0099']);
    expect(person!.nameEnc).toMatch(/^v2:k1:/);
    // Besides the sealed visit only keyed hashes (64 hex digits) that find the same visit in an import, never clear values.
    expect(Object.keys(stored[0]!).sort()).toEqual(['applicationId', 'dataEnc', 'id', 'noKey', 'seq', 'visitKey']);
    expect(stored[0]!.visitKey).toMatch(/^[0-9a-f]{64}$/);
    const detail = await applicationDetail(u, ref);
    expect(detail!.personName).toBe('钱多多');
    // The form said 50,000 / 40,000 / 25,000 / 5,000 元: 5,000,000 / 4,000,000 / 2,500,000 / 500,000 分.
    expect(detail!.episodes).toEqual([
      {
        id: stored[0]!.id, applicationId: app!.id, seq: 0, hospitalName: '无锡市人民医院', date: '2026-03-02', endDate: '2026-03-10', kind: 'inpatient', hospitalLevel: 3,
        specialDisease: false, referred: true, location: 'local', offsiteFiled: false, totalFen: 5_000_000, policyFen: 4_000_000, basicPaidFen: 2_500_000, criticalPaidFen: 500_000, supplementaryPaidFen: 0,
      },
    ]);
  });

  it('重复提交（连点、超时重试、返回后再提交）只产生一份申请', async () => {
    const u = await resident();
    const id = await completeDraft(u);
    // Both requests read the session before either committed: the second still answers with the same reference.
    const [a, b] = await Promise.all([perform(u, id, 'submit'), perform({ ...u }, id, 'submit')]);
    const c = await submitDraft(u, id);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await listApplications(u)).toHaveLength(1);
    const [{ n }] = (await q((db) => db.select({ n: schema.counters.value }).from(schema.counters).where(eq(schema.counters.name, 'ref:WX-2026')))) as [{ n: number }];
    const events = await q((db) => db.select().from(schema.events).where(eq(schema.events.applicationId, id)));
    expect(events.filter((e) => e.type === 'submit')).toHaveLength(1);
    expect(n).toBeGreaterThan(0);
  });

  it('没有填完时不能提交，并指出缺哪一项', async () => {
    const u = await resident();
    const created = await createDraft(u, { region: 'wuxi' });
    const r = await submitDraft(u, (created as { id: string }).id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toEqual(['applicant', 'identity', 'episodes', 'bank', 'declaration']);
  });

  it('不同年份的就医不能放在一份申请里', async () => {
    const u = await resident();
    const id = await completeDraft(u);
    await saveEpisode(u, id, -1, { complete: true, values: { hospitalName: '医院', kind: 'outpatient', date: '2025-12-30', hospitalLevel: '2', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '100', policyYuan: '100' } });
    const r = await submitDraft(u, id);
    expect(r).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { episodes: expect.stringContaining('同一年') } });
  });
});

describe('草稿里的就医记录', () => {
  it('删除一次就医时，它的结算单一并删除，后面各次的结算单跟着前移', async () => {
    const u = await resident();
    const id = await completeDraft(u);
    await saveEpisode(u, id, -1, { complete: false, values: { hospitalName: '第二家医院' } });
    await saveEpisode(u, id, -1, { complete: false, values: { hospitalName: '第三家医院' } });
    for (const s of [0, 1, 2]) {
      await q((db) => db.insert(schema.documents).values({ sha256: String(s).repeat(64), mime: 'image/png', sizeBytes: 1, originalName: `receipt-${s}.png`, kind: 'receipt', applicationId: id, episodeSeq: s, uploadedBy: u.id }));
    }
    const removed = await removeEpisode(u, id, 1);
    expect(removed.ok && removed.draft.episodes.map((e) => e.values.hospitalName)).toEqual(['无锡市人民医院', '第三家医院']);
    const docs = await q((db) => db.select().from(schema.documents).where(eq(schema.documents.applicationId, id)));
    expect(docs.map((d) => [d.originalName, d.episodeSeq]).sort()).toEqual([['receipt-0.png', 0], ['receipt-2.png', 1]]);
  });

  it('不存在的序号什么也不删（不会误删第一次就医）', async () => {
    const u = await resident();
    const id = await completeDraft(u);
    expect(await removeEpisode(u, id, 5)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await removeEpisode(u, id, -1)).toMatchObject({ ok: false, code: 'not_found' });
    expect((await getDraft(u, id))!.draft.episodes).toHaveLength(1);
  });

  it('别人不能改我的草稿', async () => {
    const owner = await resident();
    const id = await completeDraft(owner);
    const other = await resident();
    expect(await saveStep(other, id, 'bank', { values: {}, complete: false })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await removeEpisode(other, id, 0)).toMatchObject({ ok: false, code: 'not_found' });
    expect((await getDraft(owner, id))!.draft.bank?.complete).toBe(true);
  });
});

describe('谁能看、谁能改', () => {
  it('别人的草稿和申请一律当作不存在', async () => {
    const owner = await resident();
    const other = await resident();
    const id = await completeDraft(owner);
    expect(await getDraft(other, id)).toBeNull();
    const ref = await refOf(owner, id);
    expect(await applicationDetail(other, ref)).toBeNull();
    expect(await applicationDetail(owner, ref)).not.toBeNull();
    expect(await perform(other, ref, 'withdraw')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('工作人员只能看本地区的申请，看不到草稿', async () => {
    const u = await resident();
    const id = await completeDraft(u);
    expect(await getDraft(clerk, id)).toBeNull();
    const ref = await refOf(u, id);
    expect(await applicationDetail(clerk, ref)).not.toBeNull();
    expect(await applicationDetail(await staffUser('clerk', 'shanghai'), ref)).toBeNull();
    expect(await perform(await staffUser('clerk', 'shanghai'), ref, 'accept')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('受托人在委托有效期内可以代办，委托撤销后就看不到了', async () => {
    const proxy = await resident();
    const [person] = await q((db) => db.insert(schema.persons).values(sealName('赵老人')).returning());
    const [auth] = await q((db) => db.insert(schema.authorities).values({ grantorPersonId: person!.id, proxyUserId: proxy.id, scope: ['apply', 'view', 'respond'], validFrom: '2020-01-01', validTo: '2099-12-31', status: 'active' }).returning());
    const id = await completeDraft(proxy, '赵老人', { forPersonId: person!.id });
    const ref = await refOf(proxy, id);
    expect((await applicationDetail(proxy, ref))?.isProxy).toBe(true);
    await q((db) => db.update(schema.authorities).set({ status: 'revoked' }).where(eq(schema.authorities.id, auth!.id)));
    expect(await applicationDetail(proxy, ref)).toBeNull();
  });

  it('没有委托的人不能替别人开草稿', async () => {
    const u = await resident();
    const [person] = await q((db) => db.insert(schema.persons).values(sealName('陌生人')).returning());
    expect(await createDraft(u, { region: 'wuxi', forPersonId: person!.id })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('办理流程（状态机）', () => {
  it('受理 → 审核 → 补正 → 申请人答复回到审核 → 批准 → 发放，每一步都有事件、审计和通知', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    expect(await perform(clerk, ref, 'accept')).toEqual({ ok: true, status: 'accepted', ref });
    expect(await perform(reviewer, ref, 'start_review')).toMatchObject({ ok: true, status: 'in_review' });
    expect(await perform(reviewer, ref, 'request_info', { message: '请补充费用清单' })).toMatchObject({ ok: true, status: 'needs_info' });
    expect(await perform(u, ref, 'answer', { message: '已补充' })).toMatchObject({ ok: true, status: 'in_review' });
    expect(await perform(reviewer, ref, 'approve', { amountFen: 850000 })).toMatchObject({ ok: true, status: 'approved' });
    expect(await perform(clerk, ref, 'record_payment')).toMatchObject({ ok: true, status: 'paid' });
    const detail = (await applicationDetail(u, ref))!;
    expect(detail.events.map((e) => e.toStatus)).toEqual(['submitted', 'accepted', 'in_review', 'needs_info', 'in_review', 'approved', 'paid']);
    const audits = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, detail.app.id)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['application.accept', 'application.approve', 'application.record_payment']));
    // The audit row says what changed: before and after, without personal data.
    const approval = audits.find((a) => a.action === 'application.approve')!;
    expect(approval.summary).toMatchObject({ ref, before: { status: 'in_review', decidedAmountFen: null }, after: { status: 'approved', decidedAmountFen: 850000 } });
    const notes = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.applicationId, detail.app.id)));
    expect(notes).toHaveLength(7);
    expect(notes.every((n) => !n.body.includes('。。'))).toBe(true);
    // The ledger keeps the approval row as written and adds a payment row (never an update in place).
    const ledger = await q((db) => db.select().from(schema.payments).where(eq(schema.payments.applicationId, detail.app.id)));
    expect(ledger.map((r) => [r.kind, r.status, r.amountFen]).sort()).toEqual([['approval', 'pending', 850000], ['payment', 'paid', 850000]]);
  });

  it('发放失败新增一条失败记录，批准记录不变，金额仍待重新发放', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    for (const [who, verb, input] of [[clerk, 'accept', {}], [reviewer, 'start_review', {}], [reviewer, 'approve', { amountFen: 1000, reason: '核减重复票据' }]] as const) {
      expect(await perform(who, ref, verb, input)).toMatchObject({ ok: true });
    }
    expect(await perform(clerk, ref, 'record_payment_failure', {})).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await perform(clerk, ref, 'record_payment_failure', { message: '账户已销户' })).toMatchObject({ ok: true, status: 'approved' });
    const app = (await applicationDetail(u, ref))!.app;
    const rows = await q((db) => db.select().from(schema.payments).where(eq(schema.payments.applicationId, app.id)));
    expect(rows.map((r) => [r.kind, r.status, r.amountFen]).sort()).toEqual([['approval', 'pending', 1000], ['failure', 'failed', 1000]]);
  });

  it('两名工作人员同时受理，只有一人成功，另一人被告知已被处理', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    const other = await staffUser('clerk');
    const results = await Promise.all([perform(clerk, ref, 'accept'), perform(other, ref, 'accept')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'conflict' });
    const app = (await applicationDetail(u, ref))!.app;
    const events = await q((db) => db.select().from(schema.events).where(eq(schema.events.applicationId, app.id)));
    expect(events.filter((e) => e.type === 'accept')).toHaveLength(1);
  });

  it('不存在的转换被拒绝并说明原因', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    expect(await perform(reviewer, ref, 'approve', { amountFen: 1 })).toEqual({ ok: false, code: 'conflict', message: '申请当前状态为“已提交，等待受理”，不能批准。' });
    expect(await perform(u, ref, 'accept')).toEqual({ ok: false, code: 'conflict', message: '您没有权限进行此操作。' });
    expect(await perform(await staffUser('auditor'), ref, 'accept')).toMatchObject({ ok: false, message: expect.stringContaining('审计员') });
  });

  it('补正要求必须写明要什么，不予救助必须写明原因和条款，金额必须是整数分', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    await perform(clerk, ref, 'accept');
    expect(await perform(clerk, ref, 'request_info', { message: ' ' })).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await perform(reviewer, ref, 'reject', { reason: '不符合条件' })).toMatchObject({ ok: false, fieldErrors: { reasonCode: expect.any(String) } });
    expect(await perform(reviewer, ref, 'reject', { reasonCode: 'other', reason: '不符合条件' })).toMatchObject({ ok: false, fieldErrors: { clause: expect.any(String) } });
    await perform(reviewer, ref, 'start_review');
    expect(await perform(reviewer, ref, 'approve', { amountFen: 12.5 })).toMatchObject({ ok: false, fieldErrors: { amountFen: expect.any(String) } });
    expect(await perform(reviewer, ref, 'approve', { amountFen: '100' })).toMatchObject({ ok: false, fieldErrors: { amountFen: expect.any(String) } });
  });

  it('要求上传材料的补正，没有上传文件不能提交答复', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    await perform(clerk, ref, 'accept');
    await perform(clerk, ref, 'request_info', { message: '请上传费用明细清单', requireDocuments: true });
    expect(await perform(u, ref, 'answer', { message: '我补充说明一下' })).toMatchObject({ ok: false, fieldErrors: { file: expect.any(String) } });
    const app = (await applicationDetail(u, ref))!.app;
    await q((db) => db.insert(schema.documents).values({ sha256: 'b'.repeat(64), mime: 'image/png', sizeBytes: 1, originalName: '清单.png', kind: 'supplement', applicationId: app.id, uploadedBy: u.id }));
    expect(await perform(u, ref, 'answer', { message: '' })).toMatchObject({ ok: true, status: 'in_review' });
  });

  it('决定之前可以撤回，决定之后不能', async () => {
    const u = await resident();
    const ref = await refOf(u, await completeDraft(u));
    expect(await perform(u, ref, 'withdraw')).toMatchObject({ ok: true, status: 'withdrawn' });
    expect(await perform(u, ref, 'withdraw')).toMatchObject({ ok: false });
  });
});
