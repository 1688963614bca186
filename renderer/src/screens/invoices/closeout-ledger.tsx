/** One subject's close-out ledger: each completed visit item or invoiceable with invoiced, paid and outstanding amounts. */
import { useCallback } from 'react';
import { useApi } from '../../api-context.tsx';
import { useLoad } from '../../use-load.ts';
import { formatCents } from './format.ts';

const STATUS: Readonly<Record<string, string>> = {
  unbilled: 'Never invoiced',
  'invoiced-before': 'Invoiced before TrialLedger',
  open: 'Invoiced, unpaid',
  'partially-paid': 'Partially paid',
  paid: 'Paid',
  credited: 'Credited',
  'awaiting-approval': 'Awaiting sponsor approval',
};

export interface CloseoutLedgerProps {
  readonly studyId: string;
  readonly asOf: string;
  readonly subjectId: string;
  readonly onClose: () => void;
}

export function CloseoutLedger({ studyId, asOf, subjectId, onClose }: CloseoutLedgerProps) {
  const api = useApi();
  const load = useCallback(() => api.closeoutGet({ studyId, asOf, subjectId }), [api, studyId, asOf, subjectId]);
  const { state } = useLoad(load);
  return (
    <div className="inv-ledger" aria-label={`Ledger of subject ${subjectId}`}>
      <div className="toolbar">
        <h3 className="inv-h3">Ledger of subject {subjectId}</h3>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && <p className="note note-error">{state.message}</p>}
      {state.status === 'ready' && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Visit / item</th>
                <th scope="col">Procedure</th>
                <th scope="col" className="numeric">CTA</th>
                <th scope="col" className="numeric">Invoiced</th>
                <th scope="col">Invoices</th>
                <th scope="col" className="numeric">Paid</th>
                <th scope="col" className="numeric">Outstanding</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {state.data.ledger.map((r, i) => (
                <tr key={i}>
                  <td className="inv-nowrap">{r.serviceDate ?? ''}</td>
                  <td>{r.visitCode}</td>
                  <td>
                    {r.description}
                    {r.cptHcpcs && <span className="inv-sub">{r.cptHcpcs}</span>}
                  </td>
                  <td className="numeric">{formatCents(r.ctaCents)}</td>
                  <td className="numeric">{formatCents(r.invoicedCents)}</td>
                  <td>{r.invoiceNumbers}</td>
                  <td className="numeric">{r.status === 'invoiced-before' ? 'not tracked' : formatCents(r.paidCents)}</td>
                  <td className="numeric">{formatCents(r.outstandingCents)}</td>
                  <td>{STATUS[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
