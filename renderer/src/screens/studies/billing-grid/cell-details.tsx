/**
 * The selected cell in full: procedure, visit and window, designation, price, flags, the coverage
 * analysis's justification and any set-up finding. It is where keyboard and screen-reader users get
 * what the tooltip gives a mouse user.
 */
import type { BillingGridArm, GridCell } from '../../../../../shared/contract/setup.ts';
import { DESIGNATION_LABEL, DESIGNATION_LETTER } from '../../../../../shared/domain/codes.ts';
import { formatCents } from '../../../../../shared/domain/money.ts';
import { designationClass } from './grid-cell.tsx';
import type { GridPosition } from './grid-model.ts';

export interface CellDetailsProps {
  readonly arm: BillingGridArm;
  readonly position: GridPosition | null;
  readonly cell: GridCell | null;
}

export function CellDetails({ arm, position, cell }: CellDetailsProps) {
  const procedure = position ? arm.procedures[position.row] : undefined;
  const visit = position ? arm.visits[position.col] : undefined;
  return (
    <div className="cell-details" aria-live="polite" data-testid="cell-details">
      {!procedure || !visit ? (
        <p className="muted">Select a cell (click it, or Tab into the grid and use the arrow keys) to see its details.</p>
      ) : (
        <>
          <p className="cell-details-title">
            <strong>
              {procedure.name} <span className="mono">({procedure.cpt})</span>
            </strong>{' '}
            at <strong>{visit.code}</strong> {visit.name}, day {visit.day} (window −{visit.windowBefore}/+{visit.windowAfter} days)
          </p>
          {cell === null ? (
            <p>Not done at this visit.</p>
          ) : (
            <>
              <p className="cell-details-line">
                <span className={`des-chip ${designationClass(cell.designation)}`} aria-hidden="true">
                  {DESIGNATION_LETTER[cell.designation]}
                </span>{' '}
                {DESIGNATION_LABEL[cell.designation]} · {cell.priceCents === null ? 'no sponsor price' : `sponsor price ${formatCents(cell.priceCents)}`}
                {cell.requiresPreapproval && ' · ⚑ needs sponsor pre-approval'}
                {cell.promisedFree && ' · ⊘ promised free in the consent'}
              </p>
              {cell.justification && <p className="muted">Coverage analysis: {cell.justification}</p>}
              {cell.findings.map((f) => (
                <div key={f.id} className="note note-warning cell-finding" role="note">
                  <strong>
                    <span aria-hidden="true">⚠ </span>Set-up finding ALIGN-15 #{f.id} ({f.status})
                  </strong>
                  <ul>
                    {f.issues.map((issue) => (
                      <li key={issue}>{issue}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </div>
  );
}
