// Import first in a unit test that touches the database: a fresh migrated database and fresh keys for
// the file, removed afterwards. On SQLite (default) a temporary file; with PG_TEST_URL (a PostgreSQL
// server, as `npm test` starts one) a new database on that server, so the same suite proves both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { runMigrations } from '@/db/migrate';
import { closeDatabase } from '@/lib/store/db';

const dir = mkdtempSync(join(tmpdir(), 'portal-unit-'));
const server = process.env.PG_TEST_URL;
let dropDatabase: (() => Promise<void>) | null = null;

if (server) {
  const name = `portal_unit_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  process.env.DATABASE_URL = join(dir, 'test.db');
}
process.env.UPLOAD_DIR = join(dir, 'uploads');
process.env.AUTH_SECRET = randomBytes(32).toString('base64url');
process.env.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64url');
process.env.DATA_HMAC_KEY = randomBytes(32).toString('base64url');
process.env.SMS_PROVIDER = 'demo';
await runMigrations(process.env.DATABASE_URL);

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
  rmSync(dir, { recursive: true, force: true });
});

export const testDir = dir;
export const testDialect: 'sqlite' | 'postgres' = server ? 'postgres' : 'sqlite';
