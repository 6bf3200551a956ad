import 'server-only';
import { createHmac } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { q, schema, transaction } from '@/lib/store/db';
import type { Role } from '@/db/schema';
import { writeAudit } from '@/lib/dal/audit';
import { verifyPassword } from '@/lib/auth/password';
import { decrypt, safeEqual } from '@/lib/personal/crypto';
import { env } from '@/lib/env';
import { matchTotp } from '@/lib/auth/totp';
import { sessionExpiry } from '@/lib/auth/session-lifetime';
import { forbidden, refuse, type Refusal, type Result } from '@/lib/result';

const STAFF_MAX_FAILURES = 5;
const STAFF_LOCK_MS = 15 * 60_000;

export type SessionUser = {
  id: string;
  role: Role;
  displayName: string;
  region: string | null;
  district: string | null;
  personId: string | null;
  /** Staff second factor enrolled (admin must have it: lib/auth/session.ts sends them to enrol first). */
  totpEnabled?: boolean;
};

/**
 * One answer for a wrong password, an unknown username and a locked account, so the sign-in form cannot be used
 * to learn which usernames exist or which are locked (the lock itself is audited).
 */
export const STAFF_LOGIN_REFUSED = '用户名或密码不正确。连续输错 5 次，账号会锁定 15 分钟。';
const generic = { ok: false, code: 'invalid', message: STAFF_LOGIN_REFUSED } as const;

export type StaffLoginResult =
  | { ok: true; user: SessionUser; needsCode: false }
  | { ok: true; user: SessionUser; needsCode: true; ticket: string }
  | Refusal;

/** Step one of staff sign-in. With a second factor enrolled, a right password yields only a ticket for step two. */
export async function verifyStaffLogin(username: string, password: string, now: Date = new Date()): Promise<StaffLoginResult> {
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.username, username)));
  if (!user || user.role === 'resident') {
    await verifyPassword(null, password);
    return generic;
  }
  const good = await verifyPassword(user.passwordHash, password);
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await writeAudit({ actorUserId: user.id, actorRole: user.role, action: 'staff.login_locked', entity: 'user', entityId: user.id });
    return generic;
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) return good ? { ok: false, code: 'forbidden', message: '该账号已停用，请联系管理员。' } : generic;
  if (good && user.totpEnabled) {
    return { ok: true, user: toSessionUser(user), needsCode: true, ticket: issueLoginTicket(user.id, user.sessionVersion, now) };
  }
  await recordStaffAttempt(user, good, now, 'password');
  if (good) return { ok: true, user: toSessionUser(user), needsCode: false };
  return generic;
}

/** Step two: the ticket from step one and a code from the authenticator app (RFC 6238). */
export async function verifyStaffSecondFactor(ticket: string, code: string, now: Date = new Date()): Promise<Result<{ user: SessionUser }>> {
  const expired = refuse('invalid', '登录已超时，请重新输入用户名和密码。');
  const claims = readLoginTicket(ticket, now);
  if (!claims) return expired;
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, claims.uid)));
  if (!user || user.disabled || user.sessionVersion !== claims.sv || !user.totpEnabled || !user.totpSecretEnc) return expired;
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    await writeAudit({ actorUserId: user.id, actorRole: user.role, action: 'staff.login_locked', entity: 'user', entityId: user.id });
    return refuse('rate_limited', STAFF_LOGIN_REFUSED);
  }
  const step = matchTotp(decrypt(user.totpSecretEnc), code.trim(), now);
  const u = schema.users;
  // Spent by a compare-and-set on the time step, so a code (even one seen over a shoulder) signs in once.
  const fresh =
    step !== null &&
    (await q((db) =>
      db
        .update(u)
        .set({ totpLastStep: step })
        .where(and(eq(u.id, user.id), or(isNull(u.totpLastStep), lt(u.totpLastStep, step))))
        .returning({ id: u.id }),
    )).length === 1;
  const locked = await recordStaffAttempt(user, fresh, now, 'totp');
  if (fresh) return { ok: true, user: toSessionUser(user) };
  return locked ? refuse('rate_limited', STAFF_LOGIN_REFUSED) : refuse('invalid', '动态验证码不正确，请打开手机上的身份验证器，输入现在显示的 6 位数字。');
}

/** Counts a staff attempt in place (parallel wrong guesses each add one) and locks at the fifth failure. */
async function recordStaffAttempt(user: typeof schema.users.$inferSelect, good: boolean, now: Date, factor: 'password' | 'totp'): Promise<boolean> {
  const u = schema.users;
  return transaction(async (db) => {
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
    const summary = { factor, ...(lockedNow ? { locked: true } : {}) };
    await writeAudit({ actorUserId: user.id, actorRole: user.role, action: good ? 'staff.login' : 'staff.login_failed', entity: 'user', entityId: user.id, summary });
    return lockedNow;
  });
}

// A short-lived proof that step one succeeded: user id, session version and expiry, signed with a key derived
// from AUTH_SECRET. It carries no password and dies with any password change or revocation (session version).
const TICKET_MS = 5 * 60_000;
function ticketKey(): Buffer {
  return createHmac('sha256', env().AUTH_SECRET).update('staff-login-ticket').digest();
}
function issueLoginTicket(uid: string, sv: number, now: Date): string {
  const body = Buffer.from(JSON.stringify({ uid, sv, exp: now.getTime() + TICKET_MS })).toString('base64url');
  return `${body}.${createHmac('sha256', ticketKey()).update(body).digest('base64url')}`;
}
function readLoginTicket(ticket: string, now: Date): { uid: string; sv: number } | null {
  const [body, mac] = ticket.split('.');
  if (!body || !mac || !safeEqual(mac, createHmac('sha256', ticketKey()).update(body).digest('base64url'))) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { uid: string; sv: number; exp: number };
    return claims.exp > now.getTime() ? claims : null;
  } catch {
    return null;
  }
}

export function toSessionUser(u: typeof schema.users.$inferSelect): SessionUser {
  return { id: u.id, role: u.role, displayName: u.displayName, region: u.region, district: u.district, personId: u.personId, totpEnabled: u.totpEnabled };
}

export type SessionClaims = { sub?: string | null; sv?: number | null; issuedAt?: number | null; lastSeen?: number | null };

/** The user behind a session token, or why there is none: deleted, disabled, or every session revoked. */
export async function resolveSession(claims: SessionClaims | null | undefined, now: number = Date.now()): Promise<
  { ok: true; user: SessionUser } | { ok: false; reason: 'anonymous' | 'disabled' | 'revoked' | 'idle' | 'absolute' }
> {
  if (!claims?.sub) return { ok: false, reason: 'anonymous' };
  const sub = claims.sub;
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, sub)));
  if (!user) return { ok: false, reason: 'anonymous' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (user.sessionVersion !== claims.sv) return { ok: false, reason: 'revoked' };
  const expired = sessionExpiry(claims, user.role, now);
  if (expired) return { ok: false, reason: expired };
  return { ok: true, user: toSessionUser(user) };
}

/** The account just signed in (authorize has proved who it is), for work done at sign-in. */
export async function signedInUser(userId: string): Promise<SessionUser | null> {
  const [user] = await q((db) => db.select().from(schema.users).where(eq(schema.users.id, userId)));
  return user && !user.disabled ? toSessionUser(user) : null;
}

export async function sessionClaimsOf(userId: string): Promise<{ sv: number; role: Role | null }> {
  const [row] = await q((db) => db.select({ sv: schema.users.sessionVersion, role: schema.users.role }).from(schema.users).where(eq(schema.users.id, userId)));
  return { sv: row?.sv ?? 0, role: row?.role ?? null };
}

/** Ends every session of this user (sign-out, disabling, password change): each token carries the old version. */
async function bumpSessionVersion(userId: string): Promise<void> {
  await q((db) => db.update(schema.users).set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` }).where(eq(schema.users.id, userId)));
}

/** Sign-out: this device and every other one (JWT sessions cannot be deleted, only outdated). */
export async function signOutEverywhere(actor: SessionUser): Promise<void> {
  await transaction(async () => {
    await bumpSessionVersion(actor.id);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'session.sign_out', entity: 'user', entityId: actor.id });
  });
}

/** Disables or re-enables a staff account (admin only); disabling ends its sessions at once. */
export async function setUserDisabled(actor: SessionUser, userId: string, disabled: boolean): Promise<Result> {
  if (actor.role !== 'admin' || actor.id === userId) return forbidden();
  const u = schema.users;
  return transaction(async (db) => {
    const changed = await db.update(u).set({ disabled, sessionVersion: sql`${u.sessionVersion} + 1` }).where(eq(u.id, userId)).returning({ id: u.id });
    if (changed.length === 0) return refuse('not_found', '没有找到这个账号。');
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId });
    return { ok: true };
  });
}

/** Signs the user out everywhere (JWT sessions carry the version they were issued with). */
export async function revokeAllSessions(actor: SessionUser, userId: string): Promise<Result> {
  if (actor.id !== userId && actor.role !== 'admin') return forbidden();
  await transaction(async () => {
    await bumpSessionVersion(userId);
    await writeAudit({ actorUserId: actor.id, actorRole: actor.role, action: 'session.revoke_all', entity: 'user', entityId: userId });
  });
  return { ok: true };
}
