/**
 * Denials the payer replaced: an open denial whose claim the payer reversed (CLP02 22, paired by
 * pair-reversals.ts) and reprocessed in a later claim of this file with the same service (same
 * linked charge, else same account + code + date, or the same account and statement date for a
 * claim-level denial). The reprocessed claim's outcome is the payer's decision now: paid (then
 * resolve-payments.ts already resolved the denial with the new money) or denied again (then triage
 * made a repeat denial of it). The old denial leaves the queue as superseded, with no deadline.
 * Only open denials: once the coordinator has acted (appealed, resubmitted...), the record of that
 * work stays as it is and the coordinator decides.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { REVERSAL_STATUS } from '../../shared/remit/codes.ts';
import { OF_FILE, REMIT_DATE } from './resolve-payments.ts';
import { stillStanding } from './still-standing.ts';

interface Replacement {
  denialId: number;
  claimId: number;
  remitDate: string;
}

/** Marks the open denials this file's reprocessed claims replace; returns how many. */
export function supersedeReversedDenials(db: Db, fileId: number, at: string): number {
  const reversed = db.prepare(`SELECT 1 FROM denials d JOIN remit_reversals r ON r.original_claim_id = d.claim_id WHERE d.status = 'open' AND ${stillStanding()} LIMIT 1`).get();
  if (reversed === undefined) return 0;
  const sameLine = `(d.charge_id IS NOT NULL AND l.charge_id = d.charge_id)
      OR (d.charge_id IS NULL AND d.identity_key = 'a:' || c.patient_control_number || '|' || l.procedure_code || '|' || coalesce(l.service_date, l.period_start, c.statement_from, ''))`;
  const replacements = db
    .prepare(
      `SELECT d.id AS denialId, min(c.id) AS claimId, ${REMIT_DATE} AS remitDate FROM denials d
       CROSS JOIN remit_reversals r ON r.original_claim_id = d.claim_id
       CROSS JOIN remit_claims dc ON dc.id = d.claim_id
       CROSS JOIN remit_claims c ON c.patient_control_number = dc.patient_control_number AND c.id > d.claim_id AND c.status_code <> '${REVERSAL_STATUS}'
       ${OF_FILE}
       WHERE d.status = 'open' AND ${stillStanding()}
         AND (
           (d.line_id IS NOT NULL AND EXISTS (SELECT 1 FROM remit_service_lines l WHERE l.claim_id = c.id AND (${sameLine})))
           OR (d.line_id IS NULL AND d.identity_key = 'a:' || c.patient_control_number || '|*|' || coalesce(c.statement_from, ''))
         )
       GROUP BY d.id ORDER BY d.id`,
    )
    .all(fileId) as Replacement[];
  const mark = db.prepare('UPDATE denials SET superseded_date = ?, superseded_by_claim_id = ?, deadline = NULL, deadline_kind = NULL, updated_at = ? WHERE id = ?');
  const event = db.prepare("INSERT INTO denial_events (denial_id, at, kind, note, actor) VALUES (?, ?, 'note', ?, 'system')");
  for (const r of replacements) {
    mark.run(r.remitDate, r.claimId, at, r.denialId);
    event.run(r.denialId, at, `superseded: the payer reversed this claim and reprocessed it on the remittance of ${r.remitDate}`);
  }
  return replacements.length;
}
