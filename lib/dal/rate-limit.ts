import 'server-only';
// Fixed-window counters in the database, so every server process and every instance counts together.
import { sql } from 'drizzle-orm';
import { q, schema } from '@/lib/store/db';
import { DIRECT_BUCKET } from '@/lib/http/client-address';

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

// Generous: a community service centre signs many residents in from one address.
export const OTP_PER_ADDRESS_PER_HOUR = 100;
// When the address cannot be known (no trusted proxy configured, lib/http/client-address.ts), every request
// shares one site-wide bucket: a ceiling on texts per hour rather than a per-address limit.
export const OTP_SITE_PER_HOUR = 2000;

/** The per-address limit on asking for sign-in codes, keyed by what lib/http/client-address.ts trusts. */
export async function allowOtpFromAddress(address: string, now = Date.now()): Promise<boolean> {
  const limit = address === DIRECT_BUCKET ? OTP_SITE_PER_HOUR : OTP_PER_ADDRESS_PER_HOUR;
  return allowHit(`otp-ip:${address}`, limit, 3_600_000, now);
}
