/** Hot engine queries must use their indexes: a plan change here is a performance regression at 1M rows. */
import { describe, expect, it } from 'vitest';
import { collectAffectedPairs, DUPLICATE_SCAN_SQL, DUPLICATE_SCOPE_SQL } from '../../db/engine/duplicates.ts';
import { STALE_OF_UPDATED_CHARGES } from '../../db/engine/reconcile.ts';
import { memoryStore } from '../helpers/store.ts';

const plan = (db: ReturnType<typeof memoryStore>, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('query plans', () => {
  it('incremental duplicate checks seek charges by (MRN, date) and findings by charge', () => {
    const db = memoryStore();
    collectAffectedPairs(db, 0, 0);
    expect(plan(db, DUPLICATE_SCAN_SQL)).toMatch(/SEARCH c USING COVERING INDEX charges_by_content \(mrn=\? AND service_date=\?\)/);
    const scope = plan(db, DUPLICATE_SCOPE_SQL);
    expect(scope).toMatch(/SEARCH f USING INDEX findings_by_charge \(charge_id=\?\)/);
    expect(scope).not.toMatch(/findings_by_rule/);
  });

  it('incremental runs read new charges by id range and updated ones through their revisions', () => {
    const db = memoryStore();
    expect(plan(db, 'SELECT id FROM charges WHERE id > ? ORDER BY id LIMIT 2000', 0)).toMatch(/SEARCH charges USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan(db, 'SELECT DISTINCT charge_id FROM charge_revisions INDEXED BY charge_revisions_by_batch WHERE batch_id > ? AND charge_id <= ? ORDER BY charge_id', 1, 10)).toMatch(/charge_revisions_by_batch/);
    const stale = plan(db, STALE_OF_UPDATED_CHARGES, 1);
    expect(stale).toMatch(/SEARCH r USING INDEX charge_revisions_by_batch/);
    expect(stale).toMatch(/SEARCH f USING INDEX findings_by_charge \(charge_id=\?\)/);
  });
});
