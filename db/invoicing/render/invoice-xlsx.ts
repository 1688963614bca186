/**
 * The .xlsx of an invoice or credit memo: the same lines as the PDF, one per row, with numeric
 * amounts (so the sponsor's accounts-payable team can filter and sum) and totals as SUM formulas
 * carrying their computed value.
 */
import ExcelJS from 'exceljs';
import { formatBasisPoints } from '../../../shared/domain/money.ts';
import { negate } from '../../../shared/invoicing/line-math.ts';
import type { InvoiceDetail } from '../../../shared/invoicing/types.ts';
import { documentTitle } from './invoice-pdf.ts';
import { MONEY_FORMAT, dollars, styleHeader, sumCell } from './xlsx-util.ts';

const HEADERS = ['Line', 'Date', 'Subject', 'Visit / item', 'Visit name', 'CPT/HCPCS', 'Description', 'Note', 'Amount', 'Overhead rate', 'Overhead', 'Holdback rate', 'Holdback', 'Net due'];
const MONEY_COLUMNS = ['I', 'K', 'M', 'N'];

/** Builds the workbook bytes. */
export async function renderInvoiceXlsx(invoice: InvoiceDetail, now: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TrialLedger';
  wb.created = now;
  wb.modified = now;
  const ws = wb.addWorksheet(invoice.kind === 'CREDIT_MEMO' ? 'Credit memo' : 'Invoice', { views: [{ state: 'frozen', ySplit: 12 }] });
  const s = invoice.study;
  const header: [string, string][] = [
    [documentTitle(invoice), invoice.number ?? `Draft ${invoice.id} (numbered when issued)`],
    ['Date', invoice.issueDate ?? ''],
    ['Due date', invoice.dueDate ?? ''],
    ['Sponsor', s.sponsor],
    ['Protocol', `${s.protocolNumber} (site study ${s.studyId})`],
    ['ClinicalTrials.gov', s.nctNumber ?? ''],
    ['Services', invoice.periodFrom && invoice.periodTo ? `${invoice.periodFrom} to ${invoice.periodTo}` : ''],
    ['Terms', `Overhead ${formatBasisPoints(invoice.overheadBp)}, holdback ${formatBasisPoints(invoice.holdbackBp)}, net ${invoice.paymentTermsDays} days`],
    ['Credits invoice', invoice.credits?.number ?? ''],
    ['PO number', invoice.poNumber ?? ''],
  ];
  for (const [k, v] of header) ws.addRow([k, v]).getCell(1).font = { bold: true };
  ws.addRow([]);
  styleHeader(ws.addRow(HEADERS));
  const first = ws.rowCount + 1;
  const lines = invoice.lines.filter((l) => !l.removed);
  lines.forEach((l, i) => {
    ws.addRow([
      i + 1,
      l.serviceDate,
      l.subjectId ?? 'Study',
      l.visitCode,
      l.visitName ?? '',
      l.cptHcpcs ?? '',
      l.description,
      l.note ?? '',
      dollars(l.amountCents),
      l.overheadBp / 10_000,
      dollars(l.overheadCents),
      l.holdbackBp / 10_000,
      dollars(negate(l.holdbackCents)),
      dollars(l.netCents),
    ]);
  });
  const last = ws.rowCount;
  const t = invoice.totals;
  const totals = ws.addRow(['', '', '', '', '', '', 'Totals', '', sumCell('I', first, last, t.amountCents), '', sumCell('K', first, last, t.overheadCents), '', sumCell('M', first, last, negate(t.holdbackCents)), sumCell('N', first, last, t.netCents)]);
  totals.font = { bold: true };
  for (const c of MONEY_COLUMNS) ws.getColumn(c).numFmt = MONEY_FORMAT;
  for (const c of ['J', 'L']) ws.getColumn(c).numFmt = '0.00%';
  const widths = [6, 11, 10, 12, 22, 10, 40, 24, 12, 10, 12, 10, 12, 12];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
