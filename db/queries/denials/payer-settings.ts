/**
 * Payer deadline settings: one row per payer kind (its defaults, shared/denials/deadlines.ts, or the
 * coordinator's override) and one per payer seen on a remittance, with the rule that applies to it.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { PayerSettingRow } from '../../../shared/contract/denials.ts';
import { DEFAULT_DEADLINES } from '../../../shared/denials/deadlines.ts';
import { PAYER_KINDS, PAYER_KIND_LABEL, type PayerKind } from '../../../shared/denials/vocabulary.ts';
import { UserError } from '../../backend/user-error.ts';
import { DeadlineCalculator, refreshDeadlines } from '../../denials/deadline-calculator.ts';

/** Every payer kind, then every payer seen on a denial, with the rule in force. */
export function listPayerSettings(db: Db): PayerSettingRow[] {
  const calculator = new DeadlineCalculator(db);
  const overridden = new Set(db.prepare('SELECT payer_key FROM payer_settings').pluck().all() as string[]);
  const row = (payerKey: string, label: string, kind: PayerKind, specific: string | null): PayerSettingRow => {
    const rule = calculator.rule(kind, specific);
    const base = DEFAULT_DEADLINES[kind];
    return { payerKey, label, payerKind: kind, appealDays: rule.appealDays, appealLevel: rule.appealLevel, timelyFilingMonths: rule.timelyFilingMonths, overridden: overridden.has(payerKey), verified: base.verified, sources: base.sources };
  };
  const kinds = PAYER_KINDS.map((kind) => row(`kind:${kind}`, `${PAYER_KIND_LABEL[kind]} (default)`, kind, null));
  const payers = (db.prepare('SELECT payer_key, payer_name, payer_kind FROM denials GROUP BY payer_key ORDER BY payer_name').all() as { payer_key: string; payer_name: string; payer_kind: PayerKind }[]).map((p) =>
    row(p.payer_key, p.payer_name, p.payer_kind, p.payer_key),
  );
  return [...kinds, ...payers];
}

export interface PayerSettingChange {
  readonly payerKey: string;
  readonly label: string;
  readonly appealDays: number | null;
  readonly timelyFilingMonths: number | null;
}

/** Saves (or, with both values null, removes) an override; recomputes the running deadlines. */
export function savePayerSetting(db: Db, change: PayerSettingChange, now: Date): PayerSettingRow[] {
  if (!/^(kind|id|name):/.test(change.payerKey)) throw new UserError('BAD_PAYER_KEY', 'Unknown payer.');
  if (change.payerKey.startsWith('kind:') && !PAYER_KINDS.includes(change.payerKey.slice(5) as PayerKind)) throw new UserError('BAD_PAYER_KEY', 'Unknown payer kind.');
  db.transaction(() => {
    if (change.appealDays === null && change.timelyFilingMonths === null) db.prepare('DELETE FROM payer_settings WHERE payer_key = ?').run(change.payerKey);
    else {
      db.prepare(
        `INSERT INTO payer_settings (payer_key, label, appeal_days, timely_filing_months, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(payer_key) DO UPDATE SET label = excluded.label, appeal_days = excluded.appeal_days, timely_filing_months = excluded.timely_filing_months, updated_at = excluded.updated_at`,
      ).run(change.payerKey, change.label, change.appealDays, change.timelyFilingMonths, now.toISOString());
    }
  })();
  refreshDeadlines(db, null);
  return listPayerSettings(db);
}
