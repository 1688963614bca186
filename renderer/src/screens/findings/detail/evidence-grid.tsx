/** The evidence blocks side by side, with the fields a rule fired on marked (by text and colour). */
import type { EvidenceBlock, FiredCheck } from './evidence-model.ts';

export function EvidenceGrid({ blocks, fired }: { readonly blocks: readonly EvidenceBlock[]; readonly fired: readonly FiredCheck[] }) {
  return (
    <div className="evidence">
      {fired.length > 0 && (
        <section className="evidence-card evidence-fired" aria-labelledby="ev-fired">
          <h3 id="ev-fired">What the rule found</h3>
          <table className="fired-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Found</th>
                <th scope="col">Expected</th>
              </tr>
            </thead>
            <tbody>
              {fired.map((f) => (
                <tr key={`${f.field}-${f.found}`}>
                  <th scope="row" className="mono">
                    {f.field}
                  </th>
                  <td className="fired-found">{f.found}</td>
                  <td>{f.expected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="evidence-grid">
        {blocks.map((block) => (
          <section key={block.id} className="evidence-card" aria-labelledby={`ev-${block.id}`} data-evidence={block.id}>
            <h3 id={`ev-${block.id}`}>{block.title}</h3>
            <dl className="evidence-fields">
              {block.fields.map((f) => (
                <div key={f.label} className={f.fired ? 'evidence-field evidence-field-fired' : 'evidence-field'}>
                  <dt>
                    {f.label}
                    {f.fired && <span className="fired-tag"> (rule fired)</span>}
                  </dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}
