import 'server-only';
// Counter practice per region: shown to residents as practice, never as law; demo rows say so.
import { eq } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';

export type RegionSettings = { claimDeadline?: string; promisedWorkingDays?: number; counter?: string; demo: boolean };

export async function regionSettings(region: string): Promise<RegionSettings> {
  const rows = await q((db) => db.select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)));
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const days = Number(get('promisedWorkingDays'));
  return { claimDeadline: get('claimDeadline'), promisedWorkingDays: Number.isFinite(days) && days > 0 ? days : undefined, counter: get('counter'), demo: rows.some((r) => r.demo) };
}
