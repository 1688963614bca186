/** The resubmission worksheet: what must change on the claim, where, from what to what, and why. */
import type { Worksheet } from '../../../../shared/denials/worksheet.ts';

/** A resubmission worksheet as a table. */
export function WorksheetView({ worksheet }: { readonly worksheet: Worksheet }) {
  return (
    <section className="card den-worksheet" aria-labelledby="den-worksheet-title">
      <div className="card-body">
        <h3 id="den-worksheet-title" className="section-title">
          Resubmission worksheet
        </h3>
        <p>
          Send to <strong>{worksheet.sendTo}</strong>, as {worksheet.submitAs}.
        </p>
        <table className="data-table">
          <caption className="visually-hidden">Changes to make on the claim</caption>
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Where on the claim</th>
              <th scope="col">Now</th>
              <th scope="col">Must be</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {worksheet.items.map((item) => (
              <tr key={item.field}>
                <th scope="row">{item.field}</th>
                <td>{item.location}</td>
                <td className="mono">{item.current}</td>
                <td className="mono">{item.required}</td>
                <td>{item.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {worksheet.remarks.length > 0 && (
          <ul className="den-list muted">
            {worksheet.remarks.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
