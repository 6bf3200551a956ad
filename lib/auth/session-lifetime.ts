// How long a sign-in lasts (OWASP ASVS 5.0 V7.3; 等保 2.0 三级 “登录连接超时自动退出”): idle 30 minutes for staff
// and 2 hours for residents (a form with a long story takes a while), and 12 hours at most from sign-in for
// everyone. The session token carries the sign-in time and the last time it was seen; the last-seen time is
// refreshed at most once a minute (proxy.ts), so the idle limit is exact to about a minute.
// Pure: used by proxy.ts (token refresh) and lib/dal/users.ts resolveSession (checked on every request).
export const STAFF_IDLE_MS = 30 * 60_000;
export const RESIDENT_IDLE_MS = 2 * 60 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
export const LAST_SEEN_REFRESH_MS = 60_000;

export type LifetimeClaims = { issuedAt?: number | null; lastSeen?: number | null };

export function idleLimitFor(role: string | null | undefined): number {
  return role === 'resident' ? RESIDENT_IDLE_MS : STAFF_IDLE_MS;
}

/** Why this session is over, or null while it is alive. A token without the times (older format) is over. */
export function sessionExpiry(claims: LifetimeClaims, role: string | null | undefined, now: number = Date.now()): 'idle' | 'absolute' | null {
  const { issuedAt, lastSeen } = claims;
  if (typeof issuedAt !== 'number' || typeof lastSeen !== 'number') return 'absolute';
  if (now - issuedAt >= ABSOLUTE_MS) return 'absolute';
  if (now - lastSeen >= idleLimitFor(role)) return 'idle';
  return null;
}

/** The last-seen time to write back into the token now (unchanged within a minute, so the cookie rarely changes). */
export function refreshedLastSeen(lastSeen: number, now: number = Date.now()): number {
  return now - lastSeen >= LAST_SEEN_REFRESH_MS ? now : lastSeen;
}
