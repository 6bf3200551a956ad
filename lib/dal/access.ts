import 'server-only';
// Who may touch an application. Every read and write in lib/dal and lib/workflow calls this first; a
// refusal looks like "not found" so references cannot be probed.
import { and, eq, gte, lte } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import type { SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { STAFF } from '@/lib/access';

export type AccessNeed = 'view' | 'apply' | 'respond';
export type AppRow = typeof schema.applications.$inferSelect;

/** An active, in-date authority from the person to this proxy that covers `need` (ARCHITECTURE.md authorities). */
export async function hasAuthority(actorId: string, personId: string, need: AccessNeed, today = todayInShanghai()): Promise<boolean> {
  const a = schema.authorities;
  const rows = await q((db) =>
    db
      .select({ scope: a.scope })
      .from(a)
      .where(and(eq(a.proxyUserId, actorId), eq(a.grantorPersonId, personId), eq(a.status, 'active'), lte(a.validFrom, today), gte(a.validTo, today))),
  );
  return rows.some((r) => r.scope.includes(need));
}

/** The account's person as the database has it now (a submit in another request may just have linked it). */
async function linkedPersonId(userId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ personId: schema.users.personId }).from(schema.users).where(eq(schema.users.id, userId)));
  return row?.personId ?? null;
}

export async function canAccess(actor: SessionUser, app: Pick<AppRow, 'personId' | 'filedByUserId' | 'region' | 'status' | 'district'>, need: AccessNeed): Promise<boolean> {
  if (actor.role === 'resident') {
    // Filing for somebody else: only while the authority lasts, whoever filed.
    if (app.personId && app.personId !== actor.personId && app.personId !== (await linkedPersonId(actor.id))) {
      return hasAuthority(actor.id, app.personId, need);
    }
    return app.filedByUserId === actor.id || (app.personId !== null && app.personId === actor.personId);
  }
  if (!STAFF.includes(actor.role) || need !== 'view') return false;
  // Staff of a district see that district's cases only; staff without one see the whole region.
  return app.status !== 'draft' && app.region === actor.region && (!actor.district || app.district === actor.district);
}

/** The application if this actor may touch it for `need`, else null (callers answer 404). */
export async function loadApplication(actor: SessionUser, where: { ref: string } | { id: string }, need: AccessNeed): Promise<AppRow | null> {
  const t = schema.applications;
  const [row] = await q((db) => db.select().from(t).where('ref' in where ? eq(t.ref, where.ref) : eq(t.id, where.id)));
  return row && (await canAccess(actor, row, need)) ? row : null;
}
