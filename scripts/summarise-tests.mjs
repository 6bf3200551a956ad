#!/usr/bin/env node
// One closing line for CI: every suite's counts added up (unit on SQLite and PostgreSQL, end to end on
// SQLite and PostgreSQL, two instances behind nginx, the robustness checks (logs, fuzz, crash) as one test
// each, and the start-command smoke test as one test).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

for (const file of ['test-results/unit.json', 'test-results/unit-pg.json']) {
  const unit = read(file);
  if (!unit) continue;
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
for (const file of ['test-results/e2e.json', 'test-results/e2e-pg.json', 'test-results/e2e-multi.json']) {
  const report = read(file);
  if (!report) continue;
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
}
for (const file of ['test-results/smoke.json', 'test-results/robustness.json']) {
  const r = read(file);
  if (!r) continue;
  passed += r.passed;
  failed += r.failed;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
