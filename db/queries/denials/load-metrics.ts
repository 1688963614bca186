/**
 * Loads the facts the denial metrics are computed from (shared/denials/metrics.ts), optionally limited
 * to remittances dated between `from` and `to`. Claims are the adjudications of imported remittances
 * that are neither reversals (CLP02 = 22) nor replacements (CLP09 = 7 or 8); a claim's studies are those
 * whose subjects' study periods hold its linked charges' dates.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { computeMetrics, type AppealFact, type ClaimFact, type DenialFact, type MetricsReport } from '../../../shared/denials/metrics.ts';
import { REVERSAL_STATUS } from '../../../shared/remit/codes.ts';

export interface MetricsRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

const REMIT_DATE = 'coalesce(t.production_date, t.payment_date, substr(f.imported_at, 1, 10))';

/** The metrics report over the range. */
export function loadMetrics(db: Db, range: MetricsRange = {}): MetricsReport {
  const from = range.from ?? '0000-01-01';
  const to = range.to ?? '9999-12-31';
  const studies = new Map<number, string[]>();
  for (const r of db
    .prepare(
      `SELECT DISTINCT l.claim_id AS claimId, st.study_id AS studyId FROM remit_service_lines l
       JOIN charges ch ON ch.id = l.charge_id
       JOIN subjects sub ON sub.mrn = ch.mrn AND ch.service_date >= sub.consent_date AND (sub.off_study_date IS NULL OR ch.service_date <= sub.off_study_date)
       JOIN studies st ON st.id = sub.study_id`,
    )
    .all() as { claimId: number; studyId: string }[]) {
    studies.set(r.claimId, [...(studies.get(r.claimId) ?? []), r.studyId]);
  }
  const claims = (
    db
      .prepare(
        `SELECT c.id AS claimId, ${REMIT_DATE} AS remitDate, t.payer_name AS payer, c.total_charge_cents AS chargeCents
         FROM remit_claims c JOIN remit_transactions t ON t.id = c.transaction_id JOIN remit_files f ON f.id = t.file_id
         WHERE c.status_code <> '${REVERSAL_STATUS}' AND coalesce(c.frequency_code, '1') NOT IN ('7', '8') AND ${REMIT_DATE} BETWEEN ? AND ?`,
      )
      .all(from, to) as { claimId: number; remitDate: string; payer: string; chargeCents: number }[]
  ).map((c): ClaimFact => ({ claimId: c.claimId, month: c.remitDate.slice(0, 7), payer: c.payer, studies: studies.get(c.claimId) ?? [], chargeCents: c.chargeCents }));
  const denials = (
    db
      .prepare(
        `SELECT d.id, d.claim_id, d.payer_name, s.study_id, d.primary_carc, d.denied_cents, d.initial, d.denial_date, d.appeal_date, d.resolution_date, d.recovered_cents
         FROM denials d LEFT JOIN studies s ON s.id = d.study_id WHERE d.denial_date BETWEEN ? AND ?`,
      )
      .all(from, to) as { id: number; claim_id: number; payer_name: string; study_id: string | null; primary_carc: string; denied_cents: number; initial: number; denial_date: string; appeal_date: string | null; resolution_date: string | null; recovered_cents: number }[]
  ).map(
    (d): DenialFact => ({
      denialId: d.id,
      claimId: d.claim_id,
      payer: d.payer_name,
      study: d.study_id,
      carc: d.primary_carc,
      deniedCents: d.denied_cents,
      initial: d.initial === 1,
      denialDate: d.denial_date,
      appealDate: d.appeal_date,
      resolutionDate: d.resolution_date,
      recoveredCents: d.recovered_cents,
    }),
  );
  const appeals = db.prepare('SELECT denial_id AS denialId, decided_date AS decidedDate, outcome FROM appeals WHERE sent_date IS NOT NULL').all() as AppealFact[];
  return computeMetrics({ claims, denials, appeals });
}
