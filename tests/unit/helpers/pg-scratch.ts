// A throw-away PostgreSQL database on the PG_TEST_URL server for one test (migration tests that run the SQL files
// by hand): created, handed over as a connected client, dropped afterwards whatever happens.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function withScratchDatabase(prefix: string, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.PG_TEST_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.PG_TEST_URL!);
  url.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
