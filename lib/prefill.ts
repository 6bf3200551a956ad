import 'server-only';
// Carries answers from /check and /estimate into a new application without putting personal facts in a URL:
// a short-lived, httpOnly, encrypted cookie that /apply reads once when it creates the draft.
import { cookies } from 'next/headers';
import { decryptJson, encryptJson } from '@/lib/crypto';
import type { EpisodeFormValues } from '@/lib/validation/episode-form';

export type Prefill = {
  region?: string;
  categories?: string[];
  episodes?: EpisodeFormValues[];
};

const COOKIE = 'prefill';
const MAX_BYTES = 3800;

export async function writePrefill(data: Prefill): Promise<boolean> {
  const store = await cookies();
  const current = await readPrefill();
  const sealed = encryptJson({ ...current, ...data });
  if (sealed.length > MAX_BYTES) return false;
  store.set(COOKIE, sealed, { path: '/', maxAge: 2 * 3600, httpOnly: true, sameSite: 'lax' });
  return true;
}

export async function readPrefill(): Promise<Prefill> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value) return {};
  try {
    return decryptJson<Prefill>(value);
  } catch {
    return {};
  }
}

export async function clearPrefill(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
