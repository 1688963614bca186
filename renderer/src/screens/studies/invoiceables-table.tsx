/** The CTA's invoiceable items: fees outside the visit schedule, with their overhead and holdback treatment. */
import type { InvoiceableItem } from '../../../../shared/contract/setup.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { EmptyState } from '../../components/empty-state.tsx';

const KIND_LABEL: Record<InvoiceableItem['kind'], string> = {
  ONE_TIME: 'One time',
  PER_OCCURRENCE: 'Per occurrence',
  SCREEN_FAILURE: 'Per screen failure',
};

export function InvoiceablesTable({ items }: { readonly items: readonly InvoiceableItem[] }) {
  if (items.length === 0) {
    return (
      <EmptyState title="No invoiceable items">
        <p>Start-up, IRB and screen-failure fees come from invoiceables.csv.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table invoiceables-table">
        <caption className="visually-hidden">CTA invoiceable items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Description</th>
            <th scope="col">Billed</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Overhead</th>
            <th scope="col">Holdback</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.itemCode}>
              <th scope="row" className="mono">
                {i.itemCode}
              </th>
              <td>{i.description}</td>
              <td>{KIND_LABEL[i.kind]}</td>
              <td className="numeric">{formatCents(i.amountCents)}</td>
              <td>{i.overheadExempt ? 'Exempt' : 'Added'}</td>
              <td>{i.holdbackExempt ? 'Exempt' : 'Applies'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
