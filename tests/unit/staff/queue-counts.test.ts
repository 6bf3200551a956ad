import '../helpers/test-db';
import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { toSessionUser, type SessionUser } from '@/lib/dal/users';
import { COUNT_CAP, districtsOf, PAGE_SIZE, staffQueue } from '@/lib/dal/staff-queue';
import type { ApplicationStatus } from '@/db/schema';

// The queue's tabs and totals read application_counts, which database triggers keep in step with applications.
// These tests change applications with plain SQL (no workflow code), so only the triggers can keep the counts.

let filer: string;
let clerk: SessionUser;
let districtClerk: SessionUser;
beforeAll(async () => {
  const [u] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: '居民' }).returning());
  filer = u!.id;
  const [c] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: 'qc-clerk', displayName: '受理员', region: 'wuxi' }).returning());
  clerk = toSessionUser(c!);
  const [d] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: 'qc-clerk-d', displayName: '区受理员', region: 'wuxi', district: '梁溪区' }).returning());
  districtClerk = toSessionUser(d!);
});

let n = 0;
async function add(status: ApplicationStatus, district: string | null, region = 'wuxi', extra: Partial<typeof schema.applications.$inferInsert> = {}) {
  n += 1;
  const [row] = await q((db) =>
    db.insert(schema.applications).values({ ref: status === 'draft' ? null : `QC-${n}`, filedByUserId: filer, region, year: 2026, status, district, submittedAt: `2026-03-${String((n % 28) + 1).padStart(2, '0')}T01:00:00.000Z`, ...extra }).returning({ id: schema.applications.id }),
  );
  return row!.id;
}

/** The truth, counted the slow way. */
async function direct(region: string, district?: string) {
  const t = schema.applications;
  const rows = await q((db) =>
    db.select({ status: t.status, n: sql<number>`count(*)` }).from(t).where(and(eq(t.region, region), ne(t.status, 'draft'), district ? eq(t.district, district) : undefined)).groupBy(t.status),
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
const asMap = (counts: { status: string; n: number }[]) => Object.fromEntries(counts.map((c) => [c.status, c.n]));

describe('状态计数表由数据库触发器维护', () => {
  it('插入、改状态、改地区和区、删除之后，计数与直接统计一致；草稿不计', async () => {
    const a = await add('submitted', '梁溪区');
    const b = await add('submitted', '锡山区');
    const draft = await add('draft', '梁溪区');
    await add('approved', null);
    await add('submitted', '梁溪区', 'shanghai');
    // Hand count: wuxi has submitted 2 (梁溪区 1, 锡山区 1) and approved 1; the draft and the Shanghai case are not counted.
    expect(asMap((await staffQueue(clerk)).counts)).toEqual({ submitted: 2, approved: 1 });
    expect((await staffQueue(clerk)).total).toBe(3);

    const t = schema.applications;
    await q((db) => db.update(t).set({ status: 'accepted' }).where(eq(t.id, a)));
    await q((db) => db.update(t).set({ district: '梁溪区' }).where(eq(t.id, b)));
    await q((db) => db.update(t).set({ status: 'submitted', ref: 'QC-draft' }).where(eq(t.id, draft)));
    // a: submitted → accepted; b moves to 梁溪区; the draft becomes submitted in 梁溪区.
    expect(asMap((await staffQueue(clerk)).counts)).toEqual({ submitted: 2, accepted: 1, approved: 1 });
    expect(asMap((await staffQueue(districtClerk)).counts)).toEqual({ submitted: 2, accepted: 1 });
    expect(asMap((await staffQueue(clerk, { district: '梁溪区' })).counts)).toEqual({ submitted: 2, accepted: 1 });
    // A district clerk asking for another district sees nothing, as the rows query would.
    expect((await staffQueue(districtClerk, { district: '锡山区' })).counts).toEqual([]);

    await q((db) => db.update(t).set({ region: 'shanghai' }).where(eq(t.id, a)));
    await q((db) => db.delete(t).where(eq(t.id, b)));
    // a left for Shanghai, b is gone: wuxi keeps the former draft (submitted, 梁溪区) and the approved case.
    expect(asMap((await staffQueue(clerk)).counts)).toEqual({ submitted: 1, approved: 1 });
    expect(asMap((await staffQueue(clerk)).counts)).toEqual(await direct('wuxi'));
    expect(asMap((await staffQueue(districtClerk)).counts)).toEqual(await direct('wuxi', '梁溪区'));
    expect(await districtsOf(clerk)).toEqual(['梁溪区']);
  });

  it('一次事务里的改动回滚时，计数也回滚', async () => {
    const before = asMap((await staffQueue(clerk)).counts);
    const { transaction } = await import('@/lib/store/db');
    await expect(
      transaction(async (tx) => {
        await tx.insert(schema.applications).values({ ref: 'QC-rollback', filedByUserId: filer, region: 'wuxi', year: 2026, status: 'in_review', district: '梁溪区' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(asMap((await staffQueue(clerk)).counts)).toEqual(before);
  });
});

describe('带筛选条件的计数有上限', () => {
  it(`超过 ${COUNT_CAP} 份时说明“超过”，不再逐条数完；页数按上限算`, { timeout: 120_000 }, async () => {
    // COUNT_CAP + 5 rows of category tekun in Chongqing (a region nobody else in this file uses).
    const rows = Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
      id: randomUUID(), ref: `CQ-CAP-${i}`, filedByUserId: filer, region: 'chongqing-shapingba', year: 2026, status: 'submitted' as const, primaryCategory: 'tekun', submittedAt: '2026-04-01T01:00:00.000Z',
    }));
    for (let i = 0; i < rows.length; i += 1000) await q((db) => db.insert(schema.applications).values(rows.slice(i, i + 1000)));
    const [c] = await q((db) => db.insert(schema.users).values({ role: 'clerk', username: 'qc-cq', displayName: '沙坪坝受理员', region: 'chongqing-shapingba' }).returning());
    const cq = toSessionUser(c!);
    const capped = await staffQueue(cq, { category: 'tekun' });
    expect(capped.capped).toBe(true);
    expect(capped.total).toBe(COUNT_CAP);
    expect(capped.pages).toBe(COUNT_CAP / PAGE_SIZE);
    expect(capped.rows).toHaveLength(PAGE_SIZE);
    // Without the filter the counts table answers exactly: 10,005.
    const exact = await staffQueue(cq);
    expect(exact.capped).toBe(false);
    expect(exact.total).toBe(COUNT_CAP + 5);
    // A narrow filter stays exact: no Chongqing case is 低保.
    const none = await staffQueue(cq, { category: 'dibao' });
    expect([none.capped, none.total]).toEqual([false, 0]);
  });
});
