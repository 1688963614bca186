/**
 * Receivables aging as of a chosen day: open balances per sponsor in 0-30, 31-60, 61-90 and over-90
 * days past the due date (HFMA aged A/R, STUDYLIB-MAP), what is overdue, unapplied cash to match
 * first, and every open invoice oldest first.
 */
import { useCallback, useState } from 'react';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { AgingChart } from './aging-chart.tsx';
import { AGING_BUCKETS, AGING_LABELS, dueText, formatCents, localToday } from './format.ts';

export interface AgingScreenProps {
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
  readonly onOpenInvoice: (invoiceId: number) => void;
}

export function AgingScreen({ onSettled, onOpenInvoice }: AgingScreenProps) {
  const api = useApi();
  const [asOf, setAsOf] = useState(localToday());
  const load = useCallback(() => api.receivablesAging({ asOf }), [api, asOf]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  return (
    <div className="inv-stack">
      <div className="toolbar">
        <label className="inv-inline-field">
          <span>As of</span>
          <input className="input" type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
      </div>
      {state.status === 'loading' && <LoadingState label="Aging receivables…" />}
      {state.status === 'error' && <ErrorState title="The receivables could not be aged." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.sponsors.length === 0 && <p className="muted">Nothing is owed: no issued invoice has an open balance.</p>}
      {state.status === 'ready' && state.data.sponsors.length > 0 && (
        <>
          <div className="card">
            <div className="card-body">
              <h2 className="section-title">By sponsor, as of {state.data.asOf}</h2>
              {/* With nothing open (a sponsor listed only for unapplied cash) the chart would be bare $0-$4 axes. */}
              {state.data.totals.totalCents > 0 && <AgingChart sponsors={state.data.sponsors} />}
              <div className="table-scroll">
                <table className="data-table" aria-label="Receivables by sponsor and days past due">
                  <thead>
                    <tr>
                      <th scope="col">Sponsor</th>
                      {AGING_BUCKETS.map((b) => (
                        <th key={b} scope="col" className="numeric">
                          {AGING_LABELS[b]}
                        </th>
                      ))}
                      <th scope="col" className="numeric">Total open</th>
                      <th scope="col" className="numeric">Overdue</th>
                      <th scope="col" className="numeric">Unapplied cash</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.data.sponsors.map((s) => (
                      <tr key={s.sponsor}>
                        <th scope="row">{s.sponsor}</th>
                        {AGING_BUCKETS.map((b) => (
                          <td key={b} className="numeric">
                            {formatCents(s.amounts[b])}
                          </td>
                        ))}
                        <td className="numeric">{formatCents(s.amounts.totalCents)}</td>
                        <td className="numeric">
                          <strong>{formatCents(s.amounts.overdueCents)}</strong>
                        </td>
                        <td className="numeric">{formatCents(s.unappliedCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
          <div className="card">
            <div className="card-body">
              <h2 className="section-title">Open invoices, oldest first</h2>
              {state.data.invoices.length === 0 && <p className="muted">No open invoice: every issued invoice is paid or credited.</p>}
              <ul className="inv-aging-list">
                {state.data.invoices.map((i) => (
                  <li key={i.id}>
                    <button type="button" className="button-link" onClick={() => onOpenInvoice(i.id)}>
                      {i.number}
                    </button>{' '}
                    {i.sponsor} · due {i.dueDate} ({dueText(i.daysPastDue)}) · <span className="inv-bucket">{AGING_LABELS[i.bucket]}</span> · open <strong>{formatCents(i.balanceCents)}</strong>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
