/**
 * 0070: compact 835 storage (issue 6's import benchmark). A claim's and a line's adjustments (CAS
 * triplets) and remark codes move into the claim's or line's own row as JSON, instead of one row each
 * in remit_adjustments and remit_remarks: a 100,000-claim file writes ~300,000 rows instead of
 * ~570,000, and row count is most of its import time (docs/BENCHMARKS.md). The views remit_adjustments
 * and remit_remarks keep showing them as rows, with the same columns minus the row id.
 *
 * The JSON detail columns become arrays of positional tuples (shorter to write and to store):
 *   people_json      [[NM101 entity, NM102 type, last, first, middle, suffix, id qualifier, id], ...]
 *   refs_json        [[qualifier, value], ...]
 *   dates_json       [[qualifier, ISO date], ...]
 *   amounts_json     [[qualifier, cents], ...]
 *   adjustments_json [[CAS segment number, group, reason, cents, quantity or null], ...] in file order
 *   remarks_json     [[source 'MIA' | 'MOA' | 'LQ', code], ...] in file order
 *
 * has_denial marks the claims and lines with at least one adjustment that reads as a denial with a
 * positive amount (shared/remit/codes triageAdjustment), set by the import so triage reads only those
 * (partial indexes). Rows already stored get it for any positive adjustment outside the PR group: a
 * superset, which is safe because triage re-reads every candidate's adjustments.
 *
 * The correlated look-ups name claim_id and line_id together so that they use the old tables'
 * (claim_id, line_id) indexes: a database with hundreds of thousands of lines migrates in seconds.
 *
 * Indexes follow what the queries ask: reversal pairing looks for status 22 only, linking and triage
 * for linked or denied lines only.
 */
import type { Migration } from '../migrate.ts';

const tuples = (column: string, fields: readonly string[]): string =>
  `${column} = (SELECT json_group_array(json_array(${fields.map((f) => `j.value ->> '${f}'`).join(', ')})) FROM json_each(${column}) j)`;

export const remitCompact: Migration = {
  version: 70,
  name: 'remit-compact',
  sql: `
ALTER TABLE remit_claims ADD COLUMN adjustments_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE remit_claims ADD COLUMN remarks_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE remit_claims ADD COLUMN has_denial INTEGER NOT NULL DEFAULT 0 CHECK (has_denial IN (0, 1));
ALTER TABLE remit_service_lines ADD COLUMN adjustments_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE remit_service_lines ADD COLUMN remarks_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE remit_service_lines ADD COLUMN has_denial INTEGER NOT NULL DEFAULT 0 CHECK (has_denial IN (0, 1));

UPDATE remit_claims SET
  ${tuples('people_json', ['entityCode', 'entityType', 'lastName', 'firstName', 'middleName', 'suffix', 'idQualifier', 'id'])},
  ${tuples('refs_json', ['qualifier', 'value'])},
  ${tuples('dates_json', ['qualifier', 'date'])},
  ${tuples('amounts_json', ['qualifier', 'cents'])},
  adjustments_json = (SELECT json_group_array(json_array(a.cas_segment, a.group_code, a.reason_code, a.amount_cents, a.quantity))
    FROM (SELECT * FROM remit_adjustments WHERE claim_id = remit_claims.id AND line_id IS NULL ORDER BY seq) a),
  remarks_json = (SELECT json_group_array(json_array(r.source, r.code))
    FROM (SELECT * FROM remit_remarks WHERE claim_id = remit_claims.id AND line_id IS NULL ORDER BY id) r),
  has_denial = EXISTS (SELECT 1 FROM remit_adjustments WHERE claim_id = remit_claims.id AND line_id IS NULL AND amount_cents > 0 AND group_code <> 'PR');

UPDATE remit_service_lines SET
  ${tuples('refs_json', ['qualifier', 'value'])},
  ${tuples('amounts_json', ['qualifier', 'cents'])},
  adjustments_json = (SELECT json_group_array(json_array(a.cas_segment, a.group_code, a.reason_code, a.amount_cents, a.quantity))
    FROM (SELECT * FROM remit_adjustments WHERE claim_id = remit_service_lines.claim_id AND line_id = remit_service_lines.id ORDER BY seq) a),
  remarks_json = (SELECT json_group_array(json_array(r.source, r.code))
    FROM (SELECT * FROM remit_remarks WHERE claim_id = remit_service_lines.claim_id AND line_id = remit_service_lines.id ORDER BY id) r),
  has_denial = EXISTS (SELECT 1 FROM remit_adjustments WHERE claim_id = remit_service_lines.claim_id AND line_id = remit_service_lines.id AND amount_cents > 0 AND group_code <> 'PR');

DROP TABLE remit_adjustments;
DROP TABLE remit_remarks;

-- CAS triplets as rows (line_id NULL for claim-level adjustments), seq 1.. within the claim or line.
CREATE VIEW remit_adjustments (claim_id, line_id, seq, cas_segment, group_code, reason_code, amount_cents, quantity) AS
  SELECT c.id, NULL, a.key + 1, a.value ->> 0, a.value ->> 1, a.value ->> 2, a.value ->> 3, a.value ->> 4
  FROM remit_claims c, json_each(c.adjustments_json) a
  UNION ALL
  SELECT l.claim_id, l.id, a.key + 1, a.value ->> 0, a.value ->> 1, a.value ->> 2, a.value ->> 3, a.value ->> 4
  FROM remit_service_lines l, json_each(l.adjustments_json) a;

-- Remark codes as rows: MIA/MOA of the claim (line_id NULL), LQ*HE of a line, seq 1.. in file order.
CREATE VIEW remit_remarks (claim_id, line_id, seq, source, code) AS
  SELECT c.id, NULL, r.key + 1, r.value ->> 0, r.value ->> 1 FROM remit_claims c, json_each(c.remarks_json) r
  UNION ALL
  SELECT l.claim_id, l.id, r.key + 1, r.value ->> 0, r.value ->> 1 FROM remit_service_lines l, json_each(l.remarks_json) r;

DROP INDEX remit_claims_by_status;
CREATE INDEX remit_claims_reversals ON remit_claims(id) WHERE status_code = '22';
CREATE INDEX remit_claims_denied ON remit_claims(id) WHERE has_denial = 1;
-- Unlinked lines are most lines until their charges arrive: the index leaves them out.
DROP INDEX remit_service_lines_by_charge;
CREATE INDEX remit_service_lines_by_charge ON remit_service_lines(charge_id) WHERE charge_id IS NOT NULL;
CREATE INDEX remit_service_lines_denied ON remit_service_lines(claim_id) WHERE has_denial = 1;
`,
};
