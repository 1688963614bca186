/** Placeholder for a section that a later release adds. */
import type { Section } from '../sections.ts';

export function ComingSoon({ section }: { readonly section: Section }) {
  return (
    <section className="screen" aria-labelledby="coming-soon-title">
      <header className="screen-header">
        <h1 id="coming-soon-title">{section.label}</h1>
      </header>
      <div className="state-panel">
        <p className="state-title">Coming soon</p>
        <p>{section.summary}</p>
      </div>
    </section>
  );
}
