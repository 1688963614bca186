/**
 * The Invoices screens of the screenshot registry (spread into SCREENS by screens.ts). The harness
 * keeps one demo database for every screen of a run, so each screen first brings the data to the
 * state it shows (site details saved, an NSCLC-301 invoice drafted, issued, partly paid) unless an
 * earlier screen already did, then opens its screen and waits until it shows its data.
 */
import { expect, type Page } from '@playwright/test';
import type { ScreenShot } from './screens.ts';

async function ready(page: Page): Promise<void> {
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 30_000 });
}

async function openTab(page: Page, tab: string): Promise<void> {
  // Clicking the current section again would leave the shell waiting for a screen that does not reload.
  const section = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Invoices/ });
  if ((await section.getAttribute('aria-current')) !== 'page') await section.click();
  await ready(page);
  await page.getByRole('tab', { name: tab }).click();
  await ready(page);
}

/** Fictional site details (no real institution or account), as a coordinator enters them once. */
async function saveSite(page: Page): Promise<void> {
  await openTab(page, 'Site settings');
  await page.getByLabel('Site or institution name', { exact: true }).fill('Lakeside University Medical Center');
  await page.getByLabel('Site number', { exact: true }).fill('0417');
  await page.getByLabel('Tax id (EIN)', { exact: true }).fill('38-1234567');
  await page.getByLabel('Contact name', { exact: true }).fill('Dana Whitfield, Research Billing');
  await page.getByLabel('Contact email', { exact: true }).fill('ctofinance@lakeside.example');
  await page.getByLabel('Address (one line per row)', { exact: true }).fill('Clinical Trials Office, Suite 400\n1200 Harbor Drive\nLakeside, MI 49001');
  await page.getByLabel('Remit to, for checks (one line per row)', { exact: true }).fill('Lakeside University Medical Center\nAttn: Clinical Trials A/R\nPO Box 7781, Lakeside, MI 49003');
  await page.getByLabel('Payment instructions (bank, ACH, wire)', { exact: true }).fill('ACH or wire: Harbor National Bank, ABA 000000000, account 0000000000. Remittance advice to ctofinance@lakeside.example.');
  await page.getByRole('combobox', { name: 'Study' }).selectOption('NSCLC-301');
  await page.getByLabel('Principal investigator', { exact: true }).fill('Priya Raman, MD');
  await page.getByLabel('Bill to: attention', { exact: true }).fill('Clinical Trial Payments');
  await page.getByLabel('Bill to: address (one line per row)', { exact: true }).fill('55 Research Parkway\nBoston, MA 02115');
  await page.getByRole('button', { name: 'Save site details' }).click();
  await expect(page.getByText('Saved. New invoices will print these details.')).toBeVisible();
}

/** Opens the NSCLC-301 invoice (drafting it with the 2025 visits first, unless it exists). */
async function openNsclcInvoice(page: Page): Promise<void> {
  await openTab(page, 'Invoices');
  const existing = page.getByRole('row', { name: /NSCLC-301/ }).getByRole('button').first();
  if ((await existing.count()) > 0) {
    await existing.click();
    await ready(page);
    return;
  }
  await saveSite(page);
  await openTab(page, 'Invoices');
  await page.getByRole('combobox', { name: /^Study/ }).first().selectOption('NSCLC-301');
  await page.getByLabel('Visits from', { exact: true }).fill('2025-01-01');
  await page.getByLabel('to', { exact: true }).fill('2025-12-31');
  await expect(page.getByTestId('proposal-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Build draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice · NSCLC-301' })).toBeVisible();
}

/** Makes sure the NSCLC-301 invoice is issued and opens it. */
async function openIssued(page: Page): Promise<void> {
  await openNsclcInvoice(page);
  const issue = page.getByRole('button', { name: 'Issue invoice' });
  if ((await issue.count()) > 0) {
    await page.getByLabel('Issue date', { exact: true }).fill('2026-01-15');
    await issue.click();
  }
  await expect(page.getByRole('heading', { name: /^Invoice INV-NSCLC-301-/ })).toBeVisible();
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
}

/** Records a $600.00 payment applied to the invoice, unless one was recorded. */
async function withPayment(page: Page): Promise<void> {
  await openIssued(page);
  await openTab(page, 'Payments');
  if ((await page.getByRole('region', { name: 'Payment EFT 20260220-17' }).count()) > 0) return;
  await page.getByRole('combobox', { name: /^Sponsor/ }).selectOption('Northstar Oncology Cooperative Group');
  await page.getByLabel('Received', { exact: true }).fill('2026-02-20');
  await page.getByLabel('Amount ($)', { exact: true }).fill('1,200.00');
  await page.getByLabel('Reference', { exact: true }).fill('EFT 20260220-17');
  await page.getByLabel('Note', { exact: true }).fill('Remittance advice lists INV-NSCLC-301-2026-001 only');
  await page.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('region', { name: 'Payment EFT 20260220-17' });
  await payment.getByRole('button', { name: 'Apply…' }).click();
  await payment.getByRole('combobox', { name: /^Invoice/ }).selectOption({ index: 1 });
  await payment.getByLabel('Amount ($)', { exact: true }).fill('600.00');
  await payment.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(payment.getByTestId('unapplied')).toHaveText('Unapplied $600.00');
}

export const INVOICE_SCREENS: readonly ScreenShot[] = [
  {
    name: 'invoice-builder',
    caption: 'Invoices: a draft built from completed visits, grouped by subject and visit, each line removable with a reason; overhead and holdback per line and in the totals.',
    open: openNsclcInvoice,
  },
  {
    name: 'invoice-view',
    caption: 'Invoices: an issued invoice with its balance, lines and the PDF preview.',
    open: openIssued,
  },
  {
    name: 'invoice-payments',
    caption: 'Payments: a sponsor payment applied in part, the rest kept as unapplied cash.',
    open: withPayment,
  },
  {
    name: 'invoice-aging',
    caption: 'Receivables: open balances per sponsor by days past due (0-30, 31-60, 61-90, over 90).',
    open: async (page) => {
      await withPayment(page);
      await openTab(page, 'Receivables');
      await page.getByLabel('As of', { exact: true }).fill('2026-04-15');
      await expect(page.getByText('By sponsor, as of 2026-04-15')).toBeVisible();
    },
  },
  {
    name: 'invoice-closeout',
    caption: 'Close-out: invoiced, paid and outstanding per study and subject, items never invoiced, holdback to release.',
    open: async (page) => {
      await withPayment(page);
      await openTab(page, 'Close-out');
      await page.getByRole('combobox', { name: /^Study/ }).selectOption('NSCLC-301');
      await expect(page.getByRole('heading', { name: /^NSCLC-301 as of/ })).toBeVisible();
    },
  },
];
