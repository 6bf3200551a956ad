import 'server-only';
// The staff queue: applications of the staff member's region (never drafts), counts by status and age.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { db, schema } from '@/db';
import type { ApplicationStatus } from '@/db/schema';
import { STAFF } from '@/lib/access';
import type { SessionUser } from '@/lib/dal/users';

export function staffQueue(actor: SessionUser, status?: ApplicationStatus, now = new Date()) {
  if (!STAFF.includes(actor.role) || !actor.region) return { counts: [], rows: [] as never[] };
  const t = schema.applications;
  const inRegion = and(eq(t.region, actor.region), ne(t.status, 'draft'));
  const counts = db().select({ status: t.status, n: count() }).from(t).where(inRegion).groupBy(t.status).all();
  const rows = db()
    .select({ ref: t.ref, status: t.status, submittedAt: t.submittedAt, updatedAt: t.updatedAt, estimatedFen: t.estimatedFen, name: schema.persons.name })
    .from(t)
    .leftJoin(schema.persons, eq(schema.persons.id, t.personId))
    .where(status ? and(inRegion, eq(t.status, status)) : inRegion)
    .orderBy(asc(t.submittedAt))
    .limit(200)
    .all()
    .map((r) => ({ ...r, ageDays: r.submittedAt ? Math.floor((now.getTime() - new Date(r.submittedAt).getTime()) / 86_400_000) : null }));
  return { counts, rows };
}
