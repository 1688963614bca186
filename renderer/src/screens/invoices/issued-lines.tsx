/** The lines of an issued document with what was paid and is open on each, and the memo that credited it. */
import type { InvoiceDetail } from '../../../../shared/invoicing/types.ts';
import { formatCents } from './format.ts';

export function IssuedLines({ invoice }: { readonly invoice: InvoiceDetail }) {
  const lines = invoice.lines.filter((l) => !l.removed);
  const payable = invoice.kind !== 'CREDIT_MEMO';
  return (
    <div className="table-scroll">
      <table className="data-table inv-lines">
        <caption className="visually-hidden">Lines of {invoice.number}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Subject</th>
            <th scope="col">Item</th>
            <th scope="col" className="numeric">Amount</th>
            <th scope="col" className="numeric">Overhead</th>
            <th scope="col" className="numeric">Holdback</th>
            <th scope="col" className="numeric">Net</th>
            {payable && <th scope="col" className="numeric">Paid</th>}
            {payable && <th scope="col" className="numeric">Open</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td className="inv-nowrap">{l.serviceDate}</td>
              <td>{l.subjectId ?? 'Study'}</td>
              <td>
                {l.visitCode} · {l.description}
                <span className="inv-sub">{[l.cptHcpcs, l.note, l.creditedBy ? `credited on ${l.creditedBy}` : null].filter(Boolean).join(' · ')}</span>
              </td>
              <td className="numeric">{formatCents(l.amountCents)}</td>
              <td className="numeric">{formatCents(l.overheadCents)}</td>
              <td className="numeric">{formatCents(l.holdbackCents)}</td>
              <td className="numeric">{formatCents(l.netCents)}</td>
              {payable && <td className="numeric">{formatCents(l.paidCents)}</td>}
              {payable && <td className="numeric">{formatCents(l.openCents)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
