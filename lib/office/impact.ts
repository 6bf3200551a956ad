// What a drafted parameter value would change for one year: every person-year recomputed under the value in
// force and under the draft, side by side. Pure apart from the progress callback (no database, no clock but
// the elapsed time it reports), so the page's action, the job worker and the benchmark call the same function.
// Person-years come from applications today; imported settlements can be fed the same way (`source`).
import { estimate, type CategoryCode, type EpisodeInput, type EstimateResult, type ParamSet, type PersonInput, type RegionCode } from '@/lib/calculator';
import { SPECS } from '@/lib/calculator/regions';

export interface PersonYear {
  /** Stable key (an application reference, a settlement id) shown in the list of largest changes. */
  key: string;
  source: 'application' | 'settlement';
  person: PersonInput;
  episodes: EpisodeInput[];
}

export interface ImpactInput {
  region: RegionCode;
  year: number;
  name: string;
  draftValue: number;
  /** The parameters in force for the year (parametersForYear). */
  inForce: ParamSet;
  /** The person-years, as a list, a generator, or pages read from the database (an async generator). */
  personYears: Iterable<PersonYear> | AsyncIterable<PersonYear>;
  /** How many person-years `personYears` yields, for progress. */
  total: number;
  /** How many of the largest changes to keep (default 20). */
  top?: number;
}

export type Progress = { done: number; total: number };

export interface Change {
  key: string;
  source: PersonYear['source'];
  category: CategoryCode | null;
  beforeFen: number;
  afterFen: number;
  deltaFen: number;
}

export interface ImpactResult {
  region: RegionCode;
  year: number;
  name: string;
  draftValue: number;
  inForceValue: number | null;
  inForceSource: string | null;
  personYears: number;
  /** Person-years whose assistance (ratio + tilt) differs between the two. */
  affected: number;
  totals: { beforeFen: number; afterFen: number; deltaFen: number };
  byCategory: { category: CategoryCode | null; personYears: number; affected: number; beforeFen: number; afterFen: number }[];
  byPool: { pool: string; nameZh: string; beforeFen: number; afterFen: number }[];
  largest: Change[];
  /** Person-years whose estimate still lists a missing parameter, under each value. */
  missing: { before: number; after: number };
  elapsedMs: number;
}

const PROGRESS_EVERY = 10_000;
export const DRAFT_SOURCE = '草稿（尚未发布）';

/** Which pool each piece of a result's money falls in: episodes' own pools, tilt in the tilt's pool. */
function addPools(region: RegionCode, r: EstimateResult, into: Map<string, number>): void {
  const tiltPool = SPECS[region].tilt?.pool ?? 'tilt';
  for (const ep of r.episodes) {
    if (ep.assistanceFen) into.set(ep.pool ?? 'general', (into.get(ep.pool ?? 'general') ?? 0) + ep.assistanceFen);
    if (ep.tiltFen) into.set(tiltPool, (into.get(tiltPool) ?? 0) + ep.tiltFen);
  }
}

export function poolNameZh(region: RegionCode, pool: string): string {
  const spec = SPECS[region];
  return spec.pools.find((p) => p.pool === pool)?.nameZh ?? (pool === (spec.tilt?.pool ?? 'tilt') ? (spec.tilt?.nameZh ?? '倾斜救助') : '医疗救助');
}

export async function computeImpact(input: ImpactInput, onProgress?: (p: Progress) => void | Promise<void>): Promise<ImpactResult> {
  const started = performance.now();
  const { region, year } = input;
  const top = input.top ?? 20;
  const draft: ParamSet = { ...input.inForce, [input.name]: { value: input.draftValue, source: DRAFT_SOURCE } };
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const cats = new Map<CategoryCode | null, { personYears: number; affected: number; beforeFen: number; afterFen: number }>();
  let largest: Change[] = [];
  let smallestKept = 0;
  let done = 0;
  let affected = 0;
  let beforeFen = 0;
  let afterFen = 0;
  const missing = { before: 0, after: 0 };
  for await (const py of input.personYears) {
    const base = { region, year, person: py.person, episodes: py.episodes };
    const a = estimate({ ...base, parameters: input.inForce }, { trace: false });
    const b = estimate({ ...base, parameters: draft }, { trace: false });
    const was = a.totals.assistanceFen + a.totals.tiltFen;
    const now = b.totals.assistanceFen + b.totals.tiltFen;
    beforeFen += was;
    afterFen += now;
    addPools(region, a, before);
    addPools(region, b, after);
    if (a.missingParameters.length) missing.before++;
    if (b.missingParameters.length) missing.after++;
    const category = b.category ?? a.category;
    let c = cats.get(category);
    if (!c) cats.set(category, (c = { personYears: 0, affected: 0, beforeFen: 0, afterFen: 0 }));
    c.personYears++;
    c.beforeFen += was;
    c.afterFen += now;
    const delta = now - was;
    if (delta !== 0) {
      affected++;
      c.affected++;
      // Keep the `top` largest changes either way; re-sort only when the list overflows.
      if (largest.length < top || Math.abs(delta) > smallestKept) {
        largest.push({ key: py.key, source: py.source, category, beforeFen: was, afterFen: now, deltaFen: delta });
        if (largest.length > top * 2) {
          largest = largest.sort((x, y) => Math.abs(y.deltaFen) - Math.abs(x.deltaFen)).slice(0, top);
          smallestKept = Math.abs(largest.at(-1)!.deltaFen);
        }
      }
    }
    done++;
    if (done % PROGRESS_EVERY === 0) {
      await onProgress?.({ done, total: input.total });
      // Let the server answer other requests between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await onProgress?.({ done, total: input.total });
  const pools = [...new Set([...before.keys(), ...after.keys()])].sort();
  const current = Object.prototype.hasOwnProperty.call(input.inForce, input.name) ? input.inForce[input.name] : undefined;
  return {
    region,
    year,
    name: input.name,
    draftValue: input.draftValue,
    inForceValue: current?.value ?? null,
    inForceSource: current?.source ?? null,
    personYears: done,
    affected,
    totals: { beforeFen, afterFen, deltaFen: afterFen - beforeFen },
    byCategory: [...cats.entries()].map(([category, v]) => ({ category, ...v })).sort((x, y) => y.afterFen - x.afterFen),
    byPool: pools.map((pool) => ({ pool, nameZh: poolNameZh(region, pool), beforeFen: before.get(pool) ?? 0, afterFen: after.get(pool) ?? 0 })),
    largest: largest.sort((x, y) => Math.abs(y.deltaFen) - Math.abs(x.deltaFen) || (x.key < y.key ? -1 : 1)).slice(0, top),
    missing,
    elapsedMs: Math.round(performance.now() - started),
  };
}
