import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { approvalSplit, deriveState, personYearLedger, poolLimit } from '@/lib/dal/ledger';
import { q, schema } from '@/lib/store/db';
import { perform } from '@/lib/workflow';
import { testDialect } from '../helpers/test-db';
import { caseFor, ledgerRows, person, staffUser } from './fixtures';

describe(`发放台账（${testDialect}）`, () => {
  it('批准、发放失败、重新发放都只新增记录，之前的记录一字不改；状态由记录推算', async () => {
    const reviewer = await staffUser('reviewer');
    const clerk = await staffUser('clerk');
    const p = await person();
    const c = await caseFor(p.id, { pools: { inpatient: 300000 } });
    expect(await perform(reviewer, c.ref, 'approve', { amountFen: 250000 })).toMatchObject({ ok: true, status: 'approved' });
    const afterApproval = await ledgerRows(c.id);
    expect(afterApproval.map((r) => [r.kind, r.pool, r.amountFen])).toEqual([['approval', 'inpatient', 250000]]);
    expect(deriveState(afterApproval)).toMatchObject({ state: 'unpaid', owedFen: 250000, paidFen: 0, outstandingFen: 250000 });

    expect(await perform(clerk, c.ref, 'record_payment_failure', { message: '账户已销户', batchRef: 'PAY-20260701-AAAAAA' })).toMatchObject({ ok: true, status: 'approved' });
    const afterFailure = await ledgerRows(c.id);
    expect(afterFailure).toHaveLength(2);
    expect(afterFailure[0]).toEqual(afterApproval[0]);
    expect(afterFailure[1]).toMatchObject({ kind: 'failure', amountFen: 250000, reason: '账户已销户', batchRef: 'PAY-20260701-AAAAAA', createdByUserId: clerk.id });
    expect(deriveState(afterFailure)).toMatchObject({ state: 'failed', outstandingFen: 250000, lastFailure: { reason: '账户已销户' } });

    expect(await perform(clerk, c.ref, 'record_payment', { batchRef: 'PAY-20260702-BBBBBB' })).toMatchObject({ ok: true, status: 'paid' });
    const afterPayment = await ledgerRows(c.id);
    expect(afterPayment).toHaveLength(3);
    expect(afterPayment.slice(0, 2)).toEqual(afterFailure);
    expect(afterPayment[2]).toMatchObject({ kind: 'payment', amountFen: 250000, batchRef: 'PAY-20260702-BBBBBB', status: 'paid' });
    // owed 250000 − paid 250000 = 0 → paid
    expect(deriveState(afterPayment)).toMatchObject({ state: 'paid', owedFen: 250000, paidFen: 250000, outstandingFen: 0 });
  });

  it('一次批准按估算中各资金池的比例分入各池，分毫不差', () => {
    // 1000 fen over weights 1:2 (outpatient 100, inpatient 200): 333.33 / 666.67 → floors 333 + 666 = 999,
    // the 1 fen left goes to the larger remainder (inpatient .67) → 333 + 667 = 1000.
    const snapshot = { result: { episodes: [{ pool: 'outpatient', assistanceFen: 100, tiltFen: 0 }, { pool: 'inpatient', assistanceFen: 200, tiltFen: 0 }] } } as never;
    expect(approvalSplit('wuxi', snapshot, 1000)).toEqual([{ pool: 'outpatient', amountFen: 333 }, { pool: 'inpatient', amountFen: 667 }]);
    // No pool in the estimate: everything in the region's first pool (Wuxi: 普通门诊).
    expect(approvalSplit('wuxi', null, 500)).toEqual([{ pool: 'outpatient', amountFen: 500 }]);
    // Wuxi's tilt has no pool of its own in 001 四(七): its own 'tilt' part, no limit.
    expect(poolLimit('wuxi', 2026, 'tilt', 'dibao', {})).toMatchObject({ kind: 'none', limitFen: null });
  });

  it('调整（更正）记录计入应发金额，原记录不动', () => {
    const base = { reason: null, batchRef: null, createdAt: '2026-07-01T00:00:00.000Z' };
    // approval 5000 + adjustment −1200 = owed 3800; paid 0 → unpaid 3800
    const d = deriveState([{ ...base, kind: 'approval', pool: 'inpatient', amountFen: 5000 }, { ...base, kind: 'adjustment', pool: 'inpatient', amountFen: -1200 }]);
    expect(d).toMatchObject({ state: 'unpaid', owedFen: 3800, outstandingFen: 3800 });
  });

  it('更正核定金额：只新增差额记录（按资金池），原批准记录不动；超限、低于已发放、相同金额、受理人都被拒绝', async () => {
    const [r1, r2] = [await staffUser('reviewer'), await staffUser('reviewer')];
    const clerk = await staffUser('clerk');
    const p = await person();
    // Estimate: inpatient 3000 元, outpatient 1000 元 (weights 3:1).
    const c = await caseFor(p.id, { pools: { inpatient: 300000, outpatient: 100000 } });
    expect(await perform(r1, c.ref, 'approve', { amountFen: 400000 })).toMatchObject({ ok: true });
    const approval = await ledgerRows(c.id);
    // 4000 元 split 3:1 → inpatient 3000, outpatient 1000.
    expect(approval.map((r) => [r.kind, r.pool, r.amountFen]).sort()).toEqual([['approval', 'inpatient', 300000], ['approval', 'outpatient', 100000]]);

    // No reason: refused with a field error; the same amount: nothing to correct; a clerk may not correct.
    expect(await perform(r2, c.ref, 'correct_amount', { amountFen: 200000, reason: '' })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await perform(r2, c.ref, 'correct_amount', { amountFen: 400000, reason: '核对' })).toMatchObject({ ok: false, fieldErrors: { amountFen: expect.stringContaining('相同') } });
    expect((await perform(clerk, c.ref, 'correct_amount', { amountFen: 200000, reason: '核对' })).ok).toBe(false);

    // Lower to 2000 元: split 3:1 → inpatient 1500, outpatient 500; deltas −1500 and −500.
    expect(await perform(r2, c.ref, 'correct_amount', { amountFen: 200000, reason: '住院收据重复录入' })).toMatchObject({ ok: true, status: 'approved' });
    const after = await ledgerRows(c.id);
    expect(after.filter((r) => r.kind === 'approval')).toEqual(approval.filter((r) => r.kind === 'approval'));
    expect(after.filter((r) => r.kind === 'adjustment').map((r) => [r.pool, r.amountFen, r.reason]).sort()).toEqual([
      ['inpatient', -150000, '住院收据重复录入'],
      ['outpatient', -50000, '住院收据重复录入'],
    ]);
    expect(deriveState(after)).toMatchObject({ state: 'unpaid', owedFen: 200000, outstandingFen: 200000 });
    const [app] = await q((db) => db.select({ d: schema.applications.decidedAmountFen }).from(schema.applications).where(eq(schema.applications.id, c.id)));
    expect(app?.d).toBe(200000);

    // Raising the outpatient part past Wuxi's 1 万元 general-outpatient limit (001 四(六)) is refused:
    // 48,000 元 split 3:1 → outpatient 12,000 元 > 10,000 元.
    const over = await perform(r2, c.ref, 'correct_amount', { amountFen: 4_800_000, reason: '重新核算' });
    expect(over).toMatchObject({ ok: false, code: 'conflict' });
    expect((await ledgerRows(c.id)).length).toBe(after.length);

    // Paid: a correction is no longer possible (the case left the approved state).
    expect(await perform(clerk, c.ref, 'record_payment', {})).toMatchObject({ ok: true, status: 'paid' });
    expect((await perform(r2, c.ref, 'correct_amount', { amountFen: 100000, reason: '核对' })).ok).toBe(false);
  });

  it('无锡普通门诊年度限额 1 万元：两名审核员同时批准，合计超限时后一笔只付剩余额度，并写明原因', async () => {
    const [r1, r2] = [await staffUser('reviewer'), await staffUser('reviewer')];
    const p = await person();
    const a = await caseFor(p.id, { pools: { outpatient: 600000 } });
    const b = await caseFor(p.id, { pools: { outpatient: 600000 } });
    // 6000 + 6000 = 12000 元 > 10000 元 (001 四(六) 普通门诊救助限额1万元): the later one pays 10000 − 6000 = 4000 元.
    const results = await Promise.all([perform(r1, a.ref, 'approve', { amountFen: 600000 }), perform(r2, b.ref, 'approve', { amountFen: 600000 })]);
    expect(results.every((r) => r.ok)).toBe(true);
    const granted = (await q((db) => db.select().from(schema.payments))).filter((r) => r.personId === p.id);
    expect(granted.map((r) => r.amountFen).sort((x, y) => x - y)).toEqual([400000, 600000]);
    expect(granted.find((r) => r.amountFen === 400000)!.reason).toBe('本年度限额剩余 ¥4,000.00，按剩余额度支付');
    const apps = await q((db) => db.select({ ref: schema.applications.ref, d: schema.applications.decidedAmountFen }).from(schema.applications));
    expect(apps.filter((s) => s.ref === a.ref || s.ref === b.ref).map((s) => s.d).sort((x, y) => x! - y!)).toEqual([400000, 600000]);
    // The limit is used up: a further approval has no room at all and is refused, rolled back.
    const c = await caseFor(p.id, { pools: { outpatient: 100 } });
    const refused = await perform(r1, c.ref, 'approve', { amountFen: 1 });
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(!refused.ok && refused.message).toContain('没有剩余额度');
    // A different year of the same person has its own limit.
    const d = await caseFor(p.id, { year: 2025, pools: { outpatient: 100 } });
    expect(await perform(r1, d.ref, 'approve', { amountFen: 100 })).toMatchObject({ ok: true });
  });

  it('六名审核员同时批准同一人 6 笔各 3000 元：3 笔全额，1 笔付剩余 1000 元，2 笔被拒绝', async () => {
    // Six at once reliably overlap (without the per-person-year lock all six pass on PostgreSQL).
    // 3 × 3000 = 9000 ≤ 10000; the 4th gets 10000 − 9000 = 1000 元; the 5th and 6th find no room.
    const reviewers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => staffUser('reviewer')));
    const p = await person();
    const cases = await Promise.all(reviewers.map(() => caseFor(p.id, { pools: { outpatient: 300000 } })));
    const results = await Promise.all(cases.map((c, i) => perform(reviewers[i]!, c.ref, 'approve', { amountFen: 300000 })));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'conflict')).toBe(true);
    const rows = (await q((db) => db.select().from(schema.payments))).filter((r) => r.personId === p.id);
    expect(rows.map((r) => r.amountFen).sort((x, y) => x - y)).toEqual([100000, 300000, 300000, 300000]);
  });

  it('上海的限额由工作人员设定：未设定时无法校验（如实说明），设定后按类别的限额优先', async () => {
    const reviewer = await staffUser('reviewer', 'shanghai');
    const p = await person();
    expect(poolLimit('shanghai', 2026, 'inpatient', 'dibao', {})).toMatchObject({ kind: 'unset', limitFen: null, param: 'annualLimitFen.inpatient.dibao' });
    const first = await caseFor(p.id, { region: 'shanghai', pools: { inpatient: 900000 } });
    expect(await perform(reviewer, first.ref, 'approve', { amountFen: 900000 })).toMatchObject({ ok: true });
    const ledger = await personYearLedger(p.id, 'shanghai', 2026, 'dibao');
    expect(ledger.find((l) => l.pool === 'inpatient')).toMatchObject({ kind: 'unset', grantedFen: 900000, paidFen: 0 });

    await q((db) =>
      db.insert(schema.parameters).values([
        { region: 'shanghai', name: 'annualLimitFen.inpatient', value: 2_000_000, unit: 'fen', effectiveFrom: '2026-01-01', source: '测试' },
        { region: 'shanghai', name: 'annualLimitFen.inpatient.dibao', value: 1_000_000, unit: 'fen', effectiveFrom: '2026-01-01', source: '测试（低保）' },
      ]),
    );
    // dibao's own limit 10000 元 wins over the pool's 20000 元: 9000 used + 1500 = 10500 > 10000 → pays the 1000 元 left.
    const second = await caseFor(p.id, { region: 'shanghai', pools: { inpatient: 150000 } });
    expect(await perform(reviewer, second.ref, 'approve', { amountFen: 150000 })).toMatchObject({ ok: true });
    const paid = (await q((db) => db.select().from(schema.payments))).filter((r) => r.applicationId === second.id);
    expect(paid.map((r) => [r.amountFen, r.reason])).toEqual([[100000, '本年度限额剩余 ¥1,000.00，按剩余额度支付']]);
    // Now the dibao limit is used up: refused, naming the limit's source.
    const fourth = await caseFor(p.id, { region: 'shanghai', pools: { inpatient: 100 } });
    const refused = await perform(reviewer, fourth.ref, 'approve', { amountFen: 100 });
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    expect(!refused.ok && refused.message).toContain('测试（低保）');
    // A low_income case of another person is held to the pool's 20000 元 (no own limit set for low_income).
    const q2 = await person();
    const third = await caseFor(q2.id, { region: 'shanghai', category: 'low_income', pools: { inpatient: 1_500_000 } });
    expect(await perform(reviewer, third.ref, 'approve', { amountFen: 1_500_000 })).toMatchObject({ ok: true });
  });
});
