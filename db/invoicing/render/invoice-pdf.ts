/**
 * The PDF of an invoice, holdback release invoice or credit memo, built with the project's PDF
 * toolkit (db/pdf: embedded DejaVu Sans, so it renders the same everywhere). Content follows what
 * sponsors expect on a site invoice (BRIEF section 3 "Invoice content": sponsor and protocol id,
 * investigator, site name and number, invoice number, expense detail, blinded patient identifiers;
 * TRANSCEND, TRAFFORD): subjects appear only by study subject number, never by MRN or name.
 */
import { formatBasisPoints, formatCents } from '../../../shared/domain/money.ts';
import { negate } from '../../../shared/invoicing/line-math.ts';
import type { InvoiceDetail, InvoiceLine } from '../../../shared/invoicing/types.ts';
import { createPdfDocument, type FontFiles, type KeyValue } from '../../pdf/index.ts';
import { billToLines, siteLines, type DocumentParties } from './document-parties.ts';

/** Title of the document by kind and status. */
export function documentTitle(invoice: InvoiceDetail): string {
  if (invoice.status === 'DRAFT') return invoice.kind === 'HOLDBACK_RELEASE' ? 'Draft holdback release invoice' : 'Draft invoice';
  if (invoice.kind === 'CREDIT_MEMO') return 'Credit memo';
  return invoice.kind === 'HOLDBACK_RELEASE' ? 'Invoice: holdback release' : 'Invoice';
}

function headerFields(invoice: InvoiceDetail): KeyValue[] {
  const memo = invoice.kind === 'CREDIT_MEMO';
  return [
    { key: memo ? 'Credit memo number' : 'Invoice number', value: invoice.number ?? 'Draft: numbered when issued', strong: true },
    { key: memo ? 'Date' : 'Invoice date', value: invoice.issueDate ?? 'Not issued' },
    ...(memo
      ? [{ key: 'Credits invoice', value: invoice.credits?.number ?? '' }, { key: 'Reason', value: invoice.reason ?? '' }]
      : [
          { key: 'Payment terms', value: `Net ${invoice.paymentTermsDays} days from the invoice date` },
          { key: 'Due date', value: invoice.dueDate ?? `${invoice.paymentTermsDays} days after issue`, strong: true },
          { key: 'Amount due', value: formatCents(invoice.totals.netCents), strong: true },
        ]),
    ...(invoice.periodFrom !== null && invoice.periodTo !== null ? [{ key: 'Services', value: `${invoice.periodFrom} to ${invoice.periodTo} (visit dates)` }] : []),
    ...(invoice.poNumber ? [{ key: 'Sponsor PO number', value: invoice.poNumber }] : []),
  ];
}

function studyFields(invoice: InvoiceDetail, parties: DocumentParties): KeyValue[] {
  const s = invoice.study;
  return [
    { key: 'Protocol', value: `${s.protocolNumber} (site study ${s.studyId})` },
    { key: 'Title', value: s.title },
    { key: 'ClinicalTrials.gov', value: s.nctNumber ?? 'not registered' },
    ...(s.ideNumber ? [{ key: 'IDE', value: s.ideNumber }] : []),
    ...(parties.billing.investigator ? [{ key: 'Principal investigator', value: parties.billing.investigator }] : []),
    ...(parties.billing.sponsorReference ? [{ key: 'Sponsor reference', value: parties.billing.sponsorReference }] : []),
  ];
}

/** One table row: date, subject, visit, procedure or item (with code and note), amount, overhead, holdback, net. */
function lineCells(l: InvoiceLine): string[] {
  const what = [l.description, l.cptHcpcs ? `CPT/HCPCS ${l.cptHcpcs}` : null, l.note].filter((x) => x !== null && x !== '').join('\n');
  // "exempt" rather than $0.00 where the CTA exempts the item: the reader sees why nothing was added or withheld.
  const overhead = l.overheadExempt && l.overheadCents === 0 ? 'exempt' : formatCents(l.overheadCents);
  const holdback = l.holdbackExempt && l.holdbackCents === 0 ? 'exempt' : formatCents(negate(l.holdbackCents));
  return [l.serviceDate, l.subjectId ?? 'Study', l.visitCode, what, formatCents(l.amountCents), overhead, holdback, formatCents(l.netCents)];
}

const COLUMNS = [
  { title: 'Date', width: { pt: 54 }, nowrap: true },
  { title: 'Subject', width: { pt: 46 }, nowrap: true },
  { title: 'Visit / item', width: { pt: 54 }, nowrap: true },
  { title: 'Procedure or item' },
  { title: 'Amount', width: { pt: 56 }, align: 'right', nowrap: true },
  { title: 'Overhead', width: { pt: 54 }, align: 'right', nowrap: true },
  { title: 'Holdback', width: { pt: 52 }, align: 'right', nowrap: true },
  { title: 'Net due', width: { pt: 58 }, align: 'right', nowrap: true },
] as const;

/** Builds the PDF bytes. `now` is the document clock (issued documents pass their issue time: reprints are identical). */
export async function renderInvoicePdf(invoice: InvoiceDetail, parties: DocumentParties, options: { readonly now: () => Date; readonly fonts?: FontFiles }): Promise<Uint8Array> {
  const title = documentTitle(invoice);
  const label = invoice.number ?? `draft ${invoice.id}`;
  const doc = await createPdfDocument({
    title: `${title} ${label}`,
    footerLabel: `${title} ${label} · Protocol ${invoice.study.protocolNumber}`,
    subject: invoice.kind === 'CREDIT_MEMO' ? 'Sponsor credit memo' : 'Sponsor invoice',
    keywords: [invoice.study.studyId, invoice.study.protocolNumber, ...(invoice.study.nctNumber ? [invoice.study.nctNumber] : [])],
    now: options.now,
    ...(options.fonts ? { fonts: options.fonts } : {}),
  });
  const site = parties.site;
  doc.heading(invoice.status === 'DRAFT' ? `${title}: not for payment` : title, { level: 1 });
  doc.addressBlocks([
    { title: 'From (site)', name: site.siteName || 'Site name not set (Invoices > Site settings)', lines: siteLines(site) },
    { title: 'Bill to (sponsor)', name: invoice.study.sponsor, lines: billToLines(parties.billing) },
  ]);
  doc.keyValues(headerFields(invoice));
  doc.heading('Study');
  doc.keyValues(studyFields(invoice, parties));
  const lines = invoice.lines.filter((l) => !l.removed);
  const t = invoice.totals;
  doc.heading(invoice.kind === 'CREDIT_MEMO' ? 'Lines credited' : 'Billable items');
  doc.table({
    columns: COLUMNS,
    rows: lines.map(lineCells),
    totals: [['', '', '', `Totals (${lines.length} line${lines.length === 1 ? '' : 's'})`, formatCents(t.amountCents), formatCents(t.overheadCents), formatCents(negate(t.holdbackCents)), formatCents(t.netCents)]],
    fontSize: 8,
  });
  doc.heading('Summary');
  doc.keyValues([
    { key: 'Items at CTA prices', value: formatCents(t.amountCents) },
    { key: `Overhead (F&A) ${formatBasisPoints(invoice.overheadBp)}`, value: formatCents(t.overheadCents) },
    { key: 'Gross', value: formatCents(t.grossCents) },
    { key: `Holdback withheld ${formatBasisPoints(invoice.holdbackBp)}`, value: formatCents(negate(t.holdbackCents)) },
    { key: invoice.kind === 'CREDIT_MEMO' ? 'Total credited' : 'Amount due', value: formatCents(t.netCents), strong: true },
  ]);
  if (invoice.kind !== 'CREDIT_MEMO') {
    doc.heading('Payment instructions');
    if (site.remitTo.length > 0) doc.paragraph(`Remit to:\n${site.remitTo.join('\n')}`);
    doc.paragraph(site.paymentInstructions || 'Payment instructions not set (Invoices > Site settings).');
    doc.paragraph(`Please quote ${invoice.number ?? 'the invoice number'} with your payment${invoice.dueDate ? ` and pay by ${invoice.dueDate}` : ''}.`, { bold: true });
  }
  const release = invoice.kind === 'HOLDBACK_RELEASE';
  doc.paragraph(
    release
      ? `This invoice releases the holdback the sponsor withheld from earlier invoices of ${invoice.study.studyId} under the CTA, at study close-out; it carries neither overhead nor a new holdback. Subjects are identified by study subject number only.`
      : `Amounts are the CTA prices of ${invoice.study.studyId}. Overhead of ${formatBasisPoints(invoice.overheadBp)} is added to each item unless the CTA exempts it; ` +
        `a holdback of ${formatBasisPoints(invoice.holdbackBp)} of amount plus overhead is withheld unless exempt, and is invoiced at study close-out. ` +
        'Each line is rounded to the cent; totals are the sums of the lines. Subjects are identified by study subject number only.',
    { small: true, muted: true },
  );
  return doc.save();
}
