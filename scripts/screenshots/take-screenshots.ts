/**
 * Regenerates docs/screenshots/*.png: starts the browser harness on the demo data (its own database,
 * a random port), opens each screen of the registry in Debian's Chromium at 1440x900 and saves it.
 *
 *   npm run build:web && node scripts/screenshots/take-screenshots.ts [name ...]
 *
 * With names, only those screens are taken. Waits on the app's data-app-state, never on time.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findRepoRoot } from '../harness/repo-root.ts';
import { spawnHarness } from '../harness/spawn-harness.ts';
import { SCREENS, waitForReady } from './screens.ts';

/** The launch options that work on Debian's Chromium here (see /work/shared/ENVIRONMENT.md). */
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const VIEWPORT = { width: 1440, height: 900 };

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const screens = wanted.length === 0 ? SCREENS : SCREENS.filter((s) => wanted.includes(s.name));
  if (screens.length === 0) throw new Error(`no such screen; known: ${SCREENS.map((s) => s.name).join(', ')}`);
  const outDir = join(findRepoRoot(import.meta.dirname), 'docs', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'trialledger-shots-'));
  const harness = await spawnHarness({ demo: true });
  const browser = await chromium.launch(LAUNCH);
  try {
    for (const screen of screens) {
      // A fresh page per screen, so no screen depends on where the previous one left the app.
      const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
      await page.goto(harness.url);
      await waitForReady(page);
      await screen.open(page, { workDir });
      await waitForReady(page);
      await page.screenshot({ path: join(outDir, `${screen.name}.png`), animations: 'disabled', caret: 'hide' });
      await screen.cleanUp?.(page);
      await page.close();
      console.log(`docs/screenshots/${screen.name}.png`);
    }
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
