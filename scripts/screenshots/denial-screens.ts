/**
 * The Denials screens of the screenshot registry (spread into SCREENS by screens.ts). Each one makes
 * sure the demo-linked remittance (assets/samples/demo-remittance.835) has been imported through the
 * UI, then opens its screen and waits until it shows its data.
 */
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { findRepoRoot } from '../harness/repo-root.ts';
import type { ScreenShot } from './screens.ts';

const DEMO_REMIT = join(findRepoRoot(import.meta.dirname), 'assets', 'samples', 'demo-remittance.835');

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

/** Opens Denials; imports the demo remittance unless an earlier screen did. Ends on the Remittances tab. */
async function withDemoRemittance(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Denials/ }).click();
  await ready(page);
  await page.getByRole('tab', { name: 'Remittances' }).click();
  await ready(page);
  const files = page.getByRole('table', { name: 'Imported remittance files' });
  if ((await files.count()) > 0 && (await files.getByText('demo-remittance.835').count()) > 0) return;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import an 835 remittance…' }).click();
  await (await chooser).setFiles(DEMO_REMIT);
  await expect(page.getByRole('region', { name: 'Remittance imported' })).toBeVisible({ timeout: 60_000 });
}

async function openQueue(page: Page): Promise<void> {
  await withDemoRemittance(page);
  await page.getByRole('tab', { name: 'Queue' }).click();
  await ready(page);
  await expect(page.getByRole('table', { name: 'Denials by days left' })).toBeVisible();
}

/** The Denials entries of the screenshot registry. */
export const DENIAL_SCREENS: readonly ScreenShot[] = [
  {
    name: 'denials-import',
    caption: 'Denials: an 835 imported through the UI, its lines linked to charges and its denials triaged by category and action.',
    open: async (page) => {
      await withDemoRemittance(page);
      await expect(page.getByRole('table', { name: 'Imported remittance files' })).toContainText('demo-remittance.835');
    },
  },
  {
    name: 'denial-queue',
    caption: 'Denials: the queue by days left, overdue and due-soon work flagged, category and action from the research-aware triage.',
    open: openQueue,
  },
  {
    name: 'denial-detail',
    caption: 'A denial: CO-16 + MA50 triaged as a missing NCT number, the resubmission worksheet, the linked charge and its calendar row.',
    open: async (page) => {
      await openQueue(page);
      await page.getByRole('button', { name: /^Open denial \d+: 99214-Q1 on 2025-06-24/ }).click();
      await ready(page);
      await expect(page.getByRole('region', { name: 'Resubmission worksheet' })).toBeVisible();
    },
  },
  {
    name: 'appeal-editor',
    caption: 'An appeal: the NCD 310.1 letter drafted from the study, attached exhibits, and the packet preview with the page each section starts on.',
    open: async (page) => {
      await openQueue(page);
      await page.getByRole('button', { name: /^Open denial \d+: 71260-26-Q1 on 2025-01-15/ }).click();
      await ready(page);
      await page.getByRole('button', { name: 'Prepare the appeal' }).click();
      await ready(page);
      await page.getByRole('button', { name: 'Preview packet' }).click();
      await expect(page.getByTestId('packet-preview')).toContainText('Exhibit D: Remittance advice for this line');
      await page.locator('#den-appeal-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'denial-metrics',
    caption: 'Denial metrics by payer: initial denial rate by count and dollars, overturns, days to appeal and resolution, recovery, each with its definition.',
    open: async (page) => {
      await withDemoRemittance(page);
      await page.getByRole('tab', { name: 'Metrics' }).click();
      await ready(page);
      await page.getByRole('button', { name: 'Payer', exact: true }).click();
      await expect(page.getByRole('figure', { name: 'Initial denial rate (claims) by payer' })).toBeVisible();
    },
  },
];
