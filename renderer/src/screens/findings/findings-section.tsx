/**
 * The Findings section: the work queue, a finding's evidence, and a subject's timeline, one at a
 * time. The queue stays mounted underneath (hidden), so coming back keeps its filter, scroll
 * position, selection and row; the detail walks the queue's order with j/k.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FindingFilter } from '../../../../shared/contract/findings.ts';
import { useApi } from '../../api-context.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { SubjectTimelineScreen } from '../subjects/subject-timeline-screen.tsx';
import { FindingDetailScreen } from './detail/finding-detail.tsx';
import { FindingsQueue, type QueueState } from './queue/findings-queue.tsx';
import { EMPTY_SELECTION, type Selection } from './queue/selection.ts';
import { useFindingPages } from './queue/use-finding-pages.ts';
import { useFindingActions } from './use-finding-actions.ts';
import './findings.css';
import '../../styles/controls.css';

/** A request from elsewhere (the dashboard) to show the queue with a filter; `nonce` makes a repeat count. */
export interface FindingsIntent {
  readonly filter: FindingFilter;
  readonly nonce: number;
}

type Page =
  | { readonly kind: 'queue' }
  | { readonly kind: 'detail'; readonly id: number | null; readonly index: number | null }
  | { readonly kind: 'subject'; readonly studyId: string; readonly subjectId: string; readonly back: Page };

export interface FindingsSectionProps {
  readonly onSettled?: (state: ScreenState) => void;
  readonly intent?: FindingsIntent | null;
}

const DEFAULT_VIEW: QueueState = { filter: {}, sort: { by: 'severity', direction: 'asc' }, grouping: 'none' };

export function FindingsSection({ onSettled, intent = null }: FindingsSectionProps) {
  const api = useApi();
  const [view, setViewState] = useState<QueueState>(() => (intent ? { ...DEFAULT_VIEW, filter: intent.filter } : DEFAULT_VIEW));
  const [page, setPage] = useState<Page>({ kind: 'queue' });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [version, setVersion] = useState(0);
  const pages = useFindingPages(view.filter, view.sort);
  const { refresh } = pages;
  const onChanged = useCallback(() => {
    refresh();
    setVersion((v) => v + 1);
  }, [refresh]);
  const actions = useFindingActions(onChanged);

  const setView = useCallback((next: QueueState) => {
    setViewState(next);
    setSelection(EMPTY_SELECTION);
  }, []);
  // A new request from the dashboard replaces the view (adjusting state while rendering, as React advises).
  const [seenIntent, setSeenIntent] = useState(intent);
  if (intent !== seenIntent) {
    setSeenIntent(intent);
    if (intent) {
      setView({ ...DEFAULT_VIEW, filter: intent.filter });
      setPage({ kind: 'queue' });
    }
  }

  const loadStudies = useCallback(() => api.studiesList(), [api]);
  const studies = useLoad(loadStudies).state;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loadAssignees = useCallback(() => api.findingsAssignees(), [api, version]);
  const assignees = useLoad(loadAssignees).state;

  const settled: ScreenState = pages.total !== null ? 'ready' : pages.status === 'error' ? 'error' : 'loading';
  useReportScreenState(page.kind === 'queue' ? settled : 'ready', onSettled);

  // The detail may ask for a row whose page is not loaded yet: load it; its finding shows once it arrives.
  const detailId = page.kind === 'detail' ? (page.id ?? (page.index === null ? null : (pages.rowAt(page.index)?.id ?? null))) : null;
  const missingIndex = page.kind === 'detail' && detailId === null ? page.index : null;
  useEffect(() => {
    if (missingIndex !== null) pages.ensure(missingIndex, missingIndex);
  }, [missingIndex, pages]);

  const openIndex = (index: number): void => {
    setSelection((s) => ({ ...s, focus: index }));
    setPage({ kind: 'detail', id: pages.rowAt(index)?.id ?? null, index });
  };
  const step = (by: 1 | -1): void => {
    if (page.kind !== 'detail' || page.index === null) return;
    const index = Math.min(Math.max(page.index + by, 0), Math.max((pages.total ?? 1) - 1, 0));
    openIndex(index);
  };

  return (
    <>
      <FindingsQueue
        view={view}
        setView={setView}
        pages={pages}
        selection={selection}
        setSelection={setSelection}
        actions={actions}
        version={version}
        studies={studies.status === 'ready' ? studies.data.map((s) => s.studyId) : []}
        assignees={assignees.status === 'ready' ? assignees.data : []}
        onOpenIndex={openIndex}
        onOpenId={(id) => setPage({ kind: 'detail', id, index: null })}
        onChecksDone={onChanged}
        active={page.kind === 'queue'}
      />
      {page.kind === 'detail' && detailId === null && <LoadingState label="Loading the finding…" />}
      {page.kind === 'detail' && detailId !== null && (
        <FindingDetailScreen
          id={detailId}
          position={page.index !== null && pages.total !== null ? { index: page.index + 1, total: pages.total } : null}
          actions={actions}
          assignees={assignees.status === 'ready' ? assignees.data : []}
          version={version}
          onBack={() => setPage({ kind: 'queue' })}
          onStep={step}
          onOpenSubject={(studyId, subjectId) => setPage({ kind: 'subject', studyId, subjectId, back: page })}
        />
      )}
      {page.kind === 'subject' && (
        <SubjectTimelineScreen
          key={`${page.studyId}/${page.subjectId}`}
          studyId={page.studyId}
          subjectId={page.subjectId}
          onBack={() => setPage(page.back)}
          onOpenFinding={(id) => setPage({ kind: 'detail', id, index: null })}
          onSubject={(studyId, subjectId) => setPage({ ...page, studyId, subjectId })}
        />
      )}
    </>
  );
}
