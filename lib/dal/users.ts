import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, schema } from '@/db';
import type { Role } from '@/db/schema';
import { writeAudit } from '@/lib/dal/audit';
import { verifyPassword } from '@/lib/password';

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

export type StaffLoginResult = { ok: true; user: SessionUser } | { ok: false; message: string };

export async function verifyStaffLogin(username: string, password: string, now: Date = new Date()): Promise<StaffLoginResult> {
  const user = db().select().from(schema.users).where(eq(schema.users.username, username)).get();
  const generic = { ok: false, message: '用户名或密码不正确。' } as const;
  if (!user || user.role === 'resident') {
    await verifyPassword(null, password);
    return generic;
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    return { ok: false, message: '密码错误次数过多，账号已暂时锁定，请 15 分钟后再试或联系管理员。' };
  }
  if (user.disabled) return { ok: false, message: '该账号已停用，请联系管理员。' };
  const good = await verifyPassword(user.passwordHash, password);
  db().transaction((tx) => {
    if (good) {
      tx.update(schema.users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() }).where(eq(schema.users.id, user.id)).run();
    } else {
      const failures = user.failedLogins + 1;
      tx.update(schema.users)
        .set({ failedLogins: failures, lockedUntil: failures >= STAFF_MAX_FAILURES ? new Date(now.getTime() + STAFF_LOCK_MS).toISOString() : null })
        .where(eq(schema.users.id, user.id))
        .run();
    }
    writeAudit({ actorUserId: user.id, actorRole: user.role, action: good ? 'staff.login' : 'staff.login_failed', entity: 'user', entityId: user.id }, tx);
  });
  return good ? { ok: true, user: toSessionUser(user) } : generic;
}

export function toSessionUser(u: typeof schema.users.$inferSelect): SessionUser {
  return { id: u.id, role: u.role, displayName: u.displayName, region: u.region, district: u.district, personId: u.personId };
}

export type SessionClaims = { sub?: string | null; sv?: number | null };

/** The user behind a session token, or why there is none: deleted, disabled, or every session revoked. */
export function resolveSession(claims: SessionClaims | null | undefined):
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'anonymous' | 'disabled' | 'revoked' } {
  if (!claims?.sub) return { ok: false, reason: 'anonymous' };
  const user = db().select().from(schema.users).where(eq(schema.users.id, claims.sub)).get();
  if (!user) return { ok: false, reason: 'anonymous' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (user.sessionVersion !== claims.sv) return { ok: false, reason: 'revoked' };
  return { ok: true, user: toSessionUser(user) };
}

export function sessionVersionOf(userId: string): number {
  return db().select({ sv: schema.users.sessionVersion }).from(schema.users).where(eq(schema.users.id, userId)).get()?.sv ?? 0;
}

/** Signs the user out everywhere (JWT sessions carry the version they were issued with). */
export function revokeAllSessions(actor: SessionUser, userId: string): void {
  if (actor.id !== userId && actor.role !== 'admin') throw new Error('forbidden');
  db().transaction((tx) => {
    tx.update(schema.users).set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` }).where(eq(schema.users.id, userId)).run();
    writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'session.revoke_all', entity: 'user', entityId: userId }, tx);
  });
}
