/**
 * Findings in the stable exchange shape of `trialledger check --json` (other tools read it): rule,
 * severity, study_id, subject_id, charge_id, arm, visit_code, cpt_hcpcs, service_date, amount_cents,
 * message, evidence, plus category, status and citation. Streams rows; never holds them all.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

export interface ExportedFinding {
  readonly id: number;
  readonly rule: string;
  readonly severity: string;
  readonly category: string;
  readonly status: string;
  readonly study_id: string | null;
  readonly subject_id: string | null;
  readonly charge_id: string | null;
  readonly arm: string | null;
  readonly visit_code: string | null;
  readonly cpt_hcpcs: string | null;
  readonly service_date: string | null;
  readonly amount_cents: number;
  readonly message: string;
  readonly citation: string;
  readonly evidence: unknown;
}

/** Active findings ordered by rule then id (deterministic output). */
export function* exportFindings(db: Db): Generator<ExportedFinding> {
  const page = db.prepare(
    `SELECT f.id, f.rule, f.severity, f.category, f.status, st.study_id, su.subject_id, c.charge_id,
            coalesce(va.name, sa.name) AS arm, v.visit_code, f.cpt_hcpcs, f.service_date, f.amount_cents, f.message, f.citation, f.evidence_json
     FROM findings f
     LEFT JOIN studies st ON st.id = f.study_id
     LEFT JOIN subjects su ON su.id = f.subject_id
     LEFT JOIN arms sa ON sa.id = su.arm_id
     LEFT JOIN charges c ON c.id = f.charge_id
     LEFT JOIN calendar_visits v ON v.id = f.visit_id
     LEFT JOIN arms va ON va.id = v.arm_id
     WHERE f.active = 1 AND f.id > ? ORDER BY f.id LIMIT 5000`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after) as (Omit<ExportedFinding, 'evidence'> & { evidence_json: string })[];
    if (rows.length === 0) return;
    for (const { evidence_json, ...row } of rows) yield { ...row, evidence: JSON.parse(evidence_json) as unknown };
    after = rows[rows.length - 1]?.id ?? after;
  }
}
