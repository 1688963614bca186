/** Reads charges as rule facts, in id order and in chunks (a million charges never sit in memory). */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { toDayNumber } from '../../shared/domain/dates.ts';
import type { BillTo, ClaimType, PayerType, Setting } from '../../shared/domain/codes.ts';
import type { ChargeFacts } from '../../shared/rules/facts.ts';

export const CHARGE_FACT_COLUMNS =
  'id, charge_id, mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, revenue_code, dx_codes, bill_to, payer_name, payer_type, claim_type, setting, nct_on_claim, ide_on_claim, condition_codes, source_file, source_line';

export interface ChargeRow {
  id: number;
  charge_id: string;
  mrn: string;
  service_date: string;
  cpt_hcpcs: string;
  modifiers: string;
  units: number;
  charge_amount_cents: number;
  revenue_code: string | null;
  dx_codes: string;
  bill_to: BillTo;
  payer_name: string | null;
  payer_type: PayerType;
  claim_type: ClaimType;
  setting: Setting;
  nct_on_claim: string | null;
  ide_on_claim: string | null;
  condition_codes: string;
  source_file: string;
  source_line: number;
}

const EMPTY: readonly string[] = [];
const split = (list: string): readonly string[] => (list === '' ? EMPTY : list.split(';'));

export function toChargeFacts(r: ChargeRow): ChargeFacts {
  return {
    pk: r.id,
    chargeId: r.charge_id,
    serviceDate: r.service_date,
    serviceDay: toDayNumber(r.service_date) ?? 0,
    cpt: r.cpt_hcpcs,
    modifiers: split(r.modifiers),
    units: r.units,
    amountCents: r.charge_amount_cents,
    revenueCode: r.revenue_code,
    dxCodes: split(r.dx_codes),
    billTo: r.bill_to,
    payerName: r.payer_name,
    payerType: r.payer_type,
    claimType: r.claim_type,
    setting: r.setting,
    nctOnClaim: r.nct_on_claim,
    ideOnClaim: r.ide_on_claim,
    conditionCodes: split(r.condition_codes),
    sourceFile: r.source_file,
    sourceLine: r.source_line,
  };
}

export const CHUNK = 2_000;

/** Every charge in id order, CHUNK rows per query (a statement must not stay open while findings are written). */
export function* allChargeChunks(db: Db): Generator<ChargeRow[]> {
  yield* chunksAfter(db, 0);
}

function* chunksAfter(db: Db, startAfter: number): Generator<ChargeRow[]> {
  const stmt: Statement = db.prepare(`SELECT ${CHARGE_FACT_COLUMNS} FROM charges WHERE id > ? ORDER BY id LIMIT ${CHUNK}`);
  let after = startAfter;
  for (;;) {
    const rows = stmt.all(after) as ChargeRow[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Ids of charges an import changed since a batch (revisions record every change), oldest first. */
export function updatedChargeIds(db: Db, sinceBatch: number, highWater: number): number[] {
  return db.prepare('SELECT DISTINCT charge_id FROM charge_revisions INDEXED BY charge_revisions_by_batch WHERE batch_id > ? AND charge_id <= ? ORDER BY charge_id').pluck().all(sinceBatch, highWater) as number[];
}

/**
 * Charges changed since the last run: the older charges an import updated (`updated`, from
 * updatedChargeIds) and the charges imported since (ids above the high-water mark, read in order).
 */
export function* changedChargeChunks(db: Db, updated: readonly number[], highWater: number): Generator<ChargeRow[]> {
  const byIds = db.prepare(`SELECT ${CHARGE_FACT_COLUMNS} FROM charges WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  for (let i = 0; i < updated.length; i += CHUNK) yield byIds.all(JSON.stringify(updated.slice(i, i + CHUNK))) as ChargeRow[];
  yield* chunksAfter(db, highWater);
}
