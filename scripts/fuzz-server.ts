// `npm run test:fuzz`: seeded random and malformed requests against a running server (FUZZ_URL, e.g. the
// production build started by scripts/e2e-server.sh). Every answer must be below 500 and the connection
// must never drop (a crash); afterwards the server must answer a normal estimate correctly.
//
// What is sent (fast-check generators, one seed → the same requests every run):
// - the JSON API: POST /api/v1/estimate and /api/v1/eligibility with random JSON, near-valid bodies with one
//   field broken, wrong types and nulls, deep nesting, huge numbers, truncated or non-UTF-8 bytes, wrong
//   content types, odd methods; GET /api/v1/regions with random query strings;
// - the form actions (server actions): POST to the pages with a `Next-Action` header, either a random id or
//   a real one read from the build's server-reference-manifest (when FUZZ_MANIFEST or ./.next is there),
//   with malformed bodies: random text, broken multipart, JSON arrays of the wrong shape, form fields
//   with random names and values, and the React flight encoding used wrongly.
//
// Env: FUZZ_URL (required), FUZZ_COUNT (default 10000), FUZZ_SEED (default 20261201), FUZZ_CONCURRENCY (8),
// FUZZ_TIME_LIMIT_S (default 600: a run that takes longer fails, so CI stays bounded), FUZZ_MANIFEST.
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const BASE = process.env.FUZZ_URL?.replace(/\/$/, '');
if (!BASE) {
  console.error('FUZZ_URL is required, e.g. FUZZ_URL=http://127.0.0.1:3100 npm run test:fuzz');
  process.exit(2);
}
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_S ?? 600) * 1000;

type Req = { method: string; path: string; headers: Record<string, string>; body?: string | Uint8Array; label: string };

// A valid estimate (tests/e2e/api.spec.ts): 001 四(六) (40,000 − 25,000 − 5,000) 元 × 85% = 8,500 元 = 850,000 分.
const VALID_ESTIMATE = {
  region: 'wuxi',
  year: 2024,
  person: { categories: ['dibao'] },
  episodes: [{ id: 'e1', date: '2024-03-02', endDate: '2024-03-10', kind: 'inpatient', hospitalLevel: 3, totalFen: 5000000, policyFen: 4000000, basicPaidFen: 2500000, criticalPaidFen: 500000 }],
  parameters: {},
};
const VALID_ELIGIBILITY = { region: 'shanghai', date: '2024-05-01', facts: { hukouLocal: true, insuredLocal: true, age: 65, certifications: ['low_income'] }, parameters: {} };

const manifestPath = process.env.FUZZ_MANIFEST ?? '.next/server/server-reference-manifest.json';
const realActions: string[] = existsSync(manifestPath) ? Object.keys((JSON.parse(readFileSync(manifestPath, 'utf8')) as { node?: Record<string, unknown> }).node ?? {}) : [];
const PAGES = ['/', '/login', '/login?as=staff', '/estimate', '/estimate/result', '/check', '/apply', '/me', '/applications', '/applications/WX-2026-000001', '/admin', '/help', '/no-such-page'];

const weird = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, '', ' ', '\u0000', '\ud800', '💊', 'NaN', '__proto__', 'constructor', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", 'x'.repeat(5000)),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant([]),
  fc.constant({}),
);
const json = fc.jsonValue({ maxDepth: 4 });

/** A valid body with one path replaced by something hostile, or a key added or removed. */
function mutate(valid: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(valid, []);
  return fc.tuple(fc.constantFrom(...paths), fc.oneof(weird, json), fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(valid) as Record<string | number, unknown>;
    if (path.length === 0) return value;
    let node: Record<string | number, unknown> = copy;
    for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (remove && !Array.isArray(node)) delete node[last];
    else node[last] = value;
    return copy;
  });
}

const deep = fc.integer({ min: 50, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const contentTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', '', 'application/json; charset=latin1');

const apiRequest: fc.Arbitrary<Req> = fc
  .tuple(
    fc.constantFrom('/api/v1/estimate', '/api/v1/eligibility'),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(VALID_ESTIMATE, VALID_ELIGIBILITY).chain(mutate).map((v) => JSON.stringify(v) ?? 'null') },
      { weight: 2, arbitrary: json.map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
      { weight: 1, arbitrary: fc.constantFrom(VALID_ESTIMATE, VALID_ELIGIBILITY).chain((v) => fc.nat({ max: JSON.stringify(v).length }).map((n) => JSON.stringify(v).slice(0, n))) },
      { weight: 1, arbitrary: deep },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
    ),
    fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentTypes }),
    fc.oneof({ weight: 12, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') }),
  )
  .map(([path, body, type, method]) => ({ method, path, headers: (type ? { 'content-type': type } : {}) as Record<string, string>, body: method === 'GET' || method === 'HEAD' ? undefined : body, label: `${method} ${path}` }));

const regionsRequest: fc.Arbitrary<Req> = fc
  .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 })), { maxLength: 4 })
  .map((pairs) => ({ method: 'GET', path: `/api/v1/regions?${new URLSearchParams(pairs).toString()}`, headers: {}, label: 'GET /api/v1/regions' }));

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const actionId = fc.oneof(
  { weight: realActions.length ? 3 : 0, arbitrary: realActions.length ? fc.constantFrom(...realActions) : fc.constant('') },
  { weight: 2, arbitrary: fc.oneof(hex(40), hex(42)) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x21-\x7e]/g, 'x')), fc.constant('')) },
);
const boundary = '----fuzz7MA4YWxkTrZu0gW';
const multipart = fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1_$ACTION_ID_x', '0', '1', '$ACTION_REF_1', '1_draftId', 'phone', 'code', 'next')), fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('"$K1"', '["$@1"]', '"$T"', '{"id":"x","bound":null}', '13800000001', '000000'))), { maxLength: 6 }).map((fields) => {
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '')}"\r\n\r\n${v}\r\n`);
  return parts.join('') + (fields.length % 2 ? `--${boundary}--\r\n` : ''); // half of them never close
});
const actionBody = fc.oneof(
  fc.tuple(json, fc.constant('text/plain;charset=UTF-8')).map(([v, t]) => [JSON.stringify([v]), t] as const),
  fc.tuple(fc.array(weird, { maxLength: 4 }), fc.constant('text/plain;charset=UTF-8')).map(([v, t]) => [JSON.stringify(v), t] as const),
  fc.tuple(fc.string({ maxLength: 300 }), contentTypes).map(([v, t]) => [v, t] as const),
  multipart.map((b) => [b, `multipart/form-data; boundary=${boundary}`] as const),
  fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 })), { maxLength: 6 }).map((p) => [new URLSearchParams(p).toString(), 'application/x-www-form-urlencoded'] as const),
  fc.uint8Array({ maxLength: 300 }).map((b) => [b, 'text/plain;charset=UTF-8'] as const),
);
const actionRequest: fc.Arbitrary<Req> = fc
  .tuple(fc.constantFrom(...PAGES), actionId, actionBody, fc.boolean())
  .map(([path, id, [body, type], withRouterState]) => ({
    method: 'POST',
    path,
    headers: { 'next-action': id, 'content-type': type, accept: 'text/x-component', ...(withRouterState ? { 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null, true])) } : {}) },
    body,
    label: `action ${path}`,
  }));

const anyRequest = fc.oneof({ weight: 5, arbitrary: apiRequest }, { weight: 1, arbitrary: regionsRequest }, { weight: 4, arbitrary: actionRequest });

async function send(r: Req): Promise<{ status: number } | { error: string }> {
  try {
    const res = await fetch(BASE + r.path, { method: r.method, headers: r.headers, body: r.body as BodyInit | undefined, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return { status: res.status };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error) };
  }
}

async function normalRequestWorks(): Promise<string | null> {
  const res = await fetch(`${BASE}/api/v1/estimate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID_ESTIMATE) });
  if (res.status !== 200) return `estimate answered ${res.status}`;
  const totals = ((await res.json()) as { totals?: { assistanceFen?: number } }).totals;
  if (totals?.assistanceFen !== 850_000) return `estimate gave ${totals?.assistanceFen} fen, expected 850,000`;
  const health = await fetch(`${BASE}/api/health`);
  return health.status === 200 ? null : `/api/health answered ${health.status}`;
}

async function main() {
  const before = await normalRequestWorks();
  if (before) throw new Error(`the server is not answering normally before fuzzing: ${before}`);
  const requests = fc.sample(anyRequest, { seed: SEED, numRuns: COUNT });
  const started = Date.now();
  const statuses = new Map<number, number>();
  const bad: string[] = [];
  let next = 0;
  let timedOut = false;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        if (Date.now() - started > LIMIT_MS) {
          timedOut = true;
          return;
        }
        const r = requests[next++]!;
        const result = await send(r);
        if ('error' in result) bad.push(`${r.label}: no answer (${result.error}) ${describe(r)}`);
        else {
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
          if (result.status >= 500) bad.push(`${r.label}: ${result.status} ${describe(r)}`);
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const after = await normalRequestWorks().catch((e: Error) => `no answer: ${e.message}`);
  console.log(`fuzz: ${next} requests (seed ${SEED}, ${realActions.length} real action ids) in ${seconds.toFixed(1)} s`);
  console.log(`statuses: ${[...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  for (const line of bad.slice(0, 20)) console.log(`  ✗ ${line}`);
  if (bad.length > 20) console.log(`  … and ${bad.length - 20} more`);
  const problems = [
    ...(bad.length ? [`${bad.length} answers of 500 or more, or dropped connections`] : []),
    ...(timedOut ? [`time limit of ${LIMIT_MS / 1000} s reached after ${next} of ${COUNT} requests`] : []),
    ...(after ? [`after fuzzing the server does not answer normally: ${after}`] : []),
  ];
  if (problems.length) {
    console.log(`FAILED: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log('0 answers ≥ 500, 0 dropped connections, and a normal estimate afterwards gives 850,000 fen');
}

function describe(r: Req): string {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : `<${r.body.byteLength} bytes>`;
  return `${JSON.stringify(r.headers)} ${body.slice(0, 160)}`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
