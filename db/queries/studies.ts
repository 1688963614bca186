/** Study queries for the study list, the CLI and the app info. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { StudySummary } from '../../shared/contract/studies.ts';

interface StudyRow {
  id: number;
  study_id: string;
  protocol_number: string;
  title: string;
  sponsor: string;
  nct_number: string | null;
  ide_number: string | null;
  qualifying_trial: number;
  overhead_bp: number;
  holdback_bp: number;
  payment_terms_days: number;
}

/** Every study with its row counts, by study id. One query per count keeps each on its own index. */
export function listStudies(db: Db): StudySummary[] {
  const rows = db.prepare('SELECT * FROM studies ORDER BY study_id').all() as StudyRow[];
  const count = (sql: string) => {
    const stmt = db.prepare(sql).pluck();
    return (studyPk: number): number => stmt.get(studyPk) as number;
  };
  const arms = count('SELECT count(*) FROM arms WHERE study_id = ?');
  const visits = count('SELECT count(*) FROM calendar_visits v JOIN arms a ON a.id = v.arm_id WHERE a.study_id = ?');
  const items = count('SELECT count(*) FROM calendar_items i JOIN calendar_visits v ON v.id = i.visit_id JOIN arms a ON a.id = v.arm_id WHERE a.study_id = ?');
  const invoiceables = count('SELECT count(*) FROM invoiceables WHERE study_id = ?');
  const subjects = count('SELECT count(*) FROM subjects WHERE study_id = ?');
  const ctmsVisits = count('SELECT count(*) FROM ctms_visits c JOIN subjects s ON s.id = c.subject_id WHERE s.study_id = ?');
  const approvals = count('SELECT count(*) FROM approvals p JOIN subjects s ON s.id = p.subject_id WHERE s.study_id = ?');
  const invoiceLines = count('SELECT count(*) FROM sponsor_invoice_lines WHERE study_id = ?');
  const charges = count('SELECT count(*) FROM charges c WHERE c.mrn IN (SELECT mrn FROM subjects WHERE study_id = ?)');
  return rows.map((r) => ({
    studyId: r.study_id,
    protocolNumber: r.protocol_number,
    title: r.title,
    sponsor: r.sponsor,
    nctNumber: r.nct_number,
    ideNumber: r.ide_number,
    qualifyingTrial: r.qualifying_trial === 1,
    overheadBp: r.overhead_bp,
    holdbackBp: r.holdback_bp,
    paymentTermsDays: r.payment_terms_days,
    counts: {
      arms: arms(r.id),
      calendarVisits: visits(r.id),
      calendarItems: items(r.id),
      invoiceables: invoiceables(r.id),
      subjects: subjects(r.id),
      ctmsVisits: ctmsVisits(r.id),
      approvals: approvals(r.id),
      invoiceLines: invoiceLines(r.id),
      charges: charges(r.id),
    },
  }));
}

export function countStudies(db: Db): number {
  return db.prepare('SELECT count(*) FROM studies').pluck().get() as number;
}
