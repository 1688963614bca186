import { expect, test, type ConsoleMessage } from '@playwright/test';
import { SECTIONS } from '../../renderer/src/sections.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { readExpectedStudies } from './demo-expectations.ts';
import { E2E_DEMO_DIR } from './e2e-env.ts';

test.describe('the study list', () => {
  test('shows every demo study with its counts and flags', async ({ page }) => {
    const problems: string[] = [];
    // A CSP violation or a failed request surfaces as a console error: the app must load without any.
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });

    const expected = readExpectedStudies(E2E_DEMO_DIR);
    await page.goto('/');
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();

    const table = page.getByRole('table', { name: 'Studies with the number of records imported for each' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(expected.length);
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());

    for (const study of expected) {
      const row = rows.filter({ has: page.getByRole('rowheader').getByText(study.studyId, { exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('cell').first()).toContainText(study.title);
      for (const [heading, count] of Object.entries(study.counts)) {
        const column = headers.indexOf(heading);
        expect(column, `column ${heading}`).toBeGreaterThan(0);
        await expect(row.locator('th, td').nth(column), `${study.studyId} ${heading}`).toHaveText(formatCount(count));
      }
      await expect(row.getByText('Qualifying trial', { exact: true })).toHaveCount(study.qualifyingTrial ? 1 : 0);
      if (study.ideNumber === null) await expect(row.getByText(/^Device \(IDE /)).toHaveCount(0);
      else await expect(row.getByText(`Device (IDE ${study.ideNumber})`, { exact: true })).toBeVisible();
    }
    await expect(page.getByText(`${formatCount(expected.length)} ${expected.length === 1 ? 'study' : 'studies'}`)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('opens every section from the navigation and marks it as current', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button', { name: 'Studies' })).toHaveAttribute('aria-current', 'page');
    // Studies last, to come back to where the app starts.
    for (const section of [...SECTIONS.slice(1), SECTIONS[0]].filter((s) => s !== undefined)) {
      const button = nav.getByRole('button', { name: section.label, exact: true });
      await expect(button).toHaveAttribute('title', section.summary);
      await button.click();
      await expect(button).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1, name: section.label, exact: true })).toBeVisible();
      await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    }
    await expect(page.getByRole('table')).toBeVisible();
  });
});
