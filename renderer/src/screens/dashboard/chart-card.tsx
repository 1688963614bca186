/**
 * A chart with its title and what it shows, and the same numbers as a table for screen readers
 * (the chart itself is an image to them).
 */
import type { ReactNode } from 'react';

export interface ChartCardProps {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly children: ReactNode;
  /** Column headings and rows of the accessible table. */
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] };
  readonly actions?: ReactNode;
}

export function ChartCard({ id, title, subtitle, children, table, actions }: ChartCardProps) {
  return (
    <figure className="card chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <div className="chart-head">
        <div>
          <h2 id={`${id}-title`} className="section-title">
            {title}
          </h2>
          <p className="muted chart-subtitle">{subtitle}</p>
        </div>
        {actions}
      </div>
      <div className="chart-body" aria-hidden="true">
        {children}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
