/**
 * Runs the compliance checks (reconciliation) as a background job and says what they found: the
 * action offered after an import and on the study page. The findings themselves are on the findings
 * screen; this shows the counts.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReconcileOutcome } from '../../../shared/contract/jobs.ts';
import { formatCount } from '../../../shared/domain/format.ts';
import { useApi } from '../api-context.tsx';
import { isJobActive, useJobTracker } from '../use-job.ts';
import { JobProgress } from './job-progress.tsx';

export interface RunChecksProps {
  /** Called once a run has finished (to reload what depends on findings). */
  readonly onDone?: (outcome: ReconcileOutcome) => void;
  /** Offered after a run: go to the findings queue. */
  readonly onOpenFindings?: () => void;
  /** Button text; `Run checks` by default. */
  readonly label?: string;
}

/** One sentence for a finished run. */
export function describeRun(outcome: ReconcileOutcome): string {
  const changes = [`${formatCount(outcome.opened)} new ${outcome.opened === 1 ? 'finding' : 'findings'}`];
  if (outcome.reopened > 0) changes.push(`${formatCount(outcome.reopened)} reopened`);
  if (outcome.closed > 0) changes.push(`${formatCount(outcome.closed)} closed`);
  return `Checked ${formatCount(outcome.chargesEvaluated)} ${outcome.chargesEvaluated === 1 ? 'charge' : 'charges'} (${outcome.mode} run): ${changes.join(', ')}. ${formatCount(outcome.totalOpen)} open in total.`;
}

export function RunChecks({ onDone, onOpenFindings, label = 'Run checks' }: RunChecksProps) {
  const api = useApi();
  const job = useJobTracker();
  const [error, setError] = useState<string | null>(null);
  const reported = useRef<string | null>(null);
  const state = job.state;

  const start = (): void => {
    setError(null);
    api.findingsRun({ mode: 'auto' }).then(
      ({ jobId }) => job.track(jobId),
      (e: unknown) => setError(e instanceof Error ? e.message : 'The checks could not start.'),
    );
  };

  const outcome = state?.status === 'succeeded' ? (state.result as ReconcileOutcome) : null;
  useEffect(() => {
    // Once per finished job: a resync may hand over the same final state again.
    if (outcome && state && reported.current !== state.jobId) {
      reported.current = state.jobId;
      onDone?.(outcome);
    }
  }, [outcome, state, onDone]);

  if (isJobActive(state) || (job.jobId !== null && state === null)) {
    return <JobProgress title="Running checks" state={state} onCancel={() => void api.jobsCancel({ jobId: job.jobId ?? '' })} />;
  }
  return (
    <div className="run-checks" data-testid="run-checks">
      {outcome && (
        <p className="note note-success" role="status">
          {describeRun(outcome)}
        </p>
      )}
      {state?.status === 'cancelled' && <p className="note note-info">The checks were cancelled; findings are as they were before.</p>}
      {(state?.status === 'failed' || error !== null) && (
        <p className="note note-error" role="alert">
          The checks could not run: {error ?? state?.error ?? 'unknown error'}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={start}>
          {outcome ? 'Run checks again' : label}
        </button>
        {outcome && onOpenFindings && (
          <button type="button" className="button" onClick={onOpenFindings}>
            Open the findings
          </button>
        )}
      </div>
    </div>
  );
}
