/**
 * One denial: why it was denied and what to do (the triage rule with its sources), its deadline,
 * the remittance codes with their meaning, the linked charge, the study and calendar row, the charge's
 * compliance findings, the resubmission worksheet, the workflow, and the way to its appeal.
 */
import { useCallback } from 'react';
import { formatCents } from '../../../../shared/domain/money.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FocusHeading } from '../../components/focus-heading.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { CalendarSection, ChargeSection, CodesSection, FindingsSection, HistorySection } from './detail-sections.tsx';
import { ACTION_LABEL, CATEGORY_LABEL, daysLeftText, DEADLINE_KIND_LABEL, STATUS_LABEL } from './format.ts';
import { StatusActions } from './status-actions.tsx';
import { WorksheetView } from './worksheet-view.tsx';

export interface DenialDetailProps {
  readonly id: number;
  readonly onBack: () => void;
  readonly onAppeal: (id: number) => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

/** One denial, loaded by id. */
export function DenialDetailView({ id, onBack, onAppeal, onSettled }: DenialDetailProps) {
  const api = useApi();
  const load = useCallback(() => api.denialsGet({ id }), [api, id]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Loading the denial…" />;
  if (state.status === 'error') return <ErrorState title="The denial could not be loaded." message={state.message} onRetry={reload} />;
  const d = state.data;
  if (d === null) return <ErrorState title="This denial no longer exists." message="Go back to the queue." />;
  return (
    <article className="den-detail" aria-labelledby="den-detail-title">
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>
          ← Back to the queue
        </button>
        <span className="toolbar-spacer" />
        {(d.action === 'appeal' || d.status === 'upheld') && (
          <button type="button" className="button button-primary" onClick={() => onAppeal(d.id)}>
            Prepare the appeal
          </button>
        )}
      </div>
      <header className="den-detail-head">
        <FocusHeading id="den-detail-title">
          Denial {d.id}: {d.procedure} on {d.serviceDate ?? 'an unknown date'}
        </FocusHeading>
        <p className="den-detail-amount">
          {formatCents(d.deniedCents)} denied of {formatCents(d.billedCents)} · {d.payerName} · claim {d.claimNumber ?? '–'}
        </p>
      </header>
      <section className={`card den-triage den-triage-${d.urgency}`} aria-labelledby="den-triage-title">
        <div className="card-body">
          <h3 id="den-triage-title" className="section-title">
            {CATEGORY_LABEL[d.category]}: {ACTION_LABEL[d.action]}
          </h3>
          <p>{d.reason}</p>
          <dl className="den-facts">
            <dt>Rule</dt>
            <dd>
              {d.rule} · {d.ruleTitle}
            </dd>
            <dt>Status</dt>
            <dd>
              {STATUS_LABEL[d.status]}
              {d.resolutionDate !== null && ` · resolved ${d.resolutionDate}${d.recoveredCents > 0 ? `, ${formatCents(d.recoveredCents)} recovered` : ''}`}
              {d.supersededDate !== null && ` · superseded: the payer reversed the claim and reprocessed it on the remittance of ${d.supersededDate}`}
            </dd>
            <dt>Deadline</dt>
            <dd>
              <span className={`den-days den-days-${d.urgency}`}>{daysLeftText(d)}</span>
              {d.deadline !== null && d.deadlineKind !== null && ` (${DEADLINE_KIND_LABEL[d.deadlineKind]} ${d.deadline})`}
            </dd>
            <dt>Appeal rights</dt>
            <dd>{d.appealable ? 'Yes' : 'No: correct and resubmit, or route as shown'}</dd>
          </dl>
          <details>
            <summary>Sources of this rule</summary>
            <ul className="den-sources">
              {d.ruleSources.map((s) => (
                <li key={s.key}>
                  [{s.key}] {s.cite}
                </li>
              ))}
            </ul>
          </details>
        </div>
      </section>
      <StatusActions detail={d} onChanged={reload} />
      {d.worksheet !== null && <WorksheetView worksheet={d.worksheet} />}
      <CodesSection detail={d} />
      <ChargeSection detail={d} />
      <CalendarSection detail={d} />
      <FindingsSection detail={d} />
      <HistorySection detail={d} />
    </article>
  );
}
