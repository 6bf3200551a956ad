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
