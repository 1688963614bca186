/** Study queries for the study list, the study page, the CLI and the app info. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { StudyCounts, StudySummary } from '../../shared/contract/studies.ts';

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

/** A study summary with its primary key, for queries that go on to read its set-up. */
export type StudySummaryWithPk = StudySummary & { readonly pk: number };

/** Prepares the count queries once and returns a function giving the counts of one study. One query per count keeps each on its own index. */
function studyCounter(db: Db): (studyPk: number) => StudyCounts {
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
  return (pk) => ({
    arms: arms(pk),
    calendarVisits: visits(pk),
    calendarItems: items(pk),
    invoiceables: invoiceables(pk),
    subjects: subjects(pk),
    ctmsVisits: ctmsVisits(pk),
    approvals: approvals(pk),
    invoiceLines: invoiceLines(pk),
    charges: charges(pk),
  });
}

function toSummary(r: StudyRow, counts: StudyCounts): StudySummaryWithPk {
  return {
    pk: r.id,
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
    counts,
  };
}

/** Every study with its row counts, by study id. */
export function listStudies(db: Db): StudySummary[] {
  const rows = db.prepare('SELECT * FROM studies ORDER BY study_id').all() as StudyRow[];
  const countsOf = studyCounter(db);
  return rows.map((r) => {
    const { pk: _pk, ...summary } = toSummary(r, countsOf(r.id));
    return summary;
  });
}

/** One study by its study id, with counts and primary key; null when there is no such study. */
export function findStudy(db: Db, studyId: string): StudySummaryWithPk | null {
  const row = db.prepare('SELECT * FROM studies WHERE study_id = ?').get(studyId) as StudyRow | undefined;
  return row ? toSummary(row, studyCounter(db)(row.id)) : null;
}

/** How many studies the store holds. */
export function countStudies(db: Db): number {
  return db.prepare('SELECT count(*) FROM studies').pluck().get() as number;
}
