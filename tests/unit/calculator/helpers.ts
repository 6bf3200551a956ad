// Builders for calculator tests: a bill as the resident reads it off the 结算单, and a person-year around it.
import { estimate, type CategoryCode, type CategoryPeriod, type EpisodeInput, type EstimateResult, type ParamSet, type PersonInput, type RegionCode } from '@/lib/calculator';

/** An episode whose policy-range self-pay is `selfPay` (no insurance payments, nothing out of catalog) unless overridden. */
export function ep(kind: EpisodeInput['kind'], date: string, selfPay: number, extra: Partial<EpisodeInput> = {}): EpisodeInput {
  return { date, kind, totalFen: selfPay, policyFen: selfPay, ...extra };
}

export function params(values: Record<string, number>): ParamSet {
  const out: ParamSet = {};
  for (const [k, v] of Object.entries(values)) out[k] = { value: v, source: '测试参数', effectiveFrom: '2024-01-01' };
  return out;
}

export function year(
  region: RegionCode,
  categories: (CategoryCode | CategoryPeriod)[],
  episodes: EpisodeInput[],
  parameters: ParamSet = {},
  person: Partial<PersonInput> = {},
  y = 2024,
): EstimateResult {
  return estimate({ region, year: y, person: { categories, ...person }, episodes, parameters });
}

export function amounts(r: EstimateResult): number[] {
  return r.episodes.map((e) => e.assistanceFen);
}

export function tilts(r: EstimateResult): number[] {
  return r.episodes.map((e) => e.tiltFen);
}

export function pool(r: EstimateResult, name: string) {
  return r.pools.find((p) => p.pool === name);
}
