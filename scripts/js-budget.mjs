#!/usr/bin/env node
// First-load JavaScript of the resident pages, from the production build's output (no browser): for each route
// in scripts/js-budget.json, the JS chunks a first visit downloads (Next's rootMainFiles, loaded on every page, plus
// the entry chunks of the route's layouts and page from its client reference manifest, as Next's own
// route-bundle-stats does), each gzip-compressed on its own (as it travels), summed. Fails (exit 1) when a route
// passes its budget, or when a route cannot be found in the build (a renamed page must not pass silently).
//
//   node scripts/js-budget.mjs            (after `next build`; scripts/test.sh runs it after its build)
//   node scripts/js-budget.mjs --json     (the figures as JSON, for docs/benchmarks.md)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// --dist and --budget: another build folder or budget file (tests/unit/build/js-budget.test.ts).
const dist = arg('--dist') ?? join(root, '.next');
const budget = JSON.parse(readFileSync(arg('--budget') ?? join(root, 'scripts/js-budget.json'), 'utf8'));
const require = createRequire(import.meta.url);

if (!existsSync(join(dist, 'build-manifest.json'))) {
  console.error('js-budget: no production build in .next (run `npx next build` first)');
  process.exit(1);
}
const buildManifest = JSON.parse(readFileSync(join(dist, 'build-manifest.json'), 'utf8'));
const appPaths = JSON.parse(readFileSync(join(dist, 'server/app-paths-manifest.json'), 'utf8'));

/** The app path of a route's page: `/` → `/page`, `/check` → `/check/page` (route groups like `(public)` allowed). */
function pagePathOf(route) {
  const want = route === '/' ? '' : route;
  const found = Object.keys(appPaths).filter((p) => p.endsWith('/page') && p.slice(0, -'/page'.length).replace(/\/\([^/]+\)/g, '') === want);
  return found[0];
}

function entryFiles(pagePath) {
  const file = join(dist, 'server/app', `${pagePath}_client-reference-manifest.js`);
  const prev = globalThis.__RSC_MANIFEST;
  globalThis.__RSC_MANIFEST = undefined;
  require(file);
  const manifest = globalThis.__RSC_MANIFEST;
  globalThis.__RSC_MANIFEST = prev;
  const entry = manifest?.[pagePath];
  if (!entry?.entryJSFiles) throw new Error(`no entryJSFiles for ${pagePath} in ${file}`);
  return Object.values(entry.entryJSFiles).flat();
}

const gz = new Map();
function gzipped(rel) {
  if (!gz.has(rel)) gz.set(rel, gzipSync(readFileSync(join(dist, rel))).length);
  return gz.get(rel);
}

const rows = [];
let failed = false;
for (const [route, kb] of Object.entries(budget.routes)) {
  const pagePath = pagePathOf(route);
  if (!pagePath) {
    console.error(`js-budget: ${route} is not a page of this build`);
    failed = true;
    continue;
  }
  const chunks = [...new Set([...(buildManifest.rootMainFiles ?? []), ...entryFiles(pagePath)])].filter((f) => f.endsWith('.js'));
  const bytes = chunks.reduce((s, f) => s + gzipped(f), 0);
  const over = bytes > kb * 1024;
  if (over) failed = true;
  rows.push({ route, gzipKB: Math.round((bytes / 1024) * 10) / 10, budgetKB: kb, chunks: chunks.length, over });
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`First-load JavaScript (gzip), budget in scripts/js-budget.json (issue target ${budget.targetKB} KB):`);
  for (const r of rows) console.log(`  ${r.over ? '✗' : '✓'} ${r.route.padEnd(10)} ${r.gzipKB.toFixed(1).padStart(6)} KB  of ${r.budgetKB} KB  (${r.chunks} chunks)`);
}
if (failed) {
  console.error('js-budget: over budget (or a page is missing): make the page lighter rather than raising the budget');
  process.exit(1);
}
