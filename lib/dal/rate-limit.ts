import 'server-only';
// Fixed-window counters in SQLite (shared by every server process on the machine).
import { eq, sql } from 'drizzle-orm';
import { db, schema } from '@/db';

/** Counts one hit against `key`; false when the window already holds `limit` hits. */
export function allowHit(key: string, limit: number, windowMs: number, now = Date.now()): boolean {
  const windowStart = now - (now % windowMs);
  return db().transaction((tx) => {
    const row = tx.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, key)).get();
    if (!row || row.windowStart !== windowStart) {
      tx.insert(schema.rateLimits)
        .values({ key, windowStart, count: 1 })
        .onConflictDoUpdate({ target: schema.rateLimits.key, set: { windowStart, count: 1 } })
        .run();
      return true;
    }
    if (row.count >= limit) return false;
    tx.update(schema.rateLimits).set({ count: sql`${schema.rateLimits.count} + 1` }).where(eq(schema.rateLimits.key, key)).run();
    return true;
  });
}
