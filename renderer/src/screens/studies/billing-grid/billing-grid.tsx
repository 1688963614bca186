/**
 * One arm's billing grid as coordinators know it from their CTMS: procedures as rows, visits as
 * columns (by visit day), sticky procedure column and visit header. It is an ARIA grid: one tab stop,
 * arrow keys (Home/End, Page keys) move between cells, and the focused cell's details show below.
 */
import { useCallback, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { BillingGridArm } from '../../../../../shared/contract/setup.ts';
import { CellDetails } from './cell-details.tsx';
import { buildGridModel, formatCellPrice, moveFocus, type GridPosition } from './grid-model.ts';
import { GridRow } from './grid-row.tsx';

export function BillingGrid({ arm }: { readonly arm: BillingGridArm }) {
  const model = useMemo(() => buildGridModel(arm), [arm]);
  const rows = arm.procedures.length;
  const cols = arm.visits.length;
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  const [selected, setSelected] = useState<GridPosition | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const focusCell = useCallback((pos: GridPosition) => {
    setActive(pos);
    setSelected(pos);
    table.current?.querySelector<HTMLElement>(`td[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const next = moveFocus(active, event.key, event.ctrlKey || event.metaKey, rows, cols);
    if (next === null) return;
    event.preventDefault();
    focusCell(next);
  };
  // Clicks and focus (mouse or assistive technology) select the cell they land on.
  const onFocus = (event: FocusEvent<HTMLTableElement>): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-row]');
    if (!cell) return;
    const pos = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    if (pos.row !== active.row || pos.col !== active.col) setActive(pos);
    setSelected(pos);
  };

  const selectedCell = selected ? (model.matrix[selected.row]?.[selected.col] ?? null) : null;
  return (
    <div className="billing-grid">
      <div className="grid-scroll">
        <table
          ref={table}
          role="grid"
          className="grid-table"
          aria-label={`Billing grid of arm ${arm.arm}`}
          aria-rowcount={rows + 2}
          aria-colcount={cols + 1}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="grid-corner">
                Procedure
              </th>
              {arm.visits.map((v) => (
                <th key={v.visitId} scope="col" className="grid-visit" title={`${v.name}: day ${v.day}, window −${v.windowBefore}/+${v.windowAfter} days`}>
                  <span className="grid-visit-code">{v.code}</span>
                  <span className="grid-visit-day">Day {v.day}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {arm.procedures.map((p, r) => (
              <GridRow
                key={p.cpt}
                procedure={p}
                row={r}
                cells={model.matrix[r] ?? []}
                activeCol={active.row === r ? active.col : -1}
                selectedCol={selected?.row === r ? selected.col : -1}
              />
            ))}
          </tbody>
          <tfoot>
            <tr aria-rowindex={rows + 2}>
              <th scope="row" className="grid-proc grid-total-label">
                Sponsor pays per visit
              </th>
              {model.visitTotals.map((total, i) => (
                <td key={arm.visits[i]?.visitId ?? i} className="grid-total">
                  {total > 0 ? formatCellPrice(total) : '—'}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <CellDetails arm={arm} position={selected} cell={selectedCell} />
    </div>
  );
}
