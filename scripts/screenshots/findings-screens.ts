/**
 * The work-queue screens of the screenshot registry (spread into SCREENS by screens.ts): the queue,
 * the queue grouped by rule, a finding's evidence, a subject's timeline and the dashboard. Each runs
 * the checks through the UI unless an earlier screen did, then waits until its screen shows its data.
 */
import { expect, type Page } from '@playwright/test';
import type { ScreenShot } from './screens.ts';

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await ready(page);
}

/** Opens the findings queue, running the checks first when there are no findings yet. */
async function openQueue(page: Page): Promise<void> {
  await openSection(page, 'Findings');
  if (await page.getByText('No findings yet').isVisible()) await page.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.locator('.q-body [data-finding-id]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#findings-title + .screen-subtitle')).toHaveText(/^[\d,]+ findings?$/);
}

/** Filters the queue to one rule through its menu. */
async function chooseRule(page: Page, rule: string): Promise<void> {
  await page.locator('summary', { hasText: /^Rule/ }).click();
  await page.getByRole('checkbox', { name: new RegExp(`^${rule} `) }).check();
  await page.keyboard.press('Escape');
  await expect(page.locator('.q-body .q-rule-id').first()).toHaveText(rule);
}

export const FINDINGS_SCREENS: readonly ScreenShot[] = [
  {
    name: 'findings-queue',
    caption: 'Findings: the work queue, filtered in SQL and virtualized; two findings selected for a bulk decision by keyboard.',
    open: async (page) => {
      await openQueue(page);
      await page.getByRole('grid', { name: 'Findings work queue' }).focus();
      for (const key of ['x', 'j', 'x', 'j']) await page.keyboard.press(key);
      await expect(page.locator('.q-body [aria-selected="true"]')).toHaveCount(2);
    },
  },
  {
    name: 'findings-grouped',
    caption: 'Findings grouped by rule, largest dollars first; a group opens to its findings or to the queue filtered to it.',
    open: async (page) => {
      await openQueue(page);
      await page.getByRole('radio', { name: 'By rule' }).click();
      await expect(page.locator('.group-head').first()).toBeVisible();
    },
  },
  {
    name: 'finding-detail',
    caption: 'A finding’s evidence side by side: the charge as billed, the calendar row and window, the CTA price and designation, consent, the invoice line, the rule and its sources.',
    open: async (page) => {
      await openQueue(page);
      await chooseRule(page, 'DBL-03');
      await page.getByRole('grid', { name: 'Findings work queue' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-evidence="invoice_line"]')).toBeVisible();
    },
  },
  {
    name: 'subject-timeline',
    caption: 'A subject’s timeline: study period, visit windows against actual visits, and charges marked by their worst finding, with the list beside it.',
    open: async (page) => {
      await openQueue(page);
      await chooseRule(page, 'DBL-03');
      await page.getByRole('grid', { name: 'Findings work queue' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: /’s timeline$/ }).click();
      const flagged = page.locator('[data-charge-id]:not([data-severity="none"])').first();
      await flagged.click();
      await expect(page.locator('.tl-row-selected')).toBeVisible();
    },
  },
  {
    name: 'dashboard',
    caption: 'Dashboard: dollars at risk by category, rule and study, open findings by age, and findings by month.',
    open: async (page) => {
      await openQueue(page);
      await openSection(page, 'Dashboard');
      await expect(page.locator('[data-chart="chart-rules"] .recharts-bar-rectangle').first()).toBeVisible();
    },
  },
];
