// Submits per second and latency on each database, side by side in one run: the whole `submit` verb
// (access check, draft checks, calculator, person, episodes, reference counter, event, audit, notice) through
// lib/workflow, as the page's server action calls it. SQLite on a temporary file; PostgreSQL on PG_BENCH_URL,
// or on a throw-away server this bench starts (scripts/pg-test-server.sh) and stops.
// Run: npm run bench (all benches) or `npx tsx --conditions=react-server bench/submit.bench.ts [-- --record]`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { machineLine, recordSection } from './record';

const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 300);
const CONCURRENCY = 8;
const key = () => randomBytes(32).toString('base64url');
Object.assign(process.env, { AUTH_SECRET: key(), DATA_ENCRYPTION_KEY: key(), DATA_HMAC_KEY: key(), SMS_PROVIDER: 'demo' });
// The demo sender prints every text; a bench would print thousands.
console.log = ((original) => (...args: unknown[]) => (String(args[0]).startsWith('[demo-sms]') ? undefined : original(...args)))(console.log);

const { runMigrations } = await import('@/db/migrate');
const { closeDatabase, q, schema, rawRows, sql } = await import('@/lib/store/db');
const { createDraft, saveEpisode, saveStep } = await import('@/lib/dal/drafts');
const { toSessionUser } = await import('@/lib/dal/users');
const { perform } = await import('@/lib/workflow');
const { lookupHash } = await import('@/lib/personal/crypto');
const { idNumberCheckChar } = await import('@/lib/personal/id-number');

type Figures = { dialect: string; baselineMs: number; p50: number; p95: number; seqPerSec: number; concPerSec: number };

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function draftsFor(n: number, offset: number) {
  const out: { user: Awaited<ReturnType<typeof toSessionUser>>; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `压测${k}`, phoneHmac: lookupHash(`phone:bench${k}`) }).returning());
    const user = toSessionUser(row!);
    const created = await createDraft(user, { region: 'wuxi' });
    if (!created.ok) throw new Error(created.message);
    // A distinct valid 身份证号 per person: birth dates one day apart from 1950-01-01.
    const born = new Date(Date.UTC(1950, 0, 1 + k)).toISOString().slice(0, 10).replaceAll('-', '');
    const first = `320202${born}001`;
    await saveStep(user, created.id, 'applicant', { values: { name: '压测人', idNumber: first + idNumberCheckChar(first), phone: '13700001111', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
    await saveStep(user, created.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
    await saveStep(user, created.id, 'bank', { values: { bankName: '工商银行', accountName: '压测人', account: '6222020000001234567' }, complete: true });
    await saveStep(user, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
    await saveEpisode(user, created.id, -1, {
      complete: true,
      values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' },
    });
    out.push({ user, id: created.id });
  }
  return out;
}

async function measure(dialect: string, url: string): Promise<Figures> {
  process.env.DATABASE_URL = url;
  await runMigrations(url);
  // Baseline in the same run: the round trip of `select 1` on this database.
  const base: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await rawRows(sql`select 1 as one`);
    base.push(performance.now() - t);
  }
  const seq = await draftsFor(SUBMITS, 0);
  const conc = await draftsFor(SUBMITS, SUBMITS);
  const latencies: number[] = [];
  let t0 = performance.now();
  for (const d of seq) {
    const t = performance.now();
    const r = await perform(d.user, d.id, 'submit');
    latencies.push(performance.now() - t);
    if (!r.ok) throw new Error(`submit refused: ${r.message}`);
  }
  const seqSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < conc.length) {
        const d = conc[next++]!;
        const r = await perform(d.user, d.id, 'submit');
        if (!r.ok) throw new Error(`submit refused: ${r.message}`);
      }
    }),
  );
  const concSeconds = (performance.now() - t0) / 1000;
  const [{ n }] = (await rawRows<{ n: number }>(sql`select count(*) as n from applications where status = 'submitted'`)) as [{ n: number }];
  if (Number(n) !== 2 * SUBMITS) throw new Error(`expected ${2 * SUBMITS} submitted applications, found ${n}`);
  await closeDatabase();
  return { dialect, baselineMs: quantile(base, 0.5), p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), seqPerSec: SUBMITS / seqSeconds, concPerSec: SUBMITS / concSeconds };
}

const dir = mkdtempSync(join(os.tmpdir(), 'portal-bench-'));
let pgUrl = process.env.PG_BENCH_URL;
let pgDir: string | undefined;
try {
  if (!pgUrl) {
    const exports = execFileSync('bash', ['scripts/pg-test-server.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    pgUrl = /PG_TEST_URL=['"]?([^'"\n]+)/.exec(exports)?.[1];
    pgDir = /PG_TEST_DIR=['"]?([^'"\n]+)/.exec(exports)?.[1];
  }
  const results = [await measure('SQLite (WAL, one connection behind the lock)', join(dir, 'bench.db'))];
  if (pgUrl) {
    const dbUrl = execFileSync('node', ['scripts/pg-create-db.mjs', pgUrl, 'portal_bench'], { encoding: 'utf8' }).trim();
    results.push(await measure('PostgreSQL 15 (pool of 10, READ COMMITTED)', dbUrl));
  }
  const f = (x: number, d = 1) => x.toFixed(d);
  const table = [
    '| database | `select 1` (baseline) | submit p50 | submit p95 | p95 ÷ baseline | one at a time | 8 at once |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.dialect} | ${f(r.baselineMs, 3)} ms | ${f(r.p50)} ms | ${f(r.p95)} ms | ${f(r.p95 / r.baselineMs, 0)}× | ${f(r.seqPerSec, 0)}/s | ${f(r.concPerSec, 0)}/s |`),
  ].join('\n');
  console.log(table);
  recordSection(
    'submit',
    `## Submitting applications on SQLite and PostgreSQL

Refreshed by \`npm run bench -- --record\` (\`bench/submit.bench.ts\`), both databases in the same run.

- Date: ${new Date().toISOString().slice(0, 10)}; machine: ${machineLine()}; load average at the end ${os.loadavg()[0]!.toFixed(2)}
- Workload: ${SUBMITS} complete Wuxi drafts (one stay, 低保) submitted one at a time (latency), then ${SUBMITS} more
  by ${CONCURRENCY} callers at once (throughput), through \`perform(user, draftId, 'submit')\`: access check, draft
  checks, calculator, person record, episodes, reference counter, compare-and-set of the status, event, audit
  row and inbox notice in one transaction. The count of submitted applications is checked afterwards.
- Baseline: the median round trip of \`select 1\` on the same database in the same run.

${table}

SQLite runs every transaction behind one lock on one connection, so concurrency does not add throughput;
PostgreSQL runs them on a pool, so several callers overlap their waits.`,
  );
} finally {
  if (pgDir) execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
}
