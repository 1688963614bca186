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

  test('marks Studies as current and shows a placeholder for sections not built yet', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button', { name: 'Studies' })).toHaveAttribute('aria-current', 'page');
    // Sections still to come show their placeholder (each section's own spec covers the built ones).
    for (const section of SECTIONS.filter((s) => !s.available).map((s) => s.label)) {
      await nav.getByRole('button', { name: new RegExp(`^${section}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
      await expect(page.getByText('Coming soon')).toBeVisible();
    }
    await nav.getByRole('button', { name: 'Studies' }).click();
    await expect(page.getByRole('table')).toBeVisible();
  });
});
