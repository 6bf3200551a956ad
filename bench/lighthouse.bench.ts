// Lighthouse mobile on the public pages (issue 21: performance 100, LCP ≤ 1.5 s, TBT ≤ 100 ms, CLS 0 on `/`, `/check`,
// `/estimate`, in the ordinary view and in 长辈模式), with Debian's Chromium, against the production server of
// bench/server.ts. Lighthouse's own mobile setting: a mid-range phone, simulated slow 4G and a 4× slower CPU, so the
// figures depend little on this machine. Lighthouse is fetched by npx at the pinned version when the bench runs
// (it is not a dependency of the portal); BENCH_LH_RUNS runs per page and view (default 3), the median by score.
//
//   npx tsx bench/lighthouse.bench.ts [--record]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, recordSection } from './record';
import { startProductionServer } from './server';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROMIUM = '/usr/bin/chromium';
const runs = Number(process.env.BENCH_LH_RUNS ?? 3);
const PAGES = [
  { name: '`/`', path: '/' },
  { name: '`/check` (first question)', path: '/check' },
  { name: '`/estimate` (first step)', path: '/estimate' },
];
const VIEWS = [
  { name: 'ordinary', headers: null },
  { name: '长辈模式', headers: { Cookie: 'elder=1' } },
];

type Run = { score: number; lcp: number; tbt: number; cls: number; fcp: number; a11y: number };

if (!existsSync(CHROMIUM)) {
  console.log(`lighthouse bench: ${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk); skipped`);
  process.exit(0);
}

function lighthouse(url: string, headers: Record<string, string> | null, out: string): Run {
  const args = [
    '-y', LIGHTHOUSE, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility', '--form-factor=mobile',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  const r = spawnSync('npx', args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (r.status !== 0) throw new Error(`lighthouse ${url} failed (${r.status ?? r.signal})`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    runtimeError?: { message: string };
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  const n = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((report.categories.performance?.score ?? 0) * 100), a11y: Math.round((report.categories.accessibility?.score ?? 0) * 100),
    lcp: n('largest-contentful-paint'), tbt: n('total-blocking-time'), cls: n('cumulative-layout-shift'), fcp: n('first-contentful-paint'),
  };
}

const load0 = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'lighthouse-bench-'));
const { base, stop } = await startProductionServer('lighthouse-bench');
const rows: string[] = [];
const misses: string[] = [];
try {
  for (const page of PAGES) {
    for (const view of VIEWS) {
      const all: Run[] = [];
      for (let i = 0; i < runs; i++) all.push(lighthouse(base + page.path, view.headers, join(dir, `run-${all.length}.json`)));
      all.sort((a, b) => a.score - b.score);
      const m = all[Math.floor(all.length / 2)]!;
      const met = m.score === 100 && m.lcp <= 1_500 && m.tbt <= 100 && m.cls === 0;
      if (!met) misses.push(`${page.path} (${view.name})`);
      rows.push(
        `| ${page.name} | ${view.name} | ${m.score} | ${(m.fcp / 1000).toFixed(2)} s | ${(m.lcp / 1000).toFixed(2)} s | ${Math.round(m.tbt)} ms | ${m.cls.toFixed(3)} | ${m.a11y} | ${all.map((x) => x.score).join(' / ')} | ${met ? 'met' : '**not met**'} |`,
      );
      console.log(rows.at(-1));
    }
  }
} finally {
  stop();
  rmSync(dir, { recursive: true, force: true });
}
if (misses.length) console.log(`below the budget: ${misses.join(', ')}`);

recordSection(
  'lighthouse',
  `## Lighthouse mobile on the public pages

Recorded by \`npx tsx bench/lighthouse.bench.ts --record\` (part of \`npm run bench\`): ${LIGHTHOUSE} (fetched by npx, not
a dependency) with Debian's Chromium against the production server on a fresh database with the demo data
(\`bench/server.ts\`), Lighthouse's mobile setting (simulated slow 4G and a 4× slower CPU, so the figures depend little on
the machine), ${runs} runs per page and view; the table gives the run with the median performance score. 长辈模式 is the
\`elder=1\` cookie the header's switch sets.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${machineLine()}
- Load average (1 min): ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end
- Budget (issue 21): performance 100, LCP ≤ 1.5 s, TBT ≤ 100 ms, CLS 0. The budget is absolute (Lighthouse's score is
  itself a comparison with its reference phone), so there is no same-run baseline beside it.

| page | view | performance | FCP | LCP | TBT | CLS | accessibility | scores of the runs | budget |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${rows.join('\n')}
`,
);
