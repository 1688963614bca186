/**
 * Why the rule matters, what to do, and its sources. Links open in the user's browser: the desktop
 * shell routes every target=_blank link through its https-only openExternal check.
 */
import type { FindingDetail } from '../../../../../shared/contract/findings.ts';

export function RuleCard({ finding }: { readonly finding: FindingDetail }) {
  return (
    <section className="card rule-card" aria-labelledby="rule-title">
      <div className="card-body">
        <h2 id="rule-title" className="section-title">
          {finding.rule}: {finding.title}
        </h2>
        <h3 className="rule-heading">Why it matters</h3>
        <p>{finding.why}</p>
        <h3 className="rule-heading">What to do</h3>
        <p>{finding.action}</p>
        <h3 className="rule-heading">Sources</h3>
        <ul className="rule-sources">
          {finding.sources.map((s) => (
            <li key={s.key}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.cite}
              </a>{' '}
              <span className="muted">[{s.key}]</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
