import 'server-only';
// /check's answers so far, in a sealed cookie (lib/http/sealed-cookie.ts).
import { isRegionCode } from '@/lib/calculator';
import { clearSealedCookie, readSealedCookie, writeSealedCookie } from '@/lib/http/sealed-cookie';
import { checkAnswersSchema, type CheckAnswers } from './answers';

const CHECK_COOKIE = 'check';

export async function readCheckAnswers(): Promise<CheckAnswers> {
  const parsed = checkAnswersSchema.safeParse(await readSealedCookie(CHECK_COOKIE));
  if (!parsed.success) return {};
  const { region, ...rest } = parsed.data;
  return { ...(rest as Omit<CheckAnswers, 'region'>), ...(isRegionCode(region) ? { region } : {}) };
}

export async function writeCheckAnswers(a: CheckAnswers): Promise<boolean> {
  return writeSealedCookie(CHECK_COOKIE, a);
}

export async function clearCheckAnswers(): Promise<void> {
  await clearSealedCookie(CHECK_COOKIE);
}
