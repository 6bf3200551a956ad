import 'server-only';
// Anonymous drafts for /check and /estimate: encrypted, httpOnly cookies that expire two hours after the last change.
// Nothing is stored on the server and nothing personal goes into a URL.
import { cookies } from 'next/headers';
import { isRegionCode } from '@/lib/calculator';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';
import { checkAnswersSchema, type CheckAnswers } from './answers';
import { decodeDraft, encodeDraft, type EstimateDraft } from './estimate-draft';

const CHECK_COOKIE = 'check';
const ESTIMATE_COOKIE = 'estimate';
export const DRAFT_HOURS = 2;
const MAX_BYTES = 3900;

async function read(name: string): Promise<unknown> {
  const value = (await cookies()).get(name)?.value;
  if (!value) return undefined;
  try {
    return decryptJson<unknown>(value);
  } catch {
    return undefined;
  }
}

async function write(name: string, data: unknown): Promise<boolean> {
  const sealed = encryptJson(data);
  if (sealed.length > MAX_BYTES) return false;
  (await cookies()).set(name, sealed, { path: '/', maxAge: DRAFT_HOURS * 3600, httpOnly: true, sameSite: 'lax' });
  return true;
}

export async function readCheckAnswers(): Promise<CheckAnswers> {
  const parsed = checkAnswersSchema.safeParse(await read(CHECK_COOKIE));
  if (!parsed.success) return {};
  const { region, ...rest } = parsed.data;
  return { ...(rest as Omit<CheckAnswers, 'region'>), ...(isRegionCode(region) ? { region } : {}) };
}

export async function writeCheckAnswers(a: CheckAnswers): Promise<boolean> {
  return write(CHECK_COOKIE, a);
}

export async function readEstimateDraft(): Promise<EstimateDraft> {
  return decodeDraft(await read(ESTIMATE_COOKIE));
}

export async function writeEstimateDraft(d: EstimateDraft): Promise<boolean> {
  return write(ESTIMATE_COOKIE, encodeDraft(d));
}

export async function clearDrafts(which: 'check' | 'estimate'): Promise<void> {
  (await cookies()).delete(which === 'check' ? CHECK_COOKIE : ESTIMATE_COOKIE);
}
