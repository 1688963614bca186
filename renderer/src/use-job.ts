/**
 * Follows one background job (import, reconciliation) from the renderer: its state arrives as
 * `jobs:changed` pushes; a `jobs:get` when tracking starts, and again every few seconds while the job
 * runs, covers a push that raced the start or was lost while the event stream reconnected.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobState } from '../../shared/contract/jobs.ts';
import { useApi } from './api-context.tsx';

const RESYNC_MS = 3_000;

/** Whether the job is still queued or running. */
export function isJobActive(state: JobState | null): boolean {
  return state !== null && (state.status === 'queued' || state.status === 'running');
}

export interface JobTracker {
  /** The tracked job's latest state; null before the first state arrives. */
  readonly state: JobState | null;
  readonly jobId: string | null;
  /** Starts following `jobId` (pushes that arrived for it before this call are not lost). */
  track(jobId: string): void;
  /** Stops following any job. */
  reset(): void;
}

/** Subscribes to job pushes for the lifetime of the component and follows the job given to `track`. */
export function useJobTracker(): JobTracker {
  const api = useApi();
  const [jobId, setJobId] = useState<string | null>(null);
  const [state, setState] = useState<JobState | null>(null);
  const latest = useRef(new Map<string, JobState>());
  const tracked = useRef<string | null>(null);

  useEffect(
    () =>
      api.onJobsChanged((next) => {
        latest.current.set(next.jobId, next);
        if (next.jobId === tracked.current) setState(next);
      }),
    [api],
  );

  const sync = useCallback(
    (id: string) => {
      api.jobsGet({ jobId: id }).then(
        (fresh) => {
          // A push may be newer than this answer; a finished state is never replaced by an older running one.
          if (fresh && tracked.current === id) setState((current) => (current !== null && !isJobActive(current) ? current : fresh));
        },
        () => undefined,
      );
    },
    [api],
  );

  useEffect(() => {
    if (jobId === null || !isJobActive(state)) return undefined;
    const timer = setInterval(() => sync(jobId), RESYNC_MS);
    return () => clearInterval(timer);
  }, [jobId, state, sync]);

  const track = useCallback(
    (id: string) => {
      tracked.current = id;
      setJobId(id);
      setState(latest.current.get(id) ?? null);
      sync(id);
    },
    [sync],
  );
  const reset = useCallback(() => {
    tracked.current = null;
    setJobId(null);
    setState(null);
  }, []);
  return { state, jobId, track, reset };
}
