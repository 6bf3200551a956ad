// Pure access rules, shared by requireUser and its tests.
import type { Role } from '@/db/schema';
import type { SessionUser } from '@/lib/dal/users';

/** Every staff role: each sees the cases, lists and jobs of their area (lib/dal/access.ts `staffAreaWhere`). */
export const STAFF: readonly Role[] = ['clerk', 'reviewer', 'admin', 'auditor'];
/** Staff who act (import, pay, assign, follow up, retry a job); the auditor only reads. */
export const ACTING_STAFF: readonly Role[] = STAFF.filter((r) => r !== 'auditor');
/** Staff who handle a case's own papers: verify a bank account, see a number unmasked, fill a 结算单号, answer requests. */
export const CASE_HANDLERS: readonly Role[] = ['clerk', 'reviewer'];

/** Is this user allowed in? */
export function accessDecision(user: SessionUser | null, roles?: readonly Role[]): 'ok' | 'sign_in' | 'forbidden' {
  if (!user) return 'sign_in';
  if (roles && !roles.includes(user.role)) return 'forbidden';
  return 'ok';
}
