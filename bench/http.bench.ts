// Requests per second of the public pages and the JSON API, each beside a static file and a trivial route served by
// the same production server in the same run (issue 21: each public page ≥ 0.7 of the static file, the estimate
// API ≥ 0.9 of a trivial route). The server is the production build (bench/server.ts: built when there is no build)
// on a fresh temporary SQLite database with the demo data, as scripts/e2e-server.sh starts it.
// autocannon on loopback, 20 connections, BENCH_HTTP_SECONDS (default 8) per route after a 4-second warm-up.
//
//   npx tsx bench/http.bench.ts [--record]
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { machineLine, recordSection } from './record';
import { startProductionServer } from './server';

const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const CONNECTIONS = 20;

// The estimate the API contract shows (docs/api.md), for a year whose parameters the demo data has.
const ESTIMATE = JSON.stringify({
  region: 'wuxi',
  year: 2026,
  person: { categories: ['dibao'] },
  episodes: [
    { id: 'e1', date: '2026-03-02', endDate: '2026-03-10', kind: 'inpatient', hospitalLevel: 3, specialDisease: false, referred: true, location: 'local', offsiteFiled: false, totalFen: 5_000_000, policyFen: 4_000_000, basicPaidFen: 2_500_000, criticalPaidFen: 500_000, supplementaryPaidFen: 0 },
  ],
});

type Target = { name: string; path: string; method?: 'GET' | 'POST'; body?: string; baseline?: 'static' | 'trivial'; budget?: number };
const TARGETS: Target[] = [
  { name: 'static file (`/robots.txt`, from public/)', path: '/robots.txt' },
  { name: 'trivial route (`/api/health`: three small queries)', path: '/api/health' },
  { name: '`/`', path: '/', baseline: 'static', budget: 0.7 },
  { name: '`/check` (first question)', path: '/check', baseline: 'static', budget: 0.7 },
  { name: '`/estimate` (first step)', path: '/estimate', baseline: 'static', budget: 0.7 },
  { name: '`/help`', path: '/help', baseline: 'static', budget: 0.7 },
  { name: '`/login`', path: '/login', baseline: 'static', budget: 0.7 },
  { name: '`GET /api/v1/regions`', path: '/api/v1/regions', baseline: 'trivial' },
  { name: '`POST /api/v1/estimate` (the contract\'s example)', path: '/api/v1/estimate', method: 'POST', body: ESTIMATE, baseline: 'trivial', budget: 0.9 },
];

const keyOf = (t: Target) => `${t.method ?? 'GET'} ${t.path}`;

async function run(base: string, t: Target, duration: number) {
  const r = await autocannon({
    url: base + t.path, connections: CONNECTIONS, duration, method: t.method ?? 'GET', body: t.body,
    headers: t.body ? { 'content-type': 'application/json' } : undefined,
  });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${t.path}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

const { base, stop } = await startProductionServer('http-bench');
const load0 = loadavg()[0]!;
const results = new Map<string, { rps: number; p50: number; p99: number }>();
try {
  for (const t of TARGETS) {
    await run(base, t, 4);
    const r = await run(base, t, seconds);
    results.set(keyOf(t), r);
    console.log(`  ${t.path.padEnd(18)} ${t.method ?? 'GET'}  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`);
  }
} finally {
  stop();
}

const ref = { static: results.get('GET /robots.txt')!.rps, trivial: results.get('GET /api/health')!.rps };
const rows = TARGETS.map((t) => {
  const r = results.get(keyOf(t))!;
  const ratio = t.baseline ? r.rps / ref[t.baseline] : null;
  const verdict = t.budget === undefined || ratio === null ? '' : ratio >= t.budget ? `≥ ${t.budget}: met` : `≥ ${t.budget}: **not met**`;
  return `| ${t.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ratio === null ? 'baseline' : `${ratio.toFixed(2)} of the ${t.baseline === 'static' ? 'static file' : 'trivial route'}`} | ${verdict} |`;
});
const unmet = TARGETS.filter((t) => t.budget !== undefined && results.get(keyOf(t))!.rps / ref[t.baseline!] < t.budget);
if (unmet.length) console.log(`below budget: ${unmet.map((t) => t.path).join(', ')}`);

recordSection(
  'http',
  `## Requests per second of the public pages and the JSON API

Recorded by \`npx tsx bench/http.bench.ts --record\` (part of \`npm run bench\`): the production build, started as
\`next start\` on a fresh SQLite database with the demo data; autocannon on loopback, ${CONNECTIONS} connections,
${seconds} s per route after a 4-second warm-up, one route at a time; every answer must be 2xx. Each figure is a ratio
to a baseline measured by the same server in the same run: the pages to a static file from \`public/\`, the API to
\`/api/health\`.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machineLine()}
- Load average (1 min): ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (autocannon and the server share the 2 cores)

| route | req/s | p50 ms | p99 ms | ratio | budget (issue 21) |
| --- | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}

### Where the time goes

Profiled on 2026-12-08 with \`node --cpu-prof\` on \`next start\` under this load, and the handler's steps timed in-process.
The estimate handler's own work is small: parsing the body and checking it (zod) about 10 µs, the calculator with
its resident-readable trace about 14 µs, serialising the 2.7 KB answer about 50 µs. The largest part was the staff-set
parameters: about 130 µs a request through drizzle's query builder, 34 µs as one written-out statement
(\`lib/dal/parameters.ts\`). The rest of a request is the framework's, and both routes pay it: routing, \`proxy.ts\` (the CSP
nonce), the Request and Response objects, the socket writes. Auth.js in the proxy used to answer an internal session
request on every call, even without a cookie; it now runs only when a session cookie is there. On 2026-12-07 the
estimate API was 0.70 of \`/api/health\`.

The pages are React's server render on every request (every page is dynamic: the nonce and the layout's 长辈模式
cookie), about a tenth of a static file. Prerendered shells (issue 21, item 1) are what would close that gap.
`,
);
