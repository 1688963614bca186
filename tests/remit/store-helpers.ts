/** A fresh in-memory store per test, and a tiny charges table for linking tests. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { openStore } from '../../db/store/open-store.ts';

export const FIXED_NOW = (): Date => new Date('2024-04-20T12:00:00.000Z');

export function freshStore(): Db {
  return openStore({ path: ':memory:', key: null });
}

export const REMIT_TABLES = [
  'remit_files',
  'remit_transactions',
  'remit_claims',
  'remit_service_lines',
  'remit_adjustments',
  'remit_remarks',
  'remit_plb_adjustments',
  'remit_imbalances',
  'remit_reversals',
  'import_batches',
] as const;

/** Row counts of every table an 835 import writes. */
export function countRows(db: Db): Record<string, number> {
  return Object.fromEntries(REMIT_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

let batchId: number | null = null;

export interface ChargeRow {
  readonly chargeId: string;
  readonly accountId: string;
  readonly serviceDate: string;
  readonly cpt: string;
  readonly amountCents: number;
  readonly modifiers?: string;
}

/** Inserts charges directly (with the import_batches row their FK needs); returns their row ids. */
export function insertCharges(db: Db, rows: readonly ChargeRow[]): number[] {
  batchId = Number(db.prepare("INSERT INTO import_batches (source, started_at, finished_at) VALUES ('test charges', '2024-04-01', '2024-04-01')").run().lastInsertRowid);
  const insert = db.prepare(
    `INSERT INTO charges (charge_id, account_id, mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, dx_codes, bill_to,
       payer_type, claim_type, setting, condition_codes, batch_id, seen_batch_id, source_file, source_line)
     VALUES (?, ?, 'MRN-1', ?, ?, ?, 1, ?, 'Z00.6', 'INSURANCE', 'MEDICARE', 'PROFESSIONAL', 'OUTPATIENT', '30', ?, ?, 'charges.csv', ?)`,
  );
  return rows.map((r, i) => Number(insert.run(r.chargeId, r.accountId, r.serviceDate, r.cpt, r.modifiers ?? '', r.amountCents, batchId, batchId, i + 2).lastInsertRowid));
}
