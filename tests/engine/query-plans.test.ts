/** Hot engine queries must use their indexes: a plan change here is a performance regression at 1M rows. */
import { describe, expect, it } from 'vitest';
import { collectAffectedPairs, DUPLICATE_SCAN_SQL, DUPLICATE_SCOPE_SQL } from '../../db/engine/duplicates.ts';
import { pageSql } from '../../db/queries/findings/list-findings.ts';
import { memoryStore } from '../helpers/store.ts';

const plan = (db: ReturnType<typeof memoryStore>, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('query plans', () => {
  it('incremental duplicate checks seek charges by (MRN, date) and findings by charge', () => {
    const db = memoryStore();
    collectAffectedPairs(db, 0);
    expect(plan(db, DUPLICATE_SCAN_SQL)).toMatch(/SEARCH c USING INDEX charges_by_mrn_date \(mrn=\? AND service_date=\?\)/);
    const scope = plan(db, DUPLICATE_SCOPE_SQL);
    expect(scope).toMatch(/SEARCH f USING INDEX findings_by_charge \(charge_id=\?\)/);
    expect(scope).not.toMatch(/findings_by_rule/);
  });

  it('incremental runs find changed charges through charges_by_batch', () => {
    const db = memoryStore();
    expect(plan(db, 'SELECT id FROM charges WHERE batch_id > ? AND id > ? ORDER BY id LIMIT 2000', 1, 0)).toMatch(/charges_by_batch|INTEGER PRIMARY KEY/);
    expect(plan(db, "SELECT id FROM findings WHERE rule <> 'DUP-28' AND charge_id IN (SELECT id FROM charges WHERE batch_id > ?)", 1)).toMatch(/findings_by_charge/);
  });

  it('the default work queue is served by the findings_queue index without a sort', () => {
    const db = memoryStore();
    const { sql, params } = pageSql({}, { by: 'severity', direction: 'asc' });
    const p = plan(db, sql, ...params, 100, 0);
    expect(p).toMatch(/findings_queue/);
  });
});
