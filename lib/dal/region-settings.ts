import 'server-only';
// Counter practice per region: shown to residents as practice, never as law; demo rows say so.
import { eq } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';

export type RegionSettings = {
  claimDeadline?: string;
  promisedWorkingDays?: number;
  counter?: string;
  /** Working days from submission within which the office accepts (受理) or returns the application. */
  acceptWithinWorkingDays: number;
  /** Working days from submission within which the office decides (批准 / 不予救助). */
  decideWithinWorkingDays: number;
  demo: boolean;
};

/** Office practice when a region has not set its own limits: accept within 2, decide within 10 working days. */
export const DEFAULT_ACCEPT_WITHIN = 2;
export const DEFAULT_DECIDE_WITHIN = 10;

function positive(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function regionSettings(region: string): Promise<RegionSettings> {
  const rows = await q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)));
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  return {
    claimDeadline: get('claimDeadline'),
    promisedWorkingDays: positive(get('promisedWorkingDays')),
    counter: get('counter'),
    acceptWithinWorkingDays: positive(get('acceptWithinWorkingDays')) ?? DEFAULT_ACCEPT_WITHIN,
    decideWithinWorkingDays: positive(get('decideWithinWorkingDays')) ?? DEFAULT_DECIDE_WITHIN,
    demo: rows.some((r) => r.demo),
  };
}
