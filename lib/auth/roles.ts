// Pure access rules, shared by requireUser and its tests.
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/dal/users';

export const STAFF: readonly Role[] = ['clerk', 'reviewer', 'admin', 'auditor'];

/** Is this user allowed in? */
export function accessDecision(user: SessionUser | null, roles?: readonly Role[]): 'ok' | 'sign_in' | 'forbidden' {
  if (!user) return 'sign_in';
  if (roles && !roles.includes(user.role)) return 'forbidden';
  return 'ok';
}
