/**
 * The lines of a draft grouped by subject and visit, each removable with a reason; removed lines
 * stay listed (with their reason) and can be restored. Study-level items come first.
 */
import { useState } from 'react';
import type { InvoiceLine } from '../../../../shared/invoicing/types.ts';
import { formatCents } from './format.ts';

export interface DraftLinesProps {
  readonly lines: readonly InvoiceLine[];
  readonly busy: boolean;
  readonly onRemove: (lineId: number, reason: string) => void;
  readonly onRestore: (lineId: number) => void;
}

/** Groups live lines by subject, then visit, keeping their order. */
function groups(lines: readonly InvoiceLine[]): { key: string; title: string; lines: InvoiceLine[] }[] {
  const out = new Map<string, { key: string; title: string; lines: InvoiceLine[] }>();
  for (const l of lines) {
    const key = `${l.subjectId ?? ''}|${l.source === 'VISIT_ITEM' ? `${l.visitCode}|${l.serviceDate}` : 'items'}`;
    const title = l.subjectId === null ? 'Study-level items' : l.source === 'VISIT_ITEM' ? `Subject ${l.subjectId} · ${l.visitName ?? l.visitCode} (${l.visitCode}) · ${l.serviceDate}` : `Subject ${l.subjectId} · other items`;
    const group = out.get(key) ?? { key, title, lines: [] };
    group.lines.push(l);
    out.set(key, group);
  }
  return [...out.values()];
}

export function DraftLines({ lines, busy, onRemove, onRestore }: DraftLinesProps) {
  const [removing, setRemoving] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const live = lines.filter((l) => !l.removed);
  const removed = lines.filter((l) => l.removed);
  return (
    <div className="inv-stack">
      <div className="table-scroll">
        <table className="data-table inv-lines">
          <caption className="visually-hidden">Lines of the draft by subject and visit</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Item</th>
              <th scope="col" className="numeric">Amount</th>
              <th scope="col" className="numeric">Overhead</th>
              <th scope="col" className="numeric">Holdback</th>
              <th scope="col" className="numeric">Net due</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {groups(live).map((g) => (
            <tbody key={g.key}>
              <tr className="inv-group">
                <th scope="rowgroup" colSpan={7}>
                  {g.title}
                </th>
              </tr>
              {g.lines.map((l) => (
                <tr key={l.id} data-line-key={l.key}>
                  <td className="inv-nowrap">{l.serviceDate}</td>
                  <td>
                    {l.description}
                    <span className="inv-sub">
                      {[l.cptHcpcs ?? l.visitCode, l.note, l.addedReason ? `added: ${l.addedReason}` : null].filter(Boolean).join(' · ')}
                    </span>
                  </td>
                  <td className="numeric">{formatCents(l.amountCents)}</td>
                  <td className="numeric">{l.overheadExempt ? 'exempt' : formatCents(l.overheadCents)}</td>
                  <td className="numeric">{l.holdbackExempt ? 'exempt' : formatCents(l.holdbackCents)}</td>
                  <td className="numeric">{formatCents(l.netCents)}</td>
                  <td>
                    {removing === l.id ? (
                      <form className="inv-reason" onSubmit={(e) => (e.preventDefault(), onRemove(l.id, reason), setRemoving(null), setReason(''))}>
                        <input className="input" aria-label={`Why remove ${l.description}`} placeholder="Reason (required)" value={reason} minLength={3} required onChange={(e) => setReason(e.target.value)} autoFocus />
                        <button type="submit" className="button button-small" disabled={busy || reason.trim().length < 3}>
                          Remove
                        </button>
                        <button type="button" className="button button-small" onClick={() => setRemoving(null)}>
                          Keep
                        </button>
                      </form>
                    ) : (
                      <button type="button" className="button button-small" aria-label={`Remove ${l.description} ${l.subjectId ?? ''} ${l.serviceDate}`} onClick={() => setRemoving(l.id)} disabled={busy}>
                        Remove…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {removed.length > 0 && (
        <div>
          <h3 className="inv-h3">Removed from this draft ({removed.length})</h3>
          <ul className="inv-removed">
            {removed.map((l) => (
              <li key={l.id}>
                <span>
                  {l.subjectId ?? 'Study'} · {l.visitCode} · {l.description} · {formatCents(l.netCents)} — <em>{l.removedReason}</em>
                </span>
                <button type="button" className="button button-small" onClick={() => onRestore(l.id)} disabled={busy}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
