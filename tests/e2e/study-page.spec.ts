/**
 * The study page in Debian's Chromium against a demo harness of its own: identifiers and CTA terms,
 * every billing-grid cell's designation letter and price, and the ALIGN-15 set-up findings marked on
 * their cells once the checks have run. Expectations come from assets/demo and the demo's expected
 * findings, never from constants in this file.
 */
import type { Page } from '@playwright/test';
import { formatCount } from '../../shared/domain/format.ts';
import { formatCellPrice } from '../../renderer/src/screens/studies/billing-grid/grid-model.ts';
import { readExpectedStudies } from './demo-expectations.ts';
import { E2E_DEMO_DIR } from './e2e-env.ts';
import { expectedCells, expectedFindingCount, expectedSetupFindings } from './grid-expectations.ts';
import { expect, openApp, test } from './own-harness.ts';

interface ShownCell {
  readonly visitCode: string;
  readonly cpt: string;
  readonly text: string;
  readonly flagged: boolean;
}

/** Every non-empty cell of the grid on screen, with its visit column and procedure row. */
async function readGrid(page: Page, arm: string): Promise<ShownCell[]> {
  return page.getByRole('grid', { name: `Billing grid of arm ${arm}` }).evaluate((grid) => {
    const visits = [...grid.querySelectorAll('thead th.grid-visit .grid-visit-code')].map((e) => e.textContent ?? '');
    return [...grid.querySelectorAll('tbody tr')].flatMap((tr) => {
      const cpt = tr.querySelector('.grid-proc-code')?.textContent ?? '';
      return [...tr.querySelectorAll('td[data-col]')]
        .filter((td) => !td.classList.contains('gcell-empty'))
        .map((td) => ({ visitCode: visits[Number(td.getAttribute('data-col'))] ?? '', cpt, text: td.textContent ?? '', flagged: td.classList.contains('gcell-finding') }));
    });
  });
}

const setup = expectedSetupFindings();
// The study with the most set-up findings in the demo: its grid shows the most markers.
const [studyId, findings] = [...setup.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];

test.describe('the study page', () => {
  test('shows the study, every grid cell, and the set-up findings after the checks run', async ({ page, demoHarness }) => {
    const study = readExpectedStudies(E2E_DEMO_DIR).find((s) => s.studyId === studyId);
    expect(study, `demo study ${studyId}`).toBeDefined();
    await openApp(page, demoHarness.url);
    await page.getByRole('button', { name: studyId, exact: true }).click();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: studyId })).toBeVisible();
    await expect(page.getByText(study?.title ?? '-', { exact: true })).toBeVisible();
    await expect(page.getByText('Qualifying trial', { exact: true }).first()).toHaveCount(study?.qualifyingTrial ? 1 : 0);

    const cells = expectedCells(E2E_DEMO_DIR, studyId);
    const arms = [...new Set(cells.map((c) => c.arm))].sort();
    await expect(page.getByRole('tab')).toHaveText(arms.map((a) => new RegExp(`^Arm ${a}`)));

    await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(page.getByTestId('run-checks').getByRole('status')).toContainText(`${formatCount(expectedFindingCount())} open in total`, { timeout: 60_000 });
    await expect(page.getByTestId('setup-findings')).toContainText(`${findings.length} set-up findings (ALIGN-15)`);

    const flagged: string[] = [];
    for (const arm of arms) {
      await page.getByRole('tab', { name: new RegExp(`^Arm ${arm}`) }).click();
      const shown = await readGrid(page, arm);
      const expected = cells.filter((c) => c.arm === arm);
      // Letter, then the glyphs, then the price: compare the letter and the price.
      expect(shown.map((c) => `${c.visitCode} ${c.cpt} ${c.text.slice(0, 1)} ${c.text.replace(/^[A-Z][^$]*/, '')}`).sort()).toEqual(
        expected.map((c) => `${c.visitCode} ${c.cpt} ${c.letter} ${c.priceCents === null ? '' : formatCellPrice(c.priceCents)}`).sort(),
      );
      flagged.push(...shown.filter((c) => c.flagged).map((c) => `${c.visitCode} ${c.cpt}`));
      for (const c of shown.filter((x) => x.flagged)) expect(c.text).toContain('⚠');
    }
    expect(flagged.sort()).toEqual(findings.map((f) => `${f.visitCode} ${f.cpt}`).sort());
  });

  test('shows a set-up finding’s message on its cell, by mouse and by keyboard', async ({ page, demoHarness }) => {
    await openApp(page, demoHarness.url);
    await page.getByRole('button', { name: studyId, exact: true }).click();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    // The first test ran the checks on this harness; run them again if this test runs alone.
    if ((await page.locator('td.gcell-finding').count()) === 0) {
      await page.getByRole('button', { name: 'Run checks' }).click();
      await expect(page.getByTestId('run-checks').getByRole('status')).toContainText('open in total', { timeout: 60_000 });
    }
    const marked = page.locator('td.gcell-finding').first();
    await expect(marked).toHaveAttribute('title', /set-up finding: /);
    await marked.click();
    await expect(page.getByTestId('cell-details')).toContainText(/Set-up finding ALIGN-15 #\d+ \(open\)/);

    // Keyboard: the grid is one tab stop; arrows move and the details follow.
    const grid = page.getByRole('grid').first();
    await grid.locator('td[tabindex="0"]').focus();
    const before = await page.getByTestId('cell-details').textContent();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('cell-details')).not.toHaveText(before ?? '');
    await expect(grid.locator('td[tabindex="0"]')).toBeFocused();
    await expect(grid.locator('td[tabindex="0"]')).toHaveCount(1);
    await page.getByRole('button', { name: '← All studies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Studies' })).toBeVisible();
  });
});
