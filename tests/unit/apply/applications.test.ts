import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, schema } from '@/db';
import { checkTransition } from '@/lib/applications/states';
import { lookupHash } from '@/lib/crypto';
import { applicationDetail, listApplications, submitDraft as submit, transition } from '@/lib/dal/applications';
import { createDraft, getDraft, removeEpisode, saveEpisode, saveStep } from '@/lib/dal/drafts';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { idNumberCheckChar } from '@/lib/id-number';

let seq = 0;

/** Submits, then reloads the user as the next request would (submitting links the account to its person). */
async function submitDraft(u: SessionUser, id: string, now?: Date) {
  const r = await submit(u, id, now);
  Object.assign(u, toSessionUser(db().select().from(schema.users).where(eq(schema.users.id, u.id)).get()!));
  return r;
}
function resident(): SessionUser {
  seq += 1;
  return toSessionUser(db().insert(schema.users).values({ role: 'resident', displayName: `居民${seq}`, phoneHmac: lookupHash(`phone:1370000${String(seq).padStart(4, '0')}`) }).returning().get());
}
function staffUser(role: 'clerk' | 'reviewer' | 'auditor', region = 'wuxi'): SessionUser {
  seq += 1;
  return toSessionUser(db().insert(schema.users).values({ role, username: `${role}${seq}`, displayName: role, region }).returning().get());
}
function idNumber(n: number): string {
  const first = `32020219800101${String(n).padStart(3, '0')}`;
  return first + idNumberCheckChar(first);
}

/** A draft with every step complete: one 2026 Wuxi stay, 低保. */
function completeDraft(user: SessionUser, name = '测试人', opts: { forPersonId?: string } = {}): string {
  const id = createDraft(user, { region: 'wuxi', forPersonId: opts.forPersonId });
  saveStep(user, id, 'applicant', { values: { name, idNumber: idNumber(seq), phone: '13700001111', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  saveStep(user, id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  saveStep(user, id, 'bank', { values: { bankName: '工商银行', accountName: name, account: '6222020000001234567' }, complete: true });
  saveStep(user, id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  saveEpisode(user, id, -1, {
    complete: true,
    values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
  });
  return id;
}

let clerk: SessionUser;
let reviewer: SessionUser;
beforeAll(() => {
  clerk = staffUser('clerk');
  reviewer = staffUser('reviewer');
});

describe('提交申请', () => {
  it('提交后得到申请编号，并保存当时的估算和用到的参数', async () => {
    const u = resident();
    const r = await submitDraft(u, completeDraft(u), new Date('2026-11-01T02:00:00Z'));
    expect(r).toMatchObject({ ok: true, ref: expect.stringMatching(/^WX-2026-\d{6}$/) });
    const app = db().select().from(schema.applications).where(eq(schema.applications.ref, (r as { ref: string }).ref)).get()!;
    expect(app.status).toBe('submitted');
    // 001 四(六): (40,000 − 25,000 − 5,000) 元 × 85% = 8,500 元 = 850,000 分
    expect(app.estimatedFen).toBe(850000);
    expect(app.bankAccountLast4).toBe('4567');
    expect(app.bankAccountEnc).not.toContain('6222');
  });

  it('重复提交（连点、超时重试、返回后再提交）只产生一份申请', async () => {
    const u = resident();
    const id = completeDraft(u);
    // Both requests read the session before either committed: the second still answers with the same reference.
    const [a, b] = await Promise.all([submit(u, id), submit({ ...u }, id)]);
    const c = await submitDraft(u, id);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(listApplications(u)).toHaveLength(1);
  });

  it('没有填完时不能提交，并指出缺哪一项', async () => {
    const u = resident();
    const id = createDraft(u, { region: 'wuxi' });
    const r = await submitDraft(u, id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.section)).toEqual(['applicant', 'identity', 'episodes', 'bank', 'declaration']);
  });

  it('不同年份的就医不能放在一份申请里', async () => {
    const u = resident();
    const id = completeDraft(u);
    saveEpisode(u, id, -1, { complete: true, values: { hospitalName: '医院', kind: 'outpatient', date: '2025-12-30', hospitalLevel: '2', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '100', policyYuan: '100' } });
    const r = await submitDraft(u, id);
    expect(r).toMatchObject({ ok: false, problems: [{ section: 'episodes', message: expect.stringContaining('同一年') }] });
  });
});

describe('谁能看、谁能改', () => {
  it('别人的草稿和申请一律当作不存在', async () => {
    const owner = resident();
    const other = resident();
    const id = completeDraft(owner);
    expect(() => getDraft(other, id)).toThrow('没有找到');
    const r = await submitDraft(owner, id);
    const ref = (r as { ref: string }).ref;
    expect(applicationDetail(other, ref)).toBeNull();
    expect(applicationDetail(owner, ref)).not.toBeNull();
    expect(await transition(other, ref, 'withdraw')).toMatchObject({ ok: false });
  });

  it('工作人员只能看本地区的申请，看不到草稿', async () => {
    const u = resident();
    const id = completeDraft(u);
    expect(() => getDraft(clerk, id)).toThrow();
    const ref = ((await submitDraft(u, id)) as { ref: string }).ref;
    expect(applicationDetail(clerk, ref)).not.toBeNull();
    expect(applicationDetail(staffUser('clerk', 'shanghai'), ref)).toBeNull();
  });

  it('受托人在委托有效期内可以代办，委托撤销后就看不到了', async () => {
    const proxy = resident();
    const person = db().insert(schema.persons).values({ name: '赵老人' }).returning().get();
    const auth = db().insert(schema.authorities).values({ grantorPersonId: person.id, proxyUserId: proxy.id, scope: ['apply', 'view', 'respond'], validFrom: '2020-01-01', validTo: '2099-12-31', status: 'active' }).returning().get();
    const id = completeDraft(proxy, '赵老人', { forPersonId: person.id });
    const ref = ((await submitDraft(proxy, id)) as { ref: string }).ref;
    expect(applicationDetail(proxy, ref)?.isProxy).toBe(true);
    db().update(schema.authorities).set({ status: 'revoked' }).where(eq(schema.authorities.id, auth.id)).run();
    expect(applicationDetail(proxy, ref)).toBeNull();
  });

  it('没有委托的人不能替别人开草稿', () => {
    const u = resident();
    const person = db().insert(schema.persons).values({ name: '陌生人' }).returning().get();
    expect(() => createDraft(u, { region: 'wuxi', forPersonId: person.id })).toThrow();
  });
});

describe('办理流程（状态机）', () => {
  it('受理 → 审核 → 补正 → 申请人答复回到审核 → 批准 → 发放，每一步都有事件、审计和通知', async () => {
    const u = resident();
    const ref = ((await submitDraft(u, completeDraft(u))) as { ref: string }).ref;
    expect(await transition(clerk, ref, 'accept')).toEqual({ ok: true, status: 'accepted' });
    expect(await transition(reviewer, ref, 'start_review')).toEqual({ ok: true, status: 'in_review' });
    expect(await transition(reviewer, ref, 'request_info', { message: '请补充费用清单' })).toEqual({ ok: true, status: 'needs_info' });
    expect(await transition(u, ref, 'answer', { message: '已补充' })).toEqual({ ok: true, status: 'in_review' });
    expect(await transition(reviewer, ref, 'approve', { amountFen: 850000 })).toEqual({ ok: true, status: 'approved' });
    expect(await transition(reviewer, ref, 'mark_paid')).toEqual({ ok: true, status: 'paid' });
    const detail = applicationDetail(u, ref)!;
    expect(detail.events.map((e) => e.toStatus)).toEqual(['submitted', 'accepted', 'in_review', 'needs_info', 'in_review', 'approved', 'paid']);
    const audits = db().select().from(schema.auditLog).where(eq(schema.auditLog.entityId, detail.app.id)).all().map((a) => a.action);
    expect(audits).toEqual(expect.arrayContaining(['application.accept', 'application.approve', 'application.mark_paid']));
    const notes = db().select().from(schema.notifications).where(eq(schema.notifications.applicationId, detail.app.id)).all();
    expect(notes).toHaveLength(7);
    const payment = db().select().from(schema.payments).where(eq(schema.payments.applicationId, detail.app.id)).get();
    expect(payment).toMatchObject({ amountFen: 850000, status: 'paid' });
  });

  it('不存在的转换被拒绝并说明原因', async () => {
    const u = resident();
    const ref = ((await submitDraft(u, completeDraft(u))) as { ref: string }).ref;
    expect(await transition(reviewer, ref, 'approve', { amountFen: 1 })).toEqual({ ok: false, message: '申请当前状态为“已提交，等待受理”，不能批准。' });
    expect(await transition(u, ref, 'accept')).toEqual({ ok: false, message: '您没有权限进行此操作。' });
    expect(await transition(staffUser('auditor'), ref, 'accept')).toMatchObject({ ok: false, message: expect.stringContaining('审计员') });
  });

  it('补正要求必须写明要什么，不予救助必须写明原因和条款', async () => {
    const u = resident();
    const ref = ((await submitDraft(u, completeDraft(u))) as { ref: string }).ref;
    await transition(clerk, ref, 'accept');
    expect(await transition(clerk, ref, 'request_info', { message: ' ' })).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await transition(reviewer, ref, 'reject', { reason: '不符合条件' })).toMatchObject({ ok: false, fieldErrors: { clause: expect.any(String) } });
  });

  it('决定之前可以撤回，决定之后不能', async () => {
    const u = resident();
    const ref = ((await submitDraft(u, completeDraft(u))) as { ref: string }).ref;
    expect(await transition(u, ref, 'withdraw')).toEqual({ ok: true, status: 'withdrawn' });
    expect(await transition(u, ref, 'withdraw')).toMatchObject({ ok: false });
    expect(checkTransition('withdraw', 'approved', 'applicant').ok).toBe(false);
  });
});

describe('草稿里的就医记录', () => {
  it('删除一次就医时，它的结算单一并删除，后面各次的结算单跟着前移', () => {
    const u = resident();
    const id = completeDraft(u);
    saveEpisode(u, id, -1, { complete: false, values: { hospitalName: '第二家医院' } });
    saveEpisode(u, id, -1, { complete: false, values: { hospitalName: '第三家医院' } });
    for (const seq of [0, 1, 2]) {
      db().insert(schema.documents).values({ sha256: 'a'.repeat(64), mime: 'image/png', sizeBytes: 1, originalName: `receipt-${seq}.png`, kind: 'receipt', applicationId: id, episodeSeq: seq, uploadedBy: u.id }).run();
    }
    const draft = removeEpisode(u, id, 1);
    expect(draft.episodes.map((e) => e.values.hospitalName)).toEqual(['无锡市人民医院', '第三家医院']);
    const docs = db().select().from(schema.documents).where(eq(schema.documents.applicationId, id)).all();
    expect(docs.map((d) => [d.originalName, d.episodeSeq]).sort()).toEqual([['receipt-0.png', 0], ['receipt-2.png', 1]]);
  });

  it('别人不能改我的草稿', () => {
    const owner = resident();
    const id = completeDraft(owner);
    expect(() => saveStep(resident(), id, 'bank', { values: {}, complete: false })).toThrow('没有找到');
    expect(() => removeEpisode(resident(), id, 0)).toThrow('没有找到');
  });
});
