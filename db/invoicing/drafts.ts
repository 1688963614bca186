/**
 * Drafts: created from the builder's proposal (recomputed here, never taken from the renderer),
 * changed line by line with a reason, deleted freely. A draft has no number, so deleting one never
 * leaves a gap or a reused number (numbers are given at issue, db/invoicing/numbering.ts).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DraftChange } from '../../shared/contract/invoicing.ts';
import { UserError } from '../backend/user-error.ts';
import { insertLines } from './line-store.ts';
import { manualLine } from './manual-lines.ts';
import { collectCandidates } from './propose.ts';
import { requireStudy, studyByPk, type StudyTermsWithPk } from './study-terms.ts';

export interface CreateDraftInput {
  readonly studyId: string;
  readonly from: string;
  readonly to: string;
  readonly includeCloseOutItems?: boolean;
  readonly poNumber?: string | undefined;
  readonly notes?: string | undefined;
}

/** Inserts a draft document row with the study's current terms; returns its id. */
export function insertDraftRow(db: Db, study: StudyTermsWithPk, fields: { kind: 'INVOICE' | 'HOLDBACK_RELEASE'; from: string | null; to: string | null; poNumber?: string | null; notes?: string | null }, now: Date): number {
  return Number(
    db
      .prepare(
        `INSERT INTO invoices (study_id, kind, status, period_from, period_to, payment_terms_days, overhead_bp, holdback_bp, po_number, notes, created_at)
         VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(study.pk, fields.kind, fields.from, fields.to, study.paymentTermsDays, study.overheadBp, study.holdbackBp, fields.poNumber ?? null, fields.notes ?? null, now.toISOString())
      .lastInsertRowid,
  );
}

/** Creates a draft with the proposed lines of the period; refuses an empty one. Returns its id. */
export function createDraft(db: Db, input: CreateDraftInput, now: Date): number {
  return db.transaction(() => {
    const study = requireStudy(db, input.studyId);
    const { lines } = collectCandidates(db, study, { from: input.from, to: input.to, includeCloseOutItems: input.includeCloseOutItems ?? false });
    if (lines.length === 0) throw new UserError('NOTHING_TO_INVOICE', `Nothing to invoice for ${study.studyId} from ${input.from} to ${input.to}: every billable item is already invoiced or on another draft.`);
    const id = insertDraftRow(db, study, { kind: 'INVOICE', from: input.from, to: input.to, poNumber: input.poNumber ?? null, notes: input.notes ?? null }, now);
    insertLines(db, id, lines);
    return id;
  })();
}

interface DraftRow {
  id: number;
  study_id: number;
  status: string;
  overhead_bp: number;
  holdback_bp: number;
  payment_terms_days: number;
}

/** The draft row, refusing an issued document or an unknown id. */
export function requireDraft(db: Db, invoiceId: number): DraftRow {
  const row = db.prepare('SELECT id, study_id, status, overhead_bp, holdback_bp, payment_terms_days FROM invoices WHERE id = ?').get(invoiceId) as DraftRow | undefined;
  if (!row) throw new UserError('NO_SUCH_INVOICE', `There is no invoice ${invoiceId}.`);
  if (row.status !== 'DRAFT') throw new UserError('INVOICE_ISSUED', 'This invoice is issued and cannot change; issue a credit memo to correct it.');
  return row;
}

export interface UpdateDraftInput {
  readonly invoiceId: number;
  readonly changes: readonly DraftChange[];
  readonly poNumber?: string | null | undefined;
  readonly notes?: string | null | undefined;
}

/** Applies line changes (remove / restore / add, each with its reason) and header edits, all or nothing. */
export function updateDraft(db: Db, input: UpdateDraftInput): void {
  db.transaction(() => {
    const draft = requireDraft(db, input.invoiceId);
    // Lines added by hand are priced with the draft's terms, so a later change of the CTA terms cannot mix rates on one invoice.
    const terms: StudyTermsWithPk = { ...studyByPk(db, draft.study_id), overheadBp: draft.overhead_bp, holdbackBp: draft.holdback_bp, paymentTermsDays: draft.payment_terms_days };
    const lineOf = db.prepare('SELECT id, line_key, removed FROM invoice_lines WHERE id = ? AND invoice_id = ?');
    for (const change of input.changes) {
      if (change.op === 'add') {
        const line = manualLine(db, terms, change.line);
        assertNotOnDraft(db, draft.id, line.key);
        insertLines(db, draft.id, [{ ...line, addedReason: change.line.reason }]);
        continue;
      }
      const line = lineOf.get(change.lineId, draft.id) as { id: number; line_key: string; removed: number } | undefined;
      if (!line) throw new UserError('NO_SUCH_LINE', `Line ${change.lineId} is not on this draft.`);
      if (change.op === 'remove') db.prepare('UPDATE invoice_lines SET removed = 1, removed_reason = ? WHERE id = ?').run(change.reason, line.id);
      else {
        if (line.removed === 1) assertNotOnDraft(db, draft.id, line.line_key);
        db.prepare('UPDATE invoice_lines SET removed = 0, removed_reason = NULL WHERE id = ?').run(line.id);
      }
    }
    if (input.poNumber !== undefined) db.prepare('UPDATE invoices SET po_number = ? WHERE id = ?').run(input.poNumber === '' ? null : input.poNumber, draft.id);
    if (input.notes !== undefined) db.prepare('UPDATE invoices SET notes = ? WHERE id = ?').run(input.notes === '' ? null : input.notes, draft.id);
  })();
}

/** Refuses a line already billed on a live line of any draft of the study (this one included). */
function assertNotOnDraft(db: Db, invoiceId: number, key: string): void {
  const other = db
    .prepare(
      `SELECT v.id FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id
       WHERE l.line_key = ? AND l.removed = 0 AND v.status = 'DRAFT' AND v.study_id = (SELECT study_id FROM invoices WHERE id = ?) LIMIT 1`,
    )
    .pluck()
    .get(key, invoiceId) as number | undefined;
  if (other === undefined) return;
  throw new UserError('DUPLICATE_LINE', other === invoiceId ? 'That item is already on this draft.' : 'That item is on another draft of this study; remove it there first.');
}

/** Deletes a draft and its lines; refuses an issued document (the triggers would too). */
export function deleteDraft(db: Db, invoiceId: number): void {
  db.transaction(() => {
    requireDraft(db, invoiceId);
    db.prepare('DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoiceId);
    db.prepare('DELETE FROM invoices WHERE id = ?').run(invoiceId);
  })();
}
