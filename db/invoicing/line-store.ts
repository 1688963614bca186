/** Writing invoice lines: one insert used by drafts, release invoices and credit memos. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { CandidateLine } from './propose.ts';

/** A line to store: a candidate plus how it came to be. */
export interface LineToStore extends CandidateLine {
  readonly addedReason?: string | null;
  readonly creditsLineId?: number | null;
}

/** The next free `seq` of a document. */
export function nextSeq(db: Db, invoiceId: number): number {
  return ((db.prepare('SELECT max(seq) FROM invoice_lines WHERE invoice_id = ?').pluck().get(invoiceId) as number | null) ?? 0) + 1;
}

/** Inserts lines after the document's last one, in the order given; returns their ids. */
export function insertLines(db: Db, invoiceId: number, lines: readonly LineToStore[]): number[] {
  const insert = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, seq, source, line_key, subject_pk, subject_label, visit_code, visit_name, cpt_hcpcs, description, service_date,
       calendar_item_id, invoiceable_id, amount_cents, overhead_bp, overhead_cents, holdback_bp, holdback_cents, net_cents, overhead_exempt, holdback_exempt,
       note, added_reason, credits_line_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let seq = nextSeq(db, invoiceId);
  return lines.map((l) =>
    Number(
      insert.run(
        invoiceId,
        seq++,
        l.source,
        l.key,
        l.subjectPk,
        l.subjectId,
        l.visitCode,
        l.visitName,
        l.cptHcpcs,
        l.description,
        l.serviceDate,
        l.calendarItemPk,
        l.invoiceablePk,
        l.amountCents,
        l.overheadBp,
        l.overheadCents,
        l.holdbackBp,
        l.holdbackCents,
        l.netCents,
        l.overheadExempt ? 1 : 0,
        l.holdbackExempt ? 1 : 0,
        l.note,
        l.addedReason ?? null,
        l.creditsLineId ?? null,
      ).lastInsertRowid,
    ),
  );
}
