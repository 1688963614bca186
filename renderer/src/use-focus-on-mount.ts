/**
 * Moves keyboard focus to an element when it appears (a wizard step's heading, a page's title), so a
 * keyboard or screen-reader user lands on the new content instead of on a button that is gone.
 */
import { useEffect, useRef } from 'react';

/** A ref for an element (give it tabIndex={-1}) that receives focus once, when it mounts. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
