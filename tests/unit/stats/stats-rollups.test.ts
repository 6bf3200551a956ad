import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { regionStats, wholeMonths } from '@/lib/dal/stats';
import { q, schema } from '@/lib/store/db';
import type { ApplicationStatus } from '@/db/schema';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';

describe('统计期间里的整月', () => {
  it('整月从月表读，头尾不满一月的日子从日表读', () => {
    expect(wholeMonths({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ first: '2026-01', last: '2026-12' });
    expect(wholeMonths({ from: '2026-02-15', to: '2026-04-05' })).toEqual({ first: '2026-03', last: '2026-03' });
    // February 2026 has 28 days; 2028 is a leap year.
    expect(wholeMonths({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ first: '2026-02', last: '2026-02' });
    expect(wholeMonths({ from: '2028-02-01', to: '2028-02-28' })).toBeNull();
    expect(wholeMonths({ from: '2026-12-02', to: '2027-01-31' })).toEqual({ first: '2027-01', last: '2027-01' });
    expect(wholeMonths({ from: '2026-03-02', to: '2026-03-30' })).toBeNull();
  });
});

const REGION = 'shanghai';
let n = 0;
async function app(status: ApplicationStatus, submittedAt: string, decidedAt: string | null, district = '甲区') {
  const filer = await staffUser('clerk', REGION);
  const p = await person();
  const [row] = await q((db) =>
    db.insert(schema.applications).values({ ref: `RU-2026-${String(++n).padStart(6, '0')}`, personId: p.id, filedByUserId: filer.id, region: REGION, year: 2026, status, primaryCategory: 'dibao', district, submittedAt, decidedAt }).returning(),
  );
  return { ...row!, personId: p.id };
}
const pay = (a: { id: string; personId: string }, pool: string, amountFen: number, paidAt: string) =>
  q((db) => db.insert(schema.payments).values({ applicationId: a.id, personId: a.personId, region: REGION, year: 2026, pool, amountFen, status: 'paid', kind: 'payment', paidAt }));
const monthly = () =>
  q((db) => db.select().from(schema.applicationStatsMonthly).where(eq(schema.applicationStatsMonthly.region, REGION))).then((rs) =>
    rs.filter((r) => r.n !== 0).map((r) => [r.month, r.district, r.status, r.decisionDay, r.n]).sort(),
  );

describe(`月表和发放日表由触发器维护，统计按整月和零散日子相加（${testDialect}）`, () => {
  it('提交、决定、改区、发放：月表、发放表和各种期间的统计都和手算一致', async () => {
    // Shanghai days: 02-20 (UTC 02-19 20:00 is 02-20 04:00), 03-10, 03-31, 04-02.
    const a = await app('approved', '2026-02-19T20:00:00.000Z', '2026-02-23T20:00:00.000Z'); // decided after 4 days
    const b = await app('rejected', '2026-03-10T02:00:00.000Z', '2026-03-12T02:00:00.000Z'); // 2 days
    const c = await app('paid', '2026-03-31T02:00:00.000Z', '2026-04-06T02:00:00.000Z'); // 6 days
    await app('in_review', '2026-04-02T02:00:00.000Z', null);
    expect(await monthly()).toEqual([
      ['2026-02', '甲区', 'approved', 4, 1],
      ['2026-03', '甲区', 'paid', 6, 1],
      ['2026-03', '甲区', 'rejected', 2, 1],
      ['2026-04', '甲区', 'in_review', -2, 1],
    ]);
    // b moves to another status and district: its month row moves with it.
    await q((db) => db.update(schema.applications).set({ status: 'approved', district: '乙区' }).where(eq(schema.applications.id, b.id)));
    expect(await monthly()).toContainEqual(['2026-03', '乙区', 'approved', 2, 1]);
    expect((await monthly()).filter((r) => r[2] === 'rejected')).toEqual([]);

    // Paid on 2026-04-10 10:00 Shanghai (inpatient 300.00 and outpatient 50.00) and on 05-01 (a top-up of 20.00).
    await pay(c, 'inpatient', 30_000, '2026-04-10T02:00:00.000Z');
    await pay(c, 'outpatient', 5_000, '2026-04-10T02:00:00.000Z');
    await pay(c, 'inpatient', 2_000, '2026-04-30T17:00:00.000Z'); // 05-01 01:00 in Shanghai
    const stats = async (from: string, to: string, district: string | null = null) => {
      const reviewer = { ...(await staffUser('reviewer', REGION)), district };
      const r = await regionStats(reviewer, REGION, { from, to });
      if (!r.ok) throw new Error(r.message);
      const table = (key: string) => r.stats.tables.find((t) => t.key === key)!.rows;
      return { submitted: r.stats.submitted, decided: r.stats.decided, median: r.stats.medianDays, paidFen: r.stats.paidFen, pools: table('paid-pool') };
    };
    // The year (whole months only): 4 submitted; decisions after 4, 2 and 6 days: median 4; paid 370.00 in 3 payments.
    expect(await stats('2026-01-01', '2026-12-31')).toEqual({
      submitted: 4, decided: 3, median: 4, paidFen: 37_000,
      pools: [['住院救助', '2', { fen: 32_000 }], ['门急诊救助', '1', { fen: 5_000 }]],
    });
    // 02-15 … 04-05: March whole (b, c), the days 02-15…02-28 (a) and 04-01…04-05 (the one in review); paid nothing
    // (the payments are on 04-10 and 05-01).
    expect(await stats('2026-02-15', '2026-04-05')).toMatchObject({ submitted: 4, decided: 3, median: 4, paidFen: 0 });
    // 02-21 … 03-30: no whole month; only b (03-10), decided after 2 days.
    expect(await stats('2026-02-21', '2026-03-30')).toMatchObject({ submitted: 1, decided: 1, median: 2 });
    // 03-01 … 05-01: March and April whole, 05-01 by day: b, c and the one in review; both payment days.
    expect(await stats('2026-03-01', '2026-05-01')).toMatchObject({ submitted: 3, decided: 2, median: 4, paidFen: 37_000 });
    // District staff of 甲区 see a, c and the one in review, and c's payments; 乙区 sees b only and nothing paid.
    expect(await stats('2026-01-01', '2026-12-31', '甲区')).toMatchObject({ submitted: 3, decided: 2, paidFen: 37_000 });
    expect(await stats('2026-01-01', '2026-12-31', '乙区')).toMatchObject({ submitted: 1, decided: 1, paidFen: 0 });
    // c moves to 乙区: its payments move with it.
    await q((db) => db.update(schema.applications).set({ district: '乙区' }).where(eq(schema.applications.id, c.id)));
    expect(await stats('2026-01-01', '2026-12-31', '甲区')).toMatchObject({ submitted: 2, paidFen: 0 });
    expect(await stats('2026-01-01', '2026-12-31', '乙区')).toMatchObject({ submitted: 2, paidFen: 37_000 });
    void a;
  });
});
