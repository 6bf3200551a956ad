import 'server-only';
// Carries answers from /check and /estimate into a new application without putting personal facts in a URL.
// Signed in: kept on the server (lib/dal/prefills.ts), so every visit carries over. Signed out: a short-lived,
// httpOnly, encrypted cookie in the compact form of the estimate draft (ten visits fit), moved to the server
// when the person signs in (lib/auth/index.ts). /apply reads it once, when it creates the draft.
import { cookies } from 'next/headers';
import { decodeDraft, encodeDraft } from '@/lib/estimate/draft';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';
import { clearPrefillFor, readPrefillFor, savePrefillFor, type Prefill } from '@/lib/dal/prefills';
import type { SessionUser } from '@/lib/dal/users';
import { currentUser } from '@/lib/auth/session';

export type { Prefill };

const COOKIE = 'prefill';
const MAX_BYTES = 3800;

async function readCookie(): Promise<Prefill> {
  const value = (await cookies()).get(COOKIE)?.value;
  if (!value) return {};
  try {
    const raw = decryptJson<{ r?: string; c?: string[]; e?: unknown[] }>(value);
    const d = decodeDraft({ ...raw, e: raw.e ?? [] });
    return {
      ...(raw.r ? { region: raw.r } : {}),
      ...(Array.isArray(raw.c) ? { categories: raw.c.filter((c): c is string => typeof c === 'string') } : {}),
      ...(raw.e ? { episodes: d.episodes } : {}),
    };
  } catch {
    return {};
  }
}

async function writeCookie(data: Prefill): Promise<boolean> {
  const packed = encodeDraft({ episodes: data.episodes ?? [] }) as { e: string[][] };
  const sealed = encryptJson({ ...(data.region ? { r: data.region } : {}), ...(data.categories ? { c: data.categories } : {}), ...(data.episodes ? { e: packed.e } : {}) });
  if (sealed.length > MAX_BYTES) return false;
  (await cookies()).set(COOKIE, sealed, { path: '/', maxAge: 2 * 3600, httpOnly: true, sameSite: 'lax' });
  return true;
}

const resident = async (): Promise<SessionUser | null> => {
  const user = await currentUser();
  return user?.role === 'resident' ? user : null;
};

/** Merges `data` over what is waiting. False when it could not be kept (a signed-out person's cookie is full). */
export async function writePrefill(data: Prefill): Promise<boolean> {
  const user = await resident();
  if (user) return (await savePrefillFor(user, data)).ok;
  return writeCookie({ ...(await readCookie()), ...data });
}

/** What is waiting for this person (a cookie not yet moved counts too). Safe in pages: it writes nothing. */
export async function readPrefill(): Promise<Prefill> {
  const user = await resident();
  if (!user) return readCookie();
  return { ...(await readPrefillFor(user)), ...(await readCookie()) };
}

export async function clearPrefill(): Promise<void> {
  const user = await resident();
  if (user) await clearPrefillFor(user);
  (await cookies()).delete(COOKIE);
}

/** At sign-in (an action or route, where cookies may be written): the signed-out cookie moves to the account. */
export async function movePrefillToAccount(user: SessionUser): Promise<void> {
  if (user.role !== 'resident') return;
  const waiting = await readCookie();
  if (Object.keys(waiting).length === 0) return;
  if ((await savePrefillFor(user, waiting)).ok) (await cookies()).delete(COOKIE);
}

/**
 * Where 申请救助 goes: /apply, or for a signed-out person the sign-in page itself. (Redirecting a server action to
 * /apply and letting proxy.ts send it on to /login would show the sign-in page under the address /apply.)
 */
export async function applyPath(): Promise<string> {
  return (await resident()) ? '/apply' : `/login?next=${encodeURIComponent('/apply')}`;
}
