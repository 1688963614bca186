/** The first screen: every study with its counts, or why there are none. */
import { useCallback, useEffect } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useLoad } from '../../use-load.ts';
import { StudyTable } from './study-table.tsx';
import './study-list.css';

export interface StudiesScreenProps {
  /** Told once the first load has finished, whatever its outcome (drives the app-ready signal). */
  readonly onSettled?: (outcome: 'ready' | 'error') => void;
}

export function StudiesScreen({ onSettled }: StudiesScreenProps) {
  const api = useApi();
  const load = useCallback(() => api.studiesList(), [api]);
  const { state, reload } = useLoad(load);
  useEffect(() => {
    if (state.status !== 'loading') onSettled?.(state.status);
  }, [state.status, onSettled]);

  return (
    <section className="screen" aria-labelledby="studies-title" aria-busy={state.status === 'loading'}>
      <header className="screen-header">
        <h1 id="studies-title">Studies</h1>
        {state.status === 'ready' && state.data.length > 0 && (
          <p className="screen-subtitle">
            {formatCount(state.data.length)} {state.data.length === 1 ? 'study' : 'studies'}
          </p>
        )}
      </header>
      {state.status === 'loading' && <LoadingState label="Loading studies…" />}
      {state.status === 'error' && <ErrorState title="The studies could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <EmptyState title="No studies yet">
          <p>Import a study package (studies.csv and the calendar, subjects, visits, invoices and charges that go with it) to begin.</p>
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.length > 0 && <StudyTable studies={state.data} />}
    </section>
  );
}
