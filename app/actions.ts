'use server';
import { z } from 'zod';
import { validatedAction } from '@/lib/http/action';
import { cookies } from 'next/headers';
import { signOut } from '@/lib/auth';
import { signOutEverywhere } from '@/lib/dal/users';
import { currentUser } from '@/lib/auth/session';

// Site-wide actions anyone may use (`roles: null`): preferences in cookies, and signing out.
export const toggleElderMode = validatedAction(z.object({ elder: z.string().optional() }).loose(), null, async (input) => {
  (await cookies()).set('elder', input.elder === '1' ? '1' : '0', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return { ok: true };
});

export const signOutAction = validatedAction(z.object({}).loose(), null, async () => {
  // Outdate every token of this user first (the cookie could have been copied), then clear this one.
  const user = await currentUser();
  if (user) await signOutEverywhere(user);
  await signOut({ redirectTo: '/' });
  return { ok: true };
});

export const chooseRegion = validatedAction(z.object({ region: z.string().optional() }).loose(), null, async (input) => {
  const [{ REGION_COOKIE }, { isRegionCode }] = await Promise.all([import('@/lib/http/region-cookie'), import('@/lib/calculator')]);
  if (isRegionCode(input.region)) {
    (await cookies()).set(REGION_COOKIE, input.region, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  }
  return { ok: true };
});
