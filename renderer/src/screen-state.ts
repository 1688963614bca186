/**
 * How a screen tells the shell whether its data has loaded: the shell turns it into the root's
 * `data-app-state`, the signal end-to-end tests and the screenshot script wait on (never a sleep).
 */
import { useEffect } from 'react';

export type ScreenState = 'loading' | 'ready' | 'error';

/** Reports `state` to the shell each time it changes. */
export function useReportScreenState(state: ScreenState, report: ((state: ScreenState) => void) | undefined): void {
  useEffect(() => {
    report?.(state);
  }, [state, report]);
}
