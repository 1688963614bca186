/**
 * The denial queue: open work sorted by days left (the backend sorts), with what is due within 14
 * days or overdue flagged in words as well as colour; filters by category, action and status; and a
 * batch export of appeal packets for the selected denials (a background job with progress).
 */
import { useCallback, useState } from 'react';
import type { DenialFilter, DenialPage } from '../../../../shared/contract/denials.ts';
import type { AppealBatchResult } from '../../../../shared/contract/denials.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { JobProgress } from '../../components/job-progress.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { isJobActive, useJobTracker } from '../../use-job.ts';
import { emptyQueueText } from './format.ts';
import { QueueFilters } from './queue-filters.tsx';
import { QueueTable } from './queue-table.tsx';

export interface DenialQueueProps {
  readonly onOpen: (id: number) => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

/** The Queue tab: counts, filters, the table and batch export. */
export function DenialQueue({ onOpen, onSettled }: DenialQueueProps) {
  const api = useApi();
  const [filter, setFilter] = useState<DenialFilter>({ includeResolved: false });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const load = useCallback(() => Promise.all([api.denialsList({ filter, limit: 500 }), api.denialsSummary()]), [api, filter]);
  const { state } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  const job = useJobTracker();
  const result = job.state?.status === 'succeeded' ? (job.state.result as AppealBatchResult) : null;

  const changeFilter = (next: DenialFilter): void => {
    setFilter(next);
    setSelected(new Set());
  };
  const exportBatch = async (): Promise<void> => {
    const { jobId } = await api.appealsExportBatch({ denialIds: [...selected] });
    job.track(jobId);
  };

  if (state.status === 'loading') return <LoadingState label="Loading the denial queue…" />;
  if (state.status === 'error') return <ErrorState title="The denials could not be loaded." message={state.message} />;
  const [page, summary]: [DenialPage, Awaited<ReturnType<typeof api.denialsSummary>>] = state.data;
  return (
    <div className="den-queue">
      <dl className="den-summary" aria-label="Open denials">
        <div>
          <dt>Open</dt>
          <dd>{formatCount(summary.open)}</dd>
        </div>
        <div>
          <dt>Denied, open</dt>
          <dd>{formatCents(summary.openDeniedCents)}</dd>
        </div>
        <div className={summary.dueSoon > 0 ? 'den-summary-warn' : ''}>
          <dt>Due within 14 days</dt>
          <dd>{formatCount(summary.dueSoon)}</dd>
        </div>
        <div className={summary.overdue > 0 ? 'den-summary-alert' : ''}>
          <dt>Overdue</dt>
          <dd>{formatCount(summary.overdue)}</dd>
        </div>
      </dl>
      <QueueFilters filter={filter} onChange={changeFilter} />
      <div className="toolbar den-queue-actions">
        <span className="muted">
          {formatCount(page.total)} denial{page.total === 1 ? '' : 's'} · days left counted from {page.today}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="button" disabled={selected.size === 0 || isJobActive(job.state)} onClick={() => void exportBatch()}>
          Export appeal packets ({formatCount(selected.size)})
        </button>
      </div>
      {job.state !== null && isJobActive(job.state) && <JobProgress title="Building appeal packets" state={job.state} onCancel={() => void api.jobsCancel({ jobId: job.jobId ?? '' })} />}
      {result !== null && (
        <div className="note note-success" role="status">
          {result.fileName === null ? (
            'No packet could be built.'
          ) : (
            <>
              {formatCount(result.packets)} packets ({formatCount(result.pages)} pages) in {result.fileName}.{' '}
              <button type="button" className="button button-small" onClick={() => void api.saveOutput({ fileName: result.fileName as string })}>
                Save the ZIP
              </button>
            </>
          )}
          {result.failed.map((f) => (
            <p key={f.denialId}>
              Denial {f.denialId}: {f.message}
            </p>
          ))}
        </div>
      )}
      {page.rows.length === 0 ? (
        <EmptyQueue filter={filter} denialsInStore={summary.byStatus.reduce((n, s) => n + s.count, 0)} />
      ) : (
        <QueueTable rows={page.rows} selected={selected} onSelect={setSelected} onOpen={onOpen} />
      )}
    </div>
  );
}

function EmptyQueue({ filter, denialsInStore }: { readonly filter: DenialFilter; readonly denialsInStore: number }) {
  const { title, text } = emptyQueueText(filter, denialsInStore);
  return (
    <div className="state-panel">
      <p className="state-title">{title}</p>
      <p>{text}</p>
    </div>
  );
}
