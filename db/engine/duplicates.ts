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

const PARTITION = 'mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, bill_to';

/** The (MRN, date) pairs touched since a batch: current values of changed charges and the values they had before. */
const AFFECTED_PAIRS = `
  SELECT mrn, service_date FROM charges WHERE batch_id > ?
  UNION
  SELECT json_extract(previous_json, '$.mrn'), json_extract(previous_json, '$.service_date') FROM charge_revisions WHERE batch_id > ?`;

export interface DuplicateScan {
  readonly drafts: FindingDraft[];
  /** SQL (with params) selecting the DUP-28 findings this scan was responsible for, for closing. */
  readonly scopeSql: string;
  readonly scopeParams: readonly unknown[];
}

export function findDuplicatesSince(db: Db, facts: ReferenceFacts, sinceBatch: number): DuplicateScan {
  const where = `WHERE (mrn, service_date) IN (${AFFECTED_PAIRS})`;
  const params = [sinceBatch, sinceBatch];
  const pairs = db
    .prepare(
      `SELECT id, first_id FROM (
         SELECT id, first_value(id) OVER w AS first_id, row_number() OVER w AS rn FROM charges ${where}
         WINDOW w AS (PARTITION BY ${PARTITION} ORDER BY id)
       ) WHERE rn > 1 ORDER BY id`,
    )
    .all(...params) as { id: number; first_id: number }[];
  const byId = db.prepare(`SELECT ${CHARGE_FACT_COLUMNS} FROM charges WHERE id = ?`);
  const drafts = pairs.map(({ id, first_id }) => {
    const row = byId.get(id) as ChargeRow;
    const first = byId.get(first_id) as ChargeRow;
    const charge = toChargeFacts(row);
    const enrolment = (facts.enrolmentsByMrn.get(row.mrn) ?? []).find((e) => inStudyPeriod(charge, e)) ?? null;
    return duplicateChargeFinding(charge, { chargeId: first.charge_id, source: `${first.source_file} line ${first.source_line}` }, enrolment, enrolment ? matchCalendar(charge, enrolment) : null);
  });
  const scopeSql = `SELECT f.id FROM findings f JOIN charges c ON c.id = f.charge_id WHERE f.rule = 'DUP-28' AND (c.mrn, c.service_date) IN (${AFFECTED_PAIRS})`;
  return { drafts, scopeSql, scopeParams: params };
}
