/**
 * Denials in a real browser, each test against a harness of its own with the demo loaded: import the demo-linked 835
 * through the UI, see the triaged queue sorted by days left, open a denial with its linked charge and
 * calendar row, edit its appeal letter, attach a PDF, preview and export the packet, and read the
 * metrics with their definitions. Waits on data-app-state and on what the screen says, never on time.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, importRemittanceViaBackend, test } from './own-harness.ts';

const DEMO_REMIT = resolve(import.meta.dirname, '../../assets/samples/demo-remittance.835');
const work = mkdtempSync(join(tmpdir(), 'tl-e2e-denials-'));

async function openDenials(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Denials' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Denials' })).toBeVisible();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

async function makePdf(path: string, pages: number, text: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${text} ${i}`, { x: 72, y: 700, size: 14, font });
  writeFileSync(path, await doc.save());
}

test.describe('denials', () => {
  test('imports a remittance through the UI and triages its denials', async ({ page, demoHarness }) => {
    await openDenials(page, demoHarness.url);
    await expect(page.getByText('No denials to work')).toBeVisible();
    await page.getByRole('tab', { name: 'Remittances' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import an 835 remittance…' }).click();
    await (await chooser).setFiles(DEMO_REMIT);
    const outcome = page.getByRole('region', { name: 'Remittance imported' });
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText('23 claims and 46 lines (46 linked to charges)');
    await expect(outcome).toContainText('10 denials triaged');
    await expect(outcome.getByRole('list', { name: 'Denials by category' })).toContainText('Protocol / trial coding: 5');
    await expect(page.getByRole('table', { name: 'Imported remittance files' })).toContainText('demo-remittance.835');
    // Every line is linked already: re-triage finds nothing to change, and says so.
    await page.getByRole('button', { name: 'Re-triage open denials' }).click();
    await expect(page.getByTestId('retriage-result')).toHaveText('0 remittance lines linked to a charge; 0 open denials triaged differently.');

    await outcome.getByRole('button', { name: 'Work the denials' }).click();
    const table = page.getByRole('table', { name: 'Denials by days left' });
    await expect(table.locator('tbody tr')).toHaveCount(10);
    // Sorted by days left: the first row's deadline is the earliest; denials without one come last.
    const days = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-urgency')));
    expect(days.at(-1)).toBe('none');
    expect(days.indexOf('none')).toBe(days.length - 2); // the sponsor move and the write-off have no deadline
    await expect(table.getByRole('row').filter({ hasText: 'Move to the sponsor invoice' })).toContainText('Sponsor vs insurance');
    await expect(table.getByRole('row').filter({ hasText: 'Rebill another payer' })).toContainText('CO-109');
  });

  test('opens a denial with its charge, calendar row and worksheet', async ({ page, request, demoHarness }) => {
    expect((await importRemittanceViaBackend(request, demoHarness.url, DEMO_REMIT)).status).toBe('succeeded');
    await openDenials(page, demoHarness.url);
    await page.getByRole('button', { name: /^Open denial \d+: 99214-Q1 on 2025-06-24/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: /99214-Q1 on 2025-06-24/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Protocol / trial coding: Fix and resubmit' })).toBeVisible();
    await expect(page.getByText('TRIAL-NUMBER · Clinical-trial or IDE number missing')).toBeVisible();
    const worksheet = page.getByRole('region', { name: 'Resubmission worksheet' });
    await expect(worksheet.getByRole('row', { name: /Clinical trial \(NCT\) number/ })).toContainText('09912345');
    await expect(worksheet).toContainText('a new claim (frequency code 1)');
    await expect(page.getByRole('region', { name: 'Linked charge' })).toContainText('CHG4195672');
    await expect(page.getByRole('region', { name: 'Study and calendar row' })).toContainText('NSCLC-301');
  });

  test('edits the appeal letter, attaches a PDF, previews and exports the packet', async ({ page, request, demoHarness }) => {
    expect((await importRemittanceViaBackend(request, demoHarness.url, DEMO_REMIT)).status).toBe('succeeded');
    await openDenials(page, demoHarness.url);
    await page.getByRole('button', { name: /^Open denial \d+: 71260-26-Q1 on 2025-01-15/ }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Protocol / trial coding: Appeal' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Study and calendar row' }).getByText('this service')).toBeVisible();
    await page.getByRole('button', { name: 'Prepare the appeal' }).click();

    const letter = page.getByLabel('Appeal letter');
    await expect(letter).toHaveValue(/Medicare National Coverage Determination 310\.1/);
    const original = await letter.inputValue();
    await letter.fill(original.replace('Dear Appeals Reviewer:', 'Dear Medical Director, Appeals Unit:'));
    await page.getByRole('button', { name: 'Save letter' }).click();
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();

    const irb = join(work, 'irb-approval.pdf');
    await makePdf(irb, 2, 'IRB APPROVAL');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add PDF attachments…' }).click();
    await (await chooser).setFiles(irb);
    await expect(page.getByRole('region', { name: 'Attached exhibits' })).toContainText('irb-approval (2 pages)');

    await page.getByRole('button', { name: 'Preview packet' }).click();
    const preview = page.getByTestId('packet-preview');
    await expect(preview.getByRole('row', { name: /Exhibit E: irb-approval/ })).toContainText('attached');
    await expect(preview.locator('iframe')).toHaveAttribute('src', /^blob:/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    const file = join(work, 'packet.pdf');
    await (await download).saveAs(file);
    await expect(page.getByText(/^Exported appeal-2533500010101-d\d+\.pdf: \d+ pages\./)).toBeVisible();
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Dear Medical Director, Appeals Unit:');
    expect(text).toContain('IRB APPROVAL 2');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`)));
    expect(text).not.toMatch(/MRN\d/);
  });

  test('keeps the keyboard on the new content, keeps letter edits on leaving, and names closed denials', async ({ page, request, demoHarness }) => {
    expect((await importRemittanceViaBackend(request, demoHarness.url, DEMO_REMIT)).status).toBe('succeeded');
    await openDenials(page, demoHarness.url);
    await page.getByRole('button', { name: /^Open denial \d+: 71260-26-Q1 on 2025-01-15/ }).press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /71260-26-Q1 on 2025-01-15/ })).toBeFocused();
    await page.getByRole('button', { name: 'Prepare the appeal' }).press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: /^Appeal of denial/ })).toBeFocused();
    const letter = page.getByLabel('Appeal letter');
    await expect(letter).toHaveValue(/Dear Appeals Reviewer:/);
    await letter.fill((await letter.inputValue()).replace('Dear Appeals Reviewer:', 'Dear Appeals Unit:'));
    await page.getByRole('button', { name: '← Back to the denial' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /71260-26-Q1 on 2025-01-15/ })).toBeFocused();
    await page.getByRole('button', { name: 'Prepare the appeal' }).click();
    await expect(page.getByLabel('Appeal letter')).toHaveValue(/Dear Appeals Unit:/);
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible();

    // Written off: the queue says so (it said "Paid"), and a filter that hides it says why.
    await page.getByRole('button', { name: '← Back to the denial' }).click();
    await page.getByRole('button', { name: 'Write off' }).click();
    await page.getByLabel('Date it happened').fill('2025-12-15');
    await page.getByRole('form', { name: 'Write off' }).getByRole('button', { name: 'Write off' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Work this denial (Written off)' })).toBeVisible();
    await page.getByRole('button', { name: '← Back to the queue' }).click();
    await page.getByLabel('Status').selectOption('written-off');
    await expect(page.getByText('No denial matches these filters')).toBeVisible();
    await expect(page.getByText(/show with "Include resolved and closed"/)).toBeVisible();
    await page.getByLabel('Include resolved and closed').check();
    const row = page.getByRole('table', { name: 'Denials by days left' }).getByRole('row').filter({ hasText: '71260-26-Q1' });
    await expect(row.getByRole('cell').last()).toHaveText('Written off');
  });

  test('saves a payer limit with the focus kept and a confirmation', async ({ page, request, demoHarness }) => {
    expect((await importRemittanceViaBackend(request, demoHarness.url, DEMO_REMIT)).status).toBe('succeeded');
    await openDenials(page, demoHarness.url);
    await page.getByRole('tab', { name: 'Payer deadlines' }).click();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    const days = page.getByLabel('Appeal days for AETNA');
    await days.fill('90');
    const save = page.getByRole('button', { name: 'Save the limits for AETNA' });
    await save.click();
    const row = page.getByRole('row').filter({ has: days });
    await expect(row.getByRole('status')).toHaveText('Saved; deadlines recomputed.');
    await expect(save).toBeFocused();
    await expect(days).toHaveValue('90');
    await page.getByRole('button', { name: 'Use the default limits for AETNA' }).click();
    await expect(row.getByRole('status')).toHaveText('Default restored; deadlines recomputed.');
    await expect(save).toBeFocused();
    await expect(days).not.toHaveValue('90');
  });

  test('moves a denial through the workflow and shows the metrics with their definitions', async ({ page, request, demoHarness }) => {
    expect((await importRemittanceViaBackend(request, demoHarness.url, DEMO_REMIT)).status).toBe('succeeded');
    await openDenials(page, demoHarness.url);
    await page.getByRole('button', { name: /^Open denial \d+: 84443 on 2025-07-27/ }).click();
    await page.getByRole('button', { name: 'Move to the sponsor invoice' }).click();
    await page.getByLabel('Date it happened').fill('2025-12-15');
    await page.getByRole('form', { name: 'Move to the sponsor invoice' }).getByRole('button', { name: 'Move to the sponsor invoice' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Work this denial (Moved to sponsor)' })).toBeVisible();

    await page.getByRole('tab', { name: 'Metrics' }).click();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await expect(page.getByLabel('Totals').getByText('Initial denial rate', { exact: true })).toBeVisible();
    const rate = page.getByRole('figure', { name: 'Initial denial rate (claims) by month' });
    await expect(rate).toContainText('Claims with at least one initial denial');
    await expect(rate.getByRole('row', { name: /2025-12/ })).toContainText('9 of 21 claims');
    await page.getByRole('button', { name: 'Payer' }).click();
    const byPayer = page.getByRole('figure', { name: 'Initial denial rate (claims) by payer' });
    await expect(byPayer).toContainText('AETNA');
    // Long payer names are fitted under their bars: no two axis labels overlap.
    const ticks = byPayer.locator('.recharts-xAxis-tick-labels text');
    await expect(ticks).toHaveCount(4);
    const boxes = (await ticks.evaluateAll((nodes) => nodes.map((n) => { const r = n.getBoundingClientRect(); return { x: r.x, width: r.width }; }))).sort((a, b) => a.x - b.x);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
  });
});
