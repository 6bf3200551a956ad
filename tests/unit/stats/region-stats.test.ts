import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { median, regionStats, statsCsv } from '@/lib/dal/stats';
import { encrypt } from '@/lib/personal/crypto';
import { q, schema } from '@/lib/store/db';
import type { ApplicationStatus } from '@/db/schema';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';
import { localStay } from './fixtures';

let n = 0;
async function app(region: string, status: ApplicationStatus, decidedAt: string | null, stay?: { policyFen: number; selfPayPolicyFen: number; assistanceFen: number }) {
  const filer = await staffUser('clerk', region);
  const p = await person();
  const [row] = await q((db) =>
    db
      .insert(schema.applications)
      .values({
        ref: `ST-2026-${String(++n).padStart(6, '0')}`, personId: p.id, filedByUserId: filer.id, region, year: 2026, status, primaryCategory: 'dibao',
        submittedAt: '2026-03-01T02:00:00.000Z', decidedAt, bankAccountEnc: encrypt('6222020000001234567'),
        estimateSnapshot: stay ? { result: { episodes: [{ id: 'e1', pool: 'inpatient', selfPayPolicyFen: stay.selfPayPolicyFen, assistanceFen: stay.assistanceFen, tiltFen: 0 }] }, parameters: {}, computedAt: '2026-03-01T02:00:00.000Z' } : null,
      })
      .returning(),
  );
  if (stay) await localStay(row!.id, stay);
  return { ...row!, personId: p.id };
}

describe('统计的计算', () => {
  it('中位数：奇数取中间，偶数取中间两个的平均，没有数据为空', () => {
    expect(median([10, 2, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe(`地区统计（${testDialect}）`, () => {
  it('按状态、办理天数、批准率、已发放金额、个人负担比例和预警名单，都按手算', async () => {
    // Decided 4, 10 and 2 days after submission: median 4; approved + paid = 2 of 3 decisions.
    const a = await app('shanghai', 'approved', '2026-03-05T02:00:00.000Z', { policyFen: 100_000, selfPayPolicyFen: 50_000, assistanceFen: 30_000 });
    await app('shanghai', 'rejected', '2026-03-11T02:00:00.000Z');
    const c = await app('shanghai', 'paid', '2026-03-03T02:00:00.000Z', { policyFen: 100_000, selfPayPolicyFen: 40_000, assistanceFen: 36_000 });
    await app('shanghai', 'in_review', null);
    await app('wuxi', 'paid', '2026-03-03T02:00:00.000Z');
    await q((db) =>
      db.insert(schema.payments).values([
        { applicationId: c.id, personId: c.personId, region: 'shanghai', year: 2026, pool: 'inpatient', amountFen: 36_000, status: 'pending', kind: 'approval', createdAt: '2026-03-03T02:00:00.000Z' },
        { applicationId: c.id, personId: c.personId, region: 'shanghai', year: 2026, pool: 'inpatient', amountFen: 36_000, status: 'paid', kind: 'payment', paidAt: '2026-04-01T02:00:00.000Z' },
      ]),
    );
    await q((db) =>
      db.insert(schema.watchlist).values([
        { personId: a.personId, region: 'shanghai', reason: '测试', status: 'open', period: '2026-09-30' },
        { personId: c.personId, region: 'shanghai', reason: '测试', status: 'open', period: '2026-09-30' },
        { personId: c.personId, region: 'shanghai', reason: '测试', status: 'referred', period: '2026-06-30' },
        { personId: c.personId, region: 'wuxi', reason: '测试', status: 'open', period: '2026-09-30' },
      ]),
    );
    const auditor = await staffUser('auditor', 'shanghai');
    const r = await regionStats(auditor, 'shanghai', { from: '2026-01-01', to: '2026-12-31' });
    if (!r.ok) throw new Error(r.message);
    const s = r.stats;
    expect([s.submitted, s.decided, s.medianDays, s.paidFen]).toEqual([4, 3, 4, 36_000]);
    expect(s.approvalRate).toBeCloseTo(2 / 3);
    const table = (key: string) => s.tables.find((t) => t.key === key)!.rows;
    expect(table('status')).toEqual([['审核中', '1'], ['已批准，等待发放', '1'], ['救助金已发放', '1'], ['不予救助', '1']]);
    expect(table('paid-pool')).toEqual([['住院救助', '1', { fen: 36_000 }]]);
    expect(table('paid-category')).toEqual([['低保对象', '1', { fen: 36_000 }]]);
    // Left to the patient: (50,000 − 30,000) + (40,000 − 36,000) = 24,000 of 200,000 fen = 12.0%; the first stay (20%) is over 10%.
    expect(s.billShare).toEqual({ stays: 2, policyFen: 200_000, leftFen: 24_000, overTarget: 1 });
    expect(table('bills')).toContainEqual(['个人负担比例', '12.0%']);
    // Shanghai: open 2 (a, c in September), referred 1 (c in June); the Wuxi row is another region's.
    expect(table('watchlist')).toEqual([['待跟进', '2'], ['已联系', '0'], ['已推介慈善组织', '1'], ['已救助', '0'], ['已结束', '0']]);
    expect(statsCsv(s, 'paid-pool')).toContain('住院救助,1,360.00');
  });

  it('别的地区的统计看不到；结束日期早于开始日期时说明原因', async () => {
    const clerk = await staffUser('clerk', 'wuxi');
    expect(await regionStats(clerk, 'shanghai', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await regionStats(clerk, 'wuxi', { from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { to: '结束日期不能早于开始日期' } });
  });
});
