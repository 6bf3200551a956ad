// A throw-away PostgreSQL database for a bench, on the server PG_BENCH_URL or PG_TEST_URL names (null when neither
// is set): created empty, and `drop()` removes it whatever the bench left connected.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function throwawayDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const server = process.env.PG_BENCH_URL ?? process.env.PG_TEST_URL;
  if (!server) return null;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
