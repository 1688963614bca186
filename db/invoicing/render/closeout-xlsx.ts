/**
 * The close-out workbook: the summary, then the full ledger (every completed visit item, screen
 * failure, one-time and per-occurrence item with invoiced, paid and outstanding amounts), the
 * unbilled items, the invoices and the per-subject figures. Written with exceljs's streaming writer,
 * row by row, so a 20,000-visit study does not hold the whole workbook in memory.
 */
import ExcelJS from 'exceljs';
import type { CloseoutReport, LedgerRow } from '../../../shared/invoicing/report-types.ts';
import { STATE_LABELS } from '../../../shared/invoicing/state.ts';
import { MONEY_FORMAT, dollars } from './xlsx-util.ts';

type Report = Omit<CloseoutReport, 'ledger'>;

function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly { header: string; width: number; money?: boolean }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.money ? { style: { numFmt: MONEY_FORMAT } } : {}) }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** Writes the workbook to `path` (streamed). */
export async function writeCloseoutXlsx(path: string, report: Report, ledger: Iterable<LedgerRow>, now: Date): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'TrialLedger';
  wb.created = now;
  const t = report.totals;
  const h = report.holdback;
  const summary = sheet(wb, 'Summary', [{ header: 'Item', width: 40 }, { header: 'Value', width: 60 }]);
  const money = (k: string, cents: number): void => {
    const row = summary.addRow([k, dollars(cents)]);
    row.getCell(2).numFmt = MONEY_FORMAT;
    row.commit();
  };
  for (const [k, v] of [
    ['Study', `${report.study.studyId}: ${report.study.title}`],
    ['Protocol', report.study.protocolNumber],
    ['Sponsor', report.study.sponsor],
    ['ClinicalTrials.gov', report.study.nctNumber ?? ''],
    ['As of', report.asOf],
    ['Subjects', t.subjects],
    ['Completed visits', t.completedVisits],
    ['Billable items', t.items],
    ['Items never invoiced', t.unbilledCount],
    ['Items awaiting sponsor approval', t.awaitingApprovalCount],
  ] as const)
    summary.addRow([k, v]).commit();
  money('CTA value of items', t.ctaCents);
  money('Invoiced (CTA amounts)', t.invoicedCents);
  money('Invoiced before TrialLedger', t.invoicedBeforeCents);
  money('Net due on TrialLedger invoices', t.netDueCents);
  money('Paid', t.paidCents);
  money('Outstanding', t.outstandingCents);
  money('Never invoiced', t.unbilledCents);
  money('Unapplied sponsor cash', t.unappliedCashCents);
  money('Holdback withheld on TrialLedger invoices', h.trialLedgerCents);
  money('Holdback withheld on earlier invoices (from CTA terms)', h.importedEstimateCents);
  money('Holdback to release', h.totalCents);
  summary.commit();

  const ws = sheet(wb, 'Ledger', [
    { header: 'Subject', width: 10 }, { header: 'Visit / item', width: 12 }, { header: 'Visit name', width: 20 }, { header: 'Date', width: 11 }, { header: 'CPT/HCPCS', width: 10 },
    { header: 'Description', width: 40 }, { header: 'CTA amount', width: 12, money: true }, { header: 'Invoiced', width: 12, money: true }, { header: 'Invoices', width: 26 },
    { header: 'Net due', width: 12, money: true }, { header: 'Paid', width: 12, money: true }, { header: 'Outstanding', width: 12, money: true }, { header: 'Status', width: 16 },
  ]);
  for (const r of ledger) {
    ws.addRow([r.subjectId ?? 'Study', r.visitCode, r.visitName ?? '', r.serviceDate ?? '', r.cptHcpcs ?? '', r.description, dollars(r.ctaCents), dollars(r.invoicedCents), r.invoiceNumbers, dollars(r.netDueCents), dollars(r.paidCents), dollars(r.outstandingCents), r.status]).commit();
  }
  ws.commit();

  const un = sheet(wb, 'Unbilled', [{ header: 'Rule', width: 10 }, { header: 'Subject', width: 10 }, { header: 'Visit / item', width: 12 }, { header: 'CPT/HCPCS', width: 10 }, { header: 'Description', width: 40 }, { header: 'Date', width: 11 }, { header: 'CTA amount', width: 12, money: true }]);
  for (const u of report.unbilled) un.addRow([u.rule ?? 'one-time', u.subjectId ?? 'Study', u.visitCode, u.cptHcpcs ?? '', u.description, u.serviceDate ?? '', dollars(u.amountCents)]).commit();
  un.commit();

  const inv = sheet(wb, 'Invoices', [{ header: 'Number', width: 26 }, { header: 'Kind', width: 16 }, { header: 'Issued', width: 11 }, { header: 'Due', width: 11 }, { header: 'Net', width: 12, money: true }, { header: 'Paid', width: 12, money: true }, { header: 'Balance', width: 12, money: true }, { header: 'Status', width: 14 }]);
  for (const i of report.invoices) inv.addRow([i.number, i.kind, i.issueDate, i.dueDate, dollars(i.netCents), dollars(i.paidCents), dollars(i.balanceCents), STATE_LABELS[i.state]]).commit();
  inv.commit();

  const sub = sheet(wb, 'Subjects', [{ header: 'Subject', width: 10 }, { header: 'Status', width: 14 }, { header: 'Completed visits', width: 10 }, { header: 'Items', width: 8 }, { header: 'CTA value', width: 12, money: true }, { header: 'Invoiced', width: 12, money: true }, { header: 'Paid', width: 12, money: true }, { header: 'Outstanding', width: 12, money: true }, { header: 'Unbilled', width: 12, money: true }]);
  for (const x of report.subjects) sub.addRow([x.subjectId, x.status, x.completedVisits, x.items, dollars(x.ctaCents), dollars(x.invoicedCents), dollars(x.paidCents), dollars(x.outstandingCents), dollars(x.unbilledCents)]).commit();
  sub.commit();
  await wb.commit();
}
