import 'server-only';
// /estimate's draft (who, and the visits as typed), in a sealed cookie (lib/http/sealed-cookie.ts).
import { clearSealedCookie, readSealedCookie, writeSealedCookie } from '@/lib/http/sealed-cookie';
import { decodeDraft, encodeDraft, type EstimateDraft } from './draft';

const ESTIMATE_COOKIE = 'estimate';

export async function readEstimateDraft(): Promise<EstimateDraft> {
  return decodeDraft(await readSealedCookie(ESTIMATE_COOKIE));
}

export async function writeEstimateDraft(d: EstimateDraft): Promise<boolean> {
  return writeSealedCookie(ESTIMATE_COOKIE, encodeDraft(d));
}

export async function clearEstimateDraft(): Promise<void> {
  await clearSealedCookie(ESTIMATE_COOKIE);
}
