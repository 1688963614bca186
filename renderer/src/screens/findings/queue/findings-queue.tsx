/**
 * The findings work queue: filters, saved views, grouping, export, bulk actions on the selection and
 * the virtual grid, all driven from the keyboard (press ? for the keys).
 */
import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { FindingFilter, FindingSort } from '../../../../../shared/contract/findings.ts';
import type { ViewGrouping } from '../../../../../shared/contract/views.ts';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { RunChecks } from '../../../components/run-checks.tsx';
import type { FindingActions } from '../use-finding-actions.ts';
import { AssignDialog } from './assign-dialog.tsx';
import { BulkBar } from './bulk-bar.tsx';
import { DismissDialog } from './dismiss-dialog.tsx';
import { ExportMenu } from './export-menu.tsx';
import { FilterBar } from './filter-bar.tsx';
import { FilterChips } from './filter-chips.tsx';
import { GroupList } from './group-list.tsx';
import { QueueGrid } from './queue-grid.tsx';
import { SavedViews } from './saved-views.tsx';
import type { Selection } from './selection.ts';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import type { FindingPages } from './use-finding-pages.ts';
import { useQueueKeys } from './use-queue-keys.ts';
import './queue.css';

export interface QueueState {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly grouping: ViewGrouping;
}

export interface FindingsQueueProps {
  readonly view: QueueState;
  readonly setView: (view: QueueState) => void;
  readonly pages: FindingPages;
  readonly selection: Selection;
  readonly setSelection: Dispatch<SetStateAction<Selection>>;
  readonly actions: FindingActions;
  readonly version: number;
  readonly studies: readonly string[];
  readonly assignees: readonly string[];
  readonly onOpenIndex: (index: number) => void;
  readonly onOpenId: (id: number) => void;
  readonly onChecksDone: () => void;
  /** Focus the grid when the queue is shown again. */
  readonly active: boolean;
}

export function FindingsQueue(props: FindingsQueueProps) {
  const { view, setView, pages, selection, setSelection, actions, studies, assignees, active } = props;
  const gridRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLElement>(null);
  const focusFilters = useCallback(() => filterRef.current?.focus(), []);
  const keys = useQueueKeys({ pages, selection, setSelection, decide: actions.decide, onOpen: props.onOpenIndex, focusFilters });
  const hasRows = (pages.total ?? 0) > 0;
  useEffect(() => {
    if (active && hasRows && view.grouping === 'none') gridRef.current?.focus({ preventScroll: true });
  }, [active, hasRows, view.grouping]);

  const setFilter = (filter: FindingFilter): void => setView({ ...view, filter });
  const total = pages.total;
  const heading = total === null ? 'Loading…' : pages.counting ? `${formatCount(total)}+ findings, counting…` : `${formatCount(total)} ${total === 1 ? 'finding' : 'findings'}`;
  return (
    <section className="screen queue-screen" aria-labelledby="findings-title" hidden={!active}>
      <header className="screen-header queue-header">
        <h1 id="findings-title">Findings</h1>
        <p className="screen-subtitle" aria-live="polite">
          {heading}
        </p>
        <span className="toolbar-spacer" />
        <SavedViews current={view} onApply={(v) => setView({ filter: v.filter, sort: v.sort, grouping: v.grouping })} />
        <ExportMenu filter={view.filter} sort={view.sort} disabled={!total} />
        <button type="button" className="button" onClick={() => keys.setDialog({ kind: 'help' })} aria-keyshortcuts="?">
          Keys
        </button>
      </header>
      <FilterBar filter={view.filter} onChange={setFilter} studies={studies} assignees={assignees} firstRef={filterRef} />
      <div className="queue-subbar">
        <FilterChips filter={view.filter} sort={view.sort} onChange={setFilter} grouped={view.grouping !== 'none'} />
        <div className="segmented" role="radiogroup" aria-label="Group by">
          {(['none', 'rule', 'subject'] as const).map((g) => (
            <button key={g} type="button" role="radio" aria-checked={view.grouping === g} className="segmented-option" onClick={() => setView({ ...view, grouping: g })}>
              {g === 'none' ? 'List' : g === 'rule' ? 'By rule' : 'By subject'}
            </button>
          ))}
        </div>
      </div>
      {view.grouping === 'none' && <BulkBar count={selection.selected.size} busy={actions.busy} onCommand={keys.run} message={actions.message} />}
      {pages.status === 'error' && total === null && <ErrorState title="The findings could not be loaded." message={pages.error ?? ''} onRetry={pages.retry} />}
      {total === null && pages.status === 'loading' && <LoadingState label="Loading findings…" />}
      {total === 0 && Object.keys(view.filter).length === 0 && (
        <div className="state-panel">
          <p className="state-title">No findings yet</p>
          <p>Run the compliance checks on the imported charges to fill the queue.</p>
          <RunChecks onDone={props.onChecksDone} />
        </div>
      )}
      {total === 0 && Object.keys(view.filter).length > 0 && <p className="muted queue-empty">No findings match these filters.</p>}
      {view.grouping !== 'none' && total !== null && total > 0 && (
        <GroupList filter={view.filter} by={view.grouping} version={props.version} onWorkThrough={(filter) => setView({ ...view, filter, grouping: 'none' })} onOpenFinding={props.onOpenId} />
      )}
      {view.grouping === 'none' && total !== null && total > 0 && (
        <QueueGrid
          pages={pages}
          sort={view.sort}
          onSortChange={(sort) => setView({ ...view, sort })}
          selected={selection.selected}
          focus={selection.focus}
          onRowClick={keys.onRowClick}
          onToggle={keys.onToggle}
          onOpen={props.onOpenIndex}
          onKeyDown={keys.onKeyDown}
          gridRef={gridRef}
          label="Findings work queue"
        />
      )}
      {keys.dialog?.kind === 'dismiss' && <DismissDialog count={keys.dialog.ids.length} onDismiss={keys.dismiss} onClose={() => keys.setDialog(null)} />}
      {keys.dialog?.kind === 'assign' && <AssignDialog count={keys.dialog.ids.length} names={assignees} onAssign={keys.assign} onClose={() => keys.setDialog(null)} />}
      {keys.dialog?.kind === 'help' && <ShortcutsDialog onClose={() => keys.setDialog(null)} />}
    </section>
  );
}
