// Fills a fresh, migrated database with N submitted applications (default 1,000,000) for the queue benchmark:
// one person per application (with an 身份证号 HMAC), spread over regions, statuses, categories, districts,
// staff assignees and two years of submission dates. Fast: multi-row inserts, many per transaction.
//
//   npx tsx bench/generate-queue-data.ts [--rows N] [--sqlite PATH] [--pg URL]
// Used by bench/queue.bench.ts; on its own it prints where it wrote.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runMigrations } from '@/db/migrate';

export const REGIONS = ['wuxi', 'shanghai', 'chongqing-shapingba', 'national', 'shanghai-mutual-aid'] as const;
export const STATUSES = ['submitted', 'accepted', 'in_review', 'needs_info', 'approved', 'paid', 'rejected', 'withdrawn', 'transferred'] as const;
export const CATEGORIES = ['dibao', 'tekun', 'low_income', 'dibao_edge', 'illness_poverty'] as const;
export const DISTRICTS = ['梁溪区', '锡山区', '惠山区', '滨湖区', '新吴区'] as const;
const PREFIX: Record<string, string> = { wuxi: 'WX', shanghai: 'SH', 'chongqing-shapingba': 'CQ', national: 'QG', 'shanghai-mutual-aid': 'HZ' };

export type Generated = { rows: number; staffIds: Record<string, string[]>; sample: { ref: string; idNumber: string; region: string }; seconds: number };

/** A deterministic pseudo-random sequence (so runs are comparable). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The same HMAC as lib/personal/crypto.ts lookupHash (`id:` + number), with the key the benchmark process uses. */
export function idHmac(key: string, idNumber: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(`id:${idNumber}`).digest('hex');
}

type Row = { person: unknown[]; app: unknown[] };

function* rowsOf(n: number, staffIds: Record<string, string[]>, filer: string, key: string): Generator<Row> {
  const r = rng(20260701);
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  for (let i = 0; i < n; i++) {
    const region = REGIONS[Math.floor(r() * REGIONS.length)]!;
    // Most of a real queue is finished work; the open states are the minority staff page through.
    const x = r();
    const status = x < 0.05 ? 'submitted' : x < 0.1 ? 'accepted' : x < 0.16 ? 'in_review' : x < 0.19 ? 'needs_info' : x < 0.23 ? 'approved' : STATUSES[5 + Math.floor(r() * 4)]!;
    const submitted = new Date(start + Math.floor(r() * span)).toISOString();
    const personId = randomUUID();
    const idNumber = `3202021980${String(i).padStart(8, '0')}`;
    const staff = staffIds[region]!;
    const assigned = r() < 0.5 ? staff[Math.floor(r() * staff.length)]! : null;
    const ref = `${PREFIX[region]}-${submitted.slice(0, 4)}-${String(i).padStart(7, '0')}`;
    yield {
      // The queue reads only the masked name; the encrypted one is a placeholder the queue never opens.
      person: [personId, 'bench:not-a-ciphertext', `申*${i % 10}`, idHmac(key, idNumber), submitted],
      app: [randomUUID(), ref, personId, filer, region, Number(submitted.slice(0, 4)), status, CATEGORIES[Math.floor(r() * CATEGORIES.length)]!, Math.floor(r() * 5_000_000), DISTRICTS[Math.floor(r() * DISTRICTS.length)]!, assigned, submitted, submitted, submitted],
    };
  }
}

const APP_COLS = ['id', 'ref', 'person_id', 'filed_by_user_id', 'region', 'year', 'status', 'primary_category', 'estimated_fen', 'district', 'assigned_to_user_id', 'created_at', 'updated_at', 'submitted_at'];
const PERSON_COLS = ['id', 'name_enc', 'name_masked', 'id_number_hmac', 'created_at'];

function sampleOf(n: number, key: string): Generated['sample'] {
  // Row n/2 of the deterministic sequence: recompute its region and date by replaying (cheap next to inserting).
  const i = Math.floor(n / 2);
  let k = 0;
  for (const row of rowsOf(i + 1, Object.fromEntries(REGIONS.map((g) => [g, ['x']])), 'f', key)) {
    if (k++ === i) return { ref: row.app[1] as string, idNumber: `3202021980${String(i).padStart(8, '0')}`, region: row.app[4] as string };
  }
  throw new Error('unreachable');
}

const staffRows = () => Object.fromEntries(REGIONS.map((g) => [g, Array.from({ length: 8 }, () => randomUUID())])) as Record<string, string[]>;

export async function generateSqlite(path: string, n: number, key: string): Promise<Generated> {
  const t0 = performance.now();
  await runMigrations(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const staffIds = staffRows();
  const filer = randomUUID();
  const insUser = db.prepare('insert into users (id, role, username, display_name, region) values (?, ?, ?, ?, ?)');
  db.transaction(() => {
    insUser.run(filer, 'resident', null, '批量居民', null);
    for (const [region, ids] of Object.entries(staffIds)) ids.forEach((id, j) => insUser.run(id, j % 2 ? 'reviewer' : 'clerk', `${region}.bench${j}`, `${region}工作人员${j}`, region));
  })();
  const BATCH = 500; // 14 columns × 500 = 7,000 parameters, under SQLite's 32,766
  const stmt = (cols: string[], table: string, k: number) => db.prepare(`insert into ${table} (${cols.join(',')}) values ${Array.from({ length: k }, () => `(${cols.map(() => '?').join(',')})`).join(',')}`);
  const fullApp = stmt(APP_COLS, 'applications', BATCH);
  const fullPerson = stmt(PERSON_COLS, 'persons', BATCH);
  let people: unknown[] = [];
  let apps: unknown[] = [];
  let inBatch = 0;
  const flush = () => {
    if (inBatch === 0) return;
    (inBatch === BATCH ? fullPerson : stmt(PERSON_COLS, 'persons', inBatch)).run(people);
    (inBatch === BATCH ? fullApp : stmt(APP_COLS, 'applications', inBatch)).run(apps);
    people = [];
    apps = [];
    inBatch = 0;
  };
  // Secondary indexes are dropped for the load and built again after it (one sort each instead of a million
  // random inserts); the status-count trigger stays, so application_counts is filled exactly as in production.
  const indexes = db.prepare("select sql from sqlite_master where type = 'index' and tbl_name in ('applications', 'persons') and sql is not null").all() as { sql: string }[];
  for (const { sql } of indexes) db.exec(`drop index ${/INDEX\s+`?([\w]+)`?/i.exec(sql)![1]}`);
  let done = 0;
  db.exec('BEGIN');
  for (const row of rowsOf(n, staffIds, filer, key)) {
    people.push(...row.person);
    apps.push(...row.app);
    if (++inBatch === BATCH) flush();
    if (++done % 100_000 === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
      process.stdout.write(`\r  sqlite: ${done.toLocaleString('en-US')} rows`);
    }
  }
  flush();
  db.exec('COMMIT');
  for (const { sql } of indexes) db.exec(sql);
  db.exec('ANALYZE');
  db.close();
  process.stdout.write('\n');
  return { rows: n, staffIds, sample: sampleOf(n, key), seconds: (performance.now() - t0) / 1000 };
}

export async function generatePostgres(url: string, n: number, key: string): Promise<Generated> {
  const t0 = performance.now();
  await runMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const staffIds = staffRows();
  const filer = randomUUID();
  await client.query('insert into users (id, role, display_name) values ($1, $2, $3)', [filer, 'resident', '批量居民']);
  for (const [region, ids] of Object.entries(staffIds)) {
    for (const [j, id] of ids.entries()) await client.query('insert into users (id, role, username, display_name, region) values ($1,$2,$3,$4,$5)', [id, j % 2 ? 'reviewer' : 'clerk', `${region}.bench${j}`, `${region}工作人员${j}`, region]);
  }
  // One statement per 5,000 rows through unnest of column arrays (no parameter-count limit, one round trip).
  const BATCH = 5000;
  const appTypes = ['text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'bigint', 'text', 'text', 'text', 'text', 'text'];
  const personTypes = ['text', 'text', 'text', 'text', 'text'];
  const insert = (table: string, cols: string[], types: string[], rows: unknown[][]) =>
    client.query(
      `insert into ${table} (${cols.join(',')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`,
      cols.map((_, c) => rows.map((r) => r[c])),
    );
  // As on SQLite: secondary indexes (not the primary keys) are dropped for the load and rebuilt after it.
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i where i.schemaname = current_schema() and i.tablename in ('applications', 'persons')
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of indexes) await client.query(`drop index "${i.name}"`);
  let people: unknown[][] = [];
  let apps: unknown[][] = [];
  let done = 0;
  await client.query('begin');
  for (const row of rowsOf(n, staffIds, filer, key)) {
    people.push(row.person);
    apps.push(row.app);
    if (people.length === BATCH) {
      await insert('persons', PERSON_COLS, personTypes, people);
      await insert('applications', APP_COLS, appTypes, apps);
      people = [];
      apps = [];
    }
    if (++done % 100_000 === 0) {
      await client.query('commit');
      await client.query('begin');
      process.stdout.write(`\r  postgres: ${done.toLocaleString('en-US')} rows`);
    }
  }
  if (people.length) {
    await insert('persons', PERSON_COLS, personTypes, people);
    await insert('applications', APP_COLS, appTypes, apps);
  }
  await client.query('commit');
  for (const i of indexes) await client.query(i.def);
  await client.query('analyze');
  await client.end();
  process.stdout.write('\n');
  return { rows: n, staffIds, sample: sampleOf(n, key), seconds: (performance.now() - t0) / 1000 };
}

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const n = Number(argValue('--rows') ?? 1_000_000);
  const key = process.env.DATA_HMAC_KEY ?? randomBytes(32).toString('base64url');
  const path = argValue('--sqlite') ?? `/tmp/queue-bench-${process.pid}.db`;
  const g = await generateSqlite(path, n, key);
  console.log(`sqlite ${path}: ${g.rows} rows in ${g.seconds.toFixed(1)} s`);
  const url = argValue('--pg') ?? process.env.PG_BENCH_URL;
  if (url) {
    const p = await generatePostgres(url, n, key);
    console.log(`postgres: ${p.rows} rows in ${p.seconds.toFixed(1)} s`);
  }
}
