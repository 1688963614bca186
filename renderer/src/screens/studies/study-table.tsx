/** The studies as a semantic table: one row per study, its flags and the counts of what was imported. */
import { formatCount } from '../../../../shared/domain/format.ts';
import type { StudyCounts, StudySummary } from '../../../../shared/contract/studies.ts';
import { StudyBadges } from './study-badges.tsx';

interface CountColumn {
  readonly key: keyof StudyCounts;
  readonly label: string;
  readonly description: string;
}

/** The counts the list shows, in order. Exported so tests read the same headings. */
export const COUNT_COLUMNS: readonly CountColumn[] = [
  { key: 'arms', label: 'Arms', description: 'Arms of the study calendar' },
  { key: 'calendarItems', label: 'Calendar items', description: 'Procedures on the study calendar, across arms and visits' },
  { key: 'subjects', label: 'Subjects', description: 'Enrolled subjects' },
  { key: 'ctmsVisits', label: 'Visits', description: 'Subject visits recorded in the CTMS' },
  { key: 'invoiceLines', label: 'Invoice lines', description: 'Lines of sponsor invoices' },
  { key: 'charges', label: 'Charges', description: "Hospital charges of the study's subjects" },
];

export interface StudyTableProps {
  readonly studies: readonly StudySummary[];
  /** Opens a study's page; the study id is a button so the keyboard reaches it. */
  readonly onOpen?: (studyId: string) => void;
}

export function StudyTable({ studies, onOpen }: StudyTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table study-table">
        <caption className="visually-hidden">Studies with the number of records imported for each</caption>
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Title and sponsor</th>
            <th scope="col">Flags</th>
            {COUNT_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="numeric" title={c.description}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {studies.map((study) => (
            <tr key={study.studyId}>
              <th scope="row">
                {onOpen ? (
                  <button type="button" className="study-id study-open" onClick={() => onOpen(study.studyId)}>
                    {study.studyId}
                  </button>
                ) : (
                  <span className="study-id">{study.studyId}</span>
                )}
                <span className="study-protocol">Protocol {study.protocolNumber}</span>
              </th>
              <td className="study-title-cell">
                <span className="study-title">{study.title}</span>
                <span className="study-sponsor">
                  {study.sponsor}
                  {study.nctNumber !== null && <> · {study.nctNumber}</>}
                </span>
              </td>
              <td>
                <StudyBadges study={study} />
              </td>
              {COUNT_COLUMNS.map((c) => (
                <td key={c.key} className="numeric">
                  {formatCount(study.counts[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
