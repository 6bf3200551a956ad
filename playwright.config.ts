import { defineConfig } from '@playwright/test';
import { sharedUse } from './tests/playwright-shared';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results/playwright',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }]],
  use: { ...sharedUse, baseURL: `http://127.0.0.1:${PORT}` },
  // Two specs need the database to themselves: the statistics spec counts by hand what its own submission adds,
  // and the authorization matrix shows by a snapshot of the whole database that refused writes change nothing.
  // Each runs in its own project after the rest (a filter on one of them still runs the projects before it).
  projects: [
    { name: 'e2e', testIgnore: /(authz-matrix|stats)\.spec\.ts$/ },
    { name: 'stats', testMatch: /stats\.spec\.ts$/, dependencies: ['e2e'] },
    { name: 'authz-matrix', testMatch: /authz-matrix\.spec\.ts$/, dependencies: ['stats'] },
  ],
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
