/** The key to the grid: each designation's letter and colour, the flag glyphs and the finding marker. */
import { DESIGNATIONS, DESIGNATION_LABEL, DESIGNATION_LETTER } from '../../../../../shared/domain/codes.ts';
import { designationClass } from './grid-cell.tsx';

export function GridLegend() {
  return (
    <ul className="grid-legend" aria-label="Billing grid legend">
      {DESIGNATIONS.map((d) => (
        <li key={d}>
          <span className={`des-chip ${designationClass(d)}`} aria-hidden="true">
            {DESIGNATION_LETTER[d]}
          </span>{' '}
          <span>
            <span className="visually-hidden">{DESIGNATION_LETTER[d]}: </span>
            {DESIGNATION_LABEL[d]}
          </span>
        </li>
      ))}
      <li>
        <span className="legend-glyph" aria-hidden="true">
          ⚑
        </span>{' '}
        Needs sponsor pre-approval
      </li>
      <li>
        <span className="legend-glyph" aria-hidden="true">
          ⊘
        </span>{' '}
        Promised free in the consent
      </li>
      <li>
        <span className="legend-finding" aria-hidden="true">
          ⚠
        </span>{' '}
        Set-up finding (ALIGN-15): grid, budget and consent disagree
      </li>
    </ul>
  );
}
