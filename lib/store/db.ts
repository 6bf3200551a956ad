// The one way the data layer reaches the database, on SQLite (embedded default) or PostgreSQL (several
// instances), chosen by DATABASE_URL: `postgres://…` → PostgreSQL through a `pg` pool, anything else → a
// SQLite file. The data layer is typed once (against db/schema.ts) and only ever *awaits* queries, which
// both drivers support; SQLite's synchronous get/all/run calls are never used.
//
// SQLite has one connection per process, so an awaited step inside a transaction must not let another
// request's query run on that connection in the middle of it: every query and transaction there runs
// behind one async lock. Nested calls (a helper called inside a transaction) join the transaction that is
// already open, found through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Mutex } from 'async-mutex';
import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as sqliteSchema from '@/db/schema';
import * as pgSchema from '@/db/schema.pg';
import { log } from '@/lib/observe/log';

export type Dialect = 'sqlite' | 'postgres';
/** What the data layer sees: typed as the SQLite schema; on PostgreSQL the same builder calls run on `pg`. */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

type Handle =
  | { dialect: 'sqlite'; url: string; db: Db; client: Database.Database; lock: Mutex }
  | { dialect: 'postgres'; url: string; db: Db; pool: pg.Pool };

// Kept on globalThis so dev hot reloads and test files reuse one connection per process.
const holder = globalThis as unknown as { __portalStore?: Handle; __portalTx?: AsyncLocalStorage<Db> };
const current = (holder.__portalTx ??= new AsyncLocalStorage<Db>());

// PostgreSQL bigint (int8) and numeric come back as strings by default; our bigints are fen, well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openSqlite(path: string): { db: Db; client: Database.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  // 32 MiB of page cache (the default is 2 MiB): the queue's indexes of a large region stay in memory.
  client.pragma('cache_size = -32768');
  // FULL: in WAL mode every COMMIT waits for the WAL to reach the disk, so an acknowledged submission
  // survives a power cut, not only a process crash (NORMAL may lose the last commits on power loss).
  // Cost measured in docs/benchmarks.md ("Durability"); proven by scripts/crash-test.ts.
  client.pragma('synchronous = FULL');
  return { db: drizzleSqlite(client, { schema: sqliteSchema }), client };
}

export function openPostgres(url: string, max = Number(process.env.DATABASE_POOL_SIZE ?? 10)): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => log('error', 'db: idle client error', { error: error.message }));
  return { db: drizzlePg(pool, { schema: pgSchema }) as unknown as Db, pool };
}

function handle(): Handle {
  const url = process.env.DATABASE_URL ?? 'data/portal.db';
  const h = holder.__portalStore;
  if (h && h.url === url) return h;
  if (dialectOf(url) === 'postgres') holder.__portalStore = { dialect: 'postgres', url, ...openPostgres(url) };
  else holder.__portalStore = { dialect: 'sqlite', url, ...openSqlite(url), lock: new Mutex() };
  return holder.__portalStore;
}

export function dialect(): Dialect {
  return handle().dialect;
}

/** The tables of the dialect in use, typed once. */
export const schema: typeof sqliteSchema = new Proxy({} as typeof sqliteSchema, {
  get: (_, key) => (handle().dialect === 'postgres' ? (pgSchema as Record<string | symbol, unknown>) : (sqliteSchema as Record<string | symbol, unknown>))[key],
});

/** Runs reads or single writes; inside a transaction it joins it. */
export async function q<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const tx = current.getStore();
  if (tx) return fn(tx);
  const h = handle();
  if (h.dialect === 'postgres') return fn(h.db);
  return h.lock.runExclusive(() => current.run(h.db, () => fn(h.db)));
}

/**
 * One transaction: every query `fn` makes (also through helpers that call `q`) commits or rolls back
 * together. On SQLite it is BEGIN IMMEDIATE behind the lock; on PostgreSQL a pooled client in READ
 * COMMITTED, so callers that race use compare-and-set updates or unique keys, never read-then-write.
 */
/** Whether the caller runs inside a transaction (work done now commits only with the outer one). */
export function inTransaction(): boolean {
  return current.getStore() !== undefined;
}

export async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  const open = current.getStore();
  if (open) return fn(open);
  const h = handle();
  if (h.dialect === 'postgres') {
    return (h.db as unknown as { transaction: (f: (tx: Db) => Promise<T>) => Promise<T> }).transaction((tx) => current.run(tx, () => fn(tx)));
  }
  return h.lock.runExclusive(() =>
    current.run(h.db, async () => {
      h.client.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(h.db);
        h.client.exec('COMMIT');
        return result;
      } catch (error) {
        if (h.client.inTransaction) h.client.exec('ROLLBACK');
        throw error;
      }
    }),
  );
}

/** A raw statement's rows, on either dialect (health checks, benchmarks, maintenance scripts). */
export async function rawRows<T = Record<string, unknown>>(statement: SQL): Promise<T[]> {
  return q(async (db) => {
    if (dialect() === 'postgres') {
      const result = await (db as unknown as { execute: (s: SQL) => Promise<{ rows: T[] }> }).execute(statement);
      return result.rows;
    }
    return db.all<T>(statement);
  });
}

export { sql };

/**
 * Connections of this instance for /api/metrics: PostgreSQL's pool (open, idle, clients waiting for one, the
 * size); SQLite's one connection, busy while a query or transaction holds the lock. Opens nothing.
 */
export function poolUse(): { dialect: Dialect; total: number; idle: number; waiting: number; max: number } | null {
  const h = holder.__portalStore;
  if (!h) return null;
  if (h.dialect === 'postgres') return { dialect: 'postgres', total: h.pool.totalCount, idle: h.pool.idleCount, waiting: h.pool.waitingCount, max: h.pool.options.max ?? 10 };
  return { dialect: 'sqlite', total: 1, idle: h.lock.isLocked() ? 0 : 1, waiting: 0, max: 1 };
}

/** Closes the connection (scripts, tests); the next call opens a fresh one. */
export async function closeDatabase(): Promise<void> {
  const h = holder.__portalStore;
  holder.__portalStore = undefined;
  if (!h) return;
  if (h.dialect === 'postgres') await h.pool.end();
  else h.client.close();
}

export type BulkColumn = { name: string; pgType: 'text' | 'int4' | 'int8' | 'bool' };

/**
 * Many rows into one table at import speed, skipping rows whose `conflict` key exists already; returns the
 * `returning` columns of the rows actually inserted. The query builder costs more than the database for
 * thousands of rows, so this goes below it: one prepared statement run per row on SQLite (inside the caller's
 * transaction, or its own), one `INSERT … SELECT FROM unnest(…)` with an array parameter per column on PostgreSQL.
 * Table and column names are the caller's constants, never input.
 */
export async function bulkInsertIgnore<R extends Record<string, unknown>>(table: string, columns: readonly BulkColumn[], rows: readonly unknown[][], conflict: readonly string[], returning: readonly string[]): Promise<R[]> {
  if (rows.length === 0) return [];
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const target = conflict.map((c) => `"${c}"`).join(', ');
  const ret = returning.map((c) => `"${c}"`).join(', ');
  const h = handle();
  if (h.dialect === 'postgres') {
    const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
    const unnest = columns.map((c, i) => sql`${sql.param(arrays[i])}::${sql.raw(c.pgType)}[]`);
    return rawRows<R>(sql`insert into ${sql.raw(`"${table}"`)} (${sql.raw(names)}) select * from unnest(${sql.join(unnest, sql`, `)}) on conflict (${sql.raw(target)}) do nothing returning ${sql.raw(ret)}`);
  }
  const text = `insert into "${table}" (${names}) values (${columns.map(() => '?').join(', ')}) on conflict (${target}) do nothing returning ${ret}`;
  return transaction(async () => {
    const statement = h.client.prepare(text);
    const out: R[] = [];
    for (const r of rows) {
      const row = statement.get(...r.map((v) => (typeof v === 'boolean' ? Number(v) : v))) as R | undefined;
      if (row) out.push(row);
    }
    return out;
  });
}

let savepoints = 0;
/**
 * Inside an open transaction: `fn`'s writes are undone if it throws, the rest of the transaction stays (SAVEPOINT …
 * ROLLBACK TO). Lets a batch (an import's cases) commit many items at once while one refused item leaves no trace.
 * Outside a transaction it is simply a transaction.
 */
export async function savepoint<T>(fn: () => Promise<T>): Promise<T> {
  const open = current.getStore();
  if (!open) return transaction(() => fn());
  const name = `sp_${process.pid}_${++savepoints}`;
  const h = handle();
  const exec = async (text: string) => {
    if (h.dialect === 'postgres') await (open as unknown as { execute: (s: SQL) => Promise<unknown> }).execute(sql.raw(text));
    else h.client.exec(text);
  };
  await exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await exec(`ROLLBACK TO SAVEPOINT ${name}`);
    await exec(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}
