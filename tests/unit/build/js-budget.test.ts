// scripts/js-budget.mjs on a made-up build folder: the chunks a route's first load needs are Next's rootMainFiles plus
// the entry chunks of its layouts and page (client reference manifest), each counted gzip-compressed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'js-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Random bytes do not compress: a chunk of n random bytes is about n gzip bytes (plus ~20 of header).
const chunk = (name: string, n: number) => {
  const body = randomBytes(n);
  writeFileSync(join(dir, name), body);
  return gzipSync(body).length;
};
mkdirSync(join(dir, 'static/chunks'), { recursive: true });
mkdirSync(join(dir, 'server/app/(public)/check'), { recursive: true });
const main = chunk('static/chunks/main.js', 40 * 1024);
const layout = chunk('static/chunks/layout.js', 20 * 1024);
const check = chunk('static/chunks/check.js', 30 * 1024);
chunk('static/chunks/admin-only.js', 500 * 1024);
writeFileSync(join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/main.js'], polyfillFiles: [] }));
writeFileSync(join(dir, 'server/app-paths-manifest.json'), JSON.stringify({ '/(public)/check/page': 'app/(public)/check/page.js', '/admin/page': 'app/admin/page.js' }));
writeFileSync(
  join(dir, 'server/app/(public)/check/page_client-reference-manifest.js'),
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {}; globalThis.__RSC_MANIFEST["/(public)/check/page"] = ${JSON.stringify({
    entryJSFiles: { '[project]/app/layout': ['static/chunks/main.js', 'static/chunks/layout.js'], '[project]/app/(public)/check/page': ['static/chunks/check.js', 'static/chunks/check.css'] },
  })};`,
);
const run = (budget: object) => {
  writeFileSync(join(dir, 'budget.json'), JSON.stringify(budget));
  try {
    return { code: 0, out: execFileSync('node', ['scripts/js-budget.mjs', '--dist', dir, '--budget', join(dir, 'budget.json'), '--json'], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
};

describe('首次加载 JavaScript 预算检查', () => {
  it('按 main + layout + page 三个块的压缩大小相加（约 90 KB），不算别的页面的块；超过预算就失败', () => {
    const kb = (main + layout + check) / 1024; // ≈ 40 + 20 + 30 = 90 KB
    const ok = run({ targetKB: 100, routes: { '/check': 100 } });
    expect(ok.code).toBe(0);
    const [row] = JSON.parse(ok.out) as { route: string; gzipKB: number; chunks: number; over: boolean }[];
    expect(row).toMatchObject({ route: '/check', chunks: 3, over: false });
    expect(row!.gzipKB).toBeCloseTo(kb, 0);
    expect(row!.gzipKB).toBeGreaterThan(89);
    expect(row!.gzipKB).toBeLessThan(91);
    expect(run({ targetKB: 100, routes: { '/check': 80 } }).code).toBe(1);
  });

  it('预算里的页面在构建里找不到也失败', () => {
    const r = run({ targetKB: 100, routes: { '/check': 100, '/estimate': 100 } });
    expect(r.code).toBe(1);
    expect(r.out).toContain('/estimate is not a page of this build');
  });
});
