/** The first rows after mapping, validated exactly as the import will validate them. */
import { FILE_SPECS } from '../../../../../shared/package-spec/files.ts';
import { rowsToShow, type MappedRow } from './mapped-rows.ts';

export function MappedPreview({ rows }: { readonly rows: readonly MappedRow[] }) {
  const refused = rows.filter((r) => r.problemCount > 0).length;
  const shown = rowsToShow(rows);
  return (
    <section className="mapped-preview" aria-labelledby="mapped-preview-title">
      <h3 id="mapped-preview-title" className="section-title">
        Preview after mapping
      </h3>
      {rows.length === 0 ? (
        <p className="muted">The export has no rows under its header.</p>
      ) : refused === 0 ? (
        <p className="note note-success" role="status">
          All {rows.length} preview rows are valid.
        </p>
      ) : (
        <p className="note note-warning" role="status">
          {refused} of {rows.length} preview rows would be refused: the marked cells say why{shown.length < rows.length ? ' (the table shows the first rows and the refused ones)' : ''}.
        </p>
      )}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="data-table mapped-table">
            <caption className="visually-hidden">The first rows of the export as charges.csv rows</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {FILE_SPECS.charges.columns.map((c) => (
                  <th key={c.name} scope="col" className="mono">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.line}>
                  <th scope="row" className="numeric">
                    {row.line}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.field} className={cell.problem ? 'sample-bad' : undefined} title={cell.problem ?? undefined}>
                      <span className="mono">{cell.text}</span>
                      {cell.problem && <span className="visually-hidden">: {cell.problem}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
