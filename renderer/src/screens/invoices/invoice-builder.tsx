/**
 * A draft: its lines grouped by subject and visit, removable and restorable with a reason, lines
 * added by hand, the totals breakdown, and Issue (number, date, due date; immutable afterwards).
 */
import { useState } from 'react';
import type { DraftChange, ManualLineInput } from '../../../../shared/contract/invoicing.ts';
import type { InvoiceDetail } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { AddLineForm } from './add-line-form.tsx';
import { DraftLines } from './draft-lines.tsx';
import { formatBasisPoints, localToday } from './format.ts';
import { TotalsPanel } from './totals-panel.tsx';
import { useAction } from './use-action.ts';

export interface InvoiceBuilderProps {
  readonly invoice: InvoiceDetail;
  readonly onChanged: () => void;
  readonly onIssued: () => void;
  readonly onDeleted: () => void;
}

export function InvoiceBuilder({ invoice, onChanged, onIssued, onDeleted }: InvoiceBuilderProps) {
  const api = useApi();
  const action = useAction();
  const [issueDate, setIssueDate] = useState(localToday());
  const s = invoice.study;
  const change = (label: string, changes: DraftChange[]): Promise<boolean> =>
    action.run(label, async () => {
      await api.invoicesUpdateDraft({ invoiceId: invoice.id, changes });
      onChanged();
    });
  const title = invoice.kind === 'HOLDBACK_RELEASE' ? 'Draft holdback release invoice' : 'Draft invoice';
  return (
    <article className="card" aria-labelledby="draft-title">
      <div className="card-body inv-stack">
        <header className="inv-doc-header">
          <div>
            <h2 id="draft-title" className="section-title">
              {title} · {s.studyId}
            </h2>
            <p className="muted">
              {s.sponsor} · protocol {s.protocolNumber}
              {invoice.periodFrom && ` · visits ${invoice.periodFrom} to ${invoice.periodTo ?? ''}`} · overhead {formatBasisPoints(invoice.overheadBp)}, holdback {formatBasisPoints(invoice.holdbackBp)}, net {invoice.paymentTermsDays} days
            </p>
            <p className="note note-info">A draft has no number and can change. Issuing numbers it, dates it and makes it final: corrections are then credit memos.</p>
          </div>
          <TotalsPanel totals={invoice.totals} overheadBp={invoice.overheadBp} holdbackBp={invoice.holdbackBp} />
        </header>
        <DraftLines
          lines={invoice.lines}
          busy={action.busy !== null}
          onRemove={(lineId, reason) => void change('Removing…', [{ op: 'remove', lineId, reason }])}
          onRestore={(lineId) => void change('Restoring…', [{ op: 'restore', lineId }])}
        />
        {invoice.kind === 'INVOICE' && (
          <AddLineForm studyId={s.studyId} defaultDate={invoice.periodTo ?? localToday()} busy={action.busy !== null} onAdd={(line: ManualLineInput) => change('Adding…', [{ op: 'add', line }])} />
        )}
        {action.error && (
          <p className="note note-error" role="alert">
            {action.error}
          </p>
        )}
        <footer className="toolbar inv-issue-bar">
          <label className="inv-inline-field">
            <span>Issue date</span>
            <input className="input" type="date" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} required />
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={action.busy !== null || invoice.totals.lineCount === 0 || issueDate === ''}
            onClick={() => void action.run('Issuing…', async () => (await api.invoicesIssue({ invoiceId: invoice.id, issueDate }), onIssued()))}
          >
            {action.busy === 'Issuing…' ? 'Issuing…' : 'Issue invoice'}
          </button>
          <button type="button" className="button" disabled={action.busy !== null} onClick={() => void action.run('Deleting…', async () => (await api.invoicesDeleteDraft({ invoiceId: invoice.id }), onDeleted()))}>
            Delete draft
          </button>
          {action.busy && <span role="status">{action.busy}</span>}
        </footer>
      </div>
    </article>
  );
}
