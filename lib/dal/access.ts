import 'server-only';
// Who may touch an application. Every read and write in lib/dal calls this first; a refusal looks like
// "not found" so references cannot be probed.
import { and, eq, gte, lte } from 'drizzle-orm';
import { db, schema } from '@/db';
import type { SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { STAFF } from '@/lib/access';

export type AccessNeed = 'view' | 'apply' | 'respond';
type AppRow = typeof schema.applications.$inferSelect;

/** An active, in-date authority from the person to this proxy that covers `need` (ARCHITECTURE.md authorities). */
export function hasAuthority(actorId: string, personId: string, need: AccessNeed, today = todayInShanghai()): boolean {
  const a = schema.authorities;
  const rows = db()
    .select({ scope: a.scope })
    .from(a)
    .where(and(eq(a.proxyUserId, actorId), eq(a.grantorPersonId, personId), eq(a.status, 'active'), lte(a.validFrom, today), gte(a.validTo, today)))
    .all();
  return rows.some((r) => r.scope.includes(need));
}

/** The account's person as the database has it now (a submit in another request may just have linked it). */
function linkedPersonId(userId: string): string | null {
  return db().select({ personId: schema.users.personId }).from(schema.users).where(eq(schema.users.id, userId)).get()?.personId ?? null;
}

export function canAccess(actor: SessionUser, app: Pick<AppRow, 'personId' | 'filedByUserId' | 'region' | 'status'>, need: AccessNeed): boolean {
  if (actor.role === 'resident') {
    // Filing for somebody else: only while the authority lasts, whoever filed.
    if (app.personId && app.personId !== actor.personId && app.personId !== linkedPersonId(actor.id)) {
      return hasAuthority(actor.id, app.personId, need);
    }
    return app.filedByUserId === actor.id || (app.personId !== null && app.personId === actor.personId);
  }
  if (!STAFF.includes(actor.role) || need !== 'view') return false;
  return app.status !== 'draft' && app.region === actor.region;
}

/** The application if this actor may touch it for `need`, else null (callers answer 404). */
export function loadApplication(actor: SessionUser, where: { ref: string } | { id: string }, need: AccessNeed): AppRow | null {
  const t = schema.applications;
  const row = db().select().from(t).where('ref' in where ? eq(t.ref, where.ref) : eq(t.id, where.id)).get();
  return row && canAccess(actor, row, need) ? row : null;
}
