/**
 * What the study list must show for the demo package, computed from the package's own CSV files at
 * test time (so the test follows the demo as it changes, and hard-codes no study).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export interface ExpectedStudy {
  readonly studyId: string;
  readonly title: string;
  readonly qualifyingTrial: boolean;
  readonly ideNumber: string | null;
  /** Keyed by the study list's column headings. */
  readonly counts: Readonly<Record<'Arms' | 'Calendar items' | 'Subjects' | 'Visits' | 'Invoice lines' | 'Charges', number>>;
}

type Row = Record<string, string | undefined>;

function readCsv(dir: string, file: string): Row[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  return parsed.data;
}

const cell = (row: Row, column: string): string => (row[column] ?? '').trim();
const countWhere = (rows: Row[], predicate: (row: Row) => boolean): number => rows.filter(predicate).length;

/** The studies of the package folder `dir`, in the list's order (by study id), with their expected counts. */
export function readExpectedStudies(dir: string): ExpectedStudy[] {
  const studies = readCsv(dir, 'studies.csv');
  if (studies.length === 0) throw new Error(`${join(dir, 'studies.csv')} is missing or empty: the e2e tests need the demo study package.`);
  const calendar = readCsv(dir, 'calendar.csv');
  const subjects = readCsv(dir, 'subjects.csv');
  const visits = readCsv(dir, 'visits.csv');
  const invoices = readCsv(dir, 'invoices.csv');
  const charges = readCsv(dir, 'charges.csv');
  return studies
    .map((s) => {
      const id = cell(s, 'study_id');
      const ofStudy = (row: Row): boolean => cell(row, 'study_id') === id;
      // MRNs are upper-cased on import; a charge belongs to the study when its MRN is one of its subjects'.
      const mrns = new Set(subjects.filter(ofStudy).map((row) => cell(row, 'mrn').toUpperCase()));
      return {
        studyId: id,
        title: cell(s, 'title'),
        qualifyingTrial: ['Y', 'YES'].includes(cell(s, 'qualifying_trial').toUpperCase()),
        ideNumber: cell(s, 'ide_number') || null,
        counts: {
          Arms: new Set(calendar.filter(ofStudy).map((row) => cell(row, 'arm'))).size,
          'Calendar items': countWhere(calendar, ofStudy),
          Subjects: countWhere(subjects, ofStudy),
          Visits: countWhere(visits, ofStudy),
          'Invoice lines': countWhere(invoices, ofStudy),
          Charges: countWhere(charges, (row) => mrns.has(cell(row, 'mrn').toUpperCase())),
        },
      };
    })
    .sort((a, b) => (a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0));
}
