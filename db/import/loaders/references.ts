/**
 * Lookups of studies, subjects, arms and calendar visits by their package keys, inside the import
 * transaction (so rows written earlier in the same package are visible). It also remembers keys that
 * appeared in the package on rows refused for other reasons: a subject whose study row had a bad
 * percentage should not also be reported as "unknown study".
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { quoteCell } from '../../../shared/package-spec/cell-parsers.ts';

export interface SubjectRef {
  readonly id: number;
  readonly studyPk: number;
  readonly armId: number | null;
  readonly consentDate: string;
}

export type Lookup<T> = { found: T } | { missing: 'unknown' | 'invalid-in-package' };

export class References {
  private readonly studyStmt: Statement;
  private readonly armStmt: Statement;
  private readonly subjectStmt: Statement;
  private readonly visitStmt: Statement;
  private readonly studyVisitCodeStmt: Statement;
  private readonly invoiceableStmt: Statement;
  private readonly studies = new Map<string, number>();
  private readonly invalidStudies = new Set<string>();
  private readonly invalidSubjects = new Set<string>();

  constructor(db: Db) {
    this.studyStmt = db.prepare('SELECT id FROM studies WHERE study_id = ?').pluck();
    this.armStmt = db.prepare('SELECT id FROM arms WHERE study_id = ? AND name = ?').pluck();
    this.subjectStmt = db.prepare('SELECT id, study_id AS studyPk, arm_id AS armId, consent_date AS consentDate FROM subjects WHERE study_id = ? AND subject_id = ?');
    this.visitStmt = db.prepare('SELECT id FROM calendar_visits WHERE arm_id = ? AND visit_code = ?').pluck();
    this.studyVisitCodeStmt = db.prepare('SELECT 1 FROM calendar_visits v JOIN arms a ON a.id = v.arm_id WHERE a.study_id = ? AND v.visit_code = ? LIMIT 1').pluck();
    this.invoiceableStmt = db.prepare('SELECT 1 FROM invoiceables WHERE study_id = ? AND item_code = ?').pluck();
  }

  study(studyId: string): Lookup<number> {
    const cached = this.studies.get(studyId);
    if (cached !== undefined) return { found: cached };
    const id = this.studyStmt.get(studyId) as number | undefined;
    if (id !== undefined) {
      this.studies.set(studyId, id);
      return { found: id };
    }
    return { missing: this.invalidStudies.has(studyId) ? 'invalid-in-package' : 'unknown' };
  }

  rememberStudy(studyId: string, id: number): void {
    this.studies.set(studyId, id);
  }

  markInvalidStudy(studyId: string): void {
    this.invalidStudies.add(studyId);
  }

  arm(studyPk: number, name: string): number | null {
    return (this.armStmt.get(studyPk, name) as number | undefined) ?? null;
  }

  subject(studyPk: number, subjectId: string): Lookup<SubjectRef> {
    const row = this.subjectStmt.get(studyPk, subjectId) as SubjectRef | undefined;
    if (row) return { found: row };
    return { missing: this.invalidSubjects.has(`${studyPk}\u0000${subjectId}`) ? 'invalid-in-package' : 'unknown' };
  }

  markInvalidSubject(studyPk: number, subjectId: string): void {
    this.invalidSubjects.add(`${studyPk}\u0000${subjectId}`);
  }

  calendarVisit(armId: number, visitCode: string): number | null {
    return (this.visitStmt.get(armId, visitCode) as number | undefined) ?? null;
  }

  /** True when the code is a visit of any arm of the study, or an invoiceable item code of it. */
  isBillableCode(studyPk: number, code: string): boolean {
    return this.studyVisitCodeStmt.get(studyPk, code) !== undefined || this.invoiceableStmt.get(studyPk, code) !== undefined;
  }
}

/**
 * Resolves a study reference for a loader, reporting an unknown one on the study_id column.
 * Returns null (row refused) when the study is missing; reports nothing more when the package's own
 * study row was already refused.
 */
export function requireStudy(refs: References, studyId: string, report: (column: string, reason: string) => void): number | null {
  const result = refs.study(studyId);
  if ('found' in result) return result.found;
  if (result.missing === 'unknown') report('study_id', `unknown study ${quoteCell(studyId)}: not in studies.csv of this package and not imported before`);
  return null;
}

/** Resolves a subject reference the same way, on the subject_id column. */
export function requireSubject(
  refs: References,
  studyPk: number,
  subjectId: string,
  report: (column: string, reason: string) => void,
): SubjectRef | null {
  const result = refs.subject(studyPk, subjectId);
  if ('found' in result) return result.found;
  if (result.missing === 'unknown') report('subject_id', `unknown subject ${quoteCell(subjectId)} in this study: not in subjects.csv and not imported before`);
  return null;
}
