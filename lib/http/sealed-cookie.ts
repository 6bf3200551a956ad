import 'server-only';
// Anonymous drafts (/check's answers, /estimate's visits): encrypted, httpOnly cookies that expire two hours after the
// last change. Nothing is stored on the server and nothing personal goes into a URL.
import { cookies } from 'next/headers';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';

export const DRAFT_HOURS = 2;
const MAX_BYTES = 3900;

/** The cookie's content, or undefined when it is missing or cannot be opened (another key, tampered). */
export async function readSealedCookie(name: string): Promise<unknown> {
  const value = (await cookies()).get(name)?.value;
  if (!value) return undefined;
  try {
    return decryptJson<unknown>(value);
  } catch {
    return undefined;
  }
}

/** False when the sealed content would not fit in a cookie. */
export async function writeSealedCookie(name: string, data: unknown): Promise<boolean> {
  const sealed = encryptJson(data);
  if (sealed.length > MAX_BYTES) return false;
  (await cookies()).set(name, sealed, { path: '/', maxAge: DRAFT_HOURS * 3600, httpOnly: true, sameSite: 'lax' });
  return true;
}

export async function clearSealedCookie(name: string): Promise<void> {
  (await cookies()).delete(name);
}
