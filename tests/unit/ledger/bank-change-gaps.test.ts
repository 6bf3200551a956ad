// Review gaps of the bank-account flow: the application page offers 更换收款账户 only to someone the bank page would
// let in (the owner, or a proxy with 代领救助金) and, after a returned transfer, says so beside the link; the 我的数据
// download and the account-closure summary list the change requests with the account masked; the staff form of
// 登记已发放 stores the batch number as the ledger's batchRef, not in the message.
import '../helpers/test-db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationDetail } from '@/lib/dal/applications';
import { requestBankChange } from '@/lib/dal/bank-changes';
import { recentLedgerRows } from '@/lib/dal/ledger';
import { closurePreview, exportMyData } from '@/lib/dal/my-data';
import { toSessionUser } from '@/lib/dal/users';
import { q, schema } from '@/lib/store/db';
import { perform, readStaffForm } from '@/lib/workflow';
import { caseFor, ledgerRows, person, staffUser } from './fixtures';

const NEW = '6217000000009876543';

let n = 0;
async function resident(personId: string | null) {
  n += 1;
  const [u] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民g${n}`, personId }).returning());
  return toSessionUser(u!);
}

async function proxyFor(personId: string, scope: ('view' | 'apply' | 'receive_payment')[]) {
  const proxy = await resident(null);
  await q((db) => db.insert(schema.authorities).values({ grantorPersonId: personId, proxyUserId: proxy.id, scope, validFrom: '2020-01-01', validTo: '2099-12-31', status: 'active' }));
  return proxy;
}

async function approvedCase(name: string) {
  const reviewer = await staffUser('reviewer');
  const p = await person(name);
  const c = await caseFor(p.id, { status: 'in_review' });
  expect(await perform(reviewer, c.ref, 'approve', { amountFen: 100_000, reason: '', message: '' })).toMatchObject({ ok: true });
  return { p, c };
}

describe('更换收款账户的入口、我的数据和注销摘要、登记发放的批次号', () => {
  it('没有“代领救助金”授权的代办人看不到更换收款账户的入口；本人和有授权的代办人看得到', async () => {
    const { p, c } = await approvedCase('赵入口');
    const owner = await resident(p.id);
    expect((await applicationDetail(owner, c.ref))!.bank).toEqual({ canChange: true, failed: null });
    const viewer = await proxyFor(p.id, ['view', 'apply']);
    expect((await applicationDetail(viewer, c.ref))!.bank).toEqual({ canChange: false, failed: null });
    const payee = await proxyFor(p.id, ['view', 'receive_payment']);
    expect((await applicationDetail(payee, c.ref))!.bank.canChange).toBe(true);
    // Staff read the page too; the resident's link is not theirs.
    expect((await applicationDetail(await staffUser('clerk'), c.ref))!.bank.canChange).toBe(false);
  });

  it('银行退回（账户已销户）后，申请页面写明发放没有成功，并给出更换收款账户的入口；已发放后不再给', async () => {
    const { p, c } = await approvedCase('钱销户');
    const clerk = await staffUser('clerk');
    expect(await perform(clerk, c.ref, 'record_payment_failure', { message: '账户已销户' })).toMatchObject({ ok: true });
    const owner = await resident(p.id);
    expect((await applicationDetail(owner, c.ref))!.bank).toMatchObject({ canChange: true, failed: { reason: '账户已销户' } });
    expect(await perform(clerk, c.ref, 'record_payment', {})).toMatchObject({ ok: true, status: 'paid' });
    expect((await applicationDetail(owner, c.ref))!.bank).toEqual({ canChange: false, failed: null });
  });

  it('我的数据下载和注销前的摘要列出更换收款账户的申请，账号只显示后四位', async () => {
    const { p, c } = await approvedCase('孙下载');
    const owner = await resident(p.id);
    expect(await requestBankChange(owner, c.ref, { bankName: '中国建设银行无锡分行', accountName: '孙下载', account: NEW })).toMatchObject({ ok: true });
    const data = (await exportMyData(owner, 'json'))!;
    expect(data.bankChanges).toEqual([expect.objectContaining({ ref: c.ref, bankName: '中国建设银行无锡分行', accountMasked: '**** **** 6543', status: 'pending', statusText: '等待工作人员核实' })]);
    expect(JSON.stringify(data.bankChanges)).not.toContain(NEW);
    const preview = await closurePreview(owner);
    expect(preview.bankChanges.map((b) => [b.ref, b.accountMasked, b.statusText])).toEqual([[c.ref, '**** **** 6543', '等待工作人员核实']]);
    // A proxy's download holds the requests the proxy asked (masked), not the applicant's own.
    const payee = await proxyFor(p.id, ['view', 'receive_payment']);
    expect((await exportMyData(payee, 'json'))!.bankChanges).toEqual([]);
    const other = await approvedCase('孙代领');
    const otherPayee = await proxyFor(other.p.id, ['view', 'receive_payment']);
    expect(await requestBankChange(otherPayee, other.c.ref, { bankName: '中国银行', accountName: '孙代领', account: NEW })).toMatchObject({ ok: true });
    expect((await exportMyData(otherPayee, 'json'))!.bankChanges.map((b) => [b.ref, b.accountMasked])).toEqual([[other.c.ref, '**** **** 6543']]);
  });

  it('登记已发放的表单：填写的银行批次号记入台账的批次号，说明仍是说明', async () => {
    const { c } = await approvedCase('周批次');
    const clerk = await staffUser('clerk');
    const reading = readStaffForm('record_payment', { batchRef: 'PAY-20260702-ABCDEF', message: '柜面回单' });
    expect(reading).toEqual({ input: { batchRef: 'PAY-20260702-ABCDEF', message: '柜面回单' } });
    expect(await perform(clerk, c.ref, 'record_payment', 'input' in reading ? reading.input : {})).toMatchObject({ ok: true, status: 'paid' });
    const paid = (await ledgerRows(c.id)).filter((r) => r.kind === 'payment');
    expect(paid.map((r) => r.batchRef)).toEqual(['PAY-20260702-ABCDEF']);
    expect((await recentLedgerRows(clerk)).find((r) => r.ref === c.ref && r.kind === 'payment')?.batchRef).toBe('PAY-20260702-ABCDEF');
    const [event] = await q((db) => db.select().from(schema.events).where(and(eq(schema.events.applicationId, c.id), eq(schema.events.type, 'record_payment'))));
    expect(event).toMatchObject({ message: '柜面回单', data: { batchRef: 'PAY-20260702-ABCDEF' } });
    // A batch number that is not one is refused at its field, nothing is recorded.
    const other = await approvedCase('吴错号');
    const bad = readStaffForm('record_payment', { batchRef: '批次 1', message: '' });
    expect(await perform(clerk, other.c.ref, 'record_payment', 'input' in bad ? bad.input : {})).toMatchObject({ ok: false, fieldErrors: { batchRef: expect.any(String) } });
  });
});
