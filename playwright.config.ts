/**
 * End-to-end tests in a real browser (Debian's Chromium; Playwright never downloads one) against the
 * browser harness: the built renderer plus the real backend, with the demo study loaded into a fresh
 * temporary database. Specs wait on `data-app-state`, never on time, and nothing is retried.
 */
import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_PORT } from './tests/e2e/e2e-env.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  outputDir: 'test-results',
  use: {
    baseURL: E2E_BASE_URL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npm run build:web && node scripts/harness/serve.ts --demo --port ${E2E_PORT}`,
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: false,
    // SIGTERM lets the harness close its database and delete its temporary folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
