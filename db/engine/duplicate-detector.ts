/**
 * DUP-28 in a full run, found while the charges stream past in import order: the first charge with
 * a given content (MRN, date, code, modifiers, units, amount, bill-to) is remembered, every later one
 * is a copy. Memory stays small for a million charges: the map holds a 53-bit hash of the content
 * per distinct charge, and a hash hit is confirmed against the stored first charge, so a collision
 * can never produce a false finding.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import type { ChargeRow } from './charge-rows.ts';

type ContentRow = Pick<ChargeRow, 'mrn' | 'service_date' | 'cpt_hcpcs' | 'modifiers' | 'units' | 'charge_amount_cents' | 'bill_to'>;

const contentKey = (r: ContentRow): string => `${r.mrn}\u001f${r.service_date}\u001f${r.cpt_hcpcs}\u001f${r.modifiers}\u001f${r.units}\u001f${r.charge_amount_cents}\u001f${r.bill_to}`;

/** Two FNV-1a passes with different offsets, combined into a safe integer. */
function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

export interface DuplicateHit {
  readonly firstId: number;
  readonly firstChargeId: string;
  readonly firstSource: string;
}

export class DuplicateDetector {
  private readonly firstByHash = new Map<number, number>();
  private readonly byId: Statement;

  constructor(db: Db) {
    this.byId = db.prepare('SELECT charge_id, mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, bill_to, source_file, source_line FROM charges WHERE id = ?');
  }

  /** Feed charges in id order; returns the earlier identical charge, or null for a first occurrence. */
  check(row: ChargeRow): DuplicateHit | null {
    const key = contentKey(row);
    const h = hash53(key);
    const first = this.firstByHash.get(h);
    if (first === undefined) {
      this.firstByHash.set(h, row.id);
      return null;
    }
    const original = this.byId.get(first) as (ContentRow & { charge_id: string; source_file: string; source_line: number }) | undefined;
    if (!original || contentKey(original) !== key) return null; // a hash collision, not a copy
    return { firstId: first, firstChargeId: original.charge_id, firstSource: `${original.source_file} line ${original.source_line}` };
  }
}
