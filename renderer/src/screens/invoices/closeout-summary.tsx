/** The close-out figures: what was owed, invoiced, paid and is outstanding, what was never invoiced, and the holdback with its release invoice. */
import type { CloseoutReport } from '../../../../shared/invoicing/report-types.ts';
import { STATE_LABELS, formatCents } from './format.ts';

export interface CloseoutSummaryProps {
  readonly report: CloseoutReport;
  readonly busy: boolean;
  readonly onRelease: () => void;
  readonly onOpenInvoice: (invoiceId: number) => void;
}

export function CloseoutSummary({ report, busy, onRelease, onOpenInvoice }: CloseoutSummaryProps) {
  const t = report.totals;
  const h = report.holdback;
  return (
    <div className="inv-summary-grid">
      <section className="card" aria-labelledby="co-summary">
        <div className="card-body">
          <h2 id="co-summary" className="section-title">
            {report.study.studyId} as of {report.asOf}
          </h2>
          <dl className="inv-facts" data-testid="closeout-totals">
            <dt>Subjects · completed visits</dt>
            <dd>
              {t.subjects} · {t.completedVisits}
            </dd>
            <dt>Billable items (CTA value)</dt>
            <dd>
              {t.items} ({formatCents(t.ctaCents)})
            </dd>
            <dt>Invoiced</dt>
            <dd>
              {formatCents(t.invoicedCents)} <span className="muted">({formatCents(t.invoicedBeforeCents)} before TrialLedger)</span>
            </dd>
            <dt>Paid</dt>
            <dd>{formatCents(t.paidCents)}</dd>
            <dt>Outstanding</dt>
            <dd>
              <strong>{formatCents(t.outstandingCents)}</strong>
            </dd>
            <dt>Never invoiced</dt>
            <dd className={t.unbilledCount > 0 ? 'inv-overdue' : ''}>
              <strong>
                {t.unbilledCount} item{t.unbilledCount === 1 ? '' : 's'}, {formatCents(t.unbilledCents)}
              </strong>
            </dd>
            <dt>Awaiting sponsor approval</dt>
            <dd>
              {t.awaitingApprovalCount} item{t.awaitingApprovalCount === 1 ? '' : 's'}, {formatCents(t.awaitingApprovalCents)}
            </dd>
            <dt>Unapplied sponsor cash</dt>
            <dd>{formatCents(t.unappliedCashCents)}</dd>
          </dl>
        </div>
      </section>
      <section className="card" aria-labelledby="co-holdback">
        <div className="card-body">
          <h2 id="co-holdback" className="section-title">
            Holdback
          </h2>
          <dl className="inv-facts">
            <dt>Withheld on TrialLedger invoices</dt>
            <dd>
              {formatCents(h.trialLedgerCents)} <span className="muted">(on lines paid in full {formatCents(h.onPaidLinesCents)})</span>
            </dd>
            <dt>Withheld on earlier invoices</dt>
            <dd>
              {formatCents(h.importedEstimateCents)} <span className="muted">(from the CTA terms)</span>
            </dd>
            <dt>To release</dt>
            <dd>
              <strong data-testid="holdback-total">{formatCents(h.totalCents)}</strong>
            </dd>
          </dl>
          {h.release ? (
            <p>
              Release invoice:{' '}
              <button type="button" className="button-link" onClick={() => onOpenInvoice(h.release?.id ?? 0)}>
                {h.release.number ?? 'draft'}
              </button>{' '}
              ({STATE_LABELS[h.release.state]}, {formatCents(h.release.netCents)})
            </p>
          ) : (
            <button type="button" className="button button-primary" disabled={busy || h.totalCents === 0} onClick={onRelease}>
              Draft the holdback release invoice
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
