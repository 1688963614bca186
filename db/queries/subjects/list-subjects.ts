/** The subjects of a study for navigation, with how much is still to act on for each. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { SubjectSummary } from '../../../shared/contract/subjects.ts';
import type { Severity } from '../../../shared/rules/catalogue.ts';

const SEVERITY_BY_RANK: readonly Severity[] = ['critical', 'warning', 'review'];

/** Every subject of the study, by subject id; [] when there is no such study. */
export function listSubjects(db: Db, studyId: string): SubjectSummary[] {
  const rows = db
    .prepare(
      `SELECT st.study_id AS studyId, su.subject_id AS subjectId, a.name AS arm, su.status, su.payer_type AS payerType, su.consent_date AS consentDate,
              su.start_date AS startDate, su.off_study_date AS offStudyDate, open.n AS openFindings, open.worst AS worstRank
       FROM subjects su JOIN studies st ON st.id = su.study_id LEFT JOIN arms a ON a.id = su.arm_id
       LEFT JOIN (SELECT f.subject_id, count(*) AS n, min(f.severity_rank) AS worst FROM findings f INDEXED BY findings_q_subject
                  WHERE f.subject_id IN (SELECT id FROM subjects WHERE study_id = (SELECT id FROM studies WHERE study_id = ?))
                    AND f.active = 1 AND f.status IN ('open', 'confirmed') GROUP BY f.subject_id) open ON open.subject_id = su.id
       WHERE st.study_id = ? ORDER BY su.subject_id`,
    )
    .all(studyId, studyId) as (Omit<SubjectSummary, 'openFindings' | 'worstSeverity'> & { openFindings: number | null; worstRank: number | null })[];
  return rows.map(({ worstRank, openFindings, ...row }) => ({
    ...row,
    openFindings: openFindings ?? 0,
    worstSeverity: worstRank === null ? null : (SEVERITY_BY_RANK[worstRank] ?? null),
  }));
}
