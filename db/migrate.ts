// Applies drizzle-kit's generated migrations for the database DATABASE_URL names: `postgres://…` →
// db/migrations-pg, a file path → db/migrations (SQLite). Run by `npm run db:migrate` and every start command.
// db/ imports nothing from lib/: this file opens its own connection.
import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadLocalEnv } from './load-env';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
export const PG_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations-pg', import.meta.url));

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function runMigrations(url: string): Promise<void> {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migratePg(drizzlePg(pool), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    } finally {
      await pool.end();
    }
    return;
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const client = new Database(url);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('foreign_keys = ON');
    client.pragma('synchronous = FULL');
    migrateSqlite(drizzleSqlite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    client.close();
  }
}

/** The address without its password, for messages. */
export function describeUrl(url: string): string {
  return isPostgresUrl(url) ? url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : url;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  loadLocalEnv();
  const url = process.env.DATABASE_URL ?? 'data/portal.db';
  runMigrations(url).then(
    () => console.log(`数据库已迁移到最新版本: ${describeUrl(url)}`),
    (error) => {
      console.error('数据库迁移失败:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
