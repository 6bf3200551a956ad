// Two `next start` instances on one PostgreSQL behind nginx (round robin), started by
// scripts/multi-instance-e2e.sh, which passes their addresses in MULTI_URL, INSTANCE_A and INSTANCE_B.
import { defineConfig } from '@playwright/test';
import { sharedUse } from './tests/playwright-shared';

export default defineConfig({
  testDir: 'tests/multi',
  outputDir: 'test-results/playwright-multi',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-multi.json' }]],
  use: { ...sharedUse, baseURL: process.env.MULTI_URL },
});
