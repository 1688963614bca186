/** Every invoice with its status, balance and days past due, filtered by study; and the form that starts a new one. */
import { useCallback, useState } from 'react';
import type { InvoiceListRow } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { KIND_LABELS, STATE_LABELS, dueText, formatCents, stateClass } from './format.ts';
import { NewInvoiceForm } from './new-invoice-form.tsx';

export interface InvoiceListProps {
  readonly onOpen: (invoiceId: number) => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

export function InvoiceList({ onOpen, onSettled }: InvoiceListProps) {
  const api = useApi();
  const [studyId, setStudyId] = useState('');
  const load = useCallback(async () => {
    const [studies, invoices] = await Promise.all([api.studiesList(), api.invoicesList(studyId === '' ? {} : { studyId })]);
    return { studies, invoices };
  }, [api, studyId]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Loading invoices…" />;
  if (state.status === 'error') return <ErrorState title="The invoices could not be loaded." message={state.message} onRetry={reload} />;
  const { studies, invoices } = state.data;
  return (
    <div className="inv-stack">
      <NewInvoiceForm studies={studies} defaultStudyId={studyId} onCreated={onOpen} />
      <div className="card">
        <div className="card-body">
          <div className="toolbar inv-list-toolbar">
            <h2 className="section-title">Invoices and credit memos</h2>
            <label className="inv-inline-field">
              <span>Study</span>
              <select className="select" value={studyId} onChange={(e) => setStudyId(e.target.value)}>
                <option value="">All studies</option>
                {studies.map((s) => (
                  <option key={s.studyId} value={s.studyId}>
                    {s.studyId}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {invoices.length === 0 ? <p className="muted">No invoice yet. Build one above from completed visits and invoiceable items.</p> : <InvoiceTable rows={invoices} onOpen={onOpen} />}
        </div>
      </div>
    </div>
  );
}

function InvoiceTable({ rows, onOpen }: { readonly rows: readonly InvoiceListRow[]; readonly onOpen: (id: number) => void }) {
  return (
    <div className="table-scroll">
      <table className="data-table inv-table">
        <caption className="visually-hidden">Invoices, release invoices and credit memos with their balances</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Study</th>
            <th scope="col">Status</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="numeric">Lines</th>
            <th scope="col" className="numeric">Net</th>
            <th scope="col" className="numeric">Paid</th>
            <th scope="col" className="numeric">Balance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <button type="button" className="button-link inv-nowrap" onClick={() => onOpen(r.id)}>
                  {r.number ?? `Draft ${r.id}`}
                </button>
                <span className="inv-sub">{KIND_LABELS[r.kind]}</span>
              </th>
              <td>
                <span className="inv-nowrap">{r.studyId}</span>
                <span className="inv-sub">{r.sponsor}</span>
              </td>
              <td>
                <span className={stateClass(r.state)}>{STATE_LABELS[r.state]}</span>
              </td>
              <td className="inv-nowrap">{r.issueDate ?? '—'}</td>
              <td className="inv-nowrap">
                {r.dueDate ?? '—'}
                {r.balanceCents > 0 && <span className={r.daysPastDue !== null && r.daysPastDue > 0 ? 'inv-sub inv-overdue' : 'inv-sub'}>{dueText(r.daysPastDue)}</span>}
              </td>
              <td className="numeric">{r.lineCount}</td>
              <td className="numeric">{formatCents(r.netCents)}</td>
              <td className="numeric">{formatCents(r.paidCents)}</td>
              <td className="numeric">{formatCents(r.balanceCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
