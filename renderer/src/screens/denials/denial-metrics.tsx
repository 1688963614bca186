/**
 * Denial metrics (definitions in shared/denials/metric-definitions.ts): the totals, then each metric
 * by month, payer, study or reason code as a chart with its definition and sources next to it.
 */
import { useCallback, useState } from 'react';
import { metricDefinition, type MetricId } from '../../../../shared/denials/metric-definitions.ts';
import type { MetricDimension, MetricsReport, MetricValues } from '../../../../shared/denials/metrics.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { days, percent } from './format.ts';
import { MetricChart } from './metric-chart.tsx';

const DIMENSIONS: readonly { readonly id: MetricDimension; readonly label: string; readonly rows: keyof Omit<MetricsReport, 'totals'> }[] = [
  { id: 'month', label: 'Month', rows: 'byMonth' },
  { id: 'payer', label: 'Payer', rows: 'byPayer' },
  { id: 'study', label: 'Study', rows: 'byStudy' },
  { id: 'code', label: 'Reason code', rows: 'byCode' },
];

interface Plot {
  readonly id: MetricId;
  readonly value: (v: MetricValues) => number | null;
  readonly format: (n: number | null) => string;
  readonly basis: (v: MetricValues) => string;
}

const PLOTS: readonly Plot[] = [
  { id: 'initial-denial-rate', value: (v) => v.initialDenialRate, format: percent, basis: (v) => `${formatCount(v.deniedClaims)} of ${formatCount(v.claims)} claim${v.claims === 1 ? '' : 's'}` },
  { id: 'initial-denial-rate-dollars', value: (v) => v.initialDenialRateDollars, format: percent, basis: (v) => `${formatCents(v.deniedCents)} of ${formatCents(v.chargeCents)}` },
  { id: 'overturn-rate', value: (v) => v.overturnRate, format: percent, basis: (v) => `${formatCount(v.appealsOverturned)} of ${formatCount(v.appealsDecided)} decided appeal${v.appealsDecided === 1 ? '' : 's'}` },
  { id: 'days-to-appeal', value: (v) => v.meanDaysToAppeal, format: days, basis: (v) => `${formatCount(v.appealed)} appealed, median ${days(v.medianDaysToAppeal)}` },
  { id: 'days-to-resolution', value: (v) => v.meanDaysToResolution, format: days, basis: (v) => `${formatCount(v.resolved)} resolved, median ${days(v.medianDaysToResolution)}` },
  { id: 'recovery-rate', value: (v) => v.recoveryRate, format: percent, basis: (v) => `${formatCents(v.recoveredCents)} of ${formatCents(v.appealedDeniedCents)} appealed` },
];

/** The Metrics tab: totals and every metric by the chosen dimension. */
export function DenialMetrics({ onSettled }: { readonly onSettled?: ((state: ScreenState) => void) | undefined }) {
  const api = useApi();
  const [dimension, setDimension] = useState<MetricDimension>('month');
  const load = useCallback(() => api.denialsMetrics({}), [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Computing the metrics…" />;
  if (state.status === 'error') return <ErrorState title="The metrics could not be computed." message={state.message} onRetry={reload} />;
  const report = state.data;
  const dim = DIMENSIONS.find((d) => d.id === dimension) ?? (DIMENSIONS[0] as (typeof DIMENSIONS)[number]);
  const t = report.totals;
  return (
    <div className="den-metrics">
      <dl className="den-summary" aria-label="Totals">
        <div>
          <dt>Initial denial rate</dt>
          <dd>{percent(t.initialDenialRate)}</dd>
        </div>
        <div>
          <dt>By dollars</dt>
          <dd>{percent(t.initialDenialRateDollars)}</dd>
        </div>
        <div>
          <dt>Overturn rate</dt>
          <dd>{percent(t.overturnRate)}</dd>
        </div>
        <div>
          <dt>Days to appeal</dt>
          <dd>{days(t.meanDaysToAppeal)}</dd>
        </div>
        <div>
          <dt>Days to resolution</dt>
          <dd>{days(t.meanDaysToResolution)}</dd>
        </div>
        <div>
          <dt>Recovery</dt>
          <dd>{percent(t.recoveryRate)}</dd>
        </div>
      </dl>
      <div className="toolbar" role="group" aria-label="Break the metrics down by">
        <span className="muted">Break down by</span>
        {DIMENSIONS.map((d) => (
          <button key={d.id} type="button" className="button button-small" aria-pressed={d.id === dimension} onClick={() => setDimension(d.id)}>
            {d.label}
          </button>
        ))}
      </div>
      <div className="den-metric-grid">
        {PLOTS.map((p) => (
          <MetricChart key={`${p.id}-${dim.id}`} definition={metricDefinition(p.id)} rows={report[dim.rows]} value={p.value} format={p.format} basis={p.basis} dimension={dim.label} />
        ))}
      </div>
    </div>
  );
}
