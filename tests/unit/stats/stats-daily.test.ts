import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import { testDialect } from '../helpers/test-db';
import { person, staffUser } from '../ledger/fixtures';

const rollup = () =>
  q((db) => db.select().from(schema.applicationStatsDaily).where(eq(schema.applicationStatsDaily.region, 'wuxi'))).then((rs) =>
    rs.filter((r) => r.n !== 0).map((r) => [r.day, r.district, r.status, r.decisionDay, r.n, r.billStays, r.billPolicyFen]),
  );

describe(`统计日表由触发器维护（${testDialect}）`, () => {
  it('提交、决定、补算个人负担、改快照、删除，日表和决定耗时都随之变化', async () => {
    const filer = await staffUser('clerk', 'wuxi');
    const p = await person();
    // Submitted 2026-03-01 17:00 UTC = 2026-03-02 01:00 in Shanghai: the day is the Shanghai date.
    const [a] = await q((db) =>
      db.insert(schema.applications).values({ ref: 'SD-1', personId: p.id, filedByUserId: filer.id, region: 'wuxi', year: 2026, status: 'submitted', district: '梁溪区', submittedAt: '2026-03-01T17:00:00.000Z' }).returning(),
    );
    expect(await rollup()).toEqual([['2026-03-02', '梁溪区', 'submitted', -2, 1, 0, 0]]);
    // Decided 2 days 12 hours later: decision_ms 216,000,000, whole day 2.
    await q((db) => db.update(schema.applications).set({ status: 'approved', decidedAt: '2026-03-04T05:00:00.000Z' }).where(eq(schema.applications.id, a!.id)));
    const [row] = await q((db) => db.select({ ms: schema.applications.decisionMs }).from(schema.applications).where(eq(schema.applications.id, a!.id)));
    expect(Number(row!.ms)).toBe(216_000_000);
    expect(await rollup()).toEqual([['2026-03-02', '梁溪区', 'approved', 2, 1, 0, 0]]);
    await q((db) => db.update(schema.applications).set({ billStays: 1, billPolicyFen: 100_000, billLeftFen: 5_000, billOverTarget: 0 }).where(eq(schema.applications.id, a!.id)));
    expect(await rollup()).toEqual([['2026-03-02', '梁溪区', 'approved', 2, 1, 1, 100_000]]);
    // A new snapshot makes the bill figures unknown again (and takes them out of the sums).
    await q((db) => db.update(schema.applications).set({ estimateSnapshot: { result: null } }).where(eq(schema.applications.id, a!.id)));
    expect(await rollup()).toEqual([['2026-03-02', '梁溪区', 'approved', 2, 1, 0, 0]]);
    await q((db) => db.delete(schema.applications).where(eq(schema.applications.id, a!.id)));
    expect(await rollup()).toEqual([]);
  });
});
