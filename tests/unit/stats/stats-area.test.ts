import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { regionStats } from '@/lib/dal/stats';
import { q, schema } from '@/lib/store/db';
import type { ApplicationStatus } from '@/db/schema';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';
import { localStay } from './fixtures';

let n = 0;
const snapshot = (selfPayPolicyFen: number, assistanceFen: number) => ({
  result: { episodes: [{ id: 'e1', pool: 'inpatient', selfPayPolicyFen, assistanceFen, tiltFen: 0 }] }, parameters: {}, computedAt: '2026-03-01T02:00:00.000Z',
});
async function app(district: string, status: ApplicationStatus, submittedAt: string, decidedAt: string | null, stay?: { policyFen: number; selfPayPolicyFen: number; assistanceFen: number }) {
  const filer = await staffUser('clerk', 'wuxi');
  const p = await person();
  const [row] = await q((db) =>
    db
      .insert(schema.applications)
      .values({
        ref: `SA-2026-${String(++n).padStart(6, '0')}`, personId: p.id, filedByUserId: filer.id, region: 'wuxi', district, year: 2026, status, primaryCategory: 'dibao',
        submittedAt, decidedAt, estimateSnapshot: stay ? snapshot(stay.selfPayPolicyFen, stay.assistanceFen) : null,
      })
      .returning(),
  );
  if (stay) await localStay(row!.id, stay);
  return row!;
}
const payment = (a: { id: string; personId: string | null }, amountFen: number, paidAt: string) =>
  q((db) => db.insert(schema.payments).values({ applicationId: a.id, personId: a.personId!, region: 'wuxi', year: 2026, pool: 'inpatient', amountFen, status: 'paid', kind: 'payment', paidAt }));

describe(`统计按工作人员的辖区、从日表和索引算出（${testDialect}）`, () => {
  it('区里的工作人员只看到本区；中位数、批准率、发放金额和个人负担比例按手算；改了估算后重新计算', async () => {
    const T = '2026-03-01T02:00:00.000Z';
    // 梁溪区, all submitted 2026-03-01 10:00 Shanghai unless said: decided after 1.5, 3.25, 1.0 and 6 days.
    const a = await app('梁溪区', 'approved', T, '2026-03-02T14:00:00.000Z', { policyFen: 100_000, selfPayPolicyFen: 50_000, assistanceFen: 30_000 });
    await app('梁溪区', 'rejected', T, '2026-03-04T08:00:00.000Z');
    await app('梁溪区', 'paid', T, '2026-03-02T02:00:00.000Z');
    const d = await app('梁溪区', 'paid', T, '2026-03-07T02:00:00.000Z');
    // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Shanghai: inside the period; decided 12 hours later (0.5 days).
    await app('梁溪区', 'approved', '2025-12-31T17:00:00.000Z', '2026-01-01T05:00:00.000Z');
    // 2025-12-31 23:59:59.999 in Shanghai: the day before the period, never counted.
    await app('梁溪区', 'approved', '2025-12-31T15:59:59.999Z', '2026-01-01T00:00:00.000Z', { policyFen: 900_000, selfPayPolicyFen: 900_000, assistanceFen: 0 });
    await app('梁溪区', 'in_review', T, null);
    // 滨湖区: decided after one hour (1/24 day); its stay leaves 20,000 − 18,000 = 2,000 of 200,000 (1%).
    const e = await app('滨湖区', 'approved', T, '2026-03-01T03:00:00.000Z', { policyFen: 200_000, selfPayPolicyFen: 20_000, assistanceFen: 18_000 });
    await payment(d, 10_000, '2026-03-08T02:00:00.000Z');
    await payment(e, 20_000, '2026-03-02T02:00:00.000Z');
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const districtStaff = { ...(await staffUser('reviewer', 'wuxi')), district: '梁溪区' };
    const regionStaff = await staffUser('reviewer', 'wuxi');

    const mine = await regionStats(districtStaff, 'wuxi', year);
    if (!mine.ok) throw new Error(mine.message);
    // 梁溪区 in the period: 6 submitted (not the one of 2025-12-31); 5 decided, 4 of them approved or paid = 80%;
    // durations 0.5, 1.0, 1.5, 3.25, 6 days → median 1.5; paid 10,000 fen (d); one stay: 20,000 of 100,000 left, over 10%.
    expect([mine.stats.submitted, mine.stats.decided, mine.stats.medianDays, mine.stats.approvalRate, mine.stats.paidFen]).toEqual([6, 5, 1.5, 0.8, 10_000]);
    expect(mine.stats.tables.find((t) => t.key === 'status')!.rows).toEqual([['审核中', '1'], ['已批准，等待发放', '2'], ['救助金已发放', '2'], ['不予救助', '1']]);
    expect(mine.stats.billShare).toEqual({ stays: 1, policyFen: 100_000, leftFen: 20_000, overTarget: 1 });

    const all = await regionStats(regionStaff, 'wuxi', year);
    if (!all.ok) throw new Error(all.message);
    // The whole region adds 滨湖区: 7 submitted, 6 decided, 5 approved; durations 1/24, 0.5, 1.0, 1.5, 3.25, 6 → median
    // (1.0 + 1.5) / 2 = 1.25; paid 30,000; stays 2, 300,000 policy-range, 22,000 left, 1 over 10%.
    expect([all.stats.submitted, all.stats.decided, all.stats.medianDays, all.stats.paidFen]).toEqual([7, 6, 1.25, 30_000]);
    expect(all.stats.approvalRate).toBeCloseTo(5 / 6);
    expect(all.stats.billShare).toEqual({ stays: 2, policyFen: 300_000, leftFen: 22_000, overTarget: 1 });

    // A new estimate for a: assistance 45,000 leaves 5,000 of 100,000 (5%), no longer over 10%.
    await q((db) => db.update(schema.applications).set({ estimateSnapshot: snapshot(50_000, 45_000) }).where(eq(schema.applications.id, a.id)));
    const again = await regionStats(districtStaff, 'wuxi', year);
    if (!again.ok) throw new Error(again.message);
    expect(again.stats.billShare).toEqual({ stays: 1, policyFen: 100_000, leftFen: 5_000, overTarget: 0 });

    // A period of one day with no decisions: no median, no rate.
    const empty = await regionStats(districtStaff, 'wuxi', { from: '2026-02-01', to: '2026-02-01' });
    expect(empty.ok && [empty.stats.submitted, empty.stats.medianDays, empty.stats.approvalRate]).toEqual([0, null, null]);
  });
});
