import 'server-only';
// `requireUser(roles?)`: the check every protected page, action and route makes, whatever proxy.ts did.
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { accessDecision, STAFF } from '@/lib/auth/roles';
import { auth } from '@/lib/auth';
import { resolveSession, type SessionUser } from '@/lib/dal/users';

export type { SessionUser };

type SessionShape = { user?: { id?: string }; sv?: number | null; issuedAt?: number | null; lastSeen?: number | null } | null;

/** The signed-in user, checked against the database on every request: revoked, disabled or expired = nobody. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as SessionShape;
  const resolved = await resolveSession(session ? { sub: session.user?.id, sv: session.sv, issuedAt: session.issuedAt, lastSeen: session.lastSeen } : null);
  return resolved.ok ? resolved.user : null;
});

/** An administrator must enrol a second factor before doing anything else (lib/dal/users.ts verifyStaffLogin). */
export const SECOND_FACTOR_ENROLMENT_PATH = '/account/security';
export function mustEnrolSecondFactor(user: SessionUser): boolean {
  return user.role === 'admin' && !user.totpEnabled;
}

/** For pages and server actions: signs in or refuses (403) instead of returning. */
export async function requireUser(roles?: readonly Role[], returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  const decision = accessDecision(user, roles);
  if (decision === 'sign_in') redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : '/login');
  if (decision === 'forbidden') forbidden();
  if (mustEnrolSecondFactor(user as SessionUser)) redirect(`${SECOND_FACTOR_ENROLMENT_PATH}?required=1`);
  return user as SessionUser;
}

/** The staff account pages themselves (enrolment must stay reachable for an administrator without one). */
export async function requireStaffAccount(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  const decision = accessDecision(user, STAFF);
  if (decision === 'sign_in') redirect(`/login?as=staff&next=${encodeURIComponent(returnTo)}`);
  if (decision === 'forbidden') forbidden();
  return user as SessionUser;
}
