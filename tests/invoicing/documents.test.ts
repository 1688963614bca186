/**
 * The documents, parsed back: invoice and close-out PDFs through poppler (numbers, totals, page
 * count, NCT and protocol, no MRN anywhere), workbooks through exceljs. Renders page 1 of a demo
 * invoice and of a close-out report into docs/screenshots for the documentation.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo/load-demo.ts';
import { reconcile } from '../../db/engine/reconcile.ts';
import { createDraft, updateDraft } from '../../db/invoicing/drafts.ts';
import { issueInvoice } from '../../db/invoicing/issue.ts';
import { renderCloseoutFile } from '../../db/invoicing/render/closeout-files.ts';
import { renderInvoiceFile } from '../../db/invoicing/render/outputs.ts';
import { saveSiteSettings } from '../../db/invoicing/site-settings.ts';
import { buildCloseout } from '../../db/queries/invoicing/closeout.ts';
import { getInvoice } from '../../db/queries/invoicing/get-invoice.ts';
import { formatCents } from '../../shared/domain/money.ts';
import { E2E_DEMO_DIR } from '../e2e/e2e-env.ts';
import { memoryStore } from '../helpers/store.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { TempDir, assertPopplerInstalled, pdfFonts, pdfInfo, pdfPageCount, pdfPages, pdfText, renderPng } from '../pdf/helpers.ts';
import { DEMO_SITE } from './demo-site.ts';
import { NOW, world } from './world.ts';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const MRN = /MRN\d+/;
const pdfs = new TempDir();
afterAll(() => pdfs.dispose());

async function demoWithFinalInvoice(): Promise<{ db: Db; invoiceId: number }> {
  const db = memoryStore();
  await loadDemo(db, E2E_DEMO_DIR);
  reconcile(db, { now: () => NOW });
  saveSiteSettings(db, DEMO_SITE);
  const invoiceId = createDraft(db, { studyId: 'NSCLC-301', from: '2025-01-01', to: '2025-12-31', includeCloseOutItems: true, poNumber: 'PO-77120' }, NOW);
  updateDraft(db, {
    invoiceId,
    changes: [
      { op: 'add', line: { kind: 'invoiceable', itemCode: 'SAE', subjectId: '101-021', serviceDate: '2025-12-02', reason: 'SAE report submitted 2025-12-02' } },
      { op: 'add', line: { kind: 'invoiceable', itemCode: 'IRB-CONT', serviceDate: '2025-12-15', reason: 'IRB continuing review 2025' } },
    ],
  });
  issueInvoice(db, invoiceId, '2026-01-15', NOW);
  return { db, invoiceId };
}

describe('the invoice PDF', () => {
  let db: Db;
  let invoiceId: number;
  let path: string;
  beforeAll(async () => {
    assertPopplerInstalled();
    ({ db, invoiceId } = await demoWithFinalInvoice());
    const out = await renderInvoiceFile(db, invoiceId, 'pdf', { outboxDir: pdfs.path, now: () => NOW });
    path = join(pdfs.path, out.fileName);
  });

  it('carries the number, dates, parties, protocol, NCT, every line and the totals', () => {
    const invoice = getInvoice(db, invoiceId);
    const text = pdfText(path);
    for (const expected of ['INV-NSCLC-301-2026-001', 'Invoice date: 2026-01-15', 'Due date: 2026-03-01', 'Net 45 days', 'NOCG-L301', 'NCT09912345', 'Northstar Oncology Cooperative Group', 'Lakeside University Medical Center', 'Tax ID (EIN): 38-1234567', 'PO-77120', 'Priya Raman, MD', 'Harbor National Bank']) {
      expect(text.replace(/\s+/g, ' '), expected).toContain(expected);
    }
    for (const line of invoice?.lines ?? []) {
      expect(text).toContain(line.serviceDate);
      expect(text).toContain(formatCents(line.netCents));
      if (line.subjectId) expect(text).toContain(line.subjectId);
    }
    const t = invoice?.totals;
    const totalsLine = text.split('\n').find((l) => l.includes('Totals ('));
    expect(totalsLine?.trim().split(/\s{2,}/).slice(-4)).toEqual([formatCents(t?.amountCents ?? 0), formatCents(t?.overheadCents ?? 0), formatCents(-(t?.holdbackCents ?? 0)), formatCents(t?.netCents ?? 0)]);
    expect(text.replace(/\s+/g, ' ')).toContain(`Amount due: ${formatCents(t?.netCents ?? 0)}`);
    expect(text).not.toMatch(MRN);
  });

  it('has page numbers, embedded fonts and reproducible metadata', () => {
    const pages = pdfPageCount(path);
    expect(pages).toBe(2);
    pdfPages(path).forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages}`));
    expect(pdfFonts(path).every((f) => f.emb && f.sub && f.uni)).toBe(true);
    expect(pdfInfo(path).get('Title')).toBe('Invoice INV-NSCLC-301-2026-001');
  });

  it('renders page 1 for the documentation', () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const png = renderPng(path, pdfs.path, 1, 110);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    copyFileSync(png, join(SCREENSHOTS, 'invoice-page1.png'));
  });

  it('paginates a long invoice with the header on every page and no MRN', async () => {
    const subjects = Array.from({ length: 90 }, (_, i) => `S2,2${String(i).padStart(2, '0')},MRN7${String(i).padStart(3, '0')},A,2025-01-05,2025-01-10,,MEDICARE,ENROLLED`);
    const visits = subjects.map((s) => `S2,${s.split(',')[1]},V1,2025-01-10,COMPLETED`);
    const big = await world({ subjects, visits, invoices: [], approvals: [] });
    const id = createDraft(big, { studyId: 'S2', from: '2025-01-01', to: '2025-12-31' }, NOW);
    issueInvoice(big, id, '2026-01-15', NOW);
    const out = await renderInvoiceFile(big, id, 'pdf', { outboxDir: pdfs.path, now: () => NOW });
    const file = join(pdfs.path, out.fileName);
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.slice(0, -1).forEach((p) => expect(p).toMatch(/Date\s+Subject\s+Visit \//));
    expect(pdfText(file)).toContain(`Totals (90 lines)`);
    expect(pdfText(file)).toContain(formatCents(90 * 54_000));
    expect(pdfText(file)).not.toMatch(MRN);
  });
});

describe('the invoice workbook', () => {
  it('holds the same lines and totals, as numbers', async () => {
    const { db, invoiceId } = await demoWithFinalInvoice();
    const dir = tempDir();
    const out = await renderInvoiceFile(db, invoiceId, 'xlsx', { outboxDir: dir, now: () => NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, out.fileName));
    const ws = wb.getWorksheet('Invoice');
    const invoice = getInvoice(db, invoiceId);
    const header = ws?.getRow(12).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Line', 'Date', 'Subject']);
    const rows: unknown[][] = [];
    ws?.eachRow((row, n) => {
      if (n > 12) rows.push(row.values as unknown[]);
    });
    const lines = invoice?.lines ?? [];
    expect(rows).toHaveLength(lines.length + 1);
    lines.forEach((l, i) => {
      const r = rows[i] ?? [];
      expect([r[2], r[3], r[4], r[6]]).toEqual([l.serviceDate, l.subjectId ?? 'Study', l.visitCode, l.cptHcpcs ?? '']);
      expect([r[9], r[11], r[13], r[14]].map((v) => Math.round(Number(v) * 100))).toEqual([l.amountCents, l.overheadCents, 0 - l.holdbackCents, l.netCents]);
    });
    const totals = rows.at(-1) ?? [];
    expect((totals[14] as { formula: string; result: number }).formula).toMatch(/^SUM\(N13:N\d+\)$/);
    expect(Math.round((totals[14] as { result: number }).result * 100)).toBe(invoice?.totals.netCents);
    expect(JSON.stringify(rows)).not.toMatch(MRN);
  });
});

describe('the close-out report', () => {
  it('PDF: summary, unbilled items, holdback, findings, subjects, sign-off, no MRN', async () => {
    const db = memoryStore();
    await loadDemo(db, E2E_DEMO_DIR);
    reconcile(db, { now: () => NOW });
    saveSiteSettings(db, DEMO_SITE);
    const out = await renderCloseoutFile(db, 'NSCLC-301', '2026-01-15', 'pdf', { outboxDir: pdfs.path, now: () => NOW });
    const path = join(pdfs.path, out.fileName);
    const { report } = buildCloseout(db, 'NSCLC-301', '2026-01-15');
    const text = pdfText(path).replace(/[ \t]+/g, ' ');
    for (const expected of ['Study close-out reconciliation', 'NOCG-L301', 'NCT09912345', 'Items never invoiced', 'Open compliance findings', 'By subject', 'Sign-off', 'Finance office', formatCents(report.holdback.totalCents), formatCents(report.totals.unbilledCents)]) {
      expect(text, expected).toContain(expected);
    }
    for (const u of report.unbilled) expect(text).toContain(formatCents(u.amountCents));
    for (const s of report.subjects) expect(text).toContain(s.subjectId);
    expect(text).not.toMatch(MRN);
    const pages = pdfPageCount(path);
    expect(pdfText(path, pages)).toContain('Sign-off');
    copyFileSync(renderPng(path, pdfs.path, 1, 110), join(SCREENSHOTS, 'closeout-page1.png'));
  });

  it('workbook: every ledger row with its amounts', async () => {
    const db = memoryStore();
    await loadDemo(db, E2E_DEMO_DIR);
    const dir = tempDir();
    const out = await renderCloseoutFile(db, 'TMVR-22', '2026-01-15', 'xlsx', { outboxDir: dir, now: () => NOW });
    const { ledger, report } = buildCloseout(db, 'TMVR-22', '2026-01-15');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, out.fileName));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Ledger', 'Unbilled', 'Invoices', 'Subjects']);
    const ws = wb.getWorksheet('Ledger');
    expect((ws?.rowCount ?? 0) - 1).toBe(ledger.length);
    let invoiced = 0;
    ws?.eachRow((row, n) => {
      if (n > 1) invoiced += Math.round(Number(row.getCell(8).value) * 100);
    });
    expect(invoiced).toBe(ledger.reduce((s, r) => s + r.invoicedCents, 0));
    expect((wb.getWorksheet('Subjects')?.rowCount ?? 0) - 1).toBe(report.subjects.length);
  });
});
