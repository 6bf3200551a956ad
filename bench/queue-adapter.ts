// The one place the queue benchmark touches the queue's data layer. Today `staffQueue(actor, status?, now)`
// filters by status only; the other queries a staff member makes (a filter by category, district or assignee,
// a search by reference or by 身份证号 HMAC) are written here as the queue would make them, against the same
// tables and indexes, until staffQueue takes them. Pointing the bench at a new signature = editing this file.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { SessionUser } from '@/lib/dal/users';
import { staffQueue } from '@/lib/dal/staff-queue';
import { q, schema } from '@/lib/store/db';

export type QueueCase = { name: string; run: () => Promise<unknown> };

const PAGE = 50;

function page(actor: SessionUser, extra: ReturnType<typeof eq>) {
  const t = schema.applications;
  return q((db) =>
    db
      .select({ ref: t.ref, status: t.status, submittedAt: t.submittedAt, estimatedFen: t.estimatedFen, name: schema.persons.nameMasked })
      .from(t)
      .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
      .where(and(eq(t.region, actor.region!), ne(t.status, 'draft'), extra))
      .orderBy(asc(t.submittedAt))
      .limit(PAGE),
  );
}

export function queueCases(actor: SessionUser, sample: { ref: string; idHmac: string; assignee: string; category: string; district: string }): QueueCase[] {
  const t = schema.applications;
  return [
    { name: 'first page (staffQueue: counts per status + first page)', run: () => staffQueue(actor) },
    { name: 'status = submitted (staffQueue)', run: () => staffQueue(actor, { status: 'submitted' }) },
    { name: 'status = in_review (staffQueue)', run: () => staffQueue(actor, { status: 'in_review' }) },
    { name: `category = ${sample.category} (staffQueue)`, run: () => staffQueue(actor, { category: sample.category }) },
    { name: `district = ${sample.district} (staffQueue)`, run: () => staffQueue(actor, { district: sample.district }) },
    { name: 'assigned to me (staffQueue)', run: () => staffQueue({ ...actor, id: sample.assignee }, { mine: '1' }) },
    { name: 'search by reference (staffQueue)', run: () => staffQueue(actor, { q: sample.ref }) },
    {
      name: 'search by 身份证号 HMAC',
      run: () =>
        q(async (db) => {
          const [p] = await db.select({ id: schema.persons.id }).from(schema.persons).where(eq(schema.persons.idNumberHmac, sample.idHmac));
          return p ? page(actor, eq(t.personId, p.id)) : [];
        }),
    },
  ];
}

/** The baseline every figure is divided by: one application by primary key. */
export function baselineCase(id: string): QueueCase {
  return { name: 'baseline: application by primary key', run: () => q((db) => db.select().from(schema.applications).where(eq(schema.applications.id, id))) };
}
