/**
 * Records the payments a new remittance makes on earlier denials. A line paid (SVC03 > 0) on a claim
 * that is not a reversal pays an unresolved denial of the same service found on an earlier claim:
 * same linked charge, else same account + code + date (the identity key); a paid claim without lines
 * pays a claim-level denial of the same account and statement date.
 * What counts is new money. A payer that reprocesses a partly denied claim reverses it (CLP02 22,
 * paired by pair-reversals.ts at import) and pays the undisputed part again in the correction, which
 * is no recovery: for a reversed claim the recovered amount is the correction's payment minus what
 * the denied line (or claim) had been paid. A payment without a reversal (a resubmitted line, an
 * additional payment) is all new. Either way at most the denied amount; when nothing is left the
 * denial stays as it is (the payer kept its decision; the correction's own denial is triaged). A
 * denial under appeal that recovers money becomes overturned (partly, when less than the denied
 * amount came back) [NCQA-OVT: a partial overturn counts as overturned]; other statuses keep their
 * value, the payment closes them; the resolution date is this remittance's date. A superseded denial
 * (supersede-reversed.ts) is never paid: its repeat denial is the one a payment resolves, so the
 * money is recovered once.
 * The matching is one SQL join per key kind, driven from the unresolved denials through indexes.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { REVERSAL_STATUS } from '../../shared/remit/codes.ts';
import { stillStanding } from './still-standing.ts';

interface Match {
  denialId: number;
  status: string;
  deniedCents: number;
  /** What the denied line (or claim, for a claim-level denial) was paid on its own remittance. */
  alreadyPaidCents: number;
  paidCents: number;
  remitDate: string;
}

/** A denial's payments in this file, summed over its matching lines. */
interface Payment {
  readonly match: Match;
  paidCents: number;
}

/** The date of a remittance: its production date, else its payment date, else the day it was imported. */
export const REMIT_DATE = 'coalesce(t.production_date, t.payment_date, substr(f.imported_at, 1, 10))';
/** Joins a claim `c` to its transaction `t` and file `f`, restricted to one file (the bound parameter). */
export const OF_FILE = 'CROSS JOIN remit_transactions t ON t.id = c.transaction_id AND t.file_id = ? CROSS JOIN remit_files f ON f.id = t.file_id';

/** Resolves the earlier denials paid by `fileId`; returns how many it resolved. */
export function resolvePaidDenials(db: Db, fileId: number, at: string): number {
  const waiting = db.prepare(`SELECT 1 FROM denials WHERE ${stillStanding('')} LIMIT 1`).get();
  if (waiting === undefined) return 0;
  // Driven from the unresolved denials (CROSS JOIN fixes the order): each probes the file's claims of
  // the same account or the lines of the same charge through an index, instead of every paid line
  // of the file probing the denials.
  const columns = `d.id AS denialId, d.status, d.denied_cents AS deniedCents, ${REMIT_DATE} AS remitDate,
    CASE WHEN EXISTS (SELECT 1 FROM remit_reversals rv WHERE rv.original_claim_id = d.claim_id)
      THEN coalesce((SELECT dl.paid_cents FROM remit_service_lines dl WHERE dl.id = d.line_id), (SELECT dcl.paid_cents FROM remit_claims dcl WHERE dcl.id = d.claim_id), 0)
      ELSE 0 END AS alreadyPaidCents`;
  const paidOn = (sql: string): Match[] => db.prepare(sql).all(fileId) as Match[];
  const matches = [
    ...paidOn(
      `SELECT ${columns}, l.paid_cents AS paidCents FROM denials d
       CROSS JOIN remit_service_lines l ON l.charge_id = d.charge_id AND l.paid_cents > 0
       CROSS JOIN remit_claims c ON c.id = l.claim_id AND c.id > d.claim_id AND c.status_code <> '${REVERSAL_STATUS}'
       ${OF_FILE} WHERE ${stillStanding()} AND d.charge_id IS NOT NULL ORDER BY c.id, l.seq, d.id`,
    ),
    ...paidOn(
      `SELECT ${columns}, l.paid_cents AS paidCents FROM denials d
       CROSS JOIN remit_claims dc ON dc.id = d.claim_id
       CROSS JOIN remit_claims c ON c.patient_control_number = dc.patient_control_number AND c.id > d.claim_id AND c.status_code <> '${REVERSAL_STATUS}'
       ${OF_FILE}
       CROSS JOIN remit_service_lines l ON l.claim_id = c.id AND l.charge_id IS NULL AND l.paid_cents > 0
       WHERE ${stillStanding()} AND d.charge_id IS NULL AND d.line_id IS NOT NULL
         AND d.identity_key = 'a:' || c.patient_control_number || '|' || l.procedure_code || '|' || coalesce(l.service_date, l.period_start, c.statement_from, '')
       ORDER BY c.id, l.seq, d.id`,
    ),
    ...paidOn(
      `SELECT ${columns}, c.paid_cents AS paidCents FROM denials d
       CROSS JOIN remit_claims dc ON dc.id = d.claim_id
       CROSS JOIN remit_claims c ON c.patient_control_number = dc.patient_control_number AND c.id > d.claim_id AND c.status_code <> '${REVERSAL_STATUS}' AND c.paid_cents > 0
       ${OF_FILE}
       WHERE ${stillStanding()} AND d.line_id IS NULL AND d.identity_key = 'a:' || c.patient_control_number || '|*|' || coalesce(c.statement_from, '')
       ORDER BY c.id, d.id`,
    ),
  ];
  const resolve = db.prepare(
    `UPDATE denials SET recovered_cents = recovered_cents + ?, resolution_date = coalesce(resolution_date, ?), resolution_source = coalesce(resolution_source, 'remit'),
       deadline = NULL, deadline_kind = NULL,
       status = CASE WHEN status = 'appealed' THEN 'overturned' ELSE status END,
       decided_date = CASE WHEN status = 'appealed' THEN ? ELSE decided_date END, updated_at = ? WHERE id = ?`,
  );
  const decide = db.prepare('UPDATE appeals SET decided_date = ?, outcome = ?, updated_at = ? WHERE denial_id = ? AND sent_date IS NOT NULL AND outcome IS NULL');
  const event = db.prepare("INSERT INTO denial_events (denial_id, at, kind, from_status, to_status, note, actor) VALUES (?, ?, 'paid-on-remit', ?, ?, ?, 'system')");
  const payments = new Map<number, Payment>();
  for (const m of matches) {
    const payment = payments.get(m.denialId);
    if (payment === undefined) payments.set(m.denialId, { match: m, paidCents: m.paidCents });
    else payment.paidCents += m.paidCents;
  }
  let resolved = 0;
  for (const { match: m, paidCents } of payments.values()) {
    const recovered = recoveredCents(paidCents, m.alreadyPaidCents, m.deniedCents);
    if (recovered === 0) continue;
    const overturned = m.status === 'appealed';
    resolve.run(recovered, m.remitDate, m.remitDate, at, m.denialId);
    if (overturned) decide.run(m.remitDate, recovered >= m.deniedCents ? 'overturned' : 'partially-overturned', at, m.denialId);
    event.run(m.denialId, at, m.status, overturned ? 'overturned' : m.status, `recovered ${recovered} cents on the remittance of ${m.remitDate} (paid ${paidCents}, ${m.alreadyPaidCents} before)`);
    resolved += 1;
  }
  return resolved;
}

/** The denied money a later payment brings back: beyond what was paid before, at most what was denied. */
export function recoveredCents(paidCents: number, alreadyPaidCents: number, deniedCents: number): number {
  return Math.min(deniedCents, Math.max(0, paidCents - alreadyPaidCents));
}
