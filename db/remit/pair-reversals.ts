/**
 * Pairs each reversal (CLP02 = 22, "reversal of previous payment" [BRIEF 4.2]) with the claim it
 * takes back: same patient control number (CLP01) and payer claim control number (CLP07), charge
 * and payment of opposite sign. The original may come from an earlier file or the same one, and files
 * may be imported out of order, so every unpaired reversal is tried on each import. Among several
 * candidates the latest original received before the reversal wins (a claim paid, reversed, repaid
 * and reversed again pairs each reversal with the payment just before it).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { REVERSAL_STATUS } from '../../shared/remit/codes.ts';

interface ReversalRow {
  readonly id: number;
  readonly patient_control_number: string;
  readonly payer_claim_control_number: string | null;
  readonly total_charge_cents: number;
  readonly paid_cents: number;
}

/** Pairs every unpaired reversal it can; returns how many pairs it stored. */
export function pairReversals(db: Db, pairedAt: string): number {
  // The status is written into the SQL, not bound, so that the partial index remit_claims_reversals serves it.
  const reversals = db
    .prepare(
      `SELECT r.id, r.patient_control_number, r.payer_claim_control_number, r.total_charge_cents, r.paid_cents
       FROM remit_claims r WHERE r.status_code = '${REVERSAL_STATUS}' AND NOT EXISTS (SELECT 1 FROM remit_reversals p WHERE p.reversal_claim_id = r.id)
       ORDER BY r.id`,
    )
    .all() as ReversalRow[];
  const findOriginal = db
    .prepare(
      `SELECT o.id FROM remit_claims o
       WHERE o.patient_control_number = ? AND o.payer_claim_control_number IS ? AND o.status_code <> ?
         AND o.total_charge_cents = ? AND o.paid_cents = ?
         AND NOT EXISTS (SELECT 1 FROM remit_reversals p WHERE p.original_claim_id = o.id)
       ORDER BY (o.id < ?) DESC, CASE WHEN o.id < ? THEN -o.id ELSE o.id END
       LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare('INSERT INTO remit_reversals (reversal_claim_id, original_claim_id, paired_at) VALUES (?, ?, ?)');
  let paired = 0;
  for (const r of reversals) {
    const original = findOriginal.get(
      r.patient_control_number,
      r.payer_claim_control_number,
      REVERSAL_STATUS,
      -r.total_charge_cents,
      -r.paid_cents,
      r.id,
      r.id,
    ) as number | undefined;
    if (original === undefined) continue;
    insert.run(r.id, original, pairedAt);
    paired += 1;
  }
  return paired;
}
