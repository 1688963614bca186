/**
 * Gives document numbers at issue from invoice_number_sequences, inside the issuing transaction.
 * A study's sequence for a kind and year starts after the highest number of that shape already
 * known (invoices imported from before TrialLedger, whose numbers the sponsor has seen), skips any
 * number already used, and only moves forward (a trigger refuses anything else), so no number is
 * ever given twice, even when drafts are deleted (they never had one).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { formatDocumentNumber, numberPrefix, sequenceOf, type NumberKind } from '../../shared/invoicing/numbering.ts';

/** Highest sequence among numbers of this shape already in the store (imported lines or documents). */
function highestKnown(db: Db, studyPk: number, prefix: string): number {
  const pattern = `${prefix.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const numbers = db
    .prepare(
      `SELECT DISTINCT invoice_number FROM sponsor_invoice_lines WHERE study_id = ? AND invoice_number LIKE ? ESCAPE '\\'
       UNION SELECT number FROM invoices WHERE study_id = ? AND number LIKE ? ESCAPE '\\'`,
    )
    .pluck()
    .all(studyPk, pattern, studyPk, pattern) as string[];
  return numbers.reduce((max, n) => Math.max(max, sequenceOf(n, prefix) ?? 0), 0);
}

/** Takes the next number of a study's sequence (call inside the transaction that issues the document). */
export function takeNextNumber(db: Db, study: { readonly pk: number; readonly studyId: string }, kind: NumberKind, year: number): string {
  const prefix = numberPrefix(kind, study.studyId, year);
  const current = db.prepare('SELECT last_seq FROM invoice_number_sequences WHERE study_id = ? AND kind = ? AND year = ?').pluck().get(study.pk, kind, year) as number | undefined;
  let seq = current ?? highestKnown(db, study.pk, prefix);
  if (current === undefined) db.prepare('INSERT INTO invoice_number_sequences (study_id, kind, year, last_seq) VALUES (?, ?, ?, ?)').run(study.pk, kind, year, seq);
  const used = db.prepare('SELECT 1 FROM invoices WHERE number = ? UNION ALL SELECT 1 FROM sponsor_invoice_lines WHERE study_id = ? AND invoice_number = ? LIMIT 1').pluck();
  let number: string;
  do {
    seq += 1;
    number = formatDocumentNumber(kind, study.studyId, year, seq);
  } while (used.get(number, study.pk, number) !== undefined);
  db.prepare('UPDATE invoice_number_sequences SET last_seq = ? WHERE study_id = ? AND kind = ? AND year = ?').run(seq, study.pk, kind, year);
  return number;
}
