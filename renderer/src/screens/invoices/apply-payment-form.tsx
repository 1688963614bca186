/** Applies part of a payment's unapplied cash to one open invoice of its sponsor, as a whole or to one of its lines. */
import { useCallback, useRef, useState } from 'react';
import type { PaymentApplicationInput } from '../../../../shared/contract/invoicing.ts';
import type { PaymentRow } from '../../../../shared/invoicing/report-types.ts';
import type { InvoiceDetail } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { useLoad } from '../../use-load.ts';
import { centsToDecimalString } from '../../../../shared/domain/money.ts';
import { formatCents, localToday, parseAmountInput } from './format.ts';
import { useAction } from './use-action.ts';

export interface ApplyPaymentFormProps {
  readonly payment: PaymentRow;
  readonly onApplied: () => void;
}

export function ApplyPaymentForm({ payment, onApplied }: ApplyPaymentFormProps) {
  const api = useApi();
  const action = useAction();
  // Open invoices of the sponsor, oldest due first: aging lists every issued invoice with a balance.
  const load = useCallback(() => api.receivablesAging({ sponsor: payment.sponsor, asOf: localToday() }), [api, payment.sponsor]);
  const { state } = useLoad(load);
  const open = state.status === 'ready' ? state.data.invoices : [];
  const [invoiceId, setInvoiceId] = useState<number | null>(null);
  const [detail, setDetail] = useState<InvoiceDetail | null>(null);
  const [lineId, setLineId] = useState<number | null>(null);
  const [amount, setAmount] = useState('');
  const latest = useRef<number | null>(null);
  // The amount proposed is what is open on the target, up to the cash left on the payment.
  const propose = (openCents: number): void => setAmount(centsToDecimalString(Math.max(0, Math.min(openCents, payment.unappliedCents))));

  const chooseInvoice = (id: number | null): void => {
    latest.current = id;
    setInvoiceId(id);
    setDetail(null);
    setLineId(null);
    const invoice = open.find((i) => i.id === id);
    if (invoice) propose(invoice.balanceCents);
    else setAmount('');
    // Without the detail only the whole invoice can be chosen, which still works: a failed lookup is not an error here.
    if (id !== null) api.invoicesGet({ invoiceId: id }).then((d) => latest.current === id && setDetail(d), () => undefined);
  };
  const chooseLine = (id: number | null): void => {
    setLineId(id);
    const line = detail?.lines.find((l) => l.id === id);
    propose(line ? line.openCents : (open.find((i) => i.id === invoiceId)?.balanceCents ?? 0));
  };

  const cents = parseAmountInput(amount);
  const submit = (): void => {
    if (invoiceId === null || cents === null) return;
    const application: PaymentApplicationInput = { invoiceId, amountCents: cents, ...(lineId !== null ? { lineId } : {}) };
    void action.run('Applying…', async () => (await api.paymentsApply({ paymentId: payment.id, applications: [application] }), onApplied()));
  };
  return (
    <form className="inv-form-row inv-apply" aria-label={`Apply payment ${payment.reference}`} onSubmit={(e) => (e.preventDefault(), submit())}>
      <label>
        <span className="field-label">Invoice</span>
        <select className="select" value={invoiceId ?? ''} onChange={(e) => chooseInvoice(e.target.value === '' ? null : Number(e.target.value))} required>
          <option value="">{open.length === 0 ? 'No open invoice' : 'Choose…'}</option>
          {open.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number} · {i.studyId} · due {i.dueDate} · open {formatCents(i.balanceCents)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">Line (optional)</span>
        <select className="select" value={lineId ?? ''} onChange={(e) => chooseLine(e.target.value === '' ? null : Number(e.target.value))} disabled={!detail}>
          <option value="">Whole invoice</option>
          {detail?.lines
            .filter((l) => !l.removed && l.openCents > 0)
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.subjectId ?? 'Study'} {l.visitCode} {l.cptHcpcs ?? ''} · open {formatCents(l.openCents)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span className="field-label">Amount ($)</span>
        <input className="input inv-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={amount !== '' && cents === null} required />
      </label>
      <button type="submit" className="button button-primary" disabled={action.busy !== null || invoiceId === null || cents === null}>
        Apply
      </button>
      {action.error && <p className="note note-error inv-full">{action.error}</p>}
    </form>
  );
}
