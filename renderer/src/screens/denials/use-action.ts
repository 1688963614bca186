/** Runs a backend action from a button: busy while it runs, its error kept to show beside the button. */
import { useCallback, useState } from 'react';

export interface Action<A extends unknown[]> {
  readonly busy: boolean;
  readonly error: string | null;
  run(...args: A): Promise<void>;
}

/** Wraps `fn`; `run` never throws (the message lands in `error`). */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await fn(...args);
      } catch (e) {
        setError(e instanceof Error ? e.message : 'Something went wrong.');
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  return { busy, error, run };
}
