/**
 * Browser measurements of the work queue at a million findings (bench/findings-queue.bench.ts --ui
 * runs this): the browser harness serves the store the benchmark built (TRIALLEDGER_BENCH_DB, opened
 * with the harness's test key) and Debian's Chromium measures inside the page.
 */
import { defineConfig } from '@playwright/test';

const port = Number(process.env.TRIALLEDGER_BENCH_PORT ?? 47_861);
const db = process.env.TRIALLEDGER_BENCH_DB;
if (!db) throw new Error('TRIALLEDGER_BENCH_DB must name the benchmark store (run node bench/findings-queue.bench.ts --ui).');

export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: /.*\.ui-bench\.ts$/,
  retries: 0,
  workers: 1,
  timeout: 300_000,
  reporter: [['list']],
  outputDir: '../../test-results/bench',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npm run build:web && node scripts/harness/serve.ts --db ${JSON.stringify(db)} --port ${port}`,
    cwd: `${import.meta.dirname}/../..`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
