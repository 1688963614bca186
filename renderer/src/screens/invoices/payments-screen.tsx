/**
 * Sponsor payments: record what arrived (amount, date, check/EFT reference), apply it to invoices or
 * to their lines, and see what is left unapplied (over-payments and cash not yet matched: a payment
 * often arrives before anyone knows which visits it covers, ITHS-ACH, YUDI).
 */
import { useCallback, useState } from 'react';
import type { PaymentRow } from '../../../../shared/invoicing/report-types.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { ApplyPaymentForm } from './apply-payment-form.tsx';
import { formatCents } from './format.ts';
import { RecordPaymentForm } from './record-payment-form.tsx';
import { useAction } from './use-action.ts';

export interface PaymentsScreenProps {
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
  readonly onOpenInvoice: (invoiceId: number) => void;
}

export function PaymentsScreen({ onSettled, onOpenInvoice }: PaymentsScreenProps) {
  const api = useApi();
  const load = useCallback(async () => {
    const [payments, studies] = await Promise.all([api.paymentsList({}), api.studiesList()]);
    return { payments, sponsors: [...new Set(studies.map((s) => s.sponsor))].sort() };
  }, [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Loading payments…" />;
  if (state.status === 'error') return <ErrorState title="The payments could not be loaded." message={state.message} onRetry={reload} />;
  const { payments, sponsors } = state.data;
  return (
    <div className="inv-stack">
      <RecordPaymentForm sponsors={sponsors} onRecorded={reload} />
      <div className="card">
        <div className="card-body">
          <h2 className="section-title">Payments received</h2>
          {payments.length === 0 ? <p className="muted">No payment recorded yet.</p> : payments.map((p) => <PaymentCard key={p.id} payment={p} onChanged={reload} onOpenInvoice={onOpenInvoice} />)}
        </div>
      </div>
    </div>
  );
}

function PaymentCard({ payment: p, onChanged, onOpenInvoice }: { readonly payment: PaymentRow; readonly onChanged: () => void; readonly onOpenInvoice: (id: number) => void }) {
  const api = useApi();
  const action = useAction();
  const [applying, setApplying] = useState(false);
  return (
    <section className="inv-payment" aria-label={`Payment ${p.reference}`}>
      <header className="inv-payment-head">
        <div>
          <strong>{formatCents(p.amountCents)}</strong> from {p.sponsor} · {p.method} {p.reference} · received {p.receivedDate}
          {p.note && <span className="inv-sub">{p.note}</span>}
        </div>
        <div className="inv-payment-sums">
          <span>Applied {formatCents(p.appliedCents)}</span>
          <span className={p.unappliedCents > 0 ? 'inv-unapplied' : ''} data-testid="unapplied">
            Unapplied {formatCents(p.unappliedCents)}
          </span>
          {p.unappliedCents > 0 && (
            <button type="button" className="button button-small" aria-expanded={applying} onClick={() => setApplying((a) => !a)}>
              Apply…
            </button>
          )}
        </div>
      </header>
      {p.applications.length > 0 && (
        <ul className="inv-applications">
          {p.applications.map((a) => (
            <li key={a.id}>
              {formatCents(a.amountCents)} to{' '}
              <button type="button" className="button-link" onClick={() => onOpenInvoice(a.invoiceId)}>
                {a.invoiceNumber}
              </button>
              {a.lineLabel && ` line ${a.lineLabel}`} ({a.studyId}){' '}
              <button type="button" className="button button-small" disabled={action.busy !== null} onClick={() => void action.run('Taking back…', async () => (await api.paymentsUnapply({ applicationId: a.id }), onChanged()))}>
                Take back
              </button>
            </li>
          ))}
        </ul>
      )}
      {action.error && <p className="note note-error">{action.error}</p>}
      {applying && <ApplyPaymentForm payment={p} onApplied={() => (setApplying(false), onChanged())} />}
    </section>
  );
}
