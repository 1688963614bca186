/** The study's billing grids: one tab per arm, each with its budget line, the grid and the legend. */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../../api-context.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useLoad } from '../../../use-load.ts';
import { BillingGrid } from './billing-grid.tsx';
import { BudgetSummary } from './budget-summary.tsx';
import { GridLegend } from './grid-legend.tsx';
import { buildGridModel } from './grid-model.ts';
import './billing-grid.css';

export interface BillingGridSectionProps {
  readonly studyId: string;
  readonly overheadBp: number;
  readonly holdbackBp: number;
  /** Changes when findings may have changed (after a check run), to load the grid again. */
  readonly version: number;
}

export function BillingGridSection({ studyId, overheadBp, holdbackBp, version }: BillingGridSectionProps) {
  const api = useApi();
  const load = useCallback(() => api.studiesBillingGrid({ studyId }), [api, studyId]);
  const { state, reload } = useLoad(load);
  // A new run of the checks changes the marks on the cells: load again (the arm tab stays).
  const loadedVersion = useRef(version);
  useEffect(() => {
    if (loadedVersion.current === version) return;
    loadedVersion.current = version;
    reload();
  }, [version, reload]);
  const [tab, setTab] = useState(0);

  if (state.status === 'loading') return <LoadingState label="Loading the billing grid…" />;
  if (state.status === 'error') return <ErrorState title="The billing grid could not be loaded." message={state.message} onRetry={reload} />;
  const arms = state.data?.arms ?? [];
  if (arms.length === 0) {
    return (
      <EmptyState title="No calendar yet">
        <p>Import this study&apos;s calendar.csv (the coverage analysis) to see its billing grid.</p>
      </EmptyState>
    );
  }
  const current = Math.min(tab, arms.length - 1);
  const arm = arms[current] ?? arms[0];
  if (arm === undefined) return null;
  const model = buildGridModel(arm);
  const onTabKey = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (current + step + arms.length) % arms.length;
    setTab(next);
    document.getElementById(`arm-tab-${next}`)?.focus();
  };
  return (
    <div className="grid-section">
      <div className="toolbar grid-toolbar">
        <div role="tablist" aria-label="Arms" className="arm-tabs" onKeyDown={onTabKey}>
          {arms.map((a, i) => {
            const flagged = buildGridModel(a).findingCells;
            return (
              <button
                key={a.arm}
                id={`arm-tab-${i}`}
                type="button"
                role="tab"
                aria-selected={i === current}
                aria-controls="arm-panel"
                tabIndex={i === current ? 0 : -1}
                className="arm-tab"
                onClick={() => setTab(i)}
              >
                Arm {a.arm}
                <span className="arm-tab-meta">
                  {a.visits.length} visits · {a.procedures.length} procedures
                  {flagged > 0 && <span className="arm-tab-flag"> · ⚠ {flagged}</span>}
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <div id="arm-panel" role="tabpanel" aria-labelledby={`arm-tab-${current}`} className="arm-panel">
        <BudgetSummary arm={arm.arm} perSubjectCents={model.perSubjectCents} visits={arm.visits.length} overheadBp={overheadBp} holdbackBp={holdbackBp} />
        <GridLegend />
        <BillingGrid key={arm.arm} arm={arm} />
      </div>
    </div>
  );
}
