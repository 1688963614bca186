/**
 * Credit memos: the only correction of an issued invoice (BRIEF section 3: credit memos as separate
 * numbered documents; CRIO's credit memos and refunds, CRIO-GAAP). A memo reverses whole lines (each
 * at most once), carries its own CM- number and the reason, and is issued at once. The credited items
 * leave sponsor_invoice_lines, so they count as unbilled again (INVC-20 / SF-30 reopen on the next
 * full reconciliation and the builder can propose them again, e.g. at a corrected price).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { todayIso } from '../../shared/domain/dates.ts';
import { creditOf, sumLines } from '../../shared/invoicing/line-math.ts';
import { UserError } from '../backend/user-error.ts';
import { lineRows } from '../queries/invoicing/get-invoice.ts';
import { insertLines } from './line-store.ts';
import { takeNextNumber } from './numbering.ts';
import { studyByPk } from './study-terms.ts';

export interface CreditMemoInput {
  readonly invoiceId: number;
  /** Lines to credit; default every line not credited yet. */
  readonly lineIds?: readonly number[] | undefined;
  readonly reason: string;
  readonly issueDate?: string | undefined;
}

interface IssuedRow {
  id: number;
  study_id: number;
  kind: string;
  status: string;
  number: string | null;
  payment_terms_days: number;
  overhead_bp: number;
  holdback_bp: number;
  document_json: string | null;
}

/** Issues a credit memo for lines of an issued invoice; returns the memo's id. */
export function issueCreditMemo(db: Db, input: CreditMemoInput, now: Date): number {
  return db.transaction(() => {
    const invoice = db.prepare('SELECT id, study_id, kind, status, number, payment_terms_days, overhead_bp, holdback_bp, document_json FROM invoices WHERE id = ?').get(input.invoiceId) as IssuedRow | undefined;
    if (!invoice) throw new UserError('NO_SUCH_INVOICE', `There is no invoice ${input.invoiceId}.`);
    if (invoice.status !== 'ISSUED' || invoice.kind === 'CREDIT_MEMO') throw new UserError('NOT_CREDITABLE', 'Only an issued invoice can be credited; a draft can simply be changed or deleted.');
    const open = lineRows(db, invoice.id).filter((l) => l.removed === 0 && l.credited_by === null);
    const wanted = input.lineIds === undefined ? open : open.filter((l) => input.lineIds?.includes(l.id));
    if (input.lineIds !== undefined && wanted.length !== new Set(input.lineIds).size) throw new UserError('NOT_CREDITABLE', 'Some of those lines are not on this invoice or were already credited.');
    if (wanted.length === 0) throw new UserError('NOTHING_TO_CREDIT', `Every line of ${invoice.number ?? 'this invoice'} is already credited.`);
    const study = studyByPk(db, invoice.study_id);
    const memoId = Number(
      db
        .prepare(
          `INSERT INTO invoices (study_id, kind, status, payment_terms_days, overhead_bp, holdback_bp, credits_invoice_id, reason, created_at)
           VALUES (?, 'CREDIT_MEMO', 'DRAFT', 0, ?, ?, ?, ?, ?)`,
        )
        .run(study.pk, invoice.overhead_bp, invoice.holdback_bp, invoice.id, input.reason, now.toISOString()).lastInsertRowid,
    );
    const credits = wanted.map((l) => ({
      key: `c:${l.id}`,
      source: 'CREDIT' as const,
      subjectPk: l.subject_pk,
      calendarItemPk: l.calendar_item_id,
      invoiceablePk: l.invoiceable_id,
      subjectId: l.subject_label,
      visitCode: l.visit_code,
      visitName: l.visit_name,
      cptHcpcs: l.cpt_hcpcs,
      description: l.description,
      serviceDate: l.service_date,
      overheadExempt: l.overhead_exempt === 1,
      holdbackExempt: l.holdback_exempt === 1,
      note: `Credits line ${l.seq} of ${invoice.number ?? ''}`,
      creditsLineId: l.id,
      ...creditOf({ amountCents: l.amount_cents, overheadBp: l.overhead_bp, overheadCents: l.overhead_cents, holdbackBp: l.holdback_bp, holdbackCents: l.holdback_cents, netCents: l.net_cents }),
    }));
    insertLines(db, memoId, credits);
    const totals = sumLines(credits);
    const date = input.issueDate ?? todayIso(now);
    const number = takeNextNumber(db, study, 'CM', Number(date.slice(0, 4)));
    db.prepare(
      `UPDATE invoices SET status = 'ISSUED', number = ?, issue_date = ?, due_date = ?, issued_at = ?, document_json = ?,
              amount_cents = ?, overhead_cents = ?, holdback_cents = ?, net_cents = ? WHERE id = ?`,
    ).run(number, date, date, now.toISOString(), invoice.document_json ?? '{}', totals.amountCents, totals.overheadCents, totals.holdbackCents, totals.netCents, memoId);
    const forget = db.prepare(
      `DELETE FROM sponsor_invoice_lines WHERE source = 'GENERATED' AND study_id = ? AND invoice_number = ? AND subject_id IS ? AND visit_code = ? AND cpt_hcpcs IS ? AND service_date = ?`,
    );
    for (const l of wanted) forget.run(study.pk, invoice.number, l.subject_pk, l.visit_code, l.cpt_hcpcs, l.service_date);
    return memoId;
  })();
}
