/**
 * After an import that changed rows (charges, calendar, enrolment...): remittance lines still without
 * a charge are linked again and open denials re-triaged with what the store now knows, so the denial
 * queue never keeps a conclusion drawn before the charges arrived (docs/denials.md, "Re-triage").
 * The same step as the "Re-triage open denials" button; nothing runs when the import changed nothing
 * or no remittance is on file.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import { retriageOpenDenials } from './retriage.ts';

export function retriageAfterImport(db: Db, outcome: ImportOutcome, now: Date): ImportOutcome {
  if (outcome.status !== 'imported' || !outcome.files.some((f) => f.inserted + f.updated > 0)) return outcome;
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM remit_files)').pluck().get() !== 1) return outcome;
  return { ...outcome, denials: retriageOpenDenials(db, now) };
}
