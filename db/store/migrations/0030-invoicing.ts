/**
 * 0030: sponsor invoices, credit memos, payments and their application (issue 5).
 *
 * The rules that protect money are enforced here, not only in code (docs/invoicing.md):
 * - a document is created as a DRAFT without a number; issuing gives it a number, dates and totals
 *   that must equal the sum of its lines, and from then on neither it nor its lines can change or be
 *   deleted (corrections are credit memos, themselves documents);
 * - numbers come from a per-study, per-kind, per-year sequence that only moves forward and is never
 *   deleted, so a number is never reused, even after a draft is deleted (drafts have no number);
 * - a payment cannot be applied beyond its amount, nor to a draft or a credit memo.
 */
import type { Migration } from '../migrate.ts';

export const invoicing: Migration = {
  version: 30,
  name: 'invoicing',
  sql: `
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  kind TEXT NOT NULL CHECK (kind IN ('INVOICE', 'HOLDBACK_RELEASE', 'CREDIT_MEMO')),
  status TEXT NOT NULL CHECK (status IN ('DRAFT', 'ISSUED')),
  number TEXT UNIQUE,
  period_from TEXT,
  period_to TEXT,
  issue_date TEXT,
  due_date TEXT,
  payment_terms_days INTEGER NOT NULL CHECK (payment_terms_days >= 0),
  overhead_bp INTEGER NOT NULL CHECK (overhead_bp BETWEEN 0 AND 10000),
  holdback_bp INTEGER NOT NULL CHECK (holdback_bp BETWEEN 0 AND 10000),
  credits_invoice_id INTEGER REFERENCES invoices(id),
  po_number TEXT,
  notes TEXT,
  reason TEXT,
  -- Site and bill-to details as printed, frozen at issue so a re-print is identical.
  document_json TEXT,
  amount_cents INTEGER,
  overhead_cents INTEGER,
  holdback_cents INTEGER,
  net_cents INTEGER,
  created_at TEXT NOT NULL,
  issued_at TEXT,
  CHECK ((status = 'DRAFT') = (number IS NULL)),
  CHECK (status = 'DRAFT' OR (issue_date IS NOT NULL AND due_date IS NOT NULL AND issued_at IS NOT NULL AND document_json IS NOT NULL
         AND amount_cents IS NOT NULL AND overhead_cents IS NOT NULL AND holdback_cents IS NOT NULL AND net_cents IS NOT NULL)),
  CHECK ((kind = 'CREDIT_MEMO') = (credits_invoice_id IS NOT NULL))
) STRICT;
CREATE INDEX invoices_by_study ON invoices(study_id, status, issue_date);
CREATE INDEX invoices_by_credited ON invoices(credits_invoice_id) WHERE credits_invoice_id IS NOT NULL;

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  seq INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('VISIT_ITEM', 'INVOICEABLE', 'OTHER', 'HOLDBACK_RELEASE', 'CREDIT')),
  line_key TEXT NOT NULL,
  subject_pk INTEGER REFERENCES subjects(id),
  subject_label TEXT,
  visit_code TEXT NOT NULL,
  visit_name TEXT,
  cpt_hcpcs TEXT,
  description TEXT NOT NULL,
  service_date TEXT NOT NULL,
  calendar_item_id INTEGER REFERENCES calendar_items(id),
  invoiceable_id INTEGER REFERENCES invoiceables(id),
  amount_cents INTEGER NOT NULL,
  overhead_bp INTEGER NOT NULL CHECK (overhead_bp BETWEEN 0 AND 10000),
  overhead_cents INTEGER NOT NULL,
  holdback_bp INTEGER NOT NULL CHECK (holdback_bp BETWEEN 0 AND 10000),
  holdback_cents INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,
  overhead_exempt INTEGER NOT NULL CHECK (overhead_exempt IN (0, 1)),
  holdback_exempt INTEGER NOT NULL CHECK (holdback_exempt IN (0, 1)),
  note TEXT,
  removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  removed_reason TEXT,
  added_reason TEXT,
  credits_line_id INTEGER REFERENCES invoice_lines(id),
  CHECK (net_cents = amount_cents + overhead_cents - holdback_cents),
  CHECK (removed = 0 OR length(removed_reason) > 0),
  UNIQUE (invoice_id, seq)
) STRICT;
CREATE INDEX invoice_lines_by_item ON invoice_lines(subject_pk, visit_code, cpt_hcpcs);
CREATE INDEX invoice_lines_by_key ON invoice_lines(line_key);
CREATE UNIQUE INDEX invoice_lines_credited_once ON invoice_lines(credits_line_id) WHERE credits_line_id IS NOT NULL;

CREATE TABLE invoice_number_sequences (
  study_id INTEGER NOT NULL REFERENCES studies(id),
  kind TEXT NOT NULL CHECK (kind IN ('INV', 'CM')),
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (study_id, kind, year)
) STRICT;

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  sponsor TEXT NOT NULL,
  study_id INTEGER REFERENCES studies(id),
  received_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reference TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('CHECK', 'ACH', 'WIRE', 'CARD', 'OTHER')),
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX payments_by_sponsor ON payments(sponsor, received_date);

CREATE TABLE payment_applications (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments(id),
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  invoice_line_id INTEGER REFERENCES invoice_lines(id),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  applied_at TEXT NOT NULL
) STRICT;
CREATE INDEX payment_applications_by_payment ON payment_applications(payment_id);
CREATE INDEX payment_applications_by_invoice ON payment_applications(invoice_id, invoice_line_id);
-- Line balances sum the applications of each line: without this, every line scans every application.
CREATE INDEX payment_applications_by_line ON payment_applications(invoice_line_id) WHERE invoice_line_id IS NOT NULL;

-- Documents are born drafts.
CREATE TRIGGER invoices_born_draft BEFORE INSERT ON invoices WHEN NEW.status <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'invoices are created as drafts and issued afterwards'); END;

-- Issued documents are immutable: no update, no delete.
CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE ON invoices WHEN OLD.status <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed; issue a credit memo'); END;
CREATE TRIGGER invoices_issued_undeletable BEFORE DELETE ON invoices WHEN OLD.status <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted; issue a credit memo'); END;

-- Issuing: the stored totals must be the sums of the lines not removed, and there must be lines.
CREATE TRIGGER invoices_issue_totals BEFORE UPDATE OF status ON invoices WHEN OLD.status = 'DRAFT' AND NEW.status = 'ISSUED'
BEGIN
  SELECT RAISE(ABORT, 'an invoice needs at least one line to be issued')
  WHERE NOT EXISTS (SELECT 1 FROM invoice_lines WHERE invoice_id = NEW.id AND removed = 0);
  SELECT RAISE(ABORT, 'invoice totals do not equal the sum of its lines')
  WHERE (SELECT coalesce(sum(amount_cents), 0) FROM invoice_lines WHERE invoice_id = NEW.id AND removed = 0) IS NOT NEW.amount_cents
     OR (SELECT coalesce(sum(overhead_cents), 0) FROM invoice_lines WHERE invoice_id = NEW.id AND removed = 0) IS NOT NEW.overhead_cents
     OR (SELECT coalesce(sum(holdback_cents), 0) FROM invoice_lines WHERE invoice_id = NEW.id AND removed = 0) IS NOT NEW.holdback_cents
     OR (SELECT coalesce(sum(net_cents), 0) FROM invoice_lines WHERE invoice_id = NEW.id AND removed = 0) IS NOT NEW.net_cents;
END;

-- Lines of an issued document are frozen.
CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'lines of an issued invoice cannot be added'); END;
CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'DRAFT' OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'lines of an issued invoice cannot be changed'); END;
CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'lines of an issued invoice cannot be deleted'); END;

-- Number sequences only move forward and are never deleted: a number is never given twice.
CREATE TRIGGER invoice_numbers_forward BEFORE UPDATE ON invoice_number_sequences WHEN NEW.last_seq <= OLD.last_seq
  OR NEW.study_id IS NOT OLD.study_id OR NEW.kind IS NOT OLD.kind OR NEW.year IS NOT OLD.year
BEGIN SELECT RAISE(ABORT, 'invoice number sequences only move forward'); END;
CREATE TRIGGER invoice_numbers_kept BEFORE DELETE ON invoice_number_sequences
BEGIN SELECT RAISE(ABORT, 'invoice number sequences are never deleted'); END;

-- Payments are records of money received: amounts and dates never change.
CREATE TRIGGER payments_immutable BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be changed'); END;
CREATE TRIGGER payments_undeletable BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be deleted'); END;

-- Applications: only to issued invoices (not memos), to a line of that invoice, within the payment.
CREATE TRIGGER payment_applications_target BEFORE INSERT ON payment_applications
BEGIN
  SELECT RAISE(ABORT, 'payments apply only to issued invoices')
  WHERE (SELECT status = 'ISSUED' AND kind <> 'CREDIT_MEMO' FROM invoices WHERE id = NEW.invoice_id) IS NOT 1;
  SELECT RAISE(ABORT, 'the line is not on that invoice')
  WHERE NEW.invoice_line_id IS NOT NULL AND (SELECT invoice_id FROM invoice_lines WHERE id = NEW.invoice_line_id) IS NOT NEW.invoice_id;
  SELECT RAISE(ABORT, 'applications exceed the payment')
  WHERE (SELECT coalesce(sum(amount_cents), 0) FROM payment_applications WHERE payment_id = NEW.payment_id) + NEW.amount_cents
        > (SELECT amount_cents FROM payments WHERE id = NEW.payment_id);
END;
CREATE TRIGGER payment_applications_immutable BEFORE UPDATE ON payment_applications
BEGIN SELECT RAISE(ABORT, 'a payment application cannot be changed; remove it and apply again'); END;
`,
};
