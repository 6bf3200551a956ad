import 'server-only';
// `requireUser(roles?)`: the check every protected page, action and route makes, whatever proxy.ts did.
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/db/schema';
import { accessDecision } from '@/lib/access';
import { auth } from '@/lib/auth';
import { resolveSession, type SessionUser } from '@/lib/dal/users';

export type { SessionUser };

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { user?: { id?: string }; sv?: number | null } | null;
  const resolved = await resolveSession(session ? { sub: session.user?.id, sv: session.sv } : null);
  return resolved.ok ? resolved.user : null;
});

/** For pages and server actions: signs in or refuses (403) instead of returning. */
export async function requireUser(roles?: readonly Role[], returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  const decision = accessDecision(user, roles);
  if (decision === 'sign_in') redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : '/login');
  if (decision === 'forbidden') forbidden();
  return user as SessionUser;
}
