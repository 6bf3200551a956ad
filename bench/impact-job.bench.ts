// The impact preview's whole job, as the worker runs it (issue 21: "the impact preview runs its whole job, loader
// included, over 1,000,000 person-years in one region in < 2 minutes"): N Shanghai applications of 2026 (default
// 1,000,000) with 1–4 encrypted visits each and their people's categories, in a temporary SQLite file and, when
// PG_BENCH_URL or PG_TEST_URL names a server, in a throw-away PostgreSQL database. An administrator publishes the
// inpatient limit (80,000 元), drafts 100,000 元 (`runImpact`), and the clock runs over one `runNext` of the job
// worker: the count, the keyset pages of applications, their visits decrypted, the categories, the calculator twice
// per person-year, the progress writes and the stored result. Baseline: one application by primary key, same run.
//
//   npx tsx --conditions=react-server bench/impact-job.bench.ts [--rows N] [--record] [--profile DIR]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '@/db/migrate';
import type { Visit } from '@/lib/personal/records';
import { argValue } from './generate-queue-data';
import { throwawayDatabase } from './pg';
import { machineLine, measure, recordSection } from './record';

const rows = Number(argValue('--rows') ?? 1_000_000);
process.env.DATA_HMAC_KEY ??= randomBytes(32).toString('base64url');
process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('base64url');
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');

const LIVE = ['submitted', 'accepted', 'in_review', 'needs_info', 'approved', 'paid'] as const;
const MIXES = [['dibao'], ['low_income'], ['expenditure_poverty_1'], ['expenditure_poverty_2'], ['orphan'], ['child_in_distress'], ['low_income', 'expenditure_poverty_1'], ['dibao']];
const yuan = (y: number) => y * 100;

type Result = { dialect: string; loadSeconds: number; episodes: number; baselineMs: number; jobSeconds: number; personYears: number; affected: number; deltaFen: number; beforeFen: number; afterFen: number };

/** Deterministic applications, visits (sealed as submission seals them) and categories; secondary indexes and triggers off for the load. */
async function load(): Promise<{ seconds: number; episodes: number }> {
  const t0 = performance.now();
  const { transaction, schema } = await import('@/lib/store/db');
  const { sealVisit } = await import('@/lib/personal/records');
  let seed = 20261208;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const filer = randomUUID();
  await transaction(async (tx) => {
    await tx.insert(schema.users).values({ id: filer, role: 'clerk', username: 'shanghai.bench', displayName: '影响基准', region: 'shanghai' });
  });
  let episodes = 0;
  const BATCH = 1_000;
  for (let done = 0; done < rows; ) {
    const persons: (typeof schema.persons.$inferInsert)[] = [];
    const cats: (typeof schema.personCategories.$inferInsert)[] = [];
    const apps: (typeof schema.applications.$inferInsert)[] = [];
    const eps: (typeof schema.episodes.$inferInsert)[] = [];
    for (let k = 0; k < BATCH && done < rows; k++, done++) {
      const personId = randomUUID();
      const appId = randomUUID();
      persons.push({ id: personId, nameEnc: 'bench:not-a-ciphertext', nameMasked: '申*' });
      for (const code of MIXES[done % MIXES.length]!) cats.push({ personId, code, region: 'shanghai', validFrom: '2025-01-01', basis: 'certified' });
      apps.push({ id: appId, ref: `SH-2026-${String(done).padStart(7, '0')}`, personId, filedByUserId: filer, region: 'shanghai', year: 2026, status: LIVE[next() % LIVE.length]!, submittedAt: '2026-06-01T00:00:00.000Z' });
      const count = 1 + (next() % 4);
      for (let e = 0; e < count; e++) {
        const inpatient = next() % 3 !== 0;
        // 2,000 – 400,000 元 of policy-range cost per stay, 200 – 20,000 元 per outpatient visit (as bench/impact.bench.ts).
        const policyFen = inpatient ? 200_000 + (next() % 39_800_000) : 20_000 + (next() % 1_980_000);
        const month = String(1 + e * 3 + (next() % 3)).padStart(2, '0');
        const visit: Visit = {
          hospitalName: '基准医院', date: `2026-${month}-10`, endDate: inpatient ? `2026-${month}-20` : null, kind: inpatient ? 'inpatient' : 'outpatient', hospitalLevel: (next() % 3) + 1,
          specialDisease: false, referred: true, location: next() % 10 === 0 ? 'elsewhere' : 'local', offsiteFiled: next() % 2 === 0,
          totalFen: policyFen + (next() % 100_000), policyFen, basicPaidFen: Math.floor(policyFen * 0.55), criticalPaidFen: inpatient ? Math.floor(policyFen * 0.1) : 0, supplementaryPaidFen: 0,
        };
        eps.push({ applicationId: appId, seq: e, dataEnc: sealVisit(visit) });
      }
    }
    episodes += eps.length;
    await transaction(async (tx) => {
      for (let i = 0; i < persons.length; i += 500) await tx.insert(schema.persons).values(persons.slice(i, i + 500));
      for (let i = 0; i < cats.length; i += 500) await tx.insert(schema.personCategories).values(cats.slice(i, i + 500));
      for (let i = 0; i < apps.length; i += 500) await tx.insert(schema.applications).values(apps.slice(i, i + 500));
      for (let i = 0; i < eps.length; i += 1000) await tx.insert(schema.episodes).values(eps.slice(i, i + 1000));
    });
    if (done % 100_000 === 0) process.stdout.write(`\r  ${done.toLocaleString('en-US')} applications`);
  }
  process.stdout.write('\n');
  return { seconds: (performance.now() - t0) / 1000, episodes };
}

/** `--profile DIR`: a V8 CPU profile of the job alone (not the load), one file per database, for where the time goes. */
async function startProfile(): Promise<((name: string) => Promise<void>) | null> {
  const dir = argValue('--profile');
  if (!dir) return null;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `impact-job-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

async function benchDialect(url: string): Promise<Result> {
  process.env.DATABASE_URL = url;
  await runMigrations(url);
  const { closeDatabase, dialect, q, rawRows, schema, sql } = await import('@/lib/store/db');
  const { eq } = await import('drizzle-orm');
  type Exec = { execute: (s: unknown) => Promise<unknown> };
  const isPg = dialect() === 'postgres';
  // DDL has no rows (better-sqlite3's all() refuses it), so it is run, not read.
  const exec = (text: string): Promise<unknown> => q<unknown>((db) => (isPg ? (db as unknown as Exec).execute(sql.raw(text)) : Promise.resolve(db.run(sql.raw(text)))));
  const all = (text: string) => rawRows<{ name: string; def: string }>(sql.raw(text));
  const TABLES = ['applications', 'episodes', 'persons', 'person_categories'];
  const tables = TABLES.map((t) => `'${t}'`).join(', ');
  // Indexes are built after the load (one sort each instead of millions of random inserts); the rollup triggers
  // are off during it (the job reads none of the rollups) and on again after.
  const indexes = isPg
    ? await all(`select i.indexname as name, i.indexdef as def from pg_indexes i where i.schemaname = current_schema() and i.tablename in (${tables}) and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)
    : await all(`select name, sql as def from sqlite_master where type = 'index' and tbl_name in (${tables}) and sql is not null`);
  const triggers = isPg ? [] : await all(`select name, sql as def from sqlite_master where type = 'trigger' and tbl_name in (${tables})`);
  for (const i of indexes) await exec(`drop index "${i.name}"`);
  for (const t of triggers) await exec(`drop trigger "${t.name}"`);
  if (isPg) for (const t of TABLES) await exec(`alter table ${t} disable trigger user`);
  const loaded = await load();
  const t1 = performance.now();
  for (const i of indexes) await exec(i.def);
  for (const t of triggers) await exec(t.def);
  if (isPg) for (const t of TABLES) await exec(`alter table ${t} enable trigger user`);
  await exec('analyze');
  loaded.seconds += (performance.now() - t1) / 1000;

  const { toSessionUser } = await import('@/lib/dal/users');
  const { publishParameter } = await import('@/lib/dal/parameters');
  const { runImpact, impactRun } = await import('@/lib/dal/impact');
  const { HANDLERS } = await import('@/lib/jobs/handlers');
  const { runNext } = await import('@/lib/jobs/runner');
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'admin', username: 'shanghai.bench.admin', displayName: '影响基准管理员', region: 'shanghai' }).returning());
  const admin = toSessionUser(row!);
  for (const [name, value] of [['annualLimitFen.inpatient', yuan(80_000)], ['annualLimitFen.outpatient', yuan(10_000)]] as const) {
    const p = await publishParameter(admin, { name, value, effectiveFrom: '2026-01-01', effectiveTo: null, source: '基准测试（非真实文件）', closePrevious: false });
    if (!p.ok) throw new Error(`${name}: ${p.message}`);
  }
  const a = schema.applications;
  const [one] = await q((db) => db.select({ id: a.id }).from(a).limit(1));
  const baseline = await measure(() => q((db) => db.select().from(a).where(eq(a.id, one!.id))), 30, 3);
  const started = await runImpact(admin, { name: 'annualLimitFen.inpatient', value: yuan(100_000), year: 2026 });
  if (!started.ok) throw new Error(started.message);
  const profiler = await startProfile();
  const t0 = performance.now();
  const job = await runNext('impact-bench', HANDLERS, { heartbeatMs: 10_000 });
  const jobSeconds = (performance.now() - t0) / 1000;
  await profiler?.(`${isPg ? 'pg' : 'sqlite'}`);
  if (job?.id !== started.jobId) throw new Error('the worker did not pick up the impact job');
  const stored = await impactRun(admin, started.id);
  if (!stored.ok || stored.run.status !== 'done' || !stored.run.result) throw new Error(`impact run not done: ${JSON.stringify(stored.ok ? stored.run.status : stored)}`);
  const r = stored.run.result;
  if (r.personYears !== rows) throw new Error(`expected ${rows} person-years, got ${r.personYears}`);
  await closeDatabase();
  return {
    dialect: isPg ? 'PostgreSQL' : 'SQLite', loadSeconds: loaded.seconds, episodes: loaded.episodes, baselineMs: baseline.p50, jobSeconds,
    personYears: r.personYears, affected: r.affected, deltaFen: r.totals.deltaFen, beforeFen: r.totals.beforeFen, afterFen: r.totals.afterFen,
  };
}

const load0 = loadavg()[0]!;
const results: Result[] = [];
const dir = mkdtempSync(join(tmpdir(), 'impact-job-bench-'));
let dropPg: (() => Promise<void>) | null = null;
const fmt = (n: number) => n.toLocaleString('en-US');
try {
  console.log(`impact job bench: ${fmt(rows)} applications`);
  results.push(await benchDialect(join(dir, 'impact.db')));
  console.log(results.at(-1));
  const db = await throwawayDatabase('portal_impactbench');
  if (db) {
    dropPg = db.drop;
    results.push(await benchDialect(db.url));
    console.log(results.at(-1));
  } else console.log('  (PG_BENCH_URL / PG_TEST_URL not set: PostgreSQL skipped)');
} finally {
  rmSync(dir, { recursive: true, force: true });
  await dropPg?.();
}

const over = results.filter((r) => r.jobSeconds >= 120);
if (over.length) console.log(`whole job at or over 2 minutes (the issue's budget): ${over.map((r) => r.dialect).join(', ')}`);

const line = (r: Result) =>
  `| ${r.dialect} | ${fmt(r.personYears)} (${fmt(r.episodes)} visits) | ${r.loadSeconds.toFixed(0)} s | **${r.jobSeconds.toFixed(1)} s** | ${fmt(Math.round(r.personYears / r.jobSeconds))} | ${r.baselineMs.toFixed(2)} ms | ${fmt(Math.round((r.jobSeconds * 1000) / r.baselineMs))}× | ${fmt(r.affected)} affected; Δ ${fmt(r.deltaFen)} fen |`;
recordSection(
  'impact-job',
  `## Impact preview: the whole job at 1,000,000 person-years

Recorded by \`npx tsx --conditions=react-server bench/impact-job.bench.ts --record\` (\`bench/impact-job.bench.ts\`). Where
the section above times the recomputation alone, this one times what an administrator waits for after 预览影响: one
\`runNext\` of the job worker over the \`impact_preview\` job that \`runImpact\` queued, loader included: the count, the
region-year's applications in keyset pages of 2,000, their visits decrypted (AES-256-GCM, as submission sealed them),
their people's categories, the calculator twice per person-year (inpatient limit 80,000 元 in force, 100,000 元
drafted), a progress write every 10,000 and the stored result.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machineLine()}
- Load average (1 min): ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (2 cores shared by other engineers' work)
- Data: ${fmt(rows)} Shanghai applications of 2026 in the six statuses that count, one person each, 1–4 visits (stays and
  outpatient visits, one in ten elsewhere), eight category mixes; loaded with secondary indexes and rollup triggers off,
  both back on before the clock starts. Budget (issue 21): < 2 minutes. Baseline: one application by primary key, p50.

Before, with this bench on the same machine on 2026-12-08 (loader of commit d1ebd12: visits read by a list of 2,000
bound ids, every column, and opened with an object rest and spread): **125.8 s** on SQLite, over the budget. Profiled
with \`--profile DIR\` (a V8 CPU profile of the job alone): \`openEpisode\`'s \`{ ...rest, ...visit }\` cost about 20 µs a
visit, more than the AES-GCM decryption (about 8 µs) and the calculator's two runs per person-year (about 15 µs); it is
now written out. The visits of a page are read by joining the page's range of references and its people's categories
through a subquery of that range, only the columns used; the result is the same as before to the fen (473,960 affected, the same Δ). What is left: decryption about a quarter of the job, the calculator a quarter, SQLite's reads and
drizzle's row mapping most of the rest.

| database | person-years | load | whole job | person-years/s | baseline | job ÷ baseline | result |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${results.map(line).join('\n')}
`,
);
