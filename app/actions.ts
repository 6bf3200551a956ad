'use server';
import { asForm } from '@/lib/action';
import { cookies } from 'next/headers';
import { signOut } from '@/lib/auth';
import { signOutEverywhere } from '@/lib/dal/users';
import { currentUser } from '@/lib/session';

export async function toggleElderMode(formData: FormData): Promise<void> {
  formData = asForm(formData);
  const on = formData.get('elder') === '1';
  (await cookies()).set('elder', on ? '1' : '0', { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
}

export async function signOutAction(): Promise<void> {
  // Outdate every token of this user first (the cookie could have been copied), then clear this one.
  const user = await currentUser();
  if (user) await signOutEverywhere(user);
  await signOut({ redirectTo: '/' });
}

export async function chooseRegion(formData: FormData): Promise<void> {
  formData = asForm(formData);
  const { isRegionCode, REGION_COOKIE } = await import('@/lib/region-cookie');
  const region = formData.get('region');
  if (isRegionCode(region)) {
    (await cookies()).set(REGION_COOKIE, region, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  }
}
