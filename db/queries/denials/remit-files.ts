/** Imported 835 files with their counts and what triage found, newest first. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { RemitFileSummary } from '../../../shared/contract/denials.ts';

/** The last `limit` imported remittance files. */
export function listRemitFiles(db: Db, limit: number): RemitFileSummary[] {
  return db
    .prepare(
      `SELECT f.id AS fileId, f.file_name AS fileName, f.imported_at AS importedAt,
              (SELECT group_concat(p.payer_name, ', ') FROM (SELECT DISTINCT t.payer_name FROM remit_transactions t WHERE t.file_id = f.id ORDER BY t.id) p) AS payers,
              f.transaction_count AS transactions, f.claim_count AS claims, f.line_count AS lines,
              (SELECT count(*) FROM remit_service_lines l JOIN remit_claims c ON c.id = l.claim_id JOIN remit_transactions t ON t.id = c.transaction_id
                WHERE t.file_id = f.id AND l.charge_id IS NOT NULL) AS linkedLines,
              f.total_paid_cents AS totalPaidCents, f.imbalance_count AS imbalances,
              (SELECT count(*) FROM denials d WHERE d.file_id = f.id) AS denials,
              (SELECT coalesce(sum(d.denied_cents), 0) FROM denials d WHERE d.file_id = f.id) AS deniedCents
       FROM remit_files f ORDER BY f.id DESC LIMIT ?`,
    )
    .all(limit) as RemitFileSummary[];
}
