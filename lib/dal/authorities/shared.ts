import 'server-only';
// Helpers the three audiences of 委托代办 share (lib/dal/authorities/grantor.ts, proxy.ts, staff.ts): who is who,
// the live count under the portal's 3-proxy limit, one state-machine step as a compare-and-set, and the status by the calendar.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AuthorityScope } from '@/db/schema-shared';
import {
  checkAuthorityStep,
  CHOOSABLE_RELATIONSHIPS,
  relationshipText,
  MAX_PROXIES_PER_PERSON,
  SCOPE_TEXT,
  type AuthorityActor,
  type AuthorityStep,
} from '@/lib/authority/states';
import type { AuthorityRow } from '@/lib/dal/access';
import type { SessionUser } from '@/lib/dal/users';
import { todayInShanghai } from '@/lib/format';
import { q, schema } from '@/lib/store/db';

export const LIVE = ['pending', 'active'] as const;

export async function phoneHmacOf(userId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ h: schema.users.phoneHmac }).from(schema.users).where(eq(schema.users.id, userId)));
  return row?.h ?? null;
}

export async function ownPersonId(actor: SessionUser): Promise<string | null> {
  if (actor.personId) return actor.personId;
  const [row] = await q((db) => db.select({ p: schema.users.personId }).from(schema.users).where(eq(schema.users.id, actor.id)));
  return row?.p ?? null;
}

export async function accountOfPerson(personId: string): Promise<string | null> {
  const [row] = await q((db) => db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.personId, personId)));
  return row?.id ?? null;
}

/**
 * Live authorities of a person (at most MAX_PROXIES_PER_PERSON). Called inside the transaction that adds one: it
 * first takes the person's row in `counters` (a row lock on PostgreSQL until commit; SQLite has one writer), so two
 * invitations or approvals at the same moment are counted one after the other and cannot pass the limit together.
 */
export async function liveCount(personId: string, today: string, exceptId?: string, now = new Date()): Promise<number> {
  await q((db) =>
    db
      .insert(schema.counters)
      .values({ name: `authorities:${personId}`, value: 1 })
      .onConflictDoUpdate({ target: schema.counters.name, set: { value: sql`${schema.counters.value} + 1` } }),
  );
  const a = schema.authorities;
  const rows = await q((db) => db.select({ id: a.id, validTo: a.validTo, inviteExpiresAt: a.inviteExpiresAt, status: a.status }).from(a).where(and(eq(a.grantorPersonId, personId), inArray(a.status, [...LIVE]))));
  return rows.filter((r) => r.id !== exceptId && r.validTo >= today && !(r.status === 'pending' && r.inviteExpiresAt && r.inviteExpiresAt < now.toISOString())).length;
}

export const TOO_MANY = `本网站规定每个人最多可以同时委托 ${MAX_PROXIES_PER_PERSON} 位代办人（这是本网站的规则，不是政策文件的规定）。请先撤销一位，再邀请新的代办人。`;

/**
 * One step of the state machine as a compare-and-set: the row moves only from a status the table allows, so of
 * two clicks (or a click and a revocation) exactly one wins. Returns the row after the step, or null.
 */
export async function stepAuthority(id: string, step: AuthorityStep, actor: AuthorityActor, from: AuthorityRow['status'], patch: Partial<typeof schema.authorities.$inferInsert> = {}): Promise<AuthorityRow | null> {
  const check = checkAuthorityStep(step, from, actor);
  if (!check.ok) return null;
  const a = schema.authorities;
  const [row] = await q((db) => db.update(a).set({ ...patch, status: check.to }).where(and(eq(a.id, id), eq(a.status, from))).returning());
  return row ?? null;
}

export function scopeText(scope: readonly AuthorityScope[]): string {
  return scope.map((s) => SCOPE_TEXT[s]).join('、');
}

/** What the row says, with what the calendar says: an end date passed is 已到期 even before the reminder run marks it. */
export function effectiveStatus(row: Pick<AuthorityRow, 'status' | 'validTo' | 'inviteExpiresAt'>, now = new Date()): AuthorityRow['status'] {
  if (row.status === 'active' && row.validTo < todayInShanghai(now)) return 'expired';
  if (row.status === 'pending' && row.inviteExpiresAt && row.inviteExpiresAt < now.toISOString()) return 'expired';
  return row.status;
}

export const AUTHORITY_DOCUMENT_KINDS = { letter: '授权委托书（签字）', proxy_id: '受托人身份证', grantor_id: '委托人身份证', guardianship: '监护证明' } as const;

/** The relationships a resident may choose (a guardian only at the counter); anything else is refused as a field error. */
export function choosableRelationship(value: string): value is (typeof CHOOSABLE_RELATIONSHIPS)[number] {
  return (CHOOSABLE_RELATIONSHIPS as readonly string[]).includes(value);
}

export type WorkerVerification = { userId: string; region: string; organisation: string; verifiedAt: string };

/**
 * The regions a person belongs to for a 基层工作人员's verification: where they have a case (not a draft), or are
 * insured (a person record carries a region code only when a clerk or a 委托书 made it; online applicants' say 'local').
 */
export async function personRegions(personIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(personIds)];
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const t = schema.applications;
  const cases = await q((db) => db.selectDistinct({ personId: t.personId, region: t.region }).from(t).where(and(inArray(t.personId, ids), ne(t.status, 'draft'))));
  const people = await q((db) => db.select({ id: schema.persons.id, region: schema.persons.insuredRegion }).from(schema.persons).where(inArray(schema.persons.id, ids)));
  for (const c of cases) if (c.personId) out.get(c.personId)!.push(c.region);
  for (const p of people) if (p.region) out.get(p.id)!.push(p.region);
  return out;
}

/** The office's verifications of these accounts as 基层工作人员, and a lookup: is this proxy verified for one of the person's regions? */
export async function workerVerifications(userIds: (string | null)[]) {
  const ids = [...new Set(userIds.filter((x): x is string => Boolean(x)))];
  const cw = schema.communityWorkers;
  const rows: WorkerVerification[] = ids.length
    ? await q((db) => db.select({ userId: cw.userId, region: cw.region, organisation: cw.organisation, verifiedAt: cw.verifiedAt }).from(cw).where(inArray(cw.userId, ids)))
    : [];
  return (userId: string | null, regions: readonly string[] = []): WorkerVerification | null => rows.find((r) => r.userId === userId && regions.includes(r.region)) ?? null;
}

/** The relationship in words for a row: a community worker says whether the office verified them yet. */
export function relationshipOf(row: Pick<AuthorityRow, 'relationship' | 'proxyUserId'>, regions: readonly string[] | undefined, lookup: Awaited<ReturnType<typeof workerVerifications>>): { relationship: AuthorityRow['relationship']; relationshipText: string; workerVerified: boolean } {
  const workerVerified = row.relationship === 'community_worker' && lookup(row.proxyUserId, regions) !== null;
  return { relationship: row.relationship, relationshipText: relationshipText(row.relationship, workerVerified), workerVerified };
}
