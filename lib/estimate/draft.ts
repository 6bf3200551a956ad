// What a person has entered in /estimate: who (region, certificates) and the visits or stays typed from each 结算单,
// kept as typed (yuan strings) so editing shows exactly what they entered. Stored compactly in a cookie.
import { z } from 'zod';
import { isCategoryCode, isRegionCode, type CategoryCode, type RegionCode } from '@/lib/calculator';
import type { EpisodeFormValues } from '@/lib/validation/episode-form';

export const EPISODE_KEYS = [
  'kind',
  'date',
  'endDate',
  'hospitalLevel',
  'referred',
  'location',
  'offsiteFiled',
  'specialDisease',
  'totalYuan',
  'policyYuan',
  'basicPaidYuan',
  'criticalPaidYuan',
  'supplementaryPaidYuan',
] as const satisfies readonly (keyof EpisodeFormValues)[];

/** A cookie holds about 4 KB; ten visits or stays fit with room to spare, and a year's claim rarely has more. */
export const MAX_EPISODES = 10;

export interface EstimateDraft {
  region?: RegionCode;
  /** Categories held; [] means none. */
  cards?: CategoryCode[];
  /** Set when the categories came from the /check result. */
  fromCheck?: boolean;
  /** shanghai-mutual-aid (002 五(三)): employee basic insurance in the other province, and its inpatient deductible. */
  insuredElsewhere?: 'yes' | 'no';
  homeDeductibleFen?: number;
  episodes: EpisodeFormValues[];
}

const compactSchema = z.object({
  r: z.string().max(40).optional(),
  c: z.array(z.string().max(40)).max(40).optional(),
  k: z.literal(1).optional(),
  i: z.enum(['yes', 'no']).optional(),
  h: z.number().int().min(0).max(1e12).optional(),
  e: z.array(z.array(z.string().max(40)).max(EPISODE_KEYS.length)).max(MAX_EPISODES).default([]),
});

export function encodeDraft(d: EstimateDraft): unknown {
  return {
    ...(d.region ? { r: d.region } : {}),
    ...(d.cards ? { c: d.cards } : {}),
    ...(d.fromCheck ? { k: 1 } : {}),
    ...(d.insuredElsewhere ? { i: d.insuredElsewhere } : {}),
    ...(d.homeDeductibleFen !== undefined ? { h: d.homeDeductibleFen } : {}),
    e: d.episodes.slice(0, MAX_EPISODES).map((ep) => EPISODE_KEYS.map((k) => (ep[k] ?? '').slice(0, 40))),
  };
}

/** Anything that does not decode cleanly gives an empty draft rather than an error. */
export function decodeDraft(raw: unknown): EstimateDraft {
  const parsed = compactSchema.safeParse(raw);
  if (!parsed.success) return { episodes: [] };
  const c = parsed.data;
  const draft: EstimateDraft = {
    episodes: c.e.map((row) => {
      const ep: EpisodeFormValues = {};
      EPISODE_KEYS.forEach((k, i) => {
        if (row[i]) ep[k] = row[i];
      });
      return ep;
    }),
  };
  if (isRegionCode(c.r)) draft.region = c.r;
  if (c.c) draft.cards = c.c.filter(isCategoryCode);
  if (c.k) draft.fromCheck = true;
  if (c.i) draft.insuredElsewhere = c.i;
  if (c.h !== undefined) draft.homeDeductibleFen = c.h;
  return draft;
}
