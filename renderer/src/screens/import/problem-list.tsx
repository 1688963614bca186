/**
 * Every problem of a refused import with its file, line, column and reason. The list is virtualized
 * (a hopeless file can give a thousand), keeps table semantics for screen readers, and can be
 * narrowed to one file or saved as CSV to work through in a spreadsheet.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import type { ImportProblem } from '../../../../shared/package-spec/problems.ts';
import { countByFile, position, problemsOf } from './problem-rows.ts';

const ROW_HEIGHT = 36;
const MAX_HEIGHT = 440;

export interface ProblemListProps {
  readonly problems: readonly ImportProblem[];
  /** All problems found, which may exceed those kept in full. */
  readonly total: number;
  readonly onSaveCsv?: () => void;
}

export function ProblemList({ problems, total, onSaveCsv }: ProblemListProps) {
  const [file, setFile] = useState<string | null>(null);
  const shown = problemsOf(problems, file);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; nothing here is memoized on them.
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const files = countByFile(problems);
  return (
    <section className="problem-list" aria-labelledby="problems-title">
      <div className="toolbar problem-toolbar">
        <h3 id="problems-title" className="section-title">
          {formatCount(total)} {total === 1 ? 'problem' : 'problems'}
        </h3>
        <span className="toolbar-spacer" />
        {files.length > 1 && (
          <>
            <label htmlFor="problem-file" className="field-label problem-filter-label">
              File
            </label>
            <select id="problem-file" className="select" value={file ?? ''} onChange={(e) => setFile(e.target.value === '' ? null : e.target.value)}>
              <option value="">All files ({formatCount(problems.length)})</option>
              {files.map((f) => (
                <option key={f.file} value={f.file}>
                  {f.file} ({formatCount(f.count)})
                </option>
              ))}
            </select>
          </>
        )}
        {onSaveCsv && (
          <button type="button" className="button" onClick={onSaveCsv}>
            Save as CSV…
          </button>
        )}
      </div>
      {total > problems.length && (
        <p className="note note-warning">
          The first {formatCount(problems.length)} are listed in full; reading stopped there. Fix these and import again to see the rest.
        </p>
      )}
      <div role="table" aria-label="Import problems" aria-rowcount={shown.length + 1} className="problem-table">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="problem-row problem-head">
            {['File', 'Line', 'Column', 'Column name', 'Reason'].map((h) => (
              <span key={h} role="columnheader">
                {h}
              </span>
            ))}
          </div>
        </div>
        <div ref={scroller} className="problem-scroll" style={{ maxHeight: MAX_HEIGHT }} tabIndex={0} aria-label="Problem rows (scrollable)">
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const p = shown[item.index] as ImportProblem;
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="problem-row"
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell" className="mono">
                    {p.file}
                  </span>
                  <span role="cell" className="numeric">
                    {position(p.line)}
                  </span>
                  <span role="cell" className="numeric">
                    {position(p.column)}
                  </span>
                  <span role="cell" className="mono">
                    {p.columnName ?? '—'}
                  </span>
                  <span role="cell">{p.reason}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
