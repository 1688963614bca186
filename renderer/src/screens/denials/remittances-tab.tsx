/**
 * Remittance import: choose an 835, watch the import and triage run as a background job (with
 * cancel), see what it found (counts, imbalances, denials by category), and the files imported so far.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RemitImportJobResult } from '../../../../shared/contract/denials.ts';
import { describeRetriage, type RetriageSummary } from '../../../../shared/denials/retriage-summary.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { JobProgress } from '../../components/job-progress.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { formatWhen } from '../../format-time.ts';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { isJobActive, useJobTracker } from '../../use-job.ts';
import { useLoad } from '../../use-load.ts';
import { ImportOutcome } from './import-outcome.tsx';
import { useAction } from './use-action.ts';

export interface RemittancesTabProps {
  readonly onOpenQueue: () => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

/** The Remittances tab: import, its outcome, the files imported. */
export function RemittancesTab({ onOpenQueue, onSettled }: RemittancesTabProps) {
  const api = useApi();
  const load = useCallback(() => api.remitFiles({}), [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  const job = useJobTracker();
  const choose = useAction(async () => {
    const [file] = await api.chooseFiles({ kind: 'remittance' });
    if (file === undefined) return;
    job.track((await api.remitImport({ fileId: file.fileId })).jobId);
  });
  const [retriaged, setRetriaged] = useState<RetriageSummary | null>(null);
  const retriage = useAction(async () => {
    setRetriaged(await api.denialsRetriage());
    reload();
  });
  const finished = job.state !== null && !isJobActive(job.state);
  useEffect(() => {
    if (finished) reload();
  }, [finished, reload]);
  const result = job.state?.status === 'succeeded' ? (job.state.result as RemitImportJobResult) : null;

  return (
    <div className="den-remits">
      <div className="toolbar">
        <button type="button" className="button button-primary" disabled={choose.busy || isJobActive(job.state)} onClick={() => void choose.run()}>
          Import an 835 remittance…
        </button>
        <button type="button" className="button" disabled={retriage.busy} onClick={() => void retriage.run()} title="Link lines to charges imported since, and triage open denials again">
          Re-triage open denials
        </button>
      </div>
      {retriaged && (
        <p className="note note-success" role="status" data-testid="retriage-result">
          {describeRetriage(retriaged)}
        </p>
      )}
      {(choose.error ?? retriage.error) && (
        <p className="note note-error" role="alert">
          {choose.error ?? retriage.error}
        </p>
      )}
      {job.state !== null && isJobActive(job.state) && <JobProgress title="Importing the remittance" state={job.state} onCancel={() => void api.jobsCancel({ jobId: job.jobId ?? '' })} />}
      {job.state?.status === 'failed' && <ErrorState title="The import failed." message={job.state.error ?? 'Unknown error.'} />}
      {job.state?.status === 'cancelled' && <p className="note note-info">Import cancelled: nothing was written.</p>}
      {result !== null && <ImportOutcome result={result} onOpenQueue={onOpenQueue} />}
      <h2 className="section-title den-files-title">Imported remittances</h2>
      {state.status === 'loading' && <LoadingState label="Loading remittances…" />}
      {state.status === 'error' && <ErrorState title="The remittances could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <p>No remittance imported yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Imported remittance files</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Payers</th>
                <th scope="col" className="numeric">
                  Claims
                </th>
                <th scope="col" className="numeric">
                  Lines linked
                </th>
                <th scope="col" className="numeric">
                  Paid
                </th>
                <th scope="col" className="numeric">
                  Imbalances
                </th>
                <th scope="col" className="numeric">
                  Denials
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((f) => (
                <tr key={f.fileId}>
                  <th scope="row">
                    {f.fileName}
                    <span className="den-sub">{formatWhen(f.importedAt)}</span>
                  </th>
                  <td>{f.payers}</td>
                  <td className="numeric">{formatCount(f.claims)}</td>
                  <td className="numeric">
                    {formatCount(f.linkedLines)} of {formatCount(f.lines)}
                  </td>
                  <td className="numeric">{formatCents(f.totalPaidCents)}</td>
                  <td className="numeric">{formatCount(f.imbalances)}</td>
                  <td className="numeric">
                    {formatCount(f.denials)} ({formatCents(f.deniedCents)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
