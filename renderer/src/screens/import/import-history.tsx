/** Recent imports, so the coordinator sees what is already in before importing more. */
import { useCallback } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { formatWhen } from '../../format-time.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useLoad } from '../../use-load.ts';

export function ImportHistory() {
  const api = useApi();
  const load = useCallback(() => api.importsHistory({ limit: 8 }), [api]);
  const { state, reload } = useLoad(load);
  return (
    <section className="import-history" aria-labelledby="history-title">
      <h2 id="history-title" className="section-title">
        Recent imports
      </h2>
      {state.status === 'loading' && <LoadingState label="Loading recent imports…" />}
      {state.status === 'error' && <ErrorState title="Recent imports could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <p className="muted">Nothing has been imported yet.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">The most recent imports</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Files</th>
                <th scope="col" className="numeric">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((b) => (
                <tr key={b.batchId}>
                  <td className="nowrap">{formatWhen(b.finishedAt)}</td>
                  <td>{b.source}</td>
                  <td>{b.files.map((f) => f.file).join(', ')}</td>
                  <td className="numeric">{formatCount(b.files.reduce((sum, f) => sum + f.rowsRead, 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
