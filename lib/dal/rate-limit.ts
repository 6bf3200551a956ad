import 'server-only';
// Fixed-window counters in the database, so every server process and every instance counts together.
import { sql } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';

/**
 * Counts one hit against `key`; false when the window already holds `limit` hits. One upsert that
 * increments in place and returns the new count, so parallel requests can never both read the old count.
 */
export async function allowHit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  const windowStart = now - (now % windowMs);
  const r = schema.rateLimits;
  const [row] = await q((db) =>
    db
      .insert(r)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: r.key,
        set: {
          count: sql`case when ${r.windowStart} = ${windowStart} then ${r.count} + 1 else 1 end`,
          windowStart,
        },
      })
      .returning({ count: r.count }),
  );
  return (row?.count ?? 1) <= limit;
}
