import 'server-only';
// Who may touch an application. Every read and write in lib/dal and lib/workflow calls this first; a
// refusal looks like "not found" so references cannot be probed. A proxy's rights are read from the
// authorities table at the moment of each action (nothing cached), so a revocation holds on the next request.
import { and, eq, type AnyColumn, type SQL } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import type { SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { STAFF } from '@/lib/auth/roles';
import { covers, REFUSAL_TEXT, type CoverAnswer } from '@/lib/authority/states';
import type { AuthorityScope } from '@/db/schema-shared';

/**
 * The staff area, the one rule for every staff page and list: staff see their region; staff of a district
 * (`users.district`) see that district only. `rec` is the record's region and district (an application's own,
 * a job's creator's, …); a record without a district is outside every district.
 */
export function inStaffArea(actor: Pick<SessionUser, 'region' | 'district'>, rec: { region: string | null; district: string | null }): boolean {
  return Boolean(actor.region) && rec.region === actor.region && (!actor.district || rec.district === actor.district);
}

/** The same rule as a query condition on a table's region and district columns. */
export function staffAreaWhere(actor: Pick<SessionUser, 'region' | 'district'>, region: AnyColumn, district: AnyColumn): SQL {
  return and(eq(region, actor.region ?? ''), actor.district ? eq(district, actor.district) : undefined)!;
}

// receive_payment: changing the account the money goes to (a proxy needs that scope; the owner always may).
export type AccessNeed = 'view' | 'apply' | 'respond' | 'receive_payment';
export type AppRow = typeof schema.applications.$inferSelect;
export type AuthorityRow = typeof schema.authorities.$inferSelect;

/**
 * The active, in-date authority from the person to this proxy that covers `need` (for this application when
 * given: an authority for one application covers only that one), or why there is none.
 */
export async function findAuthority(
  actorId: string,
  personId: string,
  need: AuthorityScope,
  applicationId: string | null = null,
  today = todayInShanghai(),
): Promise<{ ok: true; authority: AuthorityRow } | Extract<CoverAnswer, { ok: false }>> {
  const a = schema.authorities;
  const rows = await q((db) => db.select().from(a).where(and(eq(a.proxyUserId, actorId), eq(a.grantorPersonId, personId))));
  let best: Extract<CoverAnswer, { ok: false }> = { ok: false, reason: 'other_person' };
  for (const row of rows) {
    const answer = covers(row, { proxyUserId: actorId, personId, need, today, applicationId });
    if (answer.ok) return { ok: true, authority: row };
    best = answer;
  }
  return best;
}

export async function hasAuthority(actorId: string, personId: string, need: AuthorityScope, applicationId: string | null = null, today = todayInShanghai()): Promise<boolean> {
  return (await findAuthority(actorId, personId, need, applicationId, today)).ok;
}

/** The Chinese message for a proxy refused on an action (pages that show records answer 404 instead). */
export async function authorityRefusalText(actorId: string, personId: string, need: AuthorityScope, applicationId: string | null = null): Promise<string | null> {
  const found = await findAuthority(actorId, personId, need, applicationId);
  return found.ok ? null : REFUSAL_TEXT[found.reason];
}

/** The account's person as the database has it now (a submit in another request may just have linked it). */
async function linkedPersonId(userId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ personId: schema.users.personId }).from(schema.users).where(eq(schema.users.id, userId)));
  return row?.personId ?? null;
}

/** A resident acting on somebody else's application (as a proxy): that person's id, else null. */
export async function proxiedPerson(actor: SessionUser, app: Pick<AppRow, 'personId'>): Promise<string | null> {
  if (actor.role !== 'resident' || !app.personId) return null;
  if (app.personId === actor.personId || app.personId === (await linkedPersonId(actor.id))) return null;
  return app.personId;
}

/** The authority a proxy is acting under on this application for `need` (null: not acting as a proxy). */
export async function actingAuthorityId(actor: SessionUser, app: Pick<AppRow, 'id' | 'personId'>, need: AccessNeed): Promise<string | null> {
  const person = await proxiedPerson(actor, app);
  if (!person) return null;
  const found = await findAuthority(actor.id, person, need, app.id);
  return found.ok ? found.authority.id : null;
}

export async function canAccess(actor: SessionUser, app: Pick<AppRow, 'id' | 'personId' | 'filedByUserId' | 'region' | 'status' | 'district'>, need: AccessNeed): Promise<boolean> {
  if (actor.role === 'resident') {
    // Filing for somebody else: only while the authority lasts and covers this, whoever filed.
    const person = await proxiedPerson(actor, app);
    if (person) return hasAuthority(actor.id, person, need, app.id);
    return app.filedByUserId === actor.id || (app.personId !== null && app.personId === actor.personId);
  }
  // A clerk's own counter filing (窗口代录) while it is a draft: the clerk fills it in and submits it.
  if (actor.role === 'clerk' && app.status === 'draft') return app.filedByUserId === actor.id;
  if (!STAFF.includes(actor.role) || need !== 'view') return false;
  // Staff of a district see that district's cases only; staff without one see the whole region.
  return app.status !== 'draft' && inStaffArea(actor, app);
}

/** The application if this actor may touch it for `need`, else null (callers answer 404). */
export async function loadApplication(actor: SessionUser, where: { ref: string } | { id: string }, need: AccessNeed): Promise<AppRow | null> {
  const t = schema.applications;
  const [row] = await q((db) => db.select().from(t).where('ref' in where ? eq(t.ref, where.ref) : eq(t.id, where.id)));
  return row && (await canAccess(actor, row, need)) ? row : null;
}
