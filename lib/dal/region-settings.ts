import 'server-only';
// Counter practice per region (SERVICE.md): shown to residents as practice, never as law; demo rows say so.
import { eq } from 'drizzle-orm';
import { db, schema } from '@/db';

export type RegionSettings = { claimDeadline?: string; promisedWorkingDays?: number; counter?: string; demo: boolean };

export function regionSettings(region: string): RegionSettings {
  const rows = db().select().from(schema.regionSettings).where(eq(schema.regionSettings.region, region)).all();
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const days = Number(get('promisedWorkingDays'));
  return { claimDeadline: get('claimDeadline'), promisedWorkingDays: Number.isFinite(days) && days > 0 ? days : undefined, counter: get('counter'), demo: rows.some((r) => r.demo) };
}
