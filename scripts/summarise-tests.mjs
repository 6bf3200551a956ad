#!/usr/bin/env node
// One closing line for CI: the unit and end-to-end counts added up.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (existsSync('test-results/e2e.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
// The start-command smoke test counts as one test (scripts/smoke-start.sh writes its result).
if (existsSync('test-results/smoke.json')) {
  const smoke = JSON.parse(readFileSync('test-results/smoke.json', 'utf8'));
  passed += smoke.passed;
  failed += smoke.failed;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
