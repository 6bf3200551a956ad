import 'server-only';
// One visit, found wherever it was recorded: a settlement row an import brought, or a visit a resident typed
// into an application. Keyed hashes (HMAC, lib/personal/crypto.ts), never the clear values: of the 结算单号 where there
// is one, and of hospital + dates + amount always. Two records with either key in common are the same visit.
import { lookupHash } from '@/lib/personal/crypto';
import type { Visit } from '@/lib/personal/records';

export type VisitKeys = { noKey: string | null; visitKey: string };

/** The hospital's name as typed or exported: spaces of any width and case do not make another hospital. */
function hospitalOf(name: string | null): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function visitKeys(v: Pick<Visit, 'hospitalName' | 'date' | 'endDate' | 'totalFen'>, settlementNo?: string | null): VisitKeys {
  const no = settlementNo?.trim();
  return {
    noKey: no ? lookupHash(`visit-no:${no.toUpperCase()}`) : null,
    visitKey: lookupHash(`visit:${hospitalOf(v.hospitalName)}|${v.date}|${v.endDate ?? v.date}|${v.totalFen}`),
  };
}
