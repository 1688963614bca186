/** Records a sponsor payment as it arrived: sponsor, date received, amount, check/EFT reference, method. */
import { useState } from 'react';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/invoicing/report-types.ts';
import { useApi } from '../../api-context.tsx';
import { localToday, parseAmountInput } from './format.ts';
import { useAction } from './use-action.ts';

export interface RecordPaymentFormProps {
  readonly sponsors: readonly string[];
  readonly onRecorded: () => void;
}

export function RecordPaymentForm({ sponsors, onRecorded }: RecordPaymentFormProps) {
  const api = useApi();
  const action = useAction();
  const [sponsor, setSponsor] = useState(sponsors[0] ?? '');
  const [receivedDate, setReceivedDate] = useState(localToday());
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('ACH');
  const [note, setNote] = useState('');
  const cents = parseAmountInput(amount);
  const submit = (): void => {
    if (cents === null) return;
    void action.run('Recording…', async () => {
      await api.paymentsRecord({ sponsor, receivedDate, amountCents: cents, reference, method, ...(note.trim() ? { note } : {}) });
      setAmount('');
      setReference('');
      setNote('');
      onRecorded();
    });
  };
  return (
    <form className="card" aria-labelledby="record-payment-title" onSubmit={(e) => (e.preventDefault(), submit())}>
      <div className="card-body">
        <h2 id="record-payment-title" className="section-title">
          Record a payment
        </h2>
        <div className="inv-form-row">
          <label>
            <span className="field-label">Sponsor</span>
            <select className="select" value={sponsor} onChange={(e) => setSponsor(e.target.value)} required>
              {sponsors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Received</span>
            <input className="input" type="date" value={receivedDate} onChange={(e) => setReceivedDate(e.target.value)} required />
          </label>
          <label>
            <span className="field-label">Amount ($)</span>
            <input className="input inv-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={amount !== '' && cents === null} required />
          </label>
          <label>
            <span className="field-label">Method</span>
            <select className="select" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
              {PAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Reference</span>
            <input className="input" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="Check or EFT trace number" required />
          </label>
          <label className="inv-grow">
            <span className="field-label">Note</span>
            <input className="input" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Remittance advice, visits named…" />
          </label>
          <button type="submit" className="button button-primary" disabled={action.busy !== null || cents === null || reference.trim() === '' || sponsor === ''}>
            Record payment
          </button>
        </div>
        {amount !== '' && cents === null && <p className="note note-warning">Enter the amount in dollars, e.g. 1,234.56.</p>}
        {action.error && <p className="note note-error">{action.error}</p>}
      </div>
    </form>
  );
}
