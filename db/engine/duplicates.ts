/**
 * DUP-28 in an incremental run: a charge identical to an earlier one (in import order, i.e. by charge
 * row id) on MRN, date, code, modifiers, units, amount and bill-to, under another charge_id. Only the
 * (MRN, date) pairs of charges changed since the last run are re-examined, old values included,
 * because changing one charge can make another stop or start being a duplicate. (A full run finds
 * duplicates while streaming: duplicate-detector.ts.)
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { duplicateChargeFinding } from '../../shared/rules/setup-rules.ts';
import type { FindingDraft } from '../../shared/rules/facts.ts';
import { inStudyPeriod, matchCalendar } from '../../shared/rules/match-calendar.ts';
import { CHARGE_FACT_COLUMNS, toChargeFacts, type ChargeRow } from './charge-rows.ts';
import type { ReferenceFacts } from './load-facts.ts';


/**
 * The (MRN, date) pairs touched since a batch (current values of changed charges and the values they
 * had before), in a temp table so the scan below seeks charges_by_content pair by pair (index only) (CROSS JOIN
 * fixes the join order) instead of walking every charge.
 */
export function collectAffectedPairs(db: Db, sinceBatch: number, chargeHighWater: number): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS dup_pairs (mrn TEXT, service_date TEXT, PRIMARY KEY (mrn, service_date)) WITHOUT ROWID; DELETE FROM temp.dup_pairs');
  db.prepare('INSERT OR IGNORE INTO temp.dup_pairs SELECT mrn, service_date FROM charges WHERE id > ?').run(chargeHighWater);
  db.prepare(
    `INSERT OR IGNORE INTO temp.dup_pairs SELECT c.mrn, c.service_date FROM charge_revisions r JOIN charges c ON c.id = r.charge_id WHERE r.batch_id > ?
     UNION ALL SELECT json_extract(previous_json, '$.mrn'), json_extract(previous_json, '$.service_date') FROM charge_revisions WHERE batch_id > ?`,
  ).run(sinceBatch, sinceBatch);
}

const PAIR_CHARGES = 'temp.dup_pairs p CROSS JOIN charges c ON c.mrn = p.mrn AND c.service_date = p.service_date';

/** Charges of the affected pairs that are copies of an earlier one (exported for the query-plan test). */
export const DUPLICATE_SCAN_SQL = `SELECT id, first_id FROM (
  SELECT c.id, first_value(c.id) OVER w AS first_id, row_number() OVER w AS rn FROM ${PAIR_CHARGES}
  WINDOW w AS (PARTITION BY c.mrn, c.service_date, c.cpt_hcpcs, c.modifiers, c.units, c.charge_amount_cents, c.bill_to ORDER BY c.id)
) WHERE rn > 1 ORDER BY id`;

/** DUP-28 findings of the affected pairs: the ones an incremental run may close. */
export const DUPLICATE_SCOPE_SQL = `SELECT f.id FROM ${PAIR_CHARGES} CROSS JOIN findings f ON f.charge_id = c.id WHERE f.rule = 'DUP-28'`;

export interface DuplicateScan {
  readonly drafts: FindingDraft[];
  /** SQL (with params) selecting the DUP-28 findings this scan was responsible for, for closing. */
  readonly scopeSql: string;
  readonly scopeParams: readonly unknown[];
}

export function findDuplicatesSince(db: Db, facts: ReferenceFacts, sinceBatch: number, chargeHighWater: number): DuplicateScan {
  collectAffectedPairs(db, sinceBatch, chargeHighWater);
  const pairs = db.prepare(DUPLICATE_SCAN_SQL).all() as { id: number; first_id: number }[];
  const byId = db.prepare(`SELECT ${CHARGE_FACT_COLUMNS} FROM charges WHERE id = ?`);
  const drafts = pairs.map(({ id, first_id }) => {
    const row = byId.get(id) as ChargeRow;
    const first = byId.get(first_id) as ChargeRow;
    const charge = toChargeFacts(row);
    const enrolment = (facts.enrolmentsByMrn.get(row.mrn) ?? []).find((e) => inStudyPeriod(charge, e)) ?? null;
    return duplicateChargeFinding(charge, { chargeId: first.charge_id, source: `${first.source_file} line ${first.source_line}` }, enrolment, enrolment ? matchCalendar(charge, enrolment) : null);
  });
  return { drafts, scopeSql: DUPLICATE_SCOPE_SQL, scopeParams: [] };
}
