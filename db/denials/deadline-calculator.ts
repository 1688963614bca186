/**
 * Deadlines with the payer settings of the store applied (per payer kind, per payer), and the
 * refresh of the stored `deadline` column after a status or settings change.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { pendingDeadline, resolveDeadlineRule, type Deadline, type PayerDeadlineOverride, type PayerDeadlineRule } from '../../shared/denials/deadlines.ts';
import type { DenialAction, DenialStatus, PayerKind, RebillTarget } from '../../shared/denials/vocabulary.ts';
import { stillStanding } from './still-standing.ts';

/** The columns of a denial the deadline depends on. */
export interface DeadlineFields {
  readonly status: DenialStatus;
  readonly action: DenialAction;
  readonly rebillTo: RebillTarget | null;
  readonly payerKey: string;
  readonly payerKind: PayerKind;
  readonly denialDate: string;
  readonly serviceDate: string | null;
  readonly decidedDate: string | null;
  readonly resolutionDate: string | null;
  /** Set when the payer replaced the denial by reprocessing its claim (supersede-reversed.ts). */
  readonly supersededDate: string | null;
}

const REBILL_KIND: Partial<Record<RebillTarget, PayerKind>> = { ORIGINAL_MEDICARE: 'MEDICARE', MA_PLAN: 'MEDICARE_ADVANTAGE' };

/** Deadline rules with the stored overrides applied; load once per batch of denials. */
export class DeadlineCalculator {
  readonly #overrides: ReadonlyMap<string, PayerDeadlineOverride>;

  constructor(db: Db) {
    const rows = db.prepare('SELECT payer_key, appeal_days, timely_filing_months FROM payer_settings').all() as { payer_key: string; appeal_days: number | null; timely_filing_months: number | null }[];
    this.#overrides = new Map(rows.map((r) => [r.payer_key, { appealDays: r.appeal_days, timelyFilingMonths: r.timely_filing_months }]));
  }

  /** The rule for a payer kind and (optionally) one payer. */
  rule(kind: PayerKind, payerKey: string | null): PayerDeadlineRule {
    return resolveDeadlineRule(kind, this.#overrides.get(`kind:${kind}`) ?? null, payerKey === null ? null : (this.#overrides.get(payerKey) ?? null));
  }

  /** The deadline still running for a denial (none once resolved or superseded). */
  deadline(f: DeadlineFields): Deadline | null {
    if (f.resolutionDate !== null || f.supersededDate !== null) return null;
    const rebillKind = f.rebillTo === null ? undefined : REBILL_KIND[f.rebillTo];
    return pendingDeadline({
      status: f.status,
      action: f.action,
      rebillTo: f.rebillTo,
      denialDate: f.denialDate,
      serviceDate: f.serviceDate,
      decidedDate: f.decidedDate,
      rule: this.rule(f.payerKind, f.payerKey),
      rebillRule: rebillKind === undefined ? null : this.rule(rebillKind, null),
    });
  }
}

interface DeadlineRow {
  id: number;
  status: DenialStatus;
  action: DenialAction;
  rebill_to: RebillTarget | null;
  payer_key: string;
  payer_kind: PayerKind;
  denial_date: string;
  service_date: string | null;
  decided_date: string | null;
  resolution_date: string | null;
  superseded_date: string | null;
}

/** The denial columns `deadlineFields` reads. */
export const DEADLINE_COLUMNS = 'id, status, action, rebill_to, payer_key, payer_kind, denial_date, service_date, decided_date, resolution_date, superseded_date';

/** Maps a stored row to the calculator's fields. */
export function deadlineFields(r: DeadlineRow): DeadlineFields {
  return {
    status: r.status,
    action: r.action,
    rebillTo: r.rebill_to,
    payerKey: r.payer_key,
    payerKind: r.payer_kind,
    denialDate: r.denial_date,
    serviceDate: r.service_date,
    decidedDate: r.decided_date,
    resolutionDate: r.resolution_date,
    supersededDate: r.superseded_date,
  };
}

/** Recomputes the stored deadline of the given denials (every unresolved one when `ids` is null). */
export function refreshDeadlines(db: Db, ids: readonly number[] | null): number {
  const calculator = new DeadlineCalculator(db);
  const one = db.prepare(`SELECT ${DEADLINE_COLUMNS} FROM denials WHERE id = ?`);
  const rows = (
    ids === null
      ? db.prepare(`SELECT ${DEADLINE_COLUMNS} FROM denials WHERE (${stillStanding('')}) OR deadline IS NOT NULL`).all()
      : ids.map((id) => one.get(id)).filter((r) => r !== undefined)
  ) as DeadlineRow[];
  const update = db.prepare('UPDATE denials SET deadline = ?, deadline_kind = ? WHERE id = ? AND (deadline IS NOT ? OR deadline_kind IS NOT ?)');
  let changed = 0;
  db.transaction(() => {
    for (const row of rows) {
      const d = calculator.deadline(deadlineFields(row));
      changed += update.run(d?.date ?? null, d?.kind ?? null, row.id, d?.date ?? null, d?.kind ?? null).changes;
    }
  })();
  return changed;
}
