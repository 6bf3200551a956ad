// What `synchronous = FULL` costs on SQLite: real submissions (lib/workflow perform 'submit': the state
// machine, estimate, person, episodes, event, audit and notice in one transaction) per second with
// synchronous = NORMAL and = FULL, in the same run, rounds alternating so both modes see the same load.
// Run: npm run bench:durability (prints; `-- --record` writes the "durability" section of docs/benchmarks.md)
// Env: BENCH_SUBMITS = submissions per round (default 150), BENCH_ROUNDS = rounds per mode (default 3).
// The database lives in data/bench-durability (the real disk: /tmp may be memory, where fsync is free).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { recordSection } from './record';

const dir = fileURLToPath(new URL('../data/bench-durability', import.meta.url));
const key = () => randomBytes(32).toString('base64url');
Object.assign(process.env, { AUTH_SECRET: key(), DATA_ENCRYPTION_KEY: key(), DATA_HMAC_KEY: key(), SMS_PROVIDER: 'demo', UPLOAD_DIR: `${dir}/uploads` });

const { runMigrations } = await import('../db/migrate');
const { closeDatabase, q, schema, sql } = await import('../lib/store/db');
const { lookupHash } = await import('../lib/personal/crypto');
const { createDraft, saveEpisode, saveStep } = await import('../lib/dal/drafts');
const { toSessionUser } = await import('../lib/dal/users');
const { perform } = await import('../lib/workflow');
const { idNumberCheckChar } = await import('../lib/personal/id-number');

const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 150);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const quiet = console.log;
console.log = (...a: unknown[]) => { if (!String(a[0]).startsWith('[demo-sms]')) quiet(...a); };

let n = 0;
/** One resident with one complete draft (a 2026 Wuxi stay, 低保), ready to submit. */
async function readyDraft() {
  n += 1;
  const [row] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: `居民${n}`, phoneHmac: lookupHash(`phone:bench${n}`) }).returning());
  const u = toSessionUser(row!);
  const created = await createDraft(u, { region: 'wuxi' });
  if (!created.ok) throw new Error(created.message);
  const first = `32020219800101${String(n % 1000).padStart(3, '0')}`;
  await saveStep(u, created.id, 'applicant', { values: { name: '测试人', idNumber: first + idNumberCheckChar(first), phone: '13700001111', hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
  await saveStep(u, created.id, 'identity', { values: { categories: ['dibao'] }, complete: true });
  await saveStep(u, created.id, 'bank', { values: { bankName: '工商银行', accountName: '测试人', account: '6222020000001234567' }, complete: true });
  await saveStep(u, created.id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
  await saveEpisode(u, created.id, -1, { complete: true, values: { hospitalName: '无锡市人民医院', kind: 'inpatient', date: '2026-03-02', endDate: '2026-03-10', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '50000', policyYuan: '40000', basicPaidYuan: '25000', criticalPaidYuan: '5000' } });
  return { u, id: created.id };
}

async function round(mode: 'NORMAL' | 'FULL', r: number): Promise<number> {
  const url = `${dir}/r${r}-${mode}.db`;
  rmSync(url, { force: true });
  await runMigrations(url);
  process.env.DATABASE_URL = url;
  // The store opens with FULL; NORMAL is set on the same connection for the comparison (SQLite only).
  await q(async (db) => db.run(sql.raw(`PRAGMA synchronous = ${mode}`)));
  const [row] = await q(async (db) => db.all<{ synchronous: number }>(sql`PRAGMA synchronous`));
  const synchronous = row?.synchronous;
  if (synchronous !== (mode === 'FULL' ? 2 : 1)) throw new Error(`synchronous is ${synchronous}, wanted ${mode}`);
  n = 0;
  if (SUBMITS > 999) throw new Error('BENCH_SUBMITS: at most 999');
  const drafts = [];
  for (let i = 0; i < SUBMITS; i++) drafts.push(await readyDraft());
  const started = process.hrtime.bigint();
  for (const d of drafts) {
    const result = await perform(d.u, d.id, 'submit');
    if (!result.ok) throw new Error(result.message);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await closeDatabase();
  for (const suffix of ['', '-wal', '-shm']) rmSync(url + suffix, { force: true });
  return SUBMITS / seconds;
}

mkdirSync(dir, { recursive: true });
const load0 = os.loadavg()[0]!;
const results: Record<'NORMAL' | 'FULL', number[]> = { NORMAL: [], FULL: [] };
for (let r = 0; r < ROUNDS; r++) {
  const order: ('NORMAL' | 'FULL')[] = r % 2 ? ['FULL', 'NORMAL'] : ['NORMAL', 'FULL'];
  for (const mode of order) {
    const rate = await round(mode, r);
    results[mode].push(rate);
    quiet(`round ${r + 1} ${mode.padEnd(6)} ${rate.toFixed(1)} submits/s`);
  }
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const normal = median(results.NORMAL);
const full = median(results.FULL);
const fmt = (x: number) => x.toFixed(1);
const section = `## Durability: SQLite \`synchronous = FULL\`

Refreshed by \`npm run bench -- --record\` or \`npm run bench:durability -- --record\` (\`bench/durability.bench.ts\`).

- Date: ${new Date().toISOString().slice(0, 10)}; ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} logical cores, ${os.platform()} ${os.arch()}, Node ${process.version}
- Load average (1 min): ${load0.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end (the machine is shared)
- Workload: ${SUBMITS} real submissions per round (\`perform(resident, draft, 'submit')\`: estimate, person,
  episodes, event, audit row and notice in one transaction, one COMMIT each), one at a time, on a fresh database
  file on the local disk in WAL mode; drafts are prepared before the clock starts. ${ROUNDS} rounds per mode,
  alternating which mode goes first; the table gives the median round.

| synchronous | submits/s (median) | rounds |
| --- | ---: | --- |
| NORMAL | ${fmt(normal)} | ${results.NORMAL.map(fmt).join(', ')} |
| FULL | ${fmt(full)} | ${results.FULL.map(fmt).join(', ')} |

FULL / NORMAL = **${(full / normal).toFixed(2)}** (FULL costs ${Math.max(0, (1 - full / normal) * 100).toFixed(0)}% of the
submission rate here). Why FULL anyway: in WAL mode NORMAL does not wait for the disk at COMMIT, so a power cut
or an OS crash can lose the last acknowledged submissions (SQLite's own documentation: "a transaction committed in
WAL mode with synchronous=NORMAL might roll back following a power loss or system crash"); FULL makes every
acknowledged reference survive. A medical-assistance office files hundreds of applications a day, not hundreds
a second: the rate above leaves a wide margin. \`scripts/crash-test.ts\` (\`npm run test:crash\`) proves the promise
against the production server with \`kill -9\`.
`;
quiet(section);
recordSection('durability', section);
