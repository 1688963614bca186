/**
 * One metric as a bar chart by month, payer, study or reason code, with its definition and sources
 * beside it (BRIEF 6), and the numbers as a table for those who do not read charts.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORY_AXIS_HEIGHT_PX, CategoryTick } from '../../components/charts/category-tick.tsx';
import type { MetricDefinition } from '../../../../shared/denials/metric-definitions.ts';
import type { MetricRow, MetricValues } from '../../../../shared/denials/metrics.ts';

export interface MetricChartProps {
  readonly definition: MetricDefinition;
  readonly rows: readonly MetricRow[];
  /** The plotted value of a row (null: no data). */
  readonly value: (v: MetricValues) => number | null;
  /** Formats a value for axis, tooltip and table. */
  readonly format: (n: number | null) => string;
  /** What the denominator counts, shown in the table, e.g. "claims". */
  readonly basis: (v: MetricValues) => string;
  /** The dimension's name, e.g. "Month". */
  readonly dimension: string;
}

const COLOR = '#1d5566';

/** One metric by one dimension: chart, definition, table. */
export function MetricChart({ definition, rows, value, format, basis, dimension }: MetricChartProps) {
  const data = rows.map((r) => ({ key: r.key, value: value(r.values) }));
  const id = `den-metric-${definition.id}-${dimension.toLowerCase()}`;
  return (
    <figure className="card den-metric" aria-labelledby={`${id}-title`}>
      <div className="card-body">
        <h3 id={`${id}-title`} className="section-title">
          {definition.title} by {dimension.toLowerCase()}
        </h3>
        {data.every((d) => d.value === null) ? (
          // No row has a value (e.g. no appeal decided yet): empty axes would look like a zero.
          <p className="muted">No data yet.</p>
        ) : (
          <div className="den-chart" role="img" aria-label={`${definition.title} by ${dimension.toLowerCase()}: ${data.map((d) => `${d.key} ${format(d.value)}`).join('; ')}`}>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="key" interval={0} height={CATEGORY_AXIS_HEIGHT_PX} tick={CategoryTick} />
                <YAxis tickFormatter={(v: number) => format(v)} width={64} />
                <Tooltip formatter={(v) => format(Number(v))} />
                <Bar dataKey="value" name={definition.title} fill={COLOR} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <figcaption className="den-definition">
          <p>
            <strong>Definition.</strong> {definition.formula}
          </p>
          <details>
            <summary>Conventions and sources</summary>
            <p>{definition.conventions}</p>
            {definition.sources.length > 0 ? (
              <ul className="den-sources">
                {definition.sources.map((s) => (
                  <li key={s.key}>
                    [{s.key}] {s.cite}
                  </li>
                ))}
              </ul>
            ) : (
              <p>An application-defined measure (no industry source).</p>
            )}
          </details>
        </figcaption>
        {data.length > 0 && (
          <table className="data-table den-metric-table">
            <caption className="visually-hidden">{`${definition.title} by ${dimension.toLowerCase()}`}</caption>
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col">Basis</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.key}</th>
                  <td className="numeric">{format(value(r.values))}</td>
                  <td className="muted">{basis(r.values)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </figure>
  );
}
