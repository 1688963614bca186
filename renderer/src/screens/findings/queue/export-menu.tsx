/**
 * Export of the current view (same filter, same order) as .xlsx or .csv: a background job writes
 * the file, then the shell offers it to the user (save dialog in the app, a download in the browser).
 */
import { useEffect, useRef, useState } from 'react';
import type { FindingFilter, FindingSort } from '../../../../../shared/contract/findings.ts';
import type { ExportFormat, FindingsExportOutcome } from '../../../../../shared/contract/findings-insights.ts';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { useApi } from '../../../api-context.tsx';
import { isJobActive, useJobTracker } from '../../../use-job.ts';

export interface ExportMenuProps {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly disabled: boolean;
}

export function ExportMenu({ filter, sort, disabled }: ExportMenuProps) {
  const api = useApi();
  const job = useJobTracker();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const handed = useRef<string | null>(null);
  const state = job.state;

  const start = (format: ExportFormat): void => {
    setMessage(null);
    api.findingsExport({ filter, sort, format }).then(
      ({ jobId }) => job.track(jobId),
      (e: unknown) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : 'The export could not start.' }),
    );
  };

  // A finished export is handed to the shell once (a resync may deliver the same final state again).
  useEffect(() => {
    if (!state || handed.current === state.jobId || state.status !== 'succeeded') return;
    handed.current = state.jobId;
    const outcome = state.result as FindingsExportOutcome;
    api.saveOutput({ fileName: outcome.fileName }).then(
      (saved) => setMessage(saved ? { kind: 'ok', text: `Exported ${formatCount(outcome.rows)} findings to ${outcome.fileName}.` } : null),
      (e: unknown) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : 'The file could not be saved.' }),
    );
  }, [state, api]);

  const running = isJobActive(state);
  const shown = state?.status === 'failed' ? { kind: 'error' as const, text: `The export failed: ${state.error ?? 'unknown error'}` } : message;
  return (
    <div className="export-menu" role="group" aria-label="Export this view">
      <button type="button" className="button" disabled={disabled || running} onClick={() => start('xlsx')}>
        Export .xlsx
      </button>
      <button type="button" className="button" disabled={disabled || running} onClick={() => start('csv')}>
        Export .csv
      </button>
      <span className="export-status" role="status" aria-live="polite" data-export-state={running ? 'running' : (shown?.kind ?? 'idle')}>
        {running ? `Exporting… ${state?.progress?.fraction !== null && state?.progress?.fraction !== undefined ? `${Math.round(state.progress.fraction * 100)}%` : ''}` : (shown?.text ?? '')}
      </span>
    </div>
  );
}
