/** The invoice list: every document with totals, credits, payments and days past due. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { daysPastDue } from '../../../shared/invoicing/aging.ts';
import { balanceOf, invoiceState } from '../../../shared/invoicing/state.ts';
import type { InvoiceListRow } from '../../../shared/invoicing/types.ts';
import { INVOICE_SELECT, type InvoiceRow } from './invoice-rows.ts';

/** Converts a row to the list shape, aged as of `asOf`. */
export function toListRow(r: InvoiceRow, asOf: string): InvoiceListRow {
  const payable = r.status === 'ISSUED' && r.kind !== 'CREDIT_MEMO';
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    state: invoiceState({ kind: r.kind, status: r.status, netCents: r.net, creditedCents: r.credited, paidCents: r.paid }),
    number: r.number,
    studyId: r.study_id,
    sponsor: r.sponsor,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    lineCount: r.line_count,
    netCents: r.net,
    paidCents: r.paid,
    creditedCents: r.credited,
    balanceCents: payable ? balanceOf(r.net, r.credited, r.paid) : 0,
    daysPastDue: payable && r.due_date !== null ? daysPastDue(r.due_date, asOf) : null,
  };
}

/** Drafts first, then issued documents newest first. */
export function listInvoices(db: Db, asOf: string, studyId?: string): InvoiceListRow[] {
  const order = "ORDER BY v.status = 'ISSUED', v.issue_date DESC, v.id DESC";
  const rows = (studyId === undefined ? db.prepare(`${INVOICE_SELECT} ${order}`).all() : db.prepare(`${INVOICE_SELECT} WHERE s.study_id = ? ${order}`).all(studyId)) as InvoiceRow[];
  return rows.map((r) => toListRow(r, asOf));
}
