/** Nothing to show yet, and what to do about it. */
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="state-panel">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}
