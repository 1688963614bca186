/**
 * The queue's grid: TanStack Table for the columns, headers and sorting, over a virtual window that
 * renders only the rows in view (plus a few), however many findings match. An ARIA grid: the
 * container holds the keyboard focus and points at the current row with aria-activedescendant;
 * headers carry aria-sort, rows aria-selected and aria-rowindex.
 */
import { flexRender, getCoreRowModel, useReactTable, type Row, type SortingState, type Updater } from '@tanstack/react-table';
import { useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { FindingRow, FindingSort } from '../../../../../shared/contract/findings.ts';
import { QUEUE_COLUMNS, sortFromState, sortingState } from './queue-columns.tsx';
import type { FindingPages } from './use-finding-pages.ts';
import { layoutWindow, scrollTopFor } from './virtual-window.ts';
import './queue-grid.css';

export const ROW_HEIGHT = 40;
const OVERSCAN = 8;
const NUMERIC = new Set(['amount']);

export interface QueueGridProps {
  readonly pages: FindingPages;
  readonly sort: FindingSort;
  readonly onSortChange: (sort: FindingSort) => void;
  readonly selected: ReadonlySet<number>;
  readonly focus: number;
  readonly onRowClick: (index: number, modifiers: { shift: boolean; toggle: boolean }) => void;
  readonly onToggle: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly gridRef: React.RefObject<HTMLDivElement | null>;
  readonly label: string;
}

export function QueueGrid({ pages, sort, onSortChange, selected, focus, onRowClick, onToggle, onOpen, onKeyDown, gridRef, label }: QueueGridProps) {
  const total = pages.total ?? 0;
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const layout = layoutWindow({ total, rowHeight: ROW_HEIGHT, viewportHeight: viewport, scrollTop, overscan: OVERSCAN });
  const { first, last } = layout;

  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return undefined;
    const measure = (): void => setViewport(el.clientHeight > 0 ? el.clientHeight - ROW_HEIGHT : 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [gridRef]);

  // A new view starts at the top.
  useEffect(() => {
    if (gridRef.current) gridRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [pages.shownKey, gridRef]);

  const { ensure } = pages;
  useEffect(() => ensure(first, last), [ensure, first, last, pages.shownKey, total]);

  // Keep the keyboard's row in view.
  useEffect(() => {
    const el = gridRef.current;
    if (!el || total === 0) return;
    const next = scrollTopFor(focus, { rowHeight: ROW_HEIGHT, viewportHeight: viewport, scrollTop: el.scrollTop, scale: layout.scale });
    if (Math.abs(next - el.scrollTop) > 0.5) el.scrollTop = next;
  }, [focus, viewport, layout.scale, total, gridRef]);

  const windowRows = useMemo(() => {
    const rows: FindingRow[] = [];
    for (let i = first; i <= last; i += 1) {
      const row = pages.rowAt(i);
      if (row) rows.push(row);
    }
    return rows;
    // pages.rowAt is stable; the rows change with the pages' render tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, last, pages, pages.total, pages.shownKey, pages.status]);

  const sorting = useMemo(() => sortingState(sort), [sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design; nothing here is memoized on them.
  const table = useReactTable({
    data: windowRows,
    columns: QUEUE_COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => onSortChange(sortFromState(typeof updater === 'function' ? updater(sorting) : updater)),
  });
  const byId = new Map(table.getRowModel().rows.map((r) => [r.original.id, r]));
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  const rows: { index: number; row: Row<FindingRow> | undefined }[] = [];
  for (let i = first; i <= last; i += 1) {
    const finding = pages.rowAt(i);
    rows.push({ index: i, row: finding ? byId.get(finding.id) : undefined });
  }
  const click = (index: number) => (event: MouseEvent) => onRowClick(index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });

  return (
    <div
      ref={gridRef}
      className="q-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={headers.length + 1}
      aria-multiselectable="true"
      aria-busy={pages.status === 'loading'}
      aria-activedescendant={total > 0 ? `finding-row-${focus}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-rendered-rows={rows.length}
    >
      <div className="q-row q-head" role="row" aria-rowindex={1}>
        <div className="q-cell q-check" role="columnheader">
          <span className="visually-hidden">Selected</span>
        </div>
        {headers.map((header) => {
          const dir = header.column.getIsSorted();
          return (
            <div key={header.id} className={`q-cell${NUMERIC.has(header.id) ? ' numeric' : ''} q-col-${header.id}`} role="columnheader" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : header.column.getCanSort() ? 'none' : undefined}>
              {header.column.getCanSort() ? (
                <button type="button" className="q-sort" tabIndex={-1} onClick={header.column.getToggleSortingHandler()} title={`Sort by ${String(header.column.columnDef.header)}`}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  <span aria-hidden="true" className="q-sort-arrow">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}</span>
                </button>
              ) : (
                flexRender(header.column.columnDef.header, header.getContext())
              )}
            </div>
          );
        })}
      </div>
      <div className="q-body" style={{ height: layout.contentHeight }} role="presentation">
        {rows.map(({ index, row }) => {
          const id = row?.original.id;
          const isSelected = id !== undefined && selected.has(id);
          return (
            <div
              key={index}
              id={`finding-row-${index}`}
              className={`q-row${index === focus ? ' q-focus' : ''}${isSelected ? ' q-selected' : ''}${row ? '' : ' q-placeholder'}`}
              role="row"
              aria-rowindex={index + 2}
              aria-selected={isSelected}
              data-finding-id={id}
              style={{ top: layout.topOf(index) }}
              onClick={click(index)}
              onDoubleClick={() => onOpen(index)}
            >
              <div className="q-cell q-check" role="gridcell">
                {row && <input type="checkbox" tabIndex={-1} checked={isSelected} aria-label={`Select finding ${id}`} onClick={(e) => e.stopPropagation()} onChange={() => onToggle(index)} />}
              </div>
              {row
                ? row.getVisibleCells().map((cell) => (
                    <div key={cell.id} className={`q-cell${NUMERIC.has(cell.column.id) ? ' numeric' : ''} q-col-${cell.column.id}`} role="gridcell">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                : headers.map((h) => <div key={h.id} className={`q-cell q-col-${h.id}`} role="gridcell" aria-busy="true" />)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
