import 'server-only';
// The staff queue: applications of the staff member's region (never drafts), counts by status and age.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import type { ApplicationStatus } from '@/db/schema';
import { STAFF } from '@/lib/access';
import type { SessionUser } from '@/lib/dal/users';

export async function staffQueue(actor: SessionUser, status?: ApplicationStatus, now = new Date()) {
  if (!STAFF.includes(actor.role) || !actor.region) return { counts: [], rows: [] as never[] };
  const t = schema.applications;
  const inRegion = and(eq(t.region, actor.region), ne(t.status, 'draft'));
  return q(async (db) => {
    const counts = await db.select({ status: t.status, n: count() }).from(t).where(inRegion).groupBy(t.status);
    const rows = await db
      .select({ ref: t.ref, status: t.status, submittedAt: t.submittedAt, updatedAt: t.updatedAt, estimatedFen: t.estimatedFen, name: schema.persons.nameMasked })
      .from(t)
      .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
      .where(status ? and(inRegion, eq(t.status, status)) : inRegion)
      .orderBy(asc(t.submittedAt))
      .limit(200);
    return { counts, rows: rows.map((r) => ({ ...r, ageDays: r.submittedAt ? Math.floor((now.getTime() - new Date(r.submittedAt).getTime()) / 86_400_000) : null })) };
  });
}
