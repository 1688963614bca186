/**
 * A page heading that takes keyboard focus when it appears: after opening a record or going back,
 * a keyboard or screen-reader user lands on the new content's title instead of at the top of the
 * window (the button they pressed is gone). Mount it with the loaded content, not the loading state.
 */
import type { ReactNode } from 'react';
import { useFocusOnMount } from '../use-focus-on-mount.ts';

export function FocusHeading({ id, className, children }: { readonly id: string; readonly className?: string; readonly children: ReactNode }) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </h2>
  );
}
