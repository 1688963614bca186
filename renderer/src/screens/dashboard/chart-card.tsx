/**
 * A chart with its title and what it shows, and the same numbers as a table for screen readers
 * (the chart itself is an image to them); or, with nothing to draw, an empty state that says so
 * (an empty chart draws a meaningless $0-$4 axis).
 */
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';

export interface ChartCardProps {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly children: ReactNode;
  /** Column headings and rows of the accessible table. */
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number)[])[] };
  readonly actions?: ReactNode;
  /** Shown instead of the chart and its table when there is nothing to draw. */
  readonly empty?: { readonly title: string; readonly message: string } | null;
}

export function ChartCard({ id, title, subtitle, children, table, actions, empty = null }: ChartCardProps) {
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
      {empty ? (
        <EmptyState title={empty.title}>
          <p>{empty.message}</p>
        </EmptyState>
      ) : (
        <ChartWithTable title={title} table={table}>
          {children}
        </ChartWithTable>
      )}
    </figure>
  );
}

function ChartWithTable({ title, table, children }: Pick<ChartCardProps, 'title' | 'table' | 'children'>) {
  return (
    <>
      <div className="chart-body" aria-hidden="true">
        {children}
      </div>
      {/* Hidden by a wrapper: a table ignores the class's width: 1px and, ~800 px wide, scrolled narrow windows sideways. */}
      <div className="visually-hidden">
        <table>
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
      </div>
    </>
  );
}
