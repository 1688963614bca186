/**
 * charges.csv (or a mapped export): hospital charge lines. A charge_id seen before is updated in place
 * and the previous values are kept in charge_revisions, so a finding can always show what the charge
 * looked like when it fired. A charge_id repeated inside one import is a duplicate-key problem (found
 * through the store, not an in-memory set, so a million-row file keeps memory flat).
 */
import type { LoadContext, RowLoader, RowValues } from './loader.ts';
import { list, num, optStr, str } from './loader.ts';

export const CHARGE_DATA_COLUMNS = [
  'account_id',
  'mrn',
  'service_date',
  'cpt_hcpcs',
  'modifiers',
  'units',
  'charge_amount_cents',
  'revenue_code',
  'dx_codes',
  'bill_to',
  'payer_name',
  'payer_type',
  'claim_type',
  'setting',
  'nct_on_claim',
  'ide_on_claim',
  'condition_codes',
] as const;

type ChargeData = Record<(typeof CHARGE_DATA_COLUMNS)[number], string | number | null>;

function chargeData(values: RowValues): ChargeData {
  return {
    account_id: str(values, 'account_id'),
    mrn: str(values, 'mrn'),
    service_date: str(values, 'service_date'),
    cpt_hcpcs: str(values, 'cpt_hcpcs'),
    modifiers: list(values, 'modifiers'),
    units: num(values, 'units'),
    charge_amount_cents: num(values, 'charge_amount'),
    revenue_code: optStr(values, 'revenue_code'),
    dx_codes: list(values, 'dx_codes'),
    bill_to: str(values, 'bill_to'),
    payer_name: optStr(values, 'payer_name'),
    payer_type: str(values, 'payer_type'),
    claim_type: str(values, 'claim_type'),
    setting: str(values, 'setting'),
    nct_on_claim: optStr(values, 'nct_on_claim'),
    ide_on_claim: optStr(values, 'ide_on_claim'),
    condition_codes: list(values, 'condition_codes'),
  };
}

export function chargesLoader(ctx: LoadContext): RowLoader {
  const cols = CHARGE_DATA_COLUMNS;
  // Fast path for the common case, a new charge: one statement, no read. A conflict (changes = 0)
  // sends the row down the slow path that compares, revises or reports a duplicate.
  const insert = ctx.db.prepare(
    `INSERT INTO charges (charge_id, ${cols.join(', ')}, batch_id, seen_batch_id, source_file, source_line)
     VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?, ?, ?) ON CONFLICT (charge_id) DO NOTHING`,
  );
  const select = ctx.db.prepare(`SELECT id, seen_batch_id, source_file, source_line, revision, ${cols.join(', ')} FROM charges WHERE charge_id = ?`);
  const update = ctx.db.prepare(
    `UPDATE charges SET ${cols.map((c) => `${c} = ?`).join(', ')}, batch_id = ?, seen_batch_id = ?, source_file = ?, source_line = ?, revision = revision + 1 WHERE id = ?`,
  );
  const markSeen = ctx.db.prepare('UPDATE charges SET seen_batch_id = ?, source_file = ?, source_line = ? WHERE id = ?');
  const revision = ctx.db.prepare(
    'INSERT INTO charge_revisions (charge_id, batch_id, revision, changed_fields, previous_json, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    load(values, at) {
      const chargeId = str(values, 'charge_id');
      const data = chargeData(values);
      const row = cols.map((c) => data[c]);
      if (insert.run(chargeId, ...row, ctx.batchId, ctx.batchId, ctx.fileName, at.line).changes === 1) return 'inserted';
      const existing = select.get(chargeId) as Record<string, string | number | null> & { id: number; seen_batch_id: number; revision: number };
      if (existing.seen_batch_id === ctx.batchId) {
        at.problem('charge_id', `charge_id '${chargeId}' appears twice in this import (first in ${String(existing.source_file)} line ${String(existing.source_line)})`);
        return 'rejected';
      }
      const changed = cols.filter((c, i) => existing[c] !== row[i]);
      if (changed.length === 0) {
        markSeen.run(ctx.batchId, ctx.fileName, at.line, existing.id);
        return 'unchanged';
      }
      const previous = Object.fromEntries(cols.map((c) => [c, existing[c]]));
      revision.run(existing.id, ctx.batchId, existing.revision, changed.join(';'), JSON.stringify(previous), ctx.now);
      update.run(...row, ctx.batchId, ctx.batchId, ctx.fileName, at.line, existing.id);
      return 'updated';
    },
  };
}
