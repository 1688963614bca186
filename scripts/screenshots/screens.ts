/**
 * The screens the screenshot script captures, as a small registry: each entry opens its screen from
 * a freshly loaded app (demo data) and waits until the screen shows its data. Add a screen by adding
 * an entry (findings queue, finding detail, dashboard, invoices, denials, ...).
 */
import { expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../harness/repo-root.ts';
import { writeBrokenPackage, writeLongExport, writeSampleExport } from './sample-export.ts';
import { DENIAL_SCREENS } from './denial-screens.ts';
import { FINDINGS_SCREENS } from './findings-screens.ts';
import { INVOICE_SCREENS } from './invoice-screens.ts';

const DEMO_DIR = join(findRepoRoot(import.meta.dirname), 'assets', 'demo');

export interface ShotContext {
  /** A temporary folder for files a screen needs (exports to import, ...). */
  readonly workDir: string;
}

export interface ScreenShot {
  /** File name without extension: docs/screenshots/<name>.png */
  readonly name: string;
  /** One line for docs/ui.md and the README. */
  readonly caption: string;
  /** Opens the screen and waits until it shows its data. */
  readonly open: (page: Page, context: ShotContext) => Promise<void>;
  /** Undoes what would get in the next screen's way (a job left running), after the shot. */
  readonly cleanUp?: (page: Page) => Promise<void>;
}

/** Waits until the app root says the current screen has loaded (never a sleep). */
export async function waitForReady(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

/** Clicks a section of the left navigation and waits for its screen. */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await waitForReady(page);
}

/** Opens the import screen and hands `paths` to the file chooser. */
async function chooseFiles(page: Page, paths: readonly string[]): Promise<void> {
  await openSection(page, 'Import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles([...paths]);
}

/** The demo study with the largest grid, opened on its page after running the checks (so set-up findings show). */
async function openStudyPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'NSCLC-301', exact: true }).click();
  await waitForReady(page);
  const checks = page.getByTestId('run-checks');
  await checks.getByRole('button', { name: /Run checks/ }).click();
  await expect(page.getByTestId('run-checks').getByRole('status')).toContainText('open in total', { timeout: 60_000 });
  await expect(page.getByTestId('setup-findings')).toContainText('set-up');
}

export const SCREENS: readonly ScreenShot[] = [
  {
    name: 'study-list',
    caption: 'Studies: every study with its flags and what has been imported for it.',
    open: async () => undefined,
  },
  {
    name: 'study-page',
    caption: 'A study: identifiers, CTA terms, set-up checks and the billing grid per arm.',
    open: openStudyPage,
  },
  {
    name: 'billing-grid',
    caption: 'The billing grid: designation letter and colour, sponsor price, flags; a set-up finding (ALIGN-15) outlined, its details below.',
    open: async (page) => {
      await openStudyPage(page);
      const flagged = page.locator('td.gcell-finding').first();
      await flagged.click();
      await expect(page.getByTestId('cell-details')).toContainText('ALIGN-15');
      // The grid and the selected cell's details, from the section heading down.
      await page.locator('#grid-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'import-review',
    caption: 'Import: what each file of a study package holds, its columns checked before anything is written.',
    open: async (page) => {
      await chooseFiles(
        page,
        readdirSync(DEMO_DIR)
          .filter((name) => name.endsWith('.csv'))
          .map((name) => join(DEMO_DIR, name)),
      );
      await expect(page.getByRole('heading', { name: /^Review \d+ files$/ })).toBeVisible();
    },
  },
  {
    name: 'import-mapping',
    caption: 'Import: mapping a charge export’s columns, with the date-format preview, value maps and the validated preview rows.',
    open: async (page, { workDir }) => {
      await chooseFiles(page, [writeSampleExport(workDir)]);
      await page.getByRole('button', { name: 'Map columns' }).click();
      await expect(page.getByRole('heading', { name: /Map the columns of/ })).toBeVisible();
      // The export has no claim-type column: one value for every row, as a coordinator would set it.
      await page.getByLabel('Value of claim_type for every row').selectOption('INSTITUTIONAL');
      await expect(page.getByRole('heading', { name: 'Preview after mapping' })).toBeVisible();
    },
  },
  {
    name: 'import-progress',
    caption: 'Import: a long charge export importing in the background, with rows per second and Cancel.',
    open: async (page, { workDir }) => {
      await chooseFiles(page, [writeLongExport(workDir)]);
      await page.getByRole('button', { name: 'Map columns' }).click();
      await page.getByLabel('Save this mapping for next time').uncheck();
      await page.getByRole('button', { name: 'Import charges' }).click();
      await expect(page.locator('.job-progress-rate')).toContainText(/[1-9][\d,]* rows · [\d,]+ rows\/s/);
    },
    cleanUp: async (page) => {
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.locator('[data-import-status="cancelled"]')).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: 'import-problems',
    caption: 'Import: a refused package, every problem listed with file, line, column and reason.',
    open: async (page, { workDir }) => {
      const paths = writeBrokenPackage(workDir, DEMO_DIR);
      await chooseFiles(page, paths);
      await page.getByRole('button', { name: `Import ${paths.length} files` }).click();
      await expect(page.locator('[data-import-status="refused"]')).toBeVisible({ timeout: 60_000 });
    },
  },
  ...FINDINGS_SCREENS,
  ...DENIAL_SCREENS,
  ...INVOICE_SCREENS,
];
