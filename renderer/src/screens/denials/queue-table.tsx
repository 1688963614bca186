/** The rows of the denial queue as a semantic table, with selection for batch export. */
import type { DenialRow } from '../../../../shared/contract/denials.ts';
import { formatCents } from '../../../../shared/domain/money.ts';
import { ACTION_LABEL, CATEGORY_LABEL, daysLeftText, DEADLINE_KIND_LABEL, queueStatusText } from './format.ts';

export interface QueueTableProps {
  readonly rows: readonly DenialRow[];
  readonly selected: ReadonlySet<number>;
  readonly onSelect: (next: ReadonlySet<number>) => void;
  readonly onOpen: (id: number) => void;
}

/** The queue rows, each opening its denial. */
export function QueueTable({ rows, selected, onSelect, onOpen }: QueueTableProps) {
  const toggle = (id: number): void => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="table-scroll">
      <table className="data-table den-table">
        <caption className="visually-hidden">Denials by days left</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label="Select every denial shown" checked={allSelected} onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
            </th>
            <th scope="col">Days left</th>
            <th scope="col">Service</th>
            <th scope="col">Codes</th>
            <th scope="col">Category</th>
            <th scope="col">Action</th>
            <th scope="col" className="numeric">
              Denied
            </th>
            <th scope="col">Payer</th>
            <th scope="col">Study</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-urgency={r.urgency}>
              <td>
                <input type="checkbox" aria-label={`Select denial ${r.id}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </td>
              <td className="den-nowrap">
                <span className={`den-days den-days-${r.urgency}`}>{daysLeftText(r)}</span>
                {r.deadline !== null && r.deadlineKind !== null && (
                  <span className="den-sub">
                    {DEADLINE_KIND_LABEL[r.deadlineKind]} {r.deadline}
                  </span>
                )}
              </td>
              <th scope="row" className="den-nowrap">
                <button type="button" className="button-link" onClick={() => onOpen(r.id)} aria-label={`Open denial ${r.id}: ${r.procedure} on ${r.serviceDate ?? 'unknown date'}`}>
                  {r.procedure}
                </button>
                <span className="den-sub">{r.serviceDate ?? ''}</span>
              </th>
              <td className="mono den-nowrap">
                {r.codes.join(' ')}
                {r.remarks.length > 0 && <span className="den-sub">{r.remarks.join(' ')}</span>}
              </td>
              <td>{CATEGORY_LABEL[r.category]}</td>
              <td>{ACTION_LABEL[r.action]}</td>
              <td className="numeric den-nowrap">{formatCents(r.deniedCents)}</td>
              <td>
                {r.payerName}
                <span className="den-sub">Claim {r.claimNumber ?? '–'}</span>
              </td>
              <td className="den-nowrap">
                {r.studyId ?? '–'}
                {r.subjectId !== null && <span className="den-sub">Subject {r.subjectId}</span>}
              </td>
              <td>{queueStatusText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
