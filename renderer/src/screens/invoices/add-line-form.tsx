/**
 * Adds a line to a draft by hand, always with a reason: an occurrence of an invoiceable item (SAE
 * report, re-consent, IRB continuing review...), a calendar item of a subject's visit, or a
 * free-text line (outside the CTA: only with the sponsor's agreement). CTA items are priced from
 * the CTA by the backend; only free-text lines take an amount.
 */
import { useCallback, useState } from 'react';
import type { ManualLineInput } from '../../../../shared/contract/invoicing.ts';
import { useApi } from '../../api-context.tsx';
import { useLoad } from '../../use-load.ts';
import { formatCents, parseAmountInput } from './format.ts';

type Kind = ManualLineInput['kind'];

export interface AddLineFormProps {
  readonly studyId: string;
  readonly defaultDate: string;
  readonly busy: boolean;
  readonly onAdd: (line: ManualLineInput) => Promise<boolean>;
}

export function AddLineForm({ studyId, defaultDate, busy, onAdd }: AddLineFormProps) {
  const api = useApi();
  const load = useCallback(() => api.invoicesDraftOptions({ studyId }), [api, studyId]);
  const { state } = useLoad(load);
  const [kind, setKind] = useState<Kind>('invoiceable');
  const [itemCode, setItemCode] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [calendarItem, setCalendarItem] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const options = state.status === 'ready' ? state.data : { invoiceables: [], subjects: [], calendarItems: [] };
  const amountCents = parseAmountInput(amount);

  const line = (): ManualLineInput | null => {
    if (reason.trim().length < 3) return null;
    if (kind === 'invoiceable') return itemCode === '' ? null : { kind, itemCode, ...(subjectId ? { subjectId } : {}), serviceDate: date, reason };
    if (kind === 'visit-item') {
      const [visitCode, cptHcpcs] = calendarItem.split('|');
      return subjectId && visitCode && cptHcpcs ? { kind, subjectId, visitCode, cptHcpcs, ...(date ? { serviceDate: date } : {}), reason } : null;
    }
    return description.trim().length >= 3 && amountCents !== null ? { kind, description, amountCents, serviceDate: date, ...(subjectId ? { subjectId } : {}), overheadApplies: true, holdbackApplies: true, reason } : null;
  };
  const ready = line();
  const submit = async (): Promise<void> => {
    if (ready && (await onAdd(ready))) {
      setReason('');
      setDescription('');
      setAmount('');
    }
  };

  return (
    <form className="inv-add" aria-labelledby="add-line-title" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h3 id="add-line-title" className="inv-h3">
        Add a line by hand
      </h3>
      <div className="inv-form-row">
        <label>
          <span className="field-label">What</span>
          <select className="select" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="invoiceable">Invoiceable item (SAE, re-consent, fee…)</option>
            <option value="visit-item">Calendar item of a visit</option>
            <option value="other">Other (outside the CTA)</option>
          </select>
        </label>
        {kind === 'invoiceable' && (
          <label>
            <span className="field-label">Item</span>
            <select className="select" value={itemCode} onChange={(e) => setItemCode(e.target.value)} required>
              <option value="">Choose…</option>
              {options.invoiceables.map((i) => (
                <option key={i.itemCode} value={i.itemCode}>
                  {i.itemCode} · {i.description} · {formatCents(i.amountCents)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'visit-item' && (
          <label>
            <span className="field-label">Visit and procedure</span>
            <select className="select" value={calendarItem} onChange={(e) => setCalendarItem(e.target.value)} required>
              <option value="">Choose…</option>
              {options.calendarItems.map((c) => (
                <option key={`${c.visitCode}|${c.cptHcpcs}`} value={`${c.visitCode}|${c.cptHcpcs}`}>
                  {c.visitCode} · {c.cptHcpcs} {c.description} · {formatCents(c.priceCents)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'other' && (
          <>
            <label className="inv-grow">
              <span className="field-label">Description</span>
              <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} required minLength={3} />
            </label>
            <label>
              <span className="field-label">Amount ($)</span>
              <input className="input inv-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={amount !== '' && amountCents === null} required />
            </label>
          </>
        )}
        <label>
          <span className="field-label">Subject{kind === 'visit-item' ? '' : ' (if any)'}</span>
          <select className="select" value={subjectId} onChange={(e) => setSubjectId(e.target.value)} required={kind === 'visit-item'}>
            <option value="">{kind === 'visit-item' ? 'Choose…' : 'Study level'}</option>
            {options.subjects.map((s) => (
              <option key={s.subjectId} value={s.subjectId}>
                {s.subjectId} ({s.status.toLowerCase().replace('_', ' ')})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">Date</span>
          <input className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} required={kind !== 'visit-item'} />
        </label>
        <label className="inv-grow">
          <span className="field-label">Reason</span>
          <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why this line is added (required)" required minLength={3} />
        </label>
        <button type="submit" className="button" disabled={busy || ready === null}>
          Add line
        </button>
      </div>
    </form>
  );
}
