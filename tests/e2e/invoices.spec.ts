/**
 * Invoicing through the UI on a demo database of its own: build an invoice from the demo, remove a
 * line with a reason, issue it, see its PDF in the embedded preview, record and apply a payment, and
 * see the balance age; then draft a holdback release from the close-out screen.
 */
import type { ConsoleMessage, Locator, Page } from '@playwright/test';
import type { InvoiceDetail } from '../../shared/invoicing/types.ts';
import { callBackend, expect, openApp, test } from './own-harness.ts';

async function openInvoices(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  // A CSP violation (the PDF frame) or a failed request surfaces as a console error.
  page.on('console', (m: ConsoleMessage) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await openApp(page, url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Invoices/ }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  return problems;
}

/** How many lines the first text in an element is laid out on (a date broken at its hyphen is 2). */
async function textLines(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    type TextOrElement = typeof el | NonNullable<typeof el.firstChild>;
    const firstText = (node: TextOrElement): TextOrElement | null => {
      if (node.nodeType === 3) return (node.textContent ?? '').trim() === '' ? null : node;
      for (const child of node.childNodes) {
        const found = firstText(child);
        if (found) return found;
      }
      return null;
    };
    const text = firstText(el);
    if (!text) throw new Error(`no text in ${el.outerHTML.slice(0, 200)}`);
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(text);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

/** The window itself never scrolls sideways: a wide table scrolls inside its own frame. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Polled: charts and frames settle to a new width a frame after the window resizes.
  await expect.poll(() => page.locator('html, .app-body').evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth))).toEqual([0, 0]);
}

test.describe('invoices', () => {
  test('build, issue, preview, pay and age an invoice', async ({ page, demoHarness }) => {
    const problems = await openInvoices(page, demoHarness.url);
    await page.getByRole('combobox', { name: /^Study/ }).first().selectOption('NSCLC-301');
    await page.getByLabel('Visits from').fill('2025-01-01');
    await page.getByLabel('to', { exact: true }).fill('2025-12-31');
    // The five sponsor items the demo never invoiced (INVC-20); the close-out fee waits for the final invoice.
    await expect(page.getByTestId('proposal-preview')).toContainText('5 lines to bill, $1,021.74 due');
    await expect(page.getByTestId('proposal-preview')).toContainText('1 close-out fee held for the final invoice');
    await page.getByRole('button', { name: 'Build draft' }).click();

    await expect(page.getByRole('heading', { name: 'Draft invoice · NSCLC-301' })).toBeVisible();
    await expect(page.getByTestId('amount-due')).toHaveText('$1,021.74');
    await page.getByRole('button', { name: /^Remove Lipid panel 101-033/ }).click();
    await page.getByLabel('Why remove Lipid panel').fill('Repeat screening lab: not billable per CTA exhibit B');
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByTestId('amount-due')).toHaveText('$974.11');
    await expect(page.getByText('Repeat screening lab: not billable per CTA exhibit B')).toBeVisible();

    await page.getByLabel('Issue date').fill('2026-01-15');
    await page.getByRole('button', { name: 'Issue invoice' }).click();
    await expect(page.getByRole('heading', { name: 'Invoice INV-NSCLC-301-2026-001' })).toBeVisible();
    await expect(page.getByTestId('invoice-balance')).toHaveText('$974.11');
    const preview = page.getByTestId('pdf-preview');
    await expect(preview).toHaveAttribute('src', /^blob:/);
    // The frame holds a PDF document (Chromium's viewer), loaded from the blob the app made.
    const src = (await preview.getAttribute('src')) ?? '';
    await expect.poll(() => page.frame({ url: src })?.evaluate('document.contentType')).toBe('application/pdf');
    await expect(page.getByRole('button', { name: 'Save INV-NSCLC-301-2026-001.pdf' })).toBeVisible();

    await page.getByRole('tab', { name: 'Payments' }).click();
    await page.getByRole('combobox', { name: /^Sponsor/ }).selectOption('Northstar Oncology Cooperative Group');
    await page.getByLabel('Received').fill('2026-02-20');
    await page.getByLabel('Amount ($)').fill('500.00');
    await page.getByLabel('Reference').fill('EFT 20260220-17');
    await page.getByRole('button', { name: 'Record payment' }).click();
    const payment = page.getByRole('region', { name: 'Payment EFT 20260220-17' });
    await expect(payment.getByTestId('unapplied')).toHaveText('Unapplied $500.00');
    await payment.getByRole('button', { name: 'Apply…' }).click();
    await payment.getByRole('combobox', { name: /^Invoice/ }).selectOption({ label: 'INV-NSCLC-301-2026-001 · NSCLC-301 · due 2026-03-01 · open $974.11' });
    await expect(payment.getByLabel('Amount ($)')).toHaveValue('500.00');
    await payment.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(payment.getByTestId('unapplied')).toHaveText('Unapplied $0.00');
    await expect(payment.getByText('$500.00 to')).toBeVisible();

    await page.getByRole('tab', { name: 'Receivables' }).click();
    await page.getByLabel('As of').fill('2026-04-01');
    const table = page.getByRole('table', { name: 'Receivables by sponsor and days past due' });
    const row = table.getByRole('row', { name: /Northstar Oncology Cooperative Group/ });
    // Due 2026-03-01: 31 days past due on 2026-04-01, with $974.11 - $500.00 still open.
    await expect(row.getByRole('cell').nth(2)).toHaveText('$474.11');
    await expect(page.getByText(/INV-NSCLC-301-2026-001.*31 days overdue/)).toBeVisible();

    await page.getByRole('tab', { name: 'Invoices' }).click();
    await expect(page.getByRole('row', { name: /INV-NSCLC-301-2026-001/ }).getByText('Partially paid')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('close-out: unbilled items, holdback and its release invoice', async ({ page, demoHarness }) => {
    const problems = await openInvoices(page, demoHarness.url);
    await page.getByRole('tab', { name: 'Close-out' }).click();
    await page.getByRole('combobox', { name: /^Study/ }).selectOption('HFREG-01');
    await expect(page.getByRole('heading', { name: /^HFREG-01 as of/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Items never invoiced (7)' })).toBeVisible();
    const holdback = (await page.getByTestId('holdback-total').textContent()) ?? '';
    expect(holdback).toMatch(/^\$[\d,]+\.\d\d$/);
    await page.getByRole('button', { name: 'Draft the holdback release invoice' }).click();
    await expect(page.getByRole('heading', { name: 'Draft holdback release invoice · HFREG-01' })).toBeVisible();
    await expect(page.getByTestId('amount-due')).toHaveText(holdback);
    await page.getByRole('button', { name: 'Issue invoice' }).click();
    await expect(page.getByRole('heading', { name: /^Holdback release INV-HFREG-01-\d{4}-\d{3}$/ })).toBeVisible();
    await expect(page.getByTestId('pdf-preview')).toHaveAttribute('src', /^blob:/);
    expect(problems).toEqual([]);
  });

  test('invoice numbers, dates and amounts stay on one line in narrow windows', async ({ page, demoHarness, request }) => {
    const draft = await callBackend<InvoiceDetail>(request, demoHarness.url, 'invoices:create-draft', { studyId: 'NSCLC-301', from: '2025-01-01', to: '2025-12-31' });
    const invoice = await callBackend<InvoiceDetail>(request, demoHarness.url, 'invoices:issue', { invoiceId: draft.id, issueDate: '2026-01-15' });
    const number = invoice.number ?? '';
    await page.setViewportSize({ width: 1024, height: 700 });
    await openInvoices(page, demoHarness.url);
    const row = page.getByRole('row', { name: new RegExp(number) });
    expect(await textLines(row.getByRole('button', { name: number }))).toBe(1);
    // Every cell's value (the sponsor's name under the study may wrap, the study number not).
    for (const cell of await row.getByRole('cell').all()) expect(await textLines(cell), await cell.innerText()).toBe(1);
    // The Balance column is there, reached by scrolling the table's frame rather than the window.
    const balance = page.getByRole('columnheader', { name: 'Balance' });
    await balance.scrollIntoViewIfNeeded();
    await expect(balance).toBeInViewport();
    await expectNoSidewaysScroll(page);

    await row.getByRole('button', { name: number }).click();
    await expect(page.getByRole('heading', { name: `Invoice ${number}` })).toBeVisible();
    const lines = page.getByRole('table', { name: `Lines of ${number}` });
    for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
      await page.setViewportSize(size);
      const columns = await lines.getByRole('columnheader').allInnerTexts();
      for (const line of await lines.locator('tbody tr').all()) {
        const cells = await line.getByRole('cell').all();
        // Only the item's description may wrap.
        for (const [i, cell] of cells.entries()) if (columns[i] !== 'Item') expect(await textLines(cell), `${columns[i] ?? ''}: ${await cell.innerText()}`).toBe(1);
      }
      await expectNoSidewaysScroll(page);
    }
  });
});
