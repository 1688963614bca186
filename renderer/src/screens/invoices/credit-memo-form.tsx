/** Issues a credit memo for chosen lines of an issued invoice (all uncredited lines by default), with its reason. */
import { useState } from 'react';
import type { InvoiceDetail } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { formatCents } from './format.ts';
import { useAction } from './use-action.ts';

export interface CreditMemoFormProps {
  readonly invoice: InvoiceDetail;
  readonly onIssued: (memoId: number) => void;
}

export function CreditMemoForm({ invoice, onIssued }: CreditMemoFormProps) {
  const api = useApi();
  const action = useAction();
  const creditable = invoice.lines.filter((l) => !l.removed && l.creditedBy === null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set(creditable.map((l) => l.id)));
  const [reason, setReason] = useState('');
  const total = creditable.filter((l) => chosen.has(l.id)).reduce((s, l) => s + l.netCents, 0);
  const toggle = (id: number): void => setChosen((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id])));
  if (creditable.length === 0) return <p className="muted">Every line of this invoice is credited.</p>;
  return (
    <form
      className="inv-stack"
      aria-label="Credit memo"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run('Issuing the credit memo…', async () => {
          const memo = await api.invoicesCreditMemo({ invoiceId: invoice.id, lineIds: [...chosen], reason });
          onIssued(memo.id);
        });
      }}
    >
      <p className="muted">An issued invoice never changes. A credit memo reverses whole lines with its own number; credited items can be invoiced again.</p>
      <fieldset className="inv-credit-lines">
        <legend>Lines to credit</legend>
        {creditable.map((l) => (
          <label key={l.id} className="inv-check">
            <input type="checkbox" checked={chosen.has(l.id)} onChange={() => toggle(l.id)} /> {l.serviceDate} · {l.subjectId ?? 'Study'} · {l.visitCode} · {l.description} · {formatCents(l.netCents)}
          </label>
        ))}
      </fieldset>
      <div className="inv-form-row">
        <label className="inv-grow">
          <span className="field-label">Reason</span>
          <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} placeholder="Why these lines are credited (required)" />
        </label>
        <button type="submit" className="button" disabled={action.busy !== null || chosen.size === 0 || reason.trim().length < 3}>
          Issue credit memo for {formatCents(total)}
        </button>
      </div>
      {action.error && <p className="note note-error">{action.error}</p>}
    </form>
  );
}
