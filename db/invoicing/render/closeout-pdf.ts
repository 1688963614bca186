/**
 * The close-out report a finance office signs: the study's summary, holdback and its release, the
 * invoices with their balances, every unbilled item (INVC-20 / SF-30), the compliance findings still
 * open, figures per subject, and a sign-off block. The item-by-item ledger (every completed visit
 * item with invoiced, paid and outstanding amounts) is the companion workbook: thousands of rows read
 * better filtered in a spreadsheet than printed (BRIEF section 3 "Close-out reconciliation").
 */
import { formatCount } from '../../../shared/domain/format.ts';
import { formatBasisPoints, formatCents } from '../../../shared/domain/money.ts';
import type { CloseoutReport } from '../../../shared/invoicing/report-types.ts';
import { STATE_LABELS } from '../../../shared/invoicing/state.ts';
import { createPdfDocument, type FontFiles } from '../../pdf/index.ts';
import { billToLines, siteLines, type DocumentParties } from './document-parties.ts';

type Report = Omit<CloseoutReport, 'ledger'>;

const KIND_LABEL = { INVOICE: 'Invoice', HOLDBACK_RELEASE: 'Holdback release', CREDIT_MEMO: 'Credit memo' } as const;

/** Builds the close-out PDF. */
export async function renderCloseoutPdf(report: Report, parties: DocumentParties, options: { readonly now: () => Date; readonly fonts?: FontFiles; readonly ledgerFileName: string }): Promise<Uint8Array> {
  const s = report.study;
  const t = report.totals;
  const h = report.holdback;
  const doc = await createPdfDocument({
    title: `Close-out reconciliation ${s.studyId}`,
    footerLabel: `Close-out reconciliation · ${s.studyId} · Protocol ${s.protocolNumber} · as of ${report.asOf}`,
    subject: 'Study close-out reconciliation',
    keywords: [s.studyId, s.protocolNumber, ...(s.nctNumber ? [s.nctNumber] : [])],
    now: options.now,
    ...(options.fonts ? { fonts: options.fonts } : {}),
  });
  doc.heading('Study close-out reconciliation', { level: 1 });
  doc.addressBlocks([
    { title: 'Site', name: parties.site.siteName || 'Site name not set', lines: siteLines(parties.site) },
    { title: 'Sponsor', name: s.sponsor, lines: billToLines(parties.billing) },
  ]);
  doc.keyValues([
    { key: 'Study', value: `${s.studyId}: ${s.title}` },
    { key: 'Protocol', value: s.protocolNumber },
    { key: 'ClinicalTrials.gov', value: s.nctNumber ?? 'not registered' },
    ...(parties.billing.investigator ? [{ key: 'Principal investigator', value: parties.billing.investigator }] : []),
    { key: 'CTA terms', value: `Overhead ${formatBasisPoints(s.overheadBp)}, holdback ${formatBasisPoints(s.holdbackBp)}, net ${s.paymentTermsDays} days` },
    { key: 'As of', value: report.asOf, strong: true },
  ]);
  doc.heading('Summary');
  doc.keyValues([
    { key: 'Subjects', value: formatCount(t.subjects) },
    { key: 'Completed visits', value: formatCount(t.completedVisits) },
    { key: 'Billable items', value: `${formatCount(t.items)} (CTA value ${formatCents(t.ctaCents)})` },
    { key: 'Invoiced (CTA amounts)', value: `${formatCents(t.invoicedCents)}, of which ${formatCents(t.invoicedBeforeCents)} before TrialLedger` },
    { key: 'Net due on TrialLedger invoices', value: formatCents(t.netDueCents) },
    { key: 'Paid', value: formatCents(t.paidCents) },
    { key: 'Outstanding', value: formatCents(t.outstandingCents), strong: true },
    { key: 'Never invoiced', value: `${formatCount(t.unbilledCount)} item${t.unbilledCount === 1 ? '' : 's'}, ${formatCents(t.unbilledCents)}`, strong: t.unbilledCount > 0 },
    { key: 'Awaiting sponsor approval', value: `${formatCount(t.awaitingApprovalCount)} item${t.awaitingApprovalCount === 1 ? '' : 's'}, ${formatCents(t.awaitingApprovalCents)} (not owed without the approval; PRE-27)` },
    { key: 'Unapplied sponsor cash', value: formatCents(t.unappliedCashCents) },
  ]);
  doc.heading('Holdback');
  doc.keyValues([
    { key: 'Withheld on TrialLedger invoices', value: `${formatCents(h.trialLedgerCents)} (on lines paid in full: ${formatCents(h.onPaidLinesCents)})` },
    { key: 'Withheld on earlier invoices', value: `${formatCents(h.importedEstimateCents)} (computed from the CTA terms)` },
    { key: 'Holdback to release', value: formatCents(h.totalCents), strong: true },
    { key: 'Release invoice', value: h.release ? `${h.release.number ?? 'draft'}, ${STATE_LABELS[h.release.state].toLowerCase()}, ${formatCents(h.release.netCents)}` : 'not yet drafted' },
  ]);
  // Invoices settled in full are summed in one line (every invoice is on the workbook's Invoices sheet): the page lists what still needs action.
  const settled = report.invoices.filter((i) => i.balanceCents === 0);
  const open = report.invoices.filter((i) => i.balanceCents !== 0);
  doc.heading('Invoices with a balance');
  if (report.invoices.length === 0) doc.paragraph('No invoice was issued with TrialLedger.', { muted: true });
  else {
    doc.paragraph(
      `${formatCount(report.invoices.length)} invoice${report.invoices.length === 1 ? '' : 's'} issued with TrialLedger; ${formatCount(settled.length)} settled in full (net ${formatCents(settled.reduce((s2, i) => s2 + i.netCents, 0))}), ${formatCount(open.length)} with a balance${open.length > 0 ? ':' : '.'}`,
    );
    if (open.length > 0)
      doc.table({
        columns: [{ title: 'Number', width: { pt: 128 } }, { title: 'Kind' }, { title: 'Issued', width: { pt: 56 }, nowrap: true }, { title: 'Due', width: { pt: 56 }, nowrap: true }, { title: 'Net', width: { pt: 62 }, align: 'right', nowrap: true }, { title: 'Paid', width: { pt: 62 }, align: 'right', nowrap: true }, { title: 'Balance', width: { pt: 62 }, align: 'right', nowrap: true }],
        rows: open.map((i) => [i.number, `${KIND_LABEL[i.kind]} · ${STATE_LABELS[i.state]}`, i.issueDate, i.dueDate, formatCents(i.netCents), formatCents(i.paidCents), formatCents(i.balanceCents)]),
        totals: [['', `${formatCount(open.length)} invoices`, '', '', formatCents(open.reduce((s2, i) => s2 + i.netCents, 0)), formatCents(open.reduce((s2, i) => s2 + i.paidCents, 0)), formatCents(open.reduce((s2, i) => s2 + i.balanceCents, 0))]],
        fontSize: 8,
      });
  }
  doc.heading('Items never invoiced');
  if (report.unbilled.length === 0) doc.paragraph('None: every sponsor item of every completed visit, every screen failure and every one-time fee was invoiced.');
  else
    doc.table({
      columns: [{ title: 'Rule', width: { pt: 50 }, nowrap: true }, { title: 'Subject', width: { pt: 46 } }, { title: 'Visit / item', width: { pt: 58 } }, { title: 'Code', width: { pt: 38 } }, { title: 'Description' }, { title: 'Date', width: { pt: 56 }, nowrap: true }, { title: 'CTA amount', width: { pt: 62 }, align: 'right', nowrap: true }],
      rows: report.unbilled.map((u) => [u.rule ?? 'one-time', u.subjectId ?? 'Study', u.visitCode, u.cptHcpcs ?? '', u.description, u.serviceDate ?? '', formatCents(u.amountCents)]),
      totals: [['', '', '', '', `${formatCount(report.unbilled.length)} items`, '', formatCents(t.unbilledCents)]],
      fontSize: 8,
    });
  doc.heading('Open compliance findings');
  if (report.findings.totalOpen === 0) doc.paragraph('None open or confirmed at the last reconciliation run.');
  else
    doc.table({
      columns: [{ title: 'Rule', width: { pt: 56 } }, { title: 'Finding' }, { title: 'Open', width: { pt: 44 }, align: 'right' }, { title: 'Amount', width: { pt: 70 }, align: 'right', nowrap: true }],
      rows: report.findings.byRule.map((f) => [f.rule, f.title, formatCount(f.count), formatCents(f.amountCents)]),
      totals: [['', 'Total', formatCount(report.findings.totalOpen), formatCents(report.findings.amountCents)]],
      fontSize: 8,
    });
  doc.heading('By subject');
  doc.table({
    columns: [{ title: 'Subject', width: { pt: 46 } }, { title: 'Status' }, { title: 'Visits', width: { pt: 40 }, align: 'right' }, { title: 'Items', width: { pt: 38 }, align: 'right' }, { title: 'CTA value', width: { pt: 58 }, align: 'right', nowrap: true }, { title: 'Invoiced', width: { pt: 58 }, align: 'right', nowrap: true }, { title: 'Paid', width: { pt: 54 }, align: 'right', nowrap: true }, { title: 'Outstanding', width: { pt: 62 }, align: 'right', nowrap: true }, { title: 'Unbilled', width: { pt: 54 }, align: 'right', nowrap: true }],
    rows: report.subjects.map((x) => [x.subjectId, x.status.replace('_', ' ').toLowerCase(), formatCount(x.completedVisits), formatCount(x.items), formatCents(x.ctaCents), formatCents(x.invoicedCents), formatCents(x.paidCents), formatCents(x.outstandingCents), formatCents(x.unbilledCents)]),
    fontSize: 8,
  });
  // The signature page stands alone, restating the figures signed for, so it can be filed by itself.
  doc.pageBreak().heading('Sign-off');
  doc.paragraph(`We have reconciled the sponsor billing of ${s.studyId} (protocol ${s.protocolNumber}) as of ${report.asOf} as set out in this report. The item-by-item ledger is in the companion workbook ${options.ledgerFileName}.`);
  doc.keyValues([
    { key: 'Invoiced (CTA amounts)', value: formatCents(t.invoicedCents) },
    { key: 'Paid', value: formatCents(t.paidCents) },
    { key: 'Outstanding', value: formatCents(t.outstandingCents), strong: true },
    { key: 'Never invoiced', value: formatCents(t.unbilledCents), strong: true },
    { key: 'Holdback to release', value: formatCents(h.totalCents), strong: true },
    { key: 'Open compliance findings', value: formatCount(report.findings.totalOpen) },
  ]);
  doc.table({
    columns: [{ title: 'Role', width: { pt: 170 } }, { title: 'Name' }, { title: 'Signature' }, { title: 'Date', width: { pt: 70 } }],
    rows: [['Prepared by\nResearch billing coordinator\n ', '', '', ''], ['Reviewed by\nFinance office\n ', '', '', ''], ['Approved by\nPrincipal investigator\n ', '', '', '']],
    style: 'rules',
    fontSize: 10,
  });
  return doc.save();
}
