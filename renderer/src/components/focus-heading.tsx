/**
 * A page heading that takes keyboard focus when it appears: after opening a record or going back,
 * a keyboard or screen-reader user lands on the new content's title instead of at the top of the
 * window (the button they pressed is gone). Mount it with the loaded content, not the loading state.
 */
import type { ReactNode } from 'react';
import { useFocusOnMount } from '../use-focus-on-mount.ts';

export interface FocusHeadingProps {
  readonly id: string;
  /** h1 for a page's title, h2 (the default) for a step or a record inside a section. */
  readonly level?: 1 | 2;
  readonly className?: string;
  readonly children: ReactNode;
}

export function FocusHeading({ id, level = 2, className, children }: FocusHeadingProps) {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading id={id} ref={ref} tabIndex={-1} className={className}>
      {children}
    </Heading>
  );
}
