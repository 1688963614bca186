/**
 * The findings work queue in Debian's Chromium against a demo harness of its own: the findings
 * appear after the checks run, a rule filter and an amount sort answer from the backend, confirming
 * and dismissing (with a reason) are done with the keyboard alone and land in the store, a finding's
 * evidence matches the demo's oracle and CSV files, and exports hold exactly the filtered view.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { FindingDetail } from '../../shared/contract/findings.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { formatCents, parseDollarsToCents } from '../../shared/domain/money.ts';
import { demoCsv, ensureChecksRun, expectedFindings, openSection, queueGrid, renderedIds, viewIds } from './findings-e2e.ts';
import { callBackend, expect, openApp, test } from './own-harness.ts';
import type { Page } from '@playwright/test';

const expected = expectedFindings();
const countOf = (rule: string): number => expected.filter((f) => f.rule === rule).length;

async function chooseRule(page: Page, rule: string): Promise<void> {
  await page.locator('summary', { hasText: /^Rule/ }).click();
  await page.getByRole('checkbox', { name: new RegExp(`^${rule} `) }).check();
  await page.keyboard.press('Escape');
}

async function sortBy(page: Page, column: string, direction: 'ascending' | 'descending'): Promise<void> {
  const header = queueGrid(page).getByRole('columnheader', { name: new RegExp(column) });
  for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i += 1) await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', direction);
}

const subtitle = (page: Page) => page.locator('#findings-title + .screen-subtitle');

test.describe('the findings work queue', () => {
  test('shows the findings, filters by rule, sorts by amount, and confirms and dismisses by keyboard', async ({ page, demoHarness, request }) => {
    await openApp(page, demoHarness.url);
    await openSection(page, 'Findings');
    // A fresh harness has no findings yet: run the checks from the queue and watch them appear.
    const empty = page.getByText('No findings yet');
    if (await empty.isVisible()) await page.getByRole('button', { name: 'Run checks' }).click();
    await expect(subtitle(page)).toHaveText(`${formatCount(expected.length)} findings`, { timeout: 60_000 });
    await expect(queueGrid(page).locator('[data-finding-id]').first()).toBeVisible();

    const rule = 'RSH-02';
    await chooseRule(page, rule);
    await expect(subtitle(page)).toHaveText(`${formatCount(countOf(rule))} findings`);
    await expect(page.getByRole('button', { name: `Remove filter Rule: ${rule}` })).toBeVisible();
    await sortBy(page, 'Amount', 'descending');
    const want = await viewIds(request, demoHarness.url, { rules: [rule] }, { by: 'amount', direction: 'desc' });
    // Only the rows in view are rendered: they are the start of the backend's order, and End reaches its last.
    await expect.poll(async () => { const shown = await renderedIds(page); return shown.length > 0 && shown.join() === want.slice(0, shown.length).join(); }).toBe(true);
    expect(new Set(await queueGrid(page).locator('.q-rule-id').allTextContents())).toEqual(new Set([rule]));
    await queueGrid(page).focus();
    await page.keyboard.press('End');
    await expect(queueGrid(page).locator(`[data-finding-id="${want.at(-1)}"]`)).toBeInViewport();
    await page.keyboard.press('Home');
    await expect(queueGrid(page).locator(`[data-finding-id="${want[0]}"]`)).toBeInViewport();

    // Keyboard only from here: select the first two rows and confirm them, then dismiss the third.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(queueGrid(page).locator('[aria-selected="true"]')).toHaveCount(2);
    await page.keyboard.press('c');
    const outcome = page.getByRole('toolbar', { name: 'Actions on the selected findings' }).getByRole('status');
    await expect(outcome).toContainText('confirmed');
    await page.keyboard.press('j');
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: 'Dismiss 1 finding' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Give a reason to dismiss.')).toBeVisible();
    const reason = 'Sponsor confirmed in writing that this scan is routine care';
    await page.keyboard.type(reason);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(outcome).toContainText('1 finding dismissed.');

    const [first, second, third] = want;
    const status = async (id: number | undefined): Promise<FindingDetail | null> => callBackend<FindingDetail | null>(request, demoHarness.url, 'findings:get', { id });
    expect((await status(first))?.status).toBe('confirmed');
    expect((await status(second))?.status).toBe('confirmed');
    const dismissed = await status(third);
    expect(dismissed?.status).toBe('dismissed');
    expect(dismissed?.events.at(-1)).toMatchObject({ toStatus: 'dismissed', reason });
    await expect(queueGrid(page).locator(`[data-finding-id="${third}"]`)).toContainText('Dismissed');

    // The keyboard help, and back to the grid with Escape.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await expect(queueGrid(page)).toBeFocused();
  });

  test('opens a finding’s evidence, which matches the demo’s oracle and files, and goes on to the subject', async ({ page, demoHarness, request }) => {
    await ensureChecksRun(request, demoHarness.url);
    await openApp(page, demoHarness.url);
    await openSection(page, 'Findings');
    await chooseRule(page, 'DBL-03');
    await expect(subtitle(page)).toHaveText(`${formatCount(countOf('DBL-03'))} findings`);
    await queueGrid(page).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: /DBL-03/ })).toBeVisible();

    // A field's value by its label (a field the rule fired on says so after the label).
    const field = (block: string, label: string) =>
      page.locator(`[data-evidence="${block}"] .evidence-field`).filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}( \\(rule fired\\))?$`) }) }).locator('dd');
    const chargeId = (await field('charge', 'Charge').textContent()) ?? '';
    const oracle = expected.find((f) => f.rule === 'DBL-03' && f.charge_id === chargeId);
    expect(oracle, `DBL-03 on ${chargeId} in the oracle`).toBeDefined();
    const charge = demoCsv('charges.csv').find((c) => c.charge_id === chargeId);
    expect(charge).toBeDefined();
    await expect(field('charge', 'Service date')).toHaveText(oracle?.service_date ?? '');
    await expect(field('charge', 'Code')).toHaveText(oracle?.cpt_hcpcs ?? '');
    await expect(field('charge', 'Amount')).toHaveText(formatCents(parseDollarsToCents(charge?.charge_amount ?? '') ?? -1));
    await expect(field('charge', 'Billed to')).toHaveText(charge?.bill_to ?? '');
    await expect(field('charge', 'Payer')).toHaveText(charge?.payer_name ?? '');
    await expect(field('study', 'Study')).toHaveText(oracle?.study_id ?? '');
    await expect(field('enrolment', 'Subject')).toHaveText(oracle?.subject_id ?? '');
    await expect(field('calendar', 'Visit')).toContainText(oracle?.visit_code ?? '');

    const subject = demoCsv('subjects.csv').find((s) => s.study_id === oracle?.study_id && s.subject_id === oracle?.subject_id);
    const item = demoCsv('calendar.csv').find((c) => c.study_id === oracle?.study_id && c.arm === subject?.arm && c.visit_code === oracle?.visit_code && c.cpt_hcpcs === oracle?.cpt_hcpcs);
    await expect(field('calendar', 'Procedure')).toContainText(item?.procedure_name ?? '');
    await expect(field('coverage', 'Designation')).toContainText(item?.designation ?? '');
    const invoice = await field('invoice_line', 'Invoice').textContent();
    expect(demoCsv('invoices.csv').some((l) => l.invoice_number === invoice && l.study_id === oracle?.study_id)).toBe(true);
    expect(JSON.stringify(await page.locator('.detail-screen').textContent())).not.toMatch(new RegExp(subject?.mrn ?? 'MRN', 'i'));

    // The rule's sources open in the browser (target=_blank goes through the shell's https-only check).
    const sources = page.locator('.rule-sources a');
    expect(await sources.count()).toBeGreaterThan(0);
    for (const href of await sources.evaluateAll((links) => links.map((a) => `${a.getAttribute('href')} ${a.getAttribute('target')}`))) expect(href).toMatch(/^https:\/\/\S+ _blank$/);

    await page.keyboard.press('j');
    await expect(page.getByText(`2 of ${formatCount(countOf('DBL-03'))}`)).toBeVisible();
    await page.keyboard.press('k');
    await page.getByRole('button', { name: `Open subject ${oracle?.subject_id ?? ''}’s timeline` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Subject ${oracle?.subject_id ?? ''} · ${oracle?.study_id ?? ''}` })).toBeVisible();
  });

  test('exports the current view to .csv and .xlsx with exactly its rows', async ({ page, demoHarness, request }) => {
    await ensureChecksRun(request, demoHarness.url);
    await openApp(page, demoHarness.url);
    await openSection(page, 'Findings');
    await page.locator('summary', { hasText: /^Severity/ }).click();
    await page.getByRole('checkbox', { name: 'Critical' }).check();
    await page.keyboard.press('Escape');
    await sortBy(page, 'Amount', 'descending');
    const want = await viewIds(request, demoHarness.url, { severities: ['critical'] }, { by: 'amount', direction: 'desc' });
    await expect(subtitle(page)).toHaveText(`${formatCount(want.length)} findings`);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .csv' }).click();
    const csvPath = await (await csvDownload).path();
    const rows = Papa.parse<string[]>(readFileSync(csvPath, 'utf8').trimEnd(), { skipEmptyLines: true }).data;
    expect(rows[0]?.[0]).toBe('Finding');
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(want);
    await expect(page.getByRole('group', { name: 'Export this view' }).getByRole('status')).toContainText(`Exported ${formatCount(want.length)} findings`);

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .xlsx' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await xlsxDownload).path());
    const sheet = workbook.getWorksheet('Findings');
    const ids: number[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(1).value));
    });
    expect(ids).toEqual(want);
  });
});
