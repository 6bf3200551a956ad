import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import type { Role } from '@/db/schema';
import { writeAudit } from '@/lib/dal/audit';
import { verifyPassword } from '@/lib/password';
import { forbidden, type Result } from '@/lib/result';

const STAFF_MAX_FAILURES = 5;
const STAFF_LOCK_MS = 15 * 60_000;

export type SessionUser = {
  id: string;
  role: Role;
  displayName: string;
  region: string | null;
  district: string | null;
  personId: string | null;
};

export type StaffLoginResult = Result<{ user: SessionUser }>;

export async function verifyStaffLogin(username: string, password: string, now: Date = new Date()): Promise<StaffLoginResult> {
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.username, username)));
  const generic = { ok: false, code: 'invalid', message: '用户名或密码不正确。' } as const;
  if (!user || user.role === 'resident') {
    await verifyPassword(null, password);
    return generic;
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    return { ok: false, code: 'rate_limited', message: '密码错误次数过多，账号已暂时锁定，请 15 分钟后再试或联系管理员。' };
  }
  if (user.disabled) return { ok: false, code: 'forbidden', message: '该账号已停用，请联系管理员。' };
  const good = await verifyPassword(user.passwordHash, password);
  const u = schema.users;
  const locked = await transaction(async (db) => {
    let lockedNow = false;
    if (good) {
      await db.update(u).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() }).where(eq(u.id, user.id));
    } else {
      // Counted in place: parallel wrong guesses each add one (never `old + 1` from a stale read).
      const [row] = await db.update(u).set({ failedLogins: sql`${u.failedLogins} + 1` }).where(eq(u.id, user.id)).returning({ failedLogins: u.failedLogins });
      if ((row?.failedLogins ?? 0) >= STAFF_MAX_FAILURES) {
        await db.update(u).set({ lockedUntil: new Date(now.getTime() + STAFF_LOCK_MS).toISOString() }).where(eq(u.id, user.id));
        lockedNow = true;
      }
    }
    await writeAudit({ actorUserId: user.id, actorRole: user.role, action: good ? 'staff.login' : 'staff.login_failed', entity: 'user', entityId: user.id, summary: lockedNow ? { locked: true } : undefined });
    return lockedNow;
  });
  if (good) return { ok: true, user: toSessionUser(user) };
  return locked ? { ok: false, code: 'rate_limited', message: '密码错误次数过多，账号已暂时锁定，请 15 分钟后再试或联系管理员。' } : generic;
}

export function toSessionUser(u: typeof schema.users.$inferSelect): SessionUser {
  return { id: u.id, role: u.role, displayName: u.displayName, region: u.region, district: u.district, personId: u.personId };
}

export type SessionClaims = { sub?: string | null; sv?: number | null };

/** The user behind a session token, or why there is none: deleted, disabled, or every session revoked. */
export async function resolveSession(claims: SessionClaims | null | undefined): Promise<
  { ok: true; user: SessionUser } | { ok: false; reason: 'anonymous' | 'disabled' | 'revoked' }
> {
  if (!claims?.sub) return { ok: false, reason: 'anonymous' };
  const sub = claims.sub;
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, sub)));
  if (!user) return { ok: false, reason: 'anonymous' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (user.sessionVersion !== claims.sv) return { ok: false, reason: 'revoked' };
  return { ok: true, user: toSessionUser(user) };
}

/** The account just signed in (authorize has proved who it is), for work done at sign-in. */
export async function signedInUser(userId: string): Promise<SessionUser | null> {
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, userId)));
  return user && !user.disabled ? toSessionUser(user) : null;
}

export async function sessionVersionOf(userId: string): Promise<number> {
  const [row] = await q((db) => db.select({ sv: schema.users.sessionVersion }).from(schema.users).where(eq(schema.users.id, userId)));
  return row?.sv ?? 0;
}

/** Signs the user out everywhere (JWT sessions carry the version they were issued with). */
export async function revokeAllSessions(actor: SessionUser, userId: string): Promise<Result> {
  if (actor.id !== userId && actor.role !== 'admin') return forbidden();
  await transaction(async (db) => {
    await db.update(schema.users).set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` }).where(eq(schema.users.id, userId));
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'session.revoke_all', entity: 'user', entityId: userId });
  });
  return { ok: true };
}
