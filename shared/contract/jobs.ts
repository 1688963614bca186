/**
 * Long-running work (imports, reconciliation, batch documents) runs as jobs off the UI and main
 * threads. The renderer starts one through a channel, receives progress pushes, and may cancel it;
 * a cancelled job leaves nothing behind.
 */
import { z } from 'zod';
import type { ImportOutcome } from '../package-spec/import-result.ts';
import { channel } from './define.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  /** 0..1 when known, null when indeterminate. */
  readonly fraction: number | null;
  /** One line for the progress bar, e.g. `charges.csv: 412,000 rows`. */
  readonly label: string;
  readonly rowsDone?: number;
  readonly rowsPerSecond?: number;
}

export interface JobState {
  readonly jobId: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly progress: JobProgress | null;
  /** The job's result when it succeeded (its type depends on the kind). */
  readonly result?: unknown;
  readonly error?: string;
}

/** Results of the job kinds, for the renderer to narrow `JobState.result`. */
export interface JobResults {
  import: ImportOutcome;
  reconcile: ReconcileOutcome;
}

/** What a reconciliation run did. */
export interface ReconcileOutcome {
  readonly runId: number | null;
  readonly mode: 'full' | 'incremental';
  readonly cancelled: boolean;
  readonly chargesEvaluated: number;
  readonly opened: number;
  readonly reopened: number;
  readonly closed: number;
  readonly totalOpen: number;
  readonly elapsedMs: number;
}

export const jobsContract = {
  /** Current state of a job (the renderer also receives pushes). */
  'jobs:get': channel<JobState | null>()(z.object({ jobId: z.string().min(1).max(64) })),
  /** Asks a job to stop; it rolls back and ends as `cancelled`. */
  'jobs:cancel': channel<boolean>()(z.object({ jobId: z.string().min(1).max(64) })),
  /** Jobs started in this session, newest first. */
  'jobs:list': channel<JobState[]>()(z.object({})),
};

/** Pushes from the backend to the renderer (not request/response). */
export interface PushEvents {
  'jobs:changed': JobState;
}
