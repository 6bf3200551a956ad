// The one place the queue benchmark touches the queue's data layer: every case is a call of `staffQueue`
// (lib/dal/staff-queue.ts) as the /admin page makes it, counts and first page together. Pointing the bench at a
// new signature = editing this file.
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@/lib/dal/users';
import { staffQueue } from '@/lib/dal/staff-queue';
import { q, schema } from '@/lib/store/db';

export type QueueCase = { name: string; run: () => Promise<{ rows: unknown[] }> };

export function queueCases(actor: SessionUser, sample: { ref: string; idNumber: string; assignee: string; category: string; district: string }): QueueCase[] {
  return [
    { name: 'first page (counts per status + first page)', run: () => staffQueue(actor) },
    { name: 'status = submitted', run: () => staffQueue(actor, { status: 'submitted' }) },
    { name: 'status = in_review', run: () => staffQueue(actor, { status: 'in_review' }) },
    { name: 'status = paid, newest first', run: () => staffQueue(actor, { status: 'paid', sort: 'newest' }) },
    { name: `category = ${sample.category}`, run: () => staffQueue(actor, { category: sample.category }) },
    { name: `district = ${sample.district}`, run: () => staffQueue(actor, { district: sample.district }) },
    { name: 'received between (one month)', run: () => staffQueue(actor, { from: '2026-03-01', to: '2026-03-31' }) },
    { name: 'estimated amount 10,000–10,500 元', run: () => staffQueue(actor, { min: 1_000_000, max: 1_050_000 }) },
    { name: 'overdue', run: () => staffQueue(actor, { overdue: '1' }, new Date('2027-01-04T02:00:00Z')) },
    { name: 'assigned to me', run: () => staffQueue({ ...actor, id: sample.assignee }, { mine: '1' }) },
    { name: 'search by reference', run: () => staffQueue(actor, { q: sample.ref }) },
    { name: 'search by 身份证号 (HMAC)', run: () => staffQueue(actor, { q: sample.idNumber }) },
  ];
}

/** The baseline every figure is divided by: one application by primary key. */
export function baselineCase(id: string): QueueCase {
  return { name: 'baseline: application by primary key', run: async () => ({ rows: await q((db) => db.select().from(schema.applications).where(eq(schema.applications.id, id))) }) };
}

/**
 * Page 500 by the cursor its "next page" link carries (issue 21: page 500 costs what page 1 costs), for the status
 * tab and for the whole queue newest first. The cursor is found by following the links from page 1, untimed.
 */
export async function deepPageCases(actor: SessionUser, page = 500): Promise<QueueCase[]> {
  const at = async (filters: { status?: 'submitted'; sort?: 'newest' }, page: number) => {
    let cursor: string | null = null;
    for (let p = 1; p < page; p++) {
      const r: Awaited<ReturnType<typeof staffQueue>> = await staffQueue(actor, { ...filters, page: p, after: cursor ?? undefined });
      if (!r.next) throw new Error(`the queue ends before page ${page} (${JSON.stringify(filters)})`);
      cursor = r.next;
    }
    return cursor!;
  };
  const submitted = await at({ status: 'submitted' }, page);
  const newest = await at({ sort: 'newest' }, page);
  return [
    { name: `status = submitted, page ${page} (by its cursor)`, run: () => staffQueue(actor, { status: 'submitted', page, after: submitted }) },
    { name: `whole queue newest first, page ${page} (by its cursor)`, run: () => staffQueue(actor, { sort: 'newest', page, after: newest }) },
  ];
}
