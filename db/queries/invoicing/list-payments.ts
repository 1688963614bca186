/** Payments with their applications and unapplied cash. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { paymentBalance } from '../../../shared/invoicing/allocation.ts';
import type { PaymentApplication, PaymentMethod, PaymentRow } from '../../../shared/invoicing/report-types.ts';

interface Row {
  id: number;
  sponsor: string;
  study_id: string | null;
  received_date: string;
  amount_cents: number;
  reference: string;
  method: PaymentMethod;
  note: string | null;
}

const SELECT = `SELECT p.id, p.sponsor, s.study_id, p.received_date, p.amount_cents, p.reference, p.method, p.note
  FROM payments p LEFT JOIN studies s ON s.id = p.study_id`;

function withApplications(db: Db, rows: readonly Row[]): PaymentRow[] {
  const apps = db.prepare(
    `SELECT a.id, a.invoice_id AS invoiceId, v.number AS invoiceNumber, s.study_id AS studyId, a.invoice_line_id AS lineId,
            CASE WHEN l.id IS NULL THEN NULL ELSE trim(coalesce(l.subject_label, '') || ' ' || l.visit_code || ' ' || coalesce(l.cpt_hcpcs, '')) END AS lineLabel,
            a.amount_cents AS amountCents, a.applied_at AS appliedAt
     FROM payment_applications a JOIN invoices v ON v.id = a.invoice_id JOIN studies s ON s.id = v.study_id LEFT JOIN invoice_lines l ON l.id = a.invoice_line_id
     WHERE a.payment_id = ? ORDER BY a.id`,
  );
  return rows.map((r) => {
    const applications = apps.all(r.id) as PaymentApplication[];
    const balance = paymentBalance(r.amount_cents, applications.map((a) => a.amountCents));
    return {
      id: r.id,
      sponsor: r.sponsor,
      studyId: r.study_id,
      receivedDate: r.received_date,
      amountCents: r.amount_cents,
      reference: r.reference,
      method: r.method,
      note: r.note,
      appliedCents: balance.appliedCents,
      unappliedCents: balance.unappliedCents,
      applications,
    };
  });
}

/** Payments, newest received first, of one sponsor or all. */
export function listPayments(db: Db, sponsor?: string): PaymentRow[] {
  const rows = (sponsor ? db.prepare(`${SELECT} WHERE p.sponsor = ? ORDER BY p.received_date DESC, p.id DESC`).all(sponsor) : db.prepare(`${SELECT} ORDER BY p.received_date DESC, p.id DESC`).all()) as Row[];
  return withApplications(db, rows);
}

/** One payment, or null. */
export function getPayment(db: Db, paymentId: number): PaymentRow | null {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(paymentId) as Row | undefined;
  return row ? (withApplications(db, [row])[0] ?? null) : null;
}

/** Unapplied cash per sponsor (received minus applied). */
export function unappliedBySponsor(db: Db): Map<string, number> {
  const rows = db
    .prepare('SELECT p.sponsor, sum(p.amount_cents - coalesce((SELECT sum(a.amount_cents) FROM payment_applications a WHERE a.payment_id = p.id), 0)) AS unapplied FROM payments p GROUP BY p.sponsor')
    .all() as { sponsor: string; unapplied: number }[];
  return new Map(rows.map((r) => [r.sponsor, r.unapplied]));
}
