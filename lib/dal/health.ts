import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dialect, rawRows, sql } from '@/lib/store/db';

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
    console.error('[health]', error instanceof Error ? error.message : error);
    return { db: 'error', migrations: 'unknown' };
  }
}
