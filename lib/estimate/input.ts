// From what was typed in /estimate to the calculator's input, and from its result to what the page draws. Pure.
import type { EpisodeInput, EstimateInput, EstimateResult, ParamSet, RegionCode } from '@/lib/calculator';
import { parseEpisodeForm, type EpisodeFormValues } from '@/lib/validation/episode-form';
import type { EstimateDraft } from './draft';

/** One estimate is one calendar year: annual limits, deductibles and tilt all run per year. */
export function checkEpisodeYear(episodes: readonly EpisodeFormValues[], index: number, date: string | undefined): string | null {
  const year = date?.slice(0, 4);
  if (!year || !/^\d{4}$/.test(year)) return null;
  const other = episodes.find((e, i) => i !== index && e.date && e.date.slice(0, 4) !== year);
  if (!other?.date) return null;
  return `一次估算只算同一年的费用：已经填的就医在 ${other.date.slice(0, 4)} 年。${year} 年的费用请另外估算。`;
}

export type BuiltInput =
  | { ok: true; input: EstimateInput; episodes: EpisodeInput[] }
  | { ok: false; reason: 'who' | 'episodes' }
  | { ok: false; reason: 'invalid'; index: number };

export async function buildEstimateInput(draft: EstimateDraft, today: string, parameters: (region: RegionCode, year: number) => ParamSet | Promise<ParamSet>): Promise<BuiltInput> {
  if (!draft.region || draft.cards === undefined) return { ok: false, reason: 'who' };
  if (draft.episodes.length === 0) return { ok: false, reason: 'episodes' };
  const episodes: EpisodeInput[] = [];
  for (let i = 0; i < draft.episodes.length; i++) {
    const parsed = parseEpisodeForm(draft.episodes[i]!, today);
    if (!parsed.ok || checkEpisodeYear(draft.episodes, i, draft.episodes[i]!.date)) return { ok: false, reason: 'invalid', index: i };
    const { hospitalName: _name, ...episode } = parsed.episode;
    episodes.push({ ...episode, id: String(i + 1) });
  }
  const year = Number(episodes[0]!.date.slice(0, 4));
  const mutual = draft.region === 'shanghai-mutual-aid';
  return {
    ok: true,
    episodes,
    input: {
      region: draft.region,
      year,
      person: {
        categories: draft.cards,
        // 002 五(三): whether the person has employee insurance elsewhere is a fact to ask, never assumed: unanswered stays unset.
        ...(mutual && draft.insuredElsewhere ? { hasEmployeeInsuranceElsewhere: draft.insuredElsewhere === 'yes' } : {}),
        ...(mutual && draft.homeDeductibleFen !== undefined ? { homeDeductibleFen: draft.homeDeductibleFen } : {}),
      },
      episodes,
      parameters: await parameters(draft.region, year),
    },
  };
}

export interface BillSplit {
  totalFen: number;
  insuranceFen: number;
  assistanceFen: number;
  tiltFen: number;
  youPayFen: number;
}

/** The year's bills split four ways; by the API's definition of outOfPocket the parts add up to the total. */
export function billSplit(episodes: readonly EpisodeInput[], result: EstimateResult): BillSplit {
  const totalFen = episodes.reduce((s, e) => s + e.totalFen, 0);
  const { assistanceFen, tiltFen, outOfPocketFen } = result.totals;
  return { totalFen, insuranceFen: Math.max(0, totalFen - assistanceFen - tiltFen - outOfPocketFen), assistanceFen, tiltFen, youPayFen: outOfPocketFen };
}

/**
 * A bill is heavy when, after insurance and assistance, the person still pays ¥10,000 or more in the year, or when
 * nothing could be assisted at all. The documents leave the early-warning line to each city (000 二(三)); this is
 * only the point at which the page points to other help.
 */
export const HEAVY_BILL_FEN = 1_000_000;

export function isHeavy(result: EstimateResult): boolean {
  return result.totals.outOfPocketFen >= HEAVY_BILL_FEN || (result.totals.outOfPocketFen > 0 && result.totals.assistanceFen + result.totals.tiltFen === 0);
}
