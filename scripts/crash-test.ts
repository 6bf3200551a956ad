// `npm run test:crash`: kill -9 the production server while residents submit applications, restart it, and
// check that every submission the server acknowledged is there exactly once, whole, and that the database
// is sound (SQLite: PRAGMA integrity_check = ok). On SQLite and on PostgreSQL (a throw-away server from
// scripts/pg-test-server.sh).
//
// How it drives the server, honestly: the production build (`next start`, the build in .next, made with
// `npx next build` when there is none) on a fresh database, seeded with the demo data. A real browser
// (Chromium through playwright-core) signs in as the demo resident through /login with the demo SMS code
// shown on the page, then submits drafts the way a resident does: open /apply/<id>/review, press
// "确认提交申请", and a submission counts as acknowledged only when the browser reached
// /applications/<ref>/confirmation. There is no test-only route. The drafts themselves are prepared
// beforehand through the data layer (the wizard's forms are not what this test is about).
//
// Each round: start the server, three tabs submit in a loop, after a random 1.5–5 s (seeded PRNG) the
// server's process group gets SIGKILL, then the database is checked with the server down. The next round
// starts the server again on the crashed database; after the last round it is started once more and must
// answer a normal request and accept one more submission.
//
// Env: CRASH_ROUNDS (kills per database, default 3), CRASH_DB = sqlite | postgres | both (default both),
// CRASH_PORT (default 3180), CRASH_SEED (default 13), CHROMIUM_PATH (default /usr/bin/chromium).
// Exit code 0 when every check held; the server logs are left in test-results/crash-*.log.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const PORT = Number(process.env.CRASH_PORT ?? 3180);
const WHICH = process.env.CRASH_DB ?? 'both';
const BASE = `http://127.0.0.1:${PORT}`;
const PER_ROUND = 40;
const TABS = 3;
const RESIDENT = { phone: '13800000001', name: '张三明', idNumber: '320202195803150012' };

// mulberry32: the kill moments repeat for a given seed.
let seed = Number(process.env.CRASH_SEED ?? 13) >>> 0;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const key = () => randomBytes(32).toString('base64url');
const keys = { AUTH_SECRET: key(), DATA_ENCRYPTION_KEY: key(), DATA_HMAC_KEY: key() };
const failures: string[] = [];
function check(ok: boolean, message: string) {
  if (!ok) failures.push(message);
  console.log(`  ${ok ? '✓' : '✗'} ${message}`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function adminQuery(url: string, statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

function startServer(env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const out = openSync(log, 'a');
  // `next start` itself (not npx): detached, so the kill reaches its whole process group.
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { env, detached: true, stdio: ['ignore', out, out] });
}

async function waitHealthy(timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.status === 200) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error('server did not become healthy');
}

function kill(server: ChildProcess) {
  try {
    process.kill(-server.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function signIn(page: Page) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('手机号').fill(RESIDENT.phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = (await page.getByTestId('demo-code').locator('strong').textContent())?.trim() ?? '';
  if (!/^\d{6}$/.test(code)) throw new Error('no demo code on the login page');
  await page.getByLabel('验证码').fill(code);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Presses submit on the draft's review page; the reference when the confirmation page was reached. */
async function submitInBrowser(page: Page, draftId: string): Promise<string | null> {
  try {
    await page.goto(`${BASE}/apply/${draftId}/review`, { timeout: 15_000 });
    await page.getByRole('button', { name: '确认提交申请' }).click({ timeout: 15_000 });
    await page.waitForURL(/\/applications\/[A-Z]{2}-\d{4}-\d{6}\/confirmation/, { timeout: 15_000 });
    return /\/applications\/([A-Z]{2}-\d{4}-\d{6})\/confirmation/.exec(page.url())![1]!;
  } catch (error) {
    if (process.env.CRASH_DEBUG) console.log(`    no answer for ${draftId}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    return null;
  }
}

type Store = typeof import('../lib/store/db');
type Lib = { store: Store; drafts: typeof import('../lib/dal/drafts'); users: typeof import('../lib/dal/users'); crypto: typeof import('../lib/personal/crypto'); env: typeof import('../lib/env') };

async function prepareDrafts(lib: Lib, count: number): Promise<string[]> {
  const { q, schema } = lib.store;
  const { eq } = await import('drizzle-orm');
  const [row] = await q((db) => db.select().from(schema.users).where(eq(schema.users.phoneHmac, lib.crypto.lookupHash(`phone:${RESIDENT.phone}`))));
  if (!row) throw new Error('demo resident missing: was the database seeded?');
  const u = lib.users.toSessionUser(row);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await lib.drafts.createDraft(u, { region: 'wuxi' });
    if (!created.ok) throw new Error(created.message);
    const id = created.id;
    await lib.drafts.saveStep(u, id, 'applicant', { values: { name: RESIDENT.name, idNumber: RESIDENT.idNumber, phone: RESIDENT.phone, hukouLocal: 'yes', insuredLocal: 'yes' }, complete: true });
    await lib.drafts.saveStep(u, id, 'identity', { values: { categories: ['dibao'] }, complete: true });
    await lib.drafts.saveStep(u, id, 'bank', { values: { bankName: '工商银行', accountName: RESIDENT.name, account: '6222020000001234567' }, complete: true });
    await lib.drafts.saveStep(u, id, 'declaration', { values: { truthful: 'yes', consentVerify: 'yes', consentHealth: 'yes' }, complete: true });
    await lib.drafts.saveEpisode(u, id, -1, { complete: true, values: { hospitalName: '无锡市人民医院', kind: 'outpatient', date: '2026-03-02', hospitalLevel: '3', location: 'local', referred: 'yes', offsiteFiled: 'no', totalYuan: '900', policyYuan: '800', basicPaidYuan: '400' } });
    ids.push(id);
  }
  return ids;
}

/** With the server down: every acknowledged submission once and whole, no half-done submission, a sound database. */
async function verify(lib: Lib, acknowledged: Map<string, string>, dialect: 'sqlite' | 'postgres') {
  const { rawRows, sql } = lib.store;
  if (dialect === 'sqlite') {
    const rows = await rawRows<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    check(rows.length === 1 && rows[0]!.integrity_check === 'ok', `PRAGMA integrity_check = ${rows.map((r) => r.integrity_check).join('; ')}`);
  }
  const apps = await rawRows<{ id: string; ref: string | null; status: string; episodes: number; submits: number; audits: number }>(sql`
    select a.id, a.ref, a.status,
      (select count(*) from episodes e where e.application_id = a.id) as episodes,
      (select count(*) from events v where v.application_id = a.id and v.type = 'submit') as submits,
      (select count(*) from audit_log l where l.entity = 'application' and l.entity_id = a.id and l.action = 'application.submit') as audits
    from applications a`);
  const byId = new Map(apps.map((a) => [a.id, { ...a, episodes: Number(a.episodes), submits: Number(a.submits), audits: Number(a.audits) }]));
  let missing = 0;
  for (const [id, ref] of acknowledged) {
    const a = byId.get(id);
    const sameRef = apps.filter((x) => x.ref === ref).length;
    if (!a || a.ref !== ref || a.status !== 'submitted' || a.episodes !== 1 || a.submits !== 1 || a.audits !== 1 || sameRef !== 1) {
      missing += 1;
      console.log(`    acknowledged ${ref} (${id}) found as ${JSON.stringify(a ?? null)}, rows with this ref: ${sameRef}`);
    }
  }
  check(missing === 0, `${acknowledged.size} acknowledged submissions: each there once, submitted, with its 1 visit, 1 submit event and 1 audit row`);
  const half = [...byId.values()].filter((a) => a.status !== 'draft' && (a.episodes !== 1 || a.submits !== 1 || !a.ref));
  check(half.length === 0, `no half-done submission (non-draft rows without their visit, event or reference: ${half.length})`);
  const refs = apps.filter((a) => a.ref).map((a) => a.ref!);
  check(new Set(refs).size === refs.length, `references unique (${refs.length})`);
}

async function campaign(dialect: 'sqlite' | 'postgres', browser: Browser, lib: Lib, pgUrl?: string) {
  console.log(`\n== ${dialect} ==`);
  const dir = mkdtempSync(join(tmpdir(), `portal-crash-${dialect}-`));
  let databaseUrl = join(dir, 'portal.db');
  let dropDb: (() => Promise<void>) | null = null;
  if (dialect === 'postgres') {
    const name = `portal_crash_${randomBytes(5).toString('hex')}`;
    await adminQuery(pgUrl!, `create database ${name}`);
    const u = new URL(pgUrl!);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = () => adminQuery(pgUrl!, `drop database if exists ${name} with (force)`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ...keys, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl, UPLOAD_DIR: join(dir, 'uploads'), SMS_PROVIDER: 'demo', DEMO_MODE: '1' };
  const log = `test-results/crash-${dialect}.log`;
  rmSync(log, { force: true });
  try {
    run('npx', ['tsx', 'db/migrate.ts'], env);
    run('npx', ['tsx', '--conditions=react-server', 'scripts/seed/seed.ts'], env);
    Object.assign(process.env, { DATABASE_URL: databaseUrl, UPLOAD_DIR: env.UPLOAD_DIR });
    lib.env.reloadEnv();
    const drafts = await prepareDrafts(lib, ROUNDS * PER_ROUND + 1);
    await lib.store.closeDatabase();

    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const acknowledged = new Map<string, string>();
    let inDoubt = 0;
    let signedIn = false;
    for (let round = 1; round <= ROUNDS; round++) {
      const server = startServer(env, log);
      await waitHealthy();
      const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
      if (!signedIn) {
        await signIn(pages[0]!);
        signedIn = true;
      }
      const queue = drafts.splice(0, PER_ROUND);
      let killed = false;
      // The clock starts at the round's first acknowledgement (a cold server answers its first pages slowly).
      let firstAck: () => void = () => {};
      const acked = new Promise<void>((resolve) => (firstAck = resolve));
      const delay = 1500 + Math.floor(random() * 3500);
      const killer = Promise.race([acked, sleep(60_000)]).then(() => sleep(delay)).then(() => {
        killed = true;
        kill(server);
      });
      const workers = pages.map(async (page) => {
        while (!killed && queue.length) {
          const id = queue.shift()!;
          const ref = await submitInBrowser(page, id);
          if (ref) {
            acknowledged.set(id, ref);
            firstAck();
          } else inDoubt += 1;
        }
      });
      await Promise.all([killer, ...workers]);
      await new Promise<void>((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', () => resolve())));
      await Promise.all(pages.map((p) => p.close()));
      console.log(`round ${round}: kill -9 ${delay} ms after the first acknowledgement; acknowledged so far ${acknowledged.size}, in doubt (no answer) ${inDoubt}`);
      await verify(lib, acknowledged, dialect);
      await lib.store.closeDatabase();
    }
    // Recovery: the server starts on the crashed database, answers, and takes one more submission.
    const server = startServer(env, log);
    try {
      await waitHealthy();
      const health = await fetch(`${BASE}/api/health`);
      check(health.status === 200, `after ${ROUNDS} kills the server starts and /api/health answers ${health.status}`);
      const page = await context.newPage();
      const last = drafts.shift()!;
      const ref = await submitInBrowser(page, last);
      check(Boolean(ref), `a submission after recovery is acknowledged (${ref})`);
      if (ref) acknowledged.set(last, ref);
      await page.close();
    } finally {
      kill(server);
      await sleep(300);
    }
    await verify(lib, acknowledged, dialect);
    check(acknowledged.size >= ROUNDS, `enough acknowledged submissions to mean something (${acknowledged.size} ≥ ${ROUNDS})`);
    await lib.store.closeDatabase();
    await context.close();
  } finally {
    await dropDb?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  mkdirSync('test-results', { recursive: true });
  if (!existsSync('.next/BUILD_ID')) {
    console.log('no production build: npx next build');
    run('npx', ['next', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  }
  // This process prepares drafts and checks the database through the data layer, with the server's keys.
  Object.assign(process.env, keys, { SMS_PROVIDER: 'demo', DEMO_MODE: '1' });
  const lib: Lib = {
    store: await import('../lib/store/db'),
    drafts: await import('../lib/dal/drafts'),
    users: await import('../lib/dal/users'),
    crypto: await import('../lib/personal/crypto'),
    env: await import('../lib/env'),
  };
  const quiet = console.log;
  console.log = (...a: unknown[]) => void (String(a[0]).startsWith('[demo-sms]') || quiet(...a));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let pg: { url: string; dir: string } | null = null;
  try {
    if (WHICH === 'sqlite' || WHICH === 'both') await campaign('sqlite', browser, lib);
    if (WHICH === 'postgres' || WHICH === 'both') {
      const out = spawnSync('bash', ['scripts/pg-test-server.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout;
      const url = /PG_TEST_URL=['"]?([^'"\s]+)/.exec(out)?.[1];
      const dir = /PG_TEST_DIR=['"]?([^'"\s]+)/.exec(out)?.[1];
      if (!url || !dir) throw new Error('could not start PostgreSQL (scripts/pg-test-server.sh)');
      pg = { url, dir };
      await campaign('postgres', browser, lib, url);
    }
  } finally {
    await browser.close();
    if (pg) spawnSync('bash', ['scripts/pg-test-server.sh', 'stop', pg.dir], { stdio: 'inherit' });
  }
  console.log(`\n${failures.length ? `FAILED: ${failures.length} check(s)` : 'all crash checks held'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
