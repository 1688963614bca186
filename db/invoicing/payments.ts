/**
 * Sponsor payments: recorded as received (amount, date, reference), then applied to issued invoices
 * or to lines of them, in part or in full; what is not applied stays visible as unapplied cash
 * (BRIEF section 3 and section 2: CC-PAY overage account, SV-PAY applied vs received, RT-BLOG
 * unapplied sponsor payments). An application never exceeds what is open on its invoice or line, so
 * an over-payment shows as unapplied cash and an under-payment as a balance left on the invoice.
 * Payments themselves are never edited (triggers); a wrong application is removed and made again.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { PaymentApplicationInput } from '../../shared/contract/invoicing.ts';
import { applicationProblem } from '../../shared/invoicing/allocation.ts';
import { balanceOf } from '../../shared/invoicing/state.ts';
import type { PaymentMethod } from '../../shared/invoicing/report-types.ts';
import { UserError } from '../backend/user-error.ts';
import { invoiceRow } from '../queries/invoicing/get-invoice.ts';
import { requireStudy } from './study-terms.ts';

export interface RecordPaymentInput {
  readonly sponsor: string;
  readonly studyId?: string | undefined;
  readonly receivedDate: string;
  readonly amountCents: number;
  readonly reference: string;
  readonly method: PaymentMethod;
  readonly note?: string | undefined;
  readonly applications?: readonly PaymentApplicationInput[];
}

/** Records a payment (and applies it when applications are given), all or nothing; returns its id. */
export function recordPayment(db: Db, input: RecordPaymentInput, now: Date): number {
  return db.transaction(() => {
    const studyPk = input.studyId === undefined ? null : requireStudy(db, input.studyId).pk;
    const known = db.prepare('SELECT 1 FROM studies WHERE sponsor = ? LIMIT 1').get(input.sponsor);
    if (known === undefined) throw new UserError('NO_SUCH_SPONSOR', `No study has the sponsor "${input.sponsor}".`);
    const id = Number(
      db
        .prepare('INSERT INTO payments (sponsor, study_id, received_date, amount_cents, reference, method, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.sponsor, studyPk, input.receivedDate, input.amountCents, input.reference, input.method, input.note ?? null, now.toISOString()).lastInsertRowid,
    );
    if (input.applications && input.applications.length > 0) applyPayment(db, id, input.applications, now);
    return id;
  })();
}

/** Applies part of a payment's unapplied cash to invoices or lines, all or nothing. */
export function applyPayment(db: Db, paymentId: number, applications: readonly PaymentApplicationInput[], now: Date): void {
  db.transaction(() => {
    const payment = db.prepare('SELECT id, sponsor, amount_cents AS amount FROM payments WHERE id = ?').get(paymentId) as { id: number; sponsor: string; amount: number } | undefined;
    if (!payment) throw new UserError('NO_SUCH_PAYMENT', `There is no payment ${paymentId}.`);
    const insert = db.prepare('INSERT INTO payment_applications (payment_id, invoice_id, invoice_line_id, amount_cents, applied_at) VALUES (?, ?, ?, ?, ?)');
    for (const a of applications) {
      const applied = db.prepare('SELECT coalesce(sum(amount_cents), 0) FROM payment_applications WHERE payment_id = ?').pluck().get(paymentId) as number;
      const invoice = invoiceRow(db, a.invoiceId);
      if (!invoice || invoice.status !== 'ISSUED' || invoice.kind === 'CREDIT_MEMO') throw new UserError('NOT_PAYABLE', 'Payments apply only to issued invoices (not to drafts or credit memos).');
      if (invoice.sponsor !== payment.sponsor) throw new UserError('WRONG_SPONSOR', `${invoice.number ?? 'That invoice'} is billed to ${invoice.sponsor}, not to ${payment.sponsor}.`);
      let open = balanceOf(invoice.net, invoice.credited, invoice.paid);
      if (a.lineId !== undefined) {
        const line = db
          .prepare(
            `SELECT l.net_cents AS net, l.removed,
                    EXISTS (SELECT 1 FROM invoice_lines c JOIN invoices m ON m.id = c.invoice_id WHERE c.credits_line_id = l.id AND m.status = 'ISSUED') AS credited,
                    (SELECT coalesce(sum(amount_cents), 0) FROM payment_applications p WHERE p.invoice_line_id = l.id) AS applied
             FROM invoice_lines l WHERE l.id = ? AND l.invoice_id = ?`,
          )
          .get(a.lineId, a.invoiceId) as { net: number; removed: number; credited: number; applied: number } | undefined;
        if (!line || line.removed === 1) throw new UserError('NO_SUCH_LINE', `Line ${a.lineId} is not on ${invoice.number ?? 'that invoice'}.`);
        open = Math.min(open, (line.credited === 1 ? 0 : line.net) - line.applied);
      }
      const problem = applicationProblem({ amountCents: a.amountCents, unappliedCents: payment.amount - applied, openOnTargetCents: open });
      if (problem) throw new UserError('CANNOT_APPLY', `Cannot apply to ${invoice.number ?? 'that invoice'}: ${problem}.`);
      insert.run(paymentId, a.invoiceId, a.lineId ?? null, a.amountCents, now.toISOString());
    }
  })();
}

/** Removes one application; returns the payment's id. */
export function unapplyPayment(db: Db, applicationId: number): number {
  const row = db.prepare('SELECT payment_id FROM payment_applications WHERE id = ?').pluck().get(applicationId) as number | undefined;
  if (row === undefined) throw new UserError('NO_SUCH_APPLICATION', `There is no payment application ${applicationId}.`);
  db.prepare('DELETE FROM payment_applications WHERE id = ?').run(applicationId);
  return row;
}
