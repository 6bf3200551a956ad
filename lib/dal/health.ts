import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { db } from '@/db';

/** Is the database reachable, and has every migration in db/migrations been applied? */
export function healthStatus(): { db: 'ok' | 'error'; migrations: 'current' | 'pending' | 'unknown' } {
  try {
    const client = db().$client;
    client.prepare('select 1').get();
    const journal = JSON.parse(readFileSync(join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const table = client.prepare("select name from sqlite_master where type='table' and name='__drizzle_migrations'").get();
    if (!table) return { db: 'ok', migrations: 'pending' };
    const applied = client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    return { db: 'ok', migrations: applied.n >= journal.entries.length ? 'current' : 'pending' };
  } catch (error) {
    console.error('[health]', error);
    return { db: 'error', migrations: 'unknown' };
  }
}
