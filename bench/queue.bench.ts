// Queue benchmark: N applications (default 1,000,000) in a temporary SQLite file, and in PostgreSQL when
// PG_BENCH_URL names an empty database; p50/p95 of the queue's first page, each filter and both searches,
// also as a ratio to a primary-key lookup measured in the same run (so machines compare).
//
//   npm run bench                     (calculator, then this; prints only)
//   npx tsx --conditions=react-server bench/queue.bench.ts --rows 100000
//   … --record                        (also rewrites the "Queue benchmark" part of docs/benchmarks.md)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { measure as measureRuns, recordSection } from './record';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { argValue, CATEGORIES, DISTRICTS, generatePostgres, generateSqlite, type Generated } from './generate-queue-data';

const rows = Number(argValue('--rows') ?? 1_000_000);
const iterations = Number(argValue('--iterations') ?? 60);
const record = process.argv.includes('--record');
const key = randomBytes(32).toString('base64url');
process.env.DATA_HMAC_KEY = key;
process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('base64url');
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64url');

type Measured = { name: string; p50: number; p95: number };

const measure = (run: () => Promise<unknown>) => measureRuns(run, iterations, 5);

async function benchDialect(url: string, g: Generated): Promise<{ baseline: Measured; cases: Measured[] }> {
  process.env.DATABASE_URL = url;
  const { closeDatabase, q, schema } = await import('@/lib/store/db');
  const { eq } = await import('drizzle-orm');
  const { queueCases, baselineCase, deepPageCases } = await import('./queue-adapter');
  await closeDatabase();
  const region = g.sample.region;
  const actorId = g.staffIds[region]![0]!;
  const actor = { id: actorId, role: 'clerk' as const, displayName: 'bench', region, district: null, personId: null, sessionVersion: 1 };
  const [app] = await q((db) => db.select({ id: schema.applications.id }).from(schema.applications).where(eq(schema.applications.ref, g.sample.ref)));
  const sample = { ref: g.sample.ref, idNumber: g.sample.idNumber, assignee: actorId, category: CATEGORIES[0], district: DISTRICTS[0] };
  // The office's time limits, as an administrator sets them on /admin/parameters (without them nothing is overdue and
  // the overdue case would time an empty answer).
  for (const [name, value] of [['office.acceptWorkingDays', 5], ['office.decideWorkingDays', 20]] as const) {
    await q((db) => db.insert(schema.parameters).values({ region, name, value, unit: 'workdays', effectiveFrom: '2024-01-01', source: '基准测试（演示时限）', demo: true }));
  }
  const cases = queueCases(actor as never, sample);
  const overdue = await cases.find((c) => c.name === 'overdue')!.run();
  if (overdue.rows.length === 0) throw new Error('overdue: expected overdue cases with the limits set');
  // The sample really is found by both searches (a benchmark of empty answers would prove nothing).
  for (const c of cases.slice(-2)) {
    const r = await c.run();
    if (r.rows.length !== 1) throw new Error(`${c.name}: expected the sample case, got ${JSON.stringify(r.rows).slice(0, 200)}`);
  }
  const b = baselineCase(app!.id);
  const baseline = { name: b.name, ...(await measure(b.run)) };
  const out: Measured[] = [];
  for (const c of cases) out.push({ name: c.name, ...(await measure(c.run)) });
  // Page 500 needs 10,000 submitted applications in the sample's region (a million rows give about 22,000).
  const deep = await deepPageCases(actor as never, rows >= 1_000_000 ? 500 : 20);
  // The deep page shows other rows than page 1 (a cursor that was ignored would show page 1 again, and be as fast).
  const [first, last] = await Promise.all([cases[1]!.run(), deep[0]!.run()]);
  if (JSON.stringify(first.rows[0]) === JSON.stringify(last.rows[0]) || last.rows.length === 0) throw new Error('the deep page shows what page 1 shows');
  for (const c of deep) out.push({ name: c.name, ...(await measure(c.run)) });
  await closeDatabase();
  return { baseline, cases: out };
}

const fmt = (ms: number) => (ms < 1 ? ms.toFixed(2) : ms.toFixed(1));

function table(title: string, r: { baseline: Measured; cases: Measured[] }, g: Generated): string {
  const head = `#### ${title}: ${g.rows.toLocaleString('en-US')} applications (generated in ${g.seconds.toFixed(0)} s)\n\n| query | p50 ms | p95 ms | p95 ÷ baseline p95 |\n| --- | ---: | ---: | ---: |\n`;
  const line = (m: Measured) => `| ${m.name} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${(m.p95 / r.baseline.p95).toFixed(1)} |`;
  return head + [line(r.baseline), ...r.cases.map(line)].join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
const load0 = loadavg()[0]!;
const sections: string[] = [];
let failed = false;
const results: { cases: Measured[] }[] = [];
try {
  console.log(`queue bench: ${rows.toLocaleString('en-US')} applications, ${iterations} timed runs per query`);
  const path = join(dir, 'queue.db');
  const g = await generateSqlite(path, rows, key);
  console.log(`  sqlite generated in ${g.seconds.toFixed(1)} s`);
  const r = await benchDialect(path, g);
  results.push(r);
  sections.push(table('SQLite', r, g));
  console.log(sections.at(-1));
  const pgUrl = process.env.PG_BENCH_URL;
  if (pgUrl) {
    const gp = await generatePostgres(pgUrl, rows, key);
    console.log(`  postgres generated in ${gp.seconds.toFixed(1)} s`);
    const rp = await benchDialect(pgUrl, gp);
    results.push(rp);
    sections.push(table('PostgreSQL', rp, gp));
    console.log(sections.at(-1));
  } else console.log('  (PG_BENCH_URL not set: PostgreSQL skipped)');
  const over = results.flatMap((x) => x.cases.filter((c) => c.p95 >= 100));
  if (over.length) {
    failed = true;
    console.log(`p95 at or over 100 ms: ${over.map((c) => c.name).join('; ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (record) {
  const cpu = cpus();
  const md = `## Queue at 1,000,000 applications

Recorded by \`npx tsx --conditions=react-server bench/queue.bench.ts --record\` (\`npm run bench\` runs it without
\`--record\` and changes no file). It generates the applications with \`bench/generate-queue-data.ts\` (one person per
application, five regions, nine statuses, five categories and districts, half assigned to one of eight staff, two years
of submission dates; multi-row inserts, 100,000 rows per transaction, secondary indexes built after the load), then times each query ${iterations} times after 5
warm-up runs through \`bench/queue-adapter.ts\` (which calls \`staffQueue\` from \`lib/dal/staff-queue.ts\`).

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} logical cores, ${process.platform} ${process.arch}; Node ${process.version}
- Load average (1 min): ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (the machine is shared)
- Baseline: one application by primary key, measured in the same run; the last column divides by it, so a faster
  or slower machine moves every figure together.

${sections.join('\n')}
### Indexes and why

Every staff query is scoped to the staff member's region, so each index leads with \`region\`; then the filter's
column, then the sort column (\`submitted_at\`), so a page is read in order from the index and stops after 20 rows
without sorting the region; then \`status\`, so the bounded count of a filter reads the index alone.

- \`application_counts (region, district, status) → n\`: the tabs and totals of the unfiltered queue, of a status
  and of a district. Database triggers on \`applications\` (migration \`0009_queue_counts\`, PostgreSQL
  \`0007_queue_counts\`) keep it in the same transaction as every insert, status change and delete, whatever code
  made it; on PostgreSQL the two rows a change touches are updated in key order, so transitions never deadlock.
- \`applications_region_status_idx (region, status, submitted_at)\`: a status tab's page; the overdue count (an OR
  of two status ranges, each a range of this index).
- \`applications_region_submitted_idx (region, submitted_at, status)\`: the unfiltered page, "received between",
  and the overdue page (one CASE over status and date, read in date order and stopping after a page).
- \`applications_region_category_idx (region, primary_category, submitted_at, status)\`, \`…_district_idx\`
  likewise: the category and district filters.
- \`applications_region_amount_idx (region, estimated_fen, status)\`: the estimated-amount range and that sort.
- \`applications_assigned_idx (assigned_to_user_id, submitted_at, region, status)\`: "assigned to me".
- \`applications_ref_uq\` (search by reference); \`persons_id_number_hmac_uq\` then \`applications_person_idx\`
  (search by 身份证号: its HMAC finds the person, the person's applications follow; no decryption, no scan).

### Counting without counting a million

A filter other than status or district counts at most 10,000 matching rows (\`COUNT_CAP\` in
\`lib/dal/staff-queue.ts\`): under that the tabs and the total are exact; over it the page says "more than 10,000,
narrow the filters" and pages through the first 10,000. An office never pages through more, and a count that reads
a whole region on every click is what made the queue slow before (first page p95 436 ms on SQLite, 227 ms on
PostgreSQL, 2026-12-01 morning). SQLite's page cache is 32 MiB (\`lib/store/db.ts\`; the default 2 MiB made the
region's index pages come from the operating system on every count).

### Deep pages

A page is found by a cursor, not an offset: the "next page" link carries the sort values of the page's last row (and
its id, so the order is total), and the query starts its index range there (\`keysetAfter\` in
\`lib/dal/staff-queue.ts\`). The two "page 500" rows above follow the links from page 1 to get that cursor, untimed,
then time page 500 itself; the bench checks that page 500 shows other rows than page 1. With OFFSET the database would
read and drop 9,980 rows first.
`;
  recordSection('queue', md);
}
if (failed) process.exitCode = 1;
