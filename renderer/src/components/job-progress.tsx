/**
 * A running job's progress: a real progress bar (determinate when the job knows its total), the rows
 * done and the rate, and a Cancel button. The bar is a native <progress> so assistive technology
 * announces it; the text beside it says the same for everyone.
 */
import { formatCount } from '../../../shared/domain/format.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';
import './job-progress.css';

export interface JobProgressProps {
  /** What is running, e.g. `Importing 8 files`. */
  readonly title: string;
  readonly state: JobState | null;
  /** Absent when the job cannot be cancelled. */
  readonly onCancel?: () => void;
  /** True once cancel was asked and the job is rolling back. */
  readonly cancelling?: boolean;
}

export function JobProgress({ title, state, onCancel, cancelling = false }: JobProgressProps) {
  const progress = state?.progress ?? null;
  const fraction = progress?.fraction ?? null;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  const queued = state === null || state.status === 'queued';
  const label = cancelling ? 'Cancelling: undoing everything this import wrote…' : queued ? 'Waiting to start…' : (progress?.label ?? 'Starting…');
  return (
    <section className="job-progress" aria-labelledby="job-progress-title" data-job-status={state?.status ?? 'queued'}>
      <div className="job-progress-head">
        <h2 id="job-progress-title">{title}</h2>
        {percent !== null && !cancelling && <span className="job-progress-percent">{percent}%</span>}
      </div>
      <progress className="job-progress-bar" aria-labelledby="job-progress-title" max={1} {...(fraction !== null && !cancelling ? { value: fraction } : {})} />
      <div className="job-progress-meta" role="status" aria-live="polite">
        <span>{label}</span>
        {progress?.rowsDone !== undefined && !cancelling && (
          <span className="job-progress-rate">
            {formatCount(progress.rowsDone)} rows
            {progress.rowsPerSecond !== undefined && progress.rowsPerSecond > 0 && <> · {formatCount(progress.rowsPerSecond)} rows/s</>}
          </span>
        )}
      </div>
      {onCancel && (
        <div className="job-progress-actions">
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
          <p className="job-progress-note">The window stays usable: the work runs in the background. Cancelling leaves nothing behind.</p>
        </div>
      )}
    </section>
  );
}
