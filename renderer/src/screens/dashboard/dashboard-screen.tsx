/**
 * The dashboard: dollars at risk (open and confirmed findings) split into compliance exposure,
 * denial risk, revenue leakage and review; by rule and by study; open findings by age; and the
 * monthly trend. Charts, each with its numbers as a table for screen readers. A rule or study bar
 * opens the queue filtered to it.
 */
import { useCallback, useState } from 'react';
import type { FindingFilter } from '../../../../shared/contract/findings.ts';
import { AT_RISK_STATUSES } from '../../../../shared/contract/findings-insights.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { RunChecks } from '../../components/run-checks.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { CATEGORY_LABEL, SEVERITY_LABEL } from '../findings/finding-labels.ts';
import { ChartCard } from './chart-card.tsx';
import { AgeChart, RuleChart, StudyChart, TrendChart } from './dashboard-charts.tsx';
import { CATEGORIES, SEVERITIES, monthLabel, pivotAgeing, pivotByStudy, pivotTrend } from './dashboard-data.ts';
import './dashboard.css';
import '../findings/findings.css';
import '../../styles/controls.css';

export interface DashboardScreenProps {
  readonly onSettled?: (state: ScreenState) => void;
  readonly onOpenFindings: (filter: FindingFilter) => void;
}

export function DashboardScreen({ onSettled, onOpenFindings }: DashboardScreenProps) {
  const api = useApi();
  const [study, setStudy] = useState('');
  const [basis, setBasis] = useState<'opened' | 'service'>('opened');
  const [measure, setMeasure] = useState<'count' | 'amount'>('count');
  const studyIds = study === '' ? undefined : [study];
  const loadStudies = useCallback(() => api.studiesList(), [api]);
  const studies = useLoad(loadStudies).state;
  const loadRisk = useCallback(() => api.findingsAtRisk(studyIds ? { studyIds } : {}), [api, study]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state: risk, reload } = useLoad(loadRisk);
  const loadTrend = useCallback(() => api.findingsTrend({ basis, ...(studyIds ? { studyIds } : {}) }), [api, study, basis]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state: trend, reload: reloadTrend } = useLoad(loadTrend);
  useReportScreenState(risk.status === 'error' ? 'error' : risk.status === 'ready' && trend.status !== 'loading' ? 'ready' : 'loading', onSettled);

  const open = (filter: FindingFilter): void => onOpenFindings({ ...filter, ...(studyIds ? { studyIds } : {}), statuses: [...AT_RISK_STATUSES] });
  const data = risk.status === 'ready' ? risk.data : null;
  const total = data?.totals.reduce((n, t) => n + t.amountCents, 0) ?? 0;
  const count = data?.totals.reduce((n, t) => n + t.count, 0) ?? 0;
  const byStudy = data ? pivotByStudy(data.byStudy) : [];
  const ages = data ? pivotAgeing(data.ageing) : [];
  const trendRows = trend.status === 'ready' ? pivotTrend(trend.data, measure) : [];
  // Before the checks have run (or once every finding is decided) the charts have nothing to draw.
  const noRisk = count === 0 ? NO_RISK : null;
  const noneOpen = ages.every((a) => SEVERITIES.every((s) => a[s] === 0)) ? { title: 'No open findings', message: 'Nothing to age by days open. Run the checks to find what needs work.' } : null;
  const noTrend = trend.status === 'ready' && trendRows.length === 0 ? { title: 'No findings yet', message: 'Nothing to count by month. Run the checks to find what needs work.' } : null;

  return (
    <section className="screen dashboard" aria-labelledby="dashboard-title">
      <header className="screen-header">
        <h1 id="dashboard-title">Dashboard</h1>
        <p className="screen-subtitle">Open and confirmed findings{data ? ` as of ${data.asOf}` : ''}</p>
        <span className="toolbar-spacer" />
        <label className="filter-field">
          <span className="filter-field-label">Study</span>
          <select className="select" value={study} onChange={(e) => setStudy(e.target.value)}>
            <option value="">All studies</option>
            {studies.status === 'ready' && studies.data.map((s) => <option key={s.studyId} value={s.studyId}>{s.studyId}</option>)}
          </select>
        </label>
      </header>
      {risk.status === 'loading' && <LoadingState label="Adding up the dollars at risk…" />}
      {risk.status === 'error' && <ErrorState title="The dashboard could not be loaded." message={risk.message} onRetry={reload} />}
      {data && (
        <>
          <ul className="kpis" aria-label="Dollars at risk">
            <li className="kpi kpi-total">
              <span className="kpi-label">At risk</span>
              <span className="kpi-value" data-kpi="total">{formatCents(total)}</span>
              <span className="kpi-note">{formatCount(count)} findings to act on</span>
            </li>
            {CATEGORIES.map((c) => {
              const t = data.totals.find((x) => x.category === c);
              return (
                <li key={c} className={`kpi kpi-${c}`}>
                  <span className="kpi-label">{CATEGORY_LABEL[c]}</span>
                  <span className="kpi-value" data-kpi={c}>{formatCents(t?.amountCents ?? 0)}</span>
                  <span className="kpi-note">{formatCount(t?.count ?? 0)} findings</span>
                </li>
              );
            })}
          </ul>
          {count === 0 && (
            <div className="state-panel dashboard-empty">
              <p className="state-title">Nothing to act on{study ? ` in ${study}` : ''}</p>
              <p>No open or confirmed findings. Run the compliance checks on the imported charges to see the dollars at risk.</p>
              <RunChecks onDone={() => (reload(), reloadTrend())} />
            </div>
          )}
          <div className="chart-grid">
            <ChartCard id="chart-rules" title="Dollars at risk by rule" subtitle="Coloured by category; choose a bar to work through its findings" table={{ columns: ['Rule', 'Title', 'Category', 'Findings', 'Dollars'], rows: data.byRule.map((r) => [r.rule, r.title, CATEGORY_LABEL[r.category], r.count, formatCents(r.amountCents)]) }} empty={noRisk}>
              <RuleChart rules={data.byRule} onRule={(rule) => open({ rules: [rule] })} />
            </ChartCard>
            <ChartCard id="chart-studies" title="Dollars at risk by study" subtitle="Compliance exposure against revenue leakage and denial risk" table={{ columns: ['Study', ...CATEGORIES.map((c) => CATEGORY_LABEL[c])], rows: byStudy.map((s) => [s.study, ...CATEGORIES.map((c) => formatCents(Math.round(s[c] * 100)))]) }} empty={noRisk}>
              <StudyChart studies={byStudy} onStudy={(s) => open(s === 'No study' ? { withoutStudy: true } : { studyIds: [s] })} />
            </ChartCard>
            <ChartCard id="chart-ages" title="Open findings by age" subtitle="Days since each finding was opened, by severity" table={{ columns: ['Age', ...SEVERITIES.map((s) => SEVERITY_LABEL[s])], rows: ages.map((a) => [a.bucket, ...SEVERITIES.map((s) => a[s])]) }} empty={noneOpen}>
              <AgeChart ages={ages} />
            </ChartCard>
            <ChartCard
              id="chart-trend"
              title="Findings by month"
              subtitle={basis === 'opened' ? 'By the month the checks opened them' : 'By the month of the service they are about'}
              table={{ columns: ['Month', ...CATEGORIES.map((c) => CATEGORY_LABEL[c])], rows: trendRows.map((r) => [monthLabel(r.month), ...CATEGORIES.map((c) => (measure === 'count' ? r[c] : formatCents(Math.round(r[c] * 100))))]) }}
              actions={<TrendToggles basis={basis} measure={measure} onBasis={setBasis} onMeasure={setMeasure} />}
              empty={noTrend}
            >
              {trend.status === 'ready' ? <TrendChart rows={trendRows} measure={measure} /> : <p className="muted">Loading…</p>}
            </ChartCard>
          </div>
        </>
      )}
    </section>
  );
}

const NO_RISK = { title: 'No dollars at risk', message: 'No open or confirmed findings to total. Run the checks to find what needs work.' };

interface TogglesProps {
  readonly basis: 'opened' | 'service';
  readonly measure: 'count' | 'amount';
  readonly onBasis: (b: 'opened' | 'service') => void;
  readonly onMeasure: (m: 'count' | 'amount') => void;
}

function TrendToggles({ basis, measure, onBasis, onMeasure }: TogglesProps) {
  return (
    <div className="chart-toggles">
      <div className="segmented" role="radiogroup" aria-label="Month of">
        <button type="button" role="radio" aria-checked={basis === 'opened'} className="segmented-option" onClick={() => onBasis('opened')}>Opened</button>
        <button type="button" role="radio" aria-checked={basis === 'service'} className="segmented-option" onClick={() => onBasis('service')}>Service</button>
      </div>
      <div className="segmented" role="radiogroup" aria-label="Measure">
        <button type="button" role="radio" aria-checked={measure === 'count'} className="segmented-option" onClick={() => onMeasure('count')}>Count</button>
        <button type="button" role="radio" aria-checked={measure === 'amount'} className="segmented-option" onClick={() => onMeasure('amount')}>Dollars</button>
      </div>
    </div>
  );
}
