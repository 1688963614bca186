/**
 * Migration 0070 on a database written before it (schema 65): remittance rows stored in the old
 * layout (JSON objects, one row per adjustment and remark) come out in the compact layout, the views
 * show the same adjustments and remarks as before, and the new import reads them back.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { triageRemitFile } from '../../db/denials/triage-file.ts';
import { migrate } from '../../db/store/migrate.ts';
import { MIGRATIONS } from '../../db/store/migrations/index.ts';

function storeAt65(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 65),
  );
  db.exec(`
    INSERT INTO import_batches (id, source, started_at, finished_at) VALUES (1, 'remit', '2026-01-01', '2026-01-01');
    INSERT INTO remit_files (id, batch_id, file_name, sha256, byte_size, imported_at) VALUES (1, 1, 'old.835', 'abc', 10, '2026-01-01T00:00:00Z');
    INSERT INTO remit_transactions (id, file_id, seq, st_segment, control_number, handling_code, payment_cents, credit_debit, trace_type, trace_number,
      payer_name, payee_name, payer_json, payee_json, refs_json) VALUES (1, 1, 1, 3, '0001', 'I', 0, 'C', '1', 'T', 'PAYER', 'PAYEE', '{}', '{}', '[]');
    INSERT INTO remit_claims (id, transaction_id, seq, clp_segment, patient_control_number, status_code, total_charge_cents, paid_cents,
      people_json, refs_json, dates_json, amounts_json) VALUES (7, 1, 1, 12, 'ACCT1', '1', 30000, 10000,
      '[{"entityCode":"QC","entityType":"1","lastName":"DOE","firstName":"JAN","middleName":null,"suffix":null,"idQualifier":"MI","id":"M1"}]',
      '[{"qualifier":"EA","value":"ACCT1"}]', '[{"qualifier":"232","date":"2025-01-05"}]', '[{"qualifier":"AU","cents":10000}]');
    INSERT INTO remit_service_lines (id, claim_id, seq, svc_segment, procedure_qualifier, procedure_code, modifiers, charge_cents, paid_cents,
      refs_json, amounts_json, link_method) VALUES
      (20, 7, 1, 20, 'HC', '99213', 'Q1', 10000, 10000, '[{"qualifier":"6R","value":"CHG-1"}]', '[{"qualifier":"B6","cents":10000}]', 'UNMATCHED'),
      (21, 7, 2, 25, 'HC', '71046', '', 20000, 0, '[]', '[]', 'UNMATCHED');
    -- Stored out of seq order on purpose: the JSON keeps seq order.
    INSERT INTO remit_adjustments (id, claim_id, line_id, seq, cas_segment, group_code, reason_code, amount_cents, quantity) VALUES
      (1, 7, 21, 2, 27, 'CO', '50', 15000, NULL),
      (2, 7, 21, 1, 26, 'PR', '2', 5000, 1.5),
      (3, 7, NULL, 1, 14, 'OA', '23', 0, NULL),
      (4, 7, 20, 1, 22, 'PR', '3', 2000, NULL);
    INSERT INTO remit_remarks (id, claim_id, line_id, source, code) VALUES (1, 7, NULL, 'MOA', 'MA01'), (2, 7, 21, 'LQ', 'N386'), (3, 7, 21, 'LQ', 'M127');
  `);
  return db;
}

describe('migration 0070 (compact remittance storage)', () => {
  it('moves adjustments and remarks into their rows and rewrites the JSON as tuples', () => {
    const db = storeAt65();
    expect(migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version > 65).map((m) => m.version));
    expect(db.prepare('SELECT people_json, refs_json, dates_json, amounts_json, adjustments_json, remarks_json, has_denial FROM remit_claims').get()).toEqual({
      people_json: '[["QC","1","DOE","JAN",null,null,"MI","M1"]]',
      refs_json: '[["EA","ACCT1"]]',
      dates_json: '[["232","2025-01-05"]]',
      amounts_json: '[["AU",10000]]',
      adjustments_json: '[[14,"OA","23",0,null]]',
      remarks_json: '[["MOA","MA01"]]',
      has_denial: 0,
    });
    expect(db.prepare('SELECT id, refs_json, amounts_json, adjustments_json, remarks_json, has_denial FROM remit_service_lines ORDER BY id').all()).toEqual([
      { id: 20, refs_json: '[["6R","CHG-1"]]', amounts_json: '[["B6",10000]]', adjustments_json: '[[22,"PR","3",2000,null]]', remarks_json: '[]', has_denial: 0 },
      { id: 21, refs_json: '[]', amounts_json: '[]', adjustments_json: '[[26,"PR","2",5000,1.5],[27,"CO","50",15000,null]]', remarks_json: '[["LQ","N386"],["LQ","M127"]]', has_denial: 1 },
    ]);
  });

  it('shows the same adjustments and remarks through the views, and triage finds the denial', () => {
    const db = storeAt65();
    migrate(db);
    expect(db.prepare('SELECT claim_id, line_id, seq, cas_segment, group_code, reason_code, amount_cents, quantity FROM remit_adjustments ORDER BY cas_segment').all()).toEqual([
      { claim_id: 7, line_id: null, seq: 1, cas_segment: 14, group_code: 'OA', reason_code: '23', amount_cents: 0, quantity: null },
      { claim_id: 7, line_id: 20, seq: 1, cas_segment: 22, group_code: 'PR', reason_code: '3', amount_cents: 2000, quantity: null },
      { claim_id: 7, line_id: 21, seq: 1, cas_segment: 26, group_code: 'PR', reason_code: '2', amount_cents: 5000, quantity: 1.5 },
      { claim_id: 7, line_id: 21, seq: 2, cas_segment: 27, group_code: 'CO', reason_code: '50', amount_cents: 15000, quantity: null },
    ]);
    expect(db.prepare('SELECT line_id, seq, source, code FROM remit_remarks ORDER BY line_id NULLS FIRST, seq').all()).toEqual([
      { line_id: null, seq: 1, source: 'MOA', code: 'MA01' },
      { line_id: 21, seq: 1, source: 'LQ', code: 'N386' },
      { line_id: 21, seq: 2, source: 'LQ', code: 'M127' },
    ]);
    const triage = triageRemitFile(db, 1, { now: () => new Date('2026-02-01T00:00:00Z') });
    expect(triage.denials).toBe(1);
    expect(db.prepare('SELECT line_id, primary_carc FROM denials').all()).toEqual([{ line_id: 21, primary_carc: '50' }]);
  });
});
