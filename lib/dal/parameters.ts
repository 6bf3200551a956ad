import 'server-only';
// Staff-set parameters (what the documents leave to other bodies), each with its effective dates and source.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import type { ParamSet } from '@/lib/calculator';

/** Parameters in force on a date; where several rows overlap the latest-starting one wins. */
export function parametersOnDate(region: string, date: string): Promise<ParamSet> {
  return collect(region, date, date);
}

/** Parameters for a calendar year: the latest value whose period touches the year. */
export function parametersForYear(region: string, year: number): Promise<ParamSet> {
  return collect(region, `${year}-01-01`, `${year}-12-31`);
}

async function collect(region: string, from: string, to: string): Promise<ParamSet> {
  const p = schema.parameters;
  const rows = await q((db) =>
    db
      .select()
      .from(p)
      .where(and(eq(p.region, region), lte(p.effectiveFrom, to), or(isNull(p.effectiveTo), gte(p.effectiveTo, from))))
      .orderBy(asc(p.effectiveFrom), asc(p.createdAt)),
  );
  const set: ParamSet = {};
  for (const row of rows) {
    set[row.name] = { value: row.value, source: row.source, effectiveFrom: row.effectiveFrom, demo: row.demo, version: row.id };
  }
  return set;
}
