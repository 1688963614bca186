/** Row shapes and balance SQL shared by the invoice queries. */
import type { InvoiceKind, InvoiceStatus } from '../../../shared/invoicing/types.ts';

/** An `invoices` row with its study id, sponsor, credits and payments. */
export interface InvoiceRow {
  id: number;
  study_pk: number;
  study_id: string;
  sponsor: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: string | null;
  period_from: string | null;
  period_to: string | null;
  issue_date: string | null;
  due_date: string | null;
  payment_terms_days: number;
  overhead_bp: number;
  holdback_bp: number;
  credits_invoice_id: number | null;
  po_number: string | null;
  notes: string | null;
  reason: string | null;
  document_json: string | null;
  created_at: string;
  issued_at: string | null;
  line_count: number;
  amount: number;
  overhead: number;
  holdback: number;
  net: number;
  credited: number;
  paid: number;
}

/**
 * Every invoice with its totals (stored at issue; summed from the lines for drafts), the sum of the
 * credit memos against it and of the payments applied to it. Filter with a WHERE on `v.`.
 */
export const INVOICE_SELECT = `
  SELECT v.id, v.study_id AS study_pk, s.study_id, s.sponsor, v.kind, v.status, v.number, v.period_from, v.period_to, v.issue_date, v.due_date,
         v.payment_terms_days, v.overhead_bp, v.holdback_bp, v.credits_invoice_id, v.po_number, v.notes, v.reason, v.document_json, v.created_at, v.issued_at,
         (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = v.id AND l.removed = 0) AS line_count,
         coalesce(v.amount_cents, (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines l WHERE l.invoice_id = v.id AND l.removed = 0)) AS amount,
         coalesce(v.overhead_cents, (SELECT coalesce(sum(overhead_cents), 0) FROM invoice_lines l WHERE l.invoice_id = v.id AND l.removed = 0)) AS overhead,
         coalesce(v.holdback_cents, (SELECT coalesce(sum(holdback_cents), 0) FROM invoice_lines l WHERE l.invoice_id = v.id AND l.removed = 0)) AS holdback,
         coalesce(v.net_cents, (SELECT coalesce(sum(net_cents), 0) FROM invoice_lines l WHERE l.invoice_id = v.id AND l.removed = 0)) AS net,
         (SELECT coalesce(sum(m.net_cents), 0) FROM invoices m WHERE m.credits_invoice_id = v.id AND m.status = 'ISSUED') AS credited,
         (SELECT coalesce(sum(a.amount_cents), 0) FROM payment_applications a WHERE a.invoice_id = v.id) AS paid
  FROM invoices v JOIN studies s ON s.id = v.study_id`;

/** An `invoice_lines` row with the memo that credited it and the payments applied to it directly. */
export interface LineRow {
  id: number;
  invoice_id: number;
  seq: number;
  source: string;
  line_key: string;
  subject_pk: number | null;
  subject_label: string | null;
  visit_code: string;
  visit_name: string | null;
  cpt_hcpcs: string | null;
  description: string;
  service_date: string;
  calendar_item_id: number | null;
  invoiceable_id: number | null;
  amount_cents: number;
  overhead_bp: number;
  overhead_cents: number;
  holdback_bp: number;
  holdback_cents: number;
  net_cents: number;
  overhead_exempt: number;
  holdback_exempt: number;
  note: string | null;
  removed: number;
  removed_reason: string | null;
  added_reason: string | null;
  credits_line_id: number | null;
  credited_by: string | null;
  applied: number;
}

export const LINE_SELECT = `
  SELECT l.*,
         (SELECT m.number FROM invoice_lines c JOIN invoices m ON m.id = c.invoice_id WHERE c.credits_line_id = l.id AND m.status = 'ISSUED') AS credited_by,
         (SELECT coalesce(sum(a.amount_cents), 0) FROM payment_applications a WHERE a.invoice_line_id = l.id) AS applied
  FROM invoice_lines l`;
