/**
 * One cell of the billing grid: the designation as colour and letter (S R N Q C, readable without
 * colour), the sponsor price under it, flag glyphs with text alternatives, and an outline with a
 * warning glyph when an ALIGN-15 set-up finding sits on it.
 */
import { memo } from 'react';
import type { GridCell as Cell } from '../../../../../shared/contract/setup.ts';
import { DESIGNATION_LETTER } from '../../../../../shared/domain/codes.ts';
import { describeCell, formatCellPrice } from './grid-model.ts';

export interface GridCellProps {
  readonly cell: Cell | null;
  readonly row: number;
  readonly col: number;
  /** The one cell in the tab order (roving tabindex). */
  readonly active: boolean;
  readonly selected: boolean;
}

/** CSS class of a designation (`des-not-billable`). */
export function designationClass(designation: Cell['designation']): string {
  return `des-${designation.toLowerCase().replace('_', '-')}`;
}

export const GridCellView = memo(function GridCellView({ cell, row, col, active, selected }: GridCellProps) {
  const description = describeCell(cell);
  const common = { role: 'gridcell', tabIndex: active ? 0 : -1, 'data-row': row, 'data-col': col, 'aria-selected': selected, title: description, 'aria-label': description } as const;
  if (cell === null) {
    return (
      <td {...common} className="gcell gcell-empty">
        <span aria-hidden="true">·</span>
      </td>
    );
  }
  const flagged = cell.findings.length > 0;
  return (
    <td {...common} className={`gcell ${designationClass(cell.designation)}${flagged ? ' gcell-finding' : ''}`} data-designation={cell.designation}>
      <span className="gcell-top" aria-hidden="true">
        <span className="des-chip">{DESIGNATION_LETTER[cell.designation]}</span>
        {cell.requiresPreapproval && <span className="gcell-flag">⚑</span>}
        {cell.promisedFree && <span className="gcell-flag">⊘</span>}
        {flagged && <span className="gcell-warning">⚠</span>}
      </span>
      <span className="gcell-price" aria-hidden="true">
        {cell.priceCents === null ? '' : formatCellPrice(cell.priceCents)}
      </span>
    </td>
  );
});
