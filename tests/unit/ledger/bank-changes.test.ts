import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { decrypt } from '@/lib/personal/crypto';
import { bankChangePage, decideBankChange, pendingBankChanges, requestBankChange } from '@/lib/dal/bank-changes';
import { exportBankBatch } from '@/lib/dal/payment-batches';
import { toSessionUser } from '@/lib/dal/users';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { caseFor, person, staffUser } from './fixtures';

const OLD = '6222020000001234567';
const NEW = '6217000000009876543';

let n = 0;
async function resident(personId: string | null) {
  n += 1;
  const [u] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民b${n}`, personId }).returning());
  return toSessionUser(u!);
}

async function proxyFor(personId: string, scope: ('view' | 'apply' | 'receive_payment')[]) {
  const proxy = await resident(null);
  await q((db) => db.insert(schema.authorities).values({ grantorPersonId: personId, proxyUserId: proxy.id, scope, validFrom: '2020-01-01', validTo: '2099-12-31', status: 'active' }));
  return proxy;
}

const accountOf = async (id: string) => decrypt((await q((db) => db.select().from(schema.applications).where(eq(schema.applications.id, id))))[0]!.bankAccountEnc!);

describe('更换收款账户：本人申请、受理员核实（不是批准的人）、已导出的批次不变、下一批用新账户', () => {
  it('本人提交新账户（加密保存、只显示后四位），批准人不能核实，另一位核实后下一批用新账户', async () => {
    const [r1, clerk] = [await staffUser('reviewer'), await staffUser('clerk')];
    const p = await person('钱账户');
    const c = await caseFor(p.id, { status: 'in_review' });
    expect(await perform(r1, c.ref, 'approve', { amountFen: 100_000, reason: '', message: '' })).toMatchObject({ ok: true });
    const owner = await resident(p.id);

    // The holder must be the applicant; every problem is named next to its field.
    expect(await requestBankChange(owner, c.ref, { bankName: '', accountName: '别人', account: '12' })).toMatchObject({
      ok: false, code: 'invalid', fieldErrors: { bankName: expect.any(String), accountName: '户名必须是申请人本人（钱账户）', account: expect.any(String) },
    });
    const asked = await requestBankChange(owner, c.ref, { bankName: '中国建设银行无锡分行', accountName: '钱账户', account: NEW });
    expect(asked).toMatchObject({ ok: true });
    const [row] = await q((db) => db.select().from(schema.bankAccountChanges).where(eq(schema.bankAccountChanges.applicationId, c.id)));
    expect(row).toMatchObject({ status: 'pending', accountLast4: '6543', cause: 'resident' });
    expect(row!.accountEnc).not.toContain(NEW);
    expect(await requestBankChange(owner, c.ref, { bankName: '中国银行', accountName: '钱账户', account: NEW })).toMatchObject({ ok: false, code: 'conflict' });
    expect((await bankChangePage(owner, c.ref))!.changes.map((x) => [x.status, x.accountMasked])).toEqual([['pending', '**** **** 6543']]);

    // The batch exported now carries the old account; so it stays, whatever is verified later.
    const before = await exportBankBatch(clerk);
    expect(before.ok && before.csv).toContain(OLD);

    const [pending] = await pendingBankChanges(clerk);
    expect(pending).toMatchObject({ ref: c.ref, accountMasked: '**** **** 6543' });
    // Four eyes: the reviewer who approved the payment may not verify its account.
    expect(await decideBankChange(r1, pending!.id, { decision: 'verified', answer: '' })).toMatchObject({ ok: false, code: 'forbidden' });
    // Another area's clerk does not find it.
    expect(await decideBankChange(await staffUser('clerk', 'shanghai'), pending!.id, { decision: 'verified', answer: '' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await decideBankChange(clerk, pending!.id, { decision: 'verified', answer: '' })).toMatchObject({ ok: true, ref: c.ref });
    expect(await accountOf(c.id)).toBe(NEW);
    const audit = await q((db) => db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, c.id)));
    expect(audit.find((a) => a.action === 'bank_change.verify')).toMatchObject({ actorUserId: clerk.id, summary: { before: { last4: '4567' }, after: { last4: '6543' } } });
    expect((await bankChangePage(owner, c.ref))!.changes[0]!.status).toBe('verified');
    const inbox = await q((db) => db.select().from(schema.notifications).where(eq(schema.notifications.userId, owner.id)));
    expect(inbox.map((x) => x.title)).toContain(`申请 ${c.ref}：收款账户已更换`);

    const next = await exportBankBatch(clerk);
    expect(next.ok && next.csv).toContain(NEW);
    expect(next.ok && next.csv).not.toContain(OLD);
    expect(before.ok && before.csv).toContain(OLD);
  });

  it('银行退回（账户已销户）后，同一页面请本人填写新账户；不通过须写明原因；代办人须有“代领救助金”授权', async () => {
    const [r1, clerk, clerk2] = [await staffUser('reviewer'), await staffUser('clerk'), await staffUser('clerk')];
    const p = await person('孙退回');
    const c = await caseFor(p.id, { status: 'in_review' });
    await perform(r1, c.ref, 'approve', { amountFen: 50_000, reason: '', message: '' });
    expect(await perform(clerk, c.ref, 'record_payment_failure', { message: '账户已销户' })).toMatchObject({ ok: true });
    const owner = await resident(p.id);
    const page = (await bankChangePage(owner, c.ref))!;
    expect(page.failed).toMatchObject({ reason: '账户已销户' });

    // A proxy who may only view and apply cannot change where the money goes (404); one with receive_payment can.
    expect(await requestBankChange(await proxyFor(p.id, ['view', 'apply']), c.ref, { bankName: '中国银行', accountName: '孙退回', account: NEW })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await requestBankChange(await resident(null), c.ref, { bankName: '中国银行', accountName: '孙退回', account: NEW })).toMatchObject({ ok: false, code: 'not_found' });
    const payee = await proxyFor(p.id, ['view', 'receive_payment']);
    expect(await requestBankChange(payee, c.ref, { bankName: '中国银行', accountName: '孙退回', account: NEW })).toMatchObject({ ok: true });
    const [row] = await q((db) => db.select().from(schema.bankAccountChanges).where(eq(schema.bankAccountChanges.applicationId, c.id)));
    expect(row).toMatchObject({ cause: 'payment_failed', requestedByUserId: payee.id });

    expect(await decideBankChange(clerk2, row!.id, { decision: 'refused', answer: '' })).toMatchObject({ ok: false, fieldErrors: { answer: expect.any(String) } });
    expect(await decideBankChange(clerk2, row!.id, { decision: 'refused', answer: '户名与存折不符' })).toMatchObject({ ok: true });
    expect(await accountOf(c.id)).toBe(OLD);
    expect((await bankChangePage(owner, c.ref))!.changes[0]).toMatchObject({ status: 'refused', answer: '户名与存折不符' });
  });
});
