/** Loads data for a component with loading, error and retry states. */
import { useCallback, useEffect, useState } from 'react';

export type LoadState<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly data: T } | { readonly status: 'error'; readonly message: string };

/**
 * Runs `load` on mount and whenever it changes (so pass a stable callback) and on `reload`. A result
 * that arrives after unmount or after a newer load is dropped.
 */
export function useLoad<T>(load: () => Promise<T>): { readonly state: LoadState<T>; readonly reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', message: error instanceof Error ? error.message : 'Something went wrong.' });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
