/** Runs one user action at a time with its busy label and error message (for forms and buttons). */
import { useCallback, useState } from 'react';

export interface Action {
  /** Label of the running action (for the button and a status line), or null. */
  readonly busy: string | null;
  readonly error: string | null;
  /** Runs `work` unless another action runs; its error message is kept for display. Resolves to whether it succeeded. */
  run(label: string, work: () => Promise<unknown>): Promise<boolean>;
  clearError(): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (label: string, work: () => Promise<unknown>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
