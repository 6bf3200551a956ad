import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { PAGE_SIZE, SORTS, staffQueue, type QueueSort } from '@/lib/dal/staff-queue';
import { q, schema } from '@/lib/store/db';
import { testDialect } from '../helpers/test-db';
import { staffUser } from '../ledger/fixtures';

// 47 Wuxi applications (and one draft, never listed): submitted in groups of three at the same hour (ties broken by
// id), an estimate of (i mod 7) × 10 元 or none for every fifth (so amounts tie too, but never amount and hour
// together), updated at one of four minutes (ties again). Pages of 20: 20, 20 and 7.
const N = 47;
async function fill() {
  const filer = await staffUser('clerk', 'wuxi');
  const hour = (h: number) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + h * 3_600_000).toISOString();
  const rows = Array.from({ length: N }, (_, i) => ({
    ref: `QC-2026-${String(i).padStart(6, '0')}`, filedByUserId: filer.id, region: 'wuxi', year: 2026, status: i % 4 === 0 ? ('in_review' as const) : ('submitted' as const),
    district: i % 2 ? '梁溪区' : '滨湖区', submittedAt: hour(Math.floor(i / 3)), estimatedFen: i % 5 === 0 ? null : (i % 7) * 1000,
    updatedAt: `2026-04-01T00:0${i % 4}:00.000Z`,
  }));
  await q((db) => db.insert(schema.applications).values([...rows, { ...rows[0]!, ref: 'QC-DRAFT', status: 'draft' as const, submittedAt: null }]));
}

/** The order the queue had with OFFSET (before keyset paging), as the database sorts it. */
function oldPage(sort: QueueSort, page: number) {
  const t = schema.applications;
  const order = {
    oldest: [asc(t.submittedAt), asc(t.id)],
    newest: [desc(t.submittedAt), desc(t.id)],
    amount_desc: [desc(t.estimatedFen), asc(t.submittedAt)],
    amount_asc: [asc(t.estimatedFen), asc(t.submittedAt)],
    updated: [desc(t.updatedAt), desc(t.id)],
  }[sort];
  return q((db) => db.select({ ref: t.ref }).from(t).where(and(eq(t.region, 'wuxi'), ne(t.status, 'draft'))).orderBy(...order).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).then((r) => r.map((x) => x.ref));
}

describe(`工作台按游标翻页（${testDialect}）`, () => {
  it('每种排序：按游标翻到的第 2、3 页和原来按 OFFSET 的一样；从第 3 页退回第 2 页也一样', async () => {
    await fill();
    const clerk = await staffUser('clerk', 'wuxi');
    for (const sort of Object.keys(SORTS) as QueueSort[]) {
      const p1 = await staffQueue(clerk, { sort });
      expect([p1.total, p1.pages, p1.page, p1.prev], sort).toEqual([N, 3, 1, null]);
      expect(p1.rows.map((r) => r.ref), sort).toEqual(await oldPage(sort, 1));
      const p2 = await staffQueue(clerk, { sort, page: 2, after: p1.next! });
      expect(p2.rows.map((r) => r.ref), sort).toEqual(await oldPage(sort, 2));
      expect(p2.page).toBe(2);
      const p3 = await staffQueue(clerk, { sort, page: 3, after: p2.next! });
      expect(p3.rows.map((r) => r.ref), sort).toEqual(await oldPage(sort, 3));
      // The last page: 47 − 40 = 7 rows, no next page.
      expect([p3.rows.length, p3.next]).toEqual([7, null]);
      const back = await staffQueue(clerk, { sort, page: 2, before: p3.prev! });
      expect(back.rows.map((r) => r.ref), sort).toEqual(p2.rows.map((r) => r.ref));
      const first = await staffQueue(clerk, { sort, page: 1, before: back.prev! });
      expect([first.rows.map((r) => r.ref), first.page, first.prev], sort).toEqual([p1.rows.map((r) => r.ref), 1, null]);
    }
  });

  it('游标和筛选、区县一起用；看不懂的游标或别的排序的游标回到第 1 页', async () => {
    const district = { ...(await staffUser('clerk', 'wuxi')), district: '梁溪区' };
    // 梁溪区 = odd i: 23 rows; of them submitted (i mod 4 ≠ 0, all odd i are) = 23 → pages of 20 and 3.
    const p1 = await staffQueue(district, { status: 'submitted', sort: 'newest' });
    expect([p1.total, p1.rows.length]).toEqual([23, 20]);
    const p2 = await staffQueue(district, { status: 'submitted', sort: 'newest', page: 2, after: p1.next! });
    // The three oldest of 梁溪区: i = 1 (hour 0), 3 and 5 (hour 1, in id order: the ids are random).
    expect(p2.rows.map((r) => r.ref).sort()).toEqual(['QC-2026-000001', 'QC-2026-000003', 'QC-2026-000005']);
    expect(p2.rows.at(-1)!.ref).toBe('QC-2026-000001');
    expect(p2.rows.every((r) => r.district === '梁溪区' && r.status === 'submitted')).toBe(true);
    const firstRefs = p1.rows.map((r) => r.ref);
    for (const after of ['not-a-cursor', Buffer.from('["oldest","2026-03-01T00:00:00.000Z","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      const r = await staffQueue(district, { status: 'submitted', sort: 'newest', page: 7, after });
      expect([r.page, r.rows.map((x) => x.ref)]).toEqual([1, firstRefs]);
    }
  });
});
