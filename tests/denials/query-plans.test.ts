/**
 * The hot queries of triage use their indexes (house style: an EXPLAIN QUERY PLAN assertion): the
 * chunked claim read walks the rowid from where the last chunk stopped, and the search for payments
 * of earlier denials probes lines by charge and claims by account instead of scanning the file.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_CONTEXT_SQL } from '../../db/denials/denial-candidates.ts';
import { memoryStore } from '../helpers/store.ts';

const plan = (sql: string, ...params: unknown[]): string => {
  const db = memoryStore();
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
};

describe('query plans of triage', () => {
  it('reads claims in rowid chunks', () => {
    const p = plan(`${CLAIM_CONTEXT_SQL} WHERE t.file_id = ? AND c.id > ? ORDER BY c.id LIMIT 2000`, 1, 0);
    expect(p).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(p).not.toMatch(/TEMP B-TREE/);
  });

  it('finds payments of earlier denials through the charge and account indexes', () => {
    const byCharge = plan(
      `SELECT d.id FROM denials d CROSS JOIN remit_service_lines l ON l.charge_id = d.charge_id AND l.paid_cents > 0
       CROSS JOIN remit_claims c ON c.id = l.claim_id AND c.id > d.claim_id WHERE d.resolution_date IS NULL AND d.charge_id IS NOT NULL`,
    );
    expect(byCharge).toMatch(/SEARCH l USING (COVERING )?INDEX remit_service_lines_by_charge/);
    const byAccount = plan(
      `SELECT d.id FROM denials d CROSS JOIN remit_claims dc ON dc.id = d.claim_id
       CROSS JOIN remit_claims c ON c.patient_control_number = dc.patient_control_number AND c.id > d.claim_id WHERE d.resolution_date IS NULL`,
    );
    expect(byAccount).toMatch(/SEARCH c USING (COVERING )?INDEX remit_claims_by_account/);
  });

  it('checks a line for an existing denial and a service for an earlier one by index', () => {
    expect(plan('SELECT 1 FROM denials WHERE claim_id = ? AND coalesce(line_id, 0) = ?', 1, 0)).toMatch(/USING INDEX denials_by_line/);
    expect(plan('SELECT 1 FROM denials WHERE identity_key = ? LIMIT 1', 'c:1')).toMatch(/USING (COVERING )?INDEX denials_by_identity/);
  });
});
