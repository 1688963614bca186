/** One procedure row of the grid; memoized so moving the focus re-renders only the rows it leaves and enters. */
import { memo } from 'react';
import type { GridCell, GridProcedure } from '../../../../../shared/contract/setup.ts';
import { GridCellView } from './grid-cell.tsx';

export interface GridRowProps {
  readonly procedure: GridProcedure;
  readonly row: number;
  readonly cells: readonly (GridCell | null)[];
  /** Column of the active cell when it is in this row, else -1. */
  readonly activeCol: number;
  /** Column of the selected cell when it is in this row, else -1. */
  readonly selectedCol: number;
}

export const GridRow = memo(function GridRow({ procedure, row, cells, activeCol, selectedCol }: GridRowProps) {
  return (
    <tr aria-rowindex={row + 2}>
      <th scope="row" className="grid-proc">
        <span className="grid-proc-code mono">{procedure.cpt}</span>
        <span className="grid-proc-name" title={procedure.name}>
          {procedure.name}
        </span>
      </th>
      {cells.map((cell, col) => (
        <GridCellView key={col} cell={cell} row={row} col={col} active={col === activeCol} selected={col === selectedCol} />
      ))}
    </tr>
  );
});
