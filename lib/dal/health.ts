import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, inArray, sum } from 'drizzle-orm';
import { log } from '@/lib/observe/log';
import type { DatabaseFigures } from '@/lib/observe/metrics';
import { dialect, poolUse, q, rawRows, schema, sql } from '@/lib/store/db';

/** Is the database reachable, and has every migration of its dialect been applied? */
export async function healthStatus(): Promise<{ db: 'ok' | 'error'; migrations: 'current' | 'pending' | 'unknown' }> {
  try {
    const kind = dialect();
    const folder = kind === 'postgres' ? 'db/migrations-pg' : 'db/migrations';
    const journal = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), folder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    await rawRows(sql`select 1 as one`);
    const table =
      kind === 'postgres'
        ? await rawRows(sql`select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`)
        : await rawRows(sql`select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'`);
    if (table.length === 0) return { db: 'ok', migrations: 'pending' };
    const [applied] = kind === 'postgres' ? await rawRows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`) : await rawRows<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
    return { db: 'ok', migrations: Number(applied?.n ?? 0) >= journal.entries.length ? 'current' : 'pending' };
  } catch (error) {
    log('error', 'health check failed', { error: error instanceof Error ? error.message : String(error) });
    return { db: 'error', migrations: 'unknown' };
  }
}

/**
 * What an operator watches (/api/metrics): the queue by region and state from the trigger-kept counts, jobs
 * waiting, running and failed by kind, and this instance's connections. Counts only: no person, no record.
 */
export async function operationalFigures(): Promise<DatabaseFigures> {
  const c = schema.applicationCounts;
  const j = schema.jobs;
  const [applications, jobs] = await Promise.all([
    q((db) => db.select({ region: c.region, status: c.status, n: sum(c.n) }).from(c).groupBy(c.region, c.status)),
    q((db) => db.select({ kind: j.kind, status: j.status, n: count() }).from(j).where(inArray(j.status, ['queued', 'running', 'failed'])).groupBy(j.kind, j.status)),
  ]);
  return {
    applications: applications.map((r) => ({ region: r.region, status: r.status, n: Number(r.n ?? 0) })),
    jobs: jobs.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) })),
    pool: poolUse(),
  };
}
