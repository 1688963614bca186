/** One invoice, release invoice or credit memo with its lines, credits and payment allocation. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { allocateInvoicePayments } from '../../../shared/invoicing/allocation.ts';
import { sumLines } from '../../../shared/invoicing/line-math.ts';
import { balanceOf, invoiceState } from '../../../shared/invoicing/state.ts';
import type { DocumentRef, InvoiceDetail, InvoiceLine, LineSource } from '../../../shared/invoicing/types.ts';
import { publicTerms, studyByPk } from '../../invoicing/study-terms.ts';
import { INVOICE_SELECT, LINE_SELECT, type InvoiceRow, type LineRow } from './invoice-rows.ts';

/** The invoice row with its totals and balances, or undefined. */
export function invoiceRow(db: Db, invoiceId: number): InvoiceRow | undefined {
  return db.prepare(`${INVOICE_SELECT} WHERE v.id = ?`).get(invoiceId) as InvoiceRow | undefined;
}

/** The lines of a document in order (removed ones included, flagged). */
export function lineRows(db: Db, invoiceId: number): LineRow[] {
  return db.prepare(`${LINE_SELECT} WHERE l.invoice_id = ? ORDER BY l.seq`).all(invoiceId) as LineRow[];
}

/** Lines with their paid and open cents: payments to the invoice as a whole spread in line order. */
export function linesWithBalances(row: InvoiceRow, rows: readonly LineRow[]): InvoiceLine[] {
  const billable = rows.filter((l) => l.removed === 0);
  const issuedInvoice = row.status === 'ISSUED' && row.kind !== 'CREDIT_MEMO';
  const appliedToLines = billable.reduce((sum, l) => sum + l.applied, 0);
  const balances = issuedInvoice
    ? allocateInvoicePayments(
        billable.map((l) => ({ lineId: l.id, dueCents: l.credited_by === null ? l.net_cents : 0, appliedToLineCents: l.applied })),
        row.paid - appliedToLines,
      )
    : [];
  const byId = new Map(balances.map((b) => [b.lineId, b]));
  return rows.map((l) => {
    const balance = byId.get(l.id);
    return {
      id: l.id,
      seq: l.seq,
      key: l.line_key,
      source: l.source as LineSource,
      subjectId: l.subject_label,
      visitCode: l.visit_code,
      visitName: l.visit_name,
      cptHcpcs: l.cpt_hcpcs,
      description: l.description,
      serviceDate: l.service_date,
      amountCents: l.amount_cents,
      overheadBp: l.overhead_bp,
      overheadCents: l.overhead_cents,
      holdbackBp: l.holdback_bp,
      holdbackCents: l.holdback_cents,
      netCents: l.net_cents,
      overheadExempt: l.overhead_exempt === 1,
      holdbackExempt: l.holdback_exempt === 1,
      note: l.note,
      removed: l.removed === 1,
      removedReason: l.removed_reason,
      addedReason: l.added_reason,
      creditsLineId: l.credits_line_id,
      creditedBy: l.credited_by,
      paidCents: balance?.paidCents ?? 0,
      openCents: balance?.openCents ?? 0,
    };
  });
}

/** The full document, or null when there is no such id. */
export function getInvoice(db: Db, invoiceId: number): InvoiceDetail | null {
  const row = invoiceRow(db, invoiceId);
  if (!row) return null;
  const lines = linesWithBalances(row, lineRows(db, invoiceId));
  const credits: DocumentRef | null =
    row.credits_invoice_id === null ? null : (db.prepare('SELECT id, number, net_cents AS netCents FROM invoices WHERE id = ?').get(row.credits_invoice_id) as DocumentRef);
  const creditMemos = db.prepare("SELECT id, number, net_cents AS netCents FROM invoices WHERE credits_invoice_id = ? AND status = 'ISSUED' ORDER BY id").all(invoiceId) as DocumentRef[];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    state: invoiceState({ kind: row.kind, status: row.status, netCents: row.net, creditedCents: row.credited, paidCents: row.paid }),
    number: row.number,
    study: publicTerms(studyByPk(db, row.study_pk)),
    periodFrom: row.period_from,
    periodTo: row.period_to,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    paymentTermsDays: row.payment_terms_days,
    overheadBp: row.overhead_bp,
    holdbackBp: row.holdback_bp,
    poNumber: row.po_number,
    notes: row.notes,
    reason: row.reason,
    credits,
    creditMemos,
    lines,
    totals: sumLines(lines.filter((l) => !l.removed)),
    paidCents: row.paid,
    creditedCents: row.credited,
    balanceCents: row.kind === 'CREDIT_MEMO' || row.status === 'DRAFT' ? 0 : balanceOf(row.net, row.credited, row.paid),
    createdAt: row.created_at,
    issuedAt: row.issued_at,
  };
}
