/** The first screen: every study with its counts, or why there are none; a study opens its page. */
import { useCallback, useState } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { StudyPage } from './study-page.tsx';
import { StudyTable } from './study-table.tsx';
import './study-list.css';

export interface StudiesScreenProps {
  /** Told each time the shown data starts loading or has loaded (drives the app-ready signal). */
  readonly onSettled?: (state: ScreenState) => void;
  /** Offered when there are no studies: go to the import wizard. */
  readonly onImport?: () => void;
}

export function StudiesScreen({ onSettled, onImport }: StudiesScreenProps) {
  const [openStudy, setOpenStudy] = useState<string | null>(null);
  if (openStudy !== null) return <StudyPage studyId={openStudy} onBack={() => setOpenStudy(null)} {...(onSettled ? { onSettled } : {})} />;
  return <StudyList onOpen={setOpenStudy} {...(onSettled ? { onSettled } : {})} {...(onImport ? { onImport } : {})} />;
}

function StudyList({ onSettled, onImport, onOpen }: StudiesScreenProps & { readonly onOpen: (studyId: string) => void }) {
  const api = useApi();
  const load = useCallback(() => api.studiesList(), [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);

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
          {onImport && (
            <button type="button" className="button" onClick={onImport}>
              Import a study package
            </button>
          )}
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.length > 0 && <StudyTable studies={state.data} onOpen={onOpen} />}
    </section>
  );
}
