/** Flags of a study that change how its charges are billed, as text badges (readable without colour). */
import type { StudySummary } from '../../../../shared/contract/studies.ts';

export function StudyBadges({ study }: { readonly study: StudySummary }) {
  if (!study.qualifyingTrial && study.ideNumber === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">None</span>
      </>
    );
  }
  return (
    <ul className="badges">
      {study.qualifyingTrial && (
        // NCD 310.1: Medicare covers routine costs of a qualifying clinical trial (claims need Q1 and the NCT number).
        <li className="badge badge-qualifying" title="Medicare qualifying clinical trial (NCD 310.1)">
          Qualifying trial
        </li>
      )}
      {study.ideNumber !== null && (
        <li className="badge badge-device" title={`Investigational device exemption ${study.ideNumber}`}>
          Device (IDE {study.ideNumber})
        </li>
      )}
    </ul>
  );
}
