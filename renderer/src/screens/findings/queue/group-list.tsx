/**
 * The queue grouped by rule or by subject: one row per group with its count and dollars, largest
 * dollars first. A group expands to its first findings; "Work through all" opens the flat queue
 * filtered to that group, where the keyboard and bulk actions apply.
 */
import { useCallback, useState } from 'react';
import type { FindingFilter, FindingGroup, FindingPage } from '../../../../../shared/contract/findings.ts';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { formatCents } from '../../../../../shared/domain/money.ts';
import { useApi } from '../../../api-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useLoad } from '../../../use-load.ts';
import { SeverityBadge, StatusBadge } from '../badges.tsx';
import { narrowFilter } from './filter-form.ts';
import './queue-grid.css';

const PREVIEW_ROWS = 25;

export interface GroupListProps {
  readonly filter: FindingFilter;
  readonly by: 'rule' | 'subject';
  /** Changes after every action, to reload counts. */
  readonly version: number;
  readonly onWorkThrough: (filter: FindingFilter) => void;
  readonly onOpenFinding: (id: number) => void;
}

export function GroupList({ filter, by, version, onWorkThrough, onOpenFinding }: GroupListProps) {
  const api = useApi();
  // version is a reload trigger, not an input of the request.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => api.findingsGroups({ filter, by }), [api, filter, by, version]);
  const { state, reload } = useLoad(load);
  const [open, setOpen] = useState<string | null>(null);
  if (state.status === 'loading') return <LoadingState label="Counting findings by group…" />;
  if (state.status === 'error') return <ErrorState title="The groups could not be loaded." message={state.message} onRetry={reload} />;
  if (state.data.length === 0) return <p className="muted">No findings match these filters.</p>;
  const largest = Math.max(...state.data.map((g) => g.amountCents), 1);
  return (
    <ul className="group-list" aria-label={`Findings grouped by ${by}`}>
      {state.data.map((group) => (
        <li key={group.key} className="group-item">
          <button type="button" className="group-head" aria-expanded={open === group.key} onClick={() => setOpen(open === group.key ? null : group.key)}>
            <span className="group-caret" aria-hidden="true">
              {open === group.key ? '▾' : '▸'}
            </span>
            <span className="group-label">{group.label}</span>
            <span className="group-bar" aria-hidden="true">
              <span style={{ width: `${Math.max((group.amountCents / largest) * 100, 0.5)}%` }} />
            </span>
            <span className="group-count">{formatCount(group.count)} findings</span>
            <span className="group-amount">{formatCents(group.amountCents)}</span>
          </button>
          {open === group.key && <GroupPreview group={group} filter={narrowFilter(filter, group.filter)} onWorkThrough={onWorkThrough} onOpenFinding={onOpenFinding} version={version} />}
        </li>
      ))}
    </ul>
  );
}

interface PreviewProps {
  readonly group: FindingGroup;
  readonly filter: FindingFilter;
  readonly version: number;
  readonly onWorkThrough: (filter: FindingFilter) => void;
  readonly onOpenFinding: (id: number) => void;
}

function GroupPreview({ group, filter, version, onWorkThrough, onOpenFinding }: PreviewProps) {
  const api = useApi();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((): Promise<FindingPage> => api.findingsList({ filter, limit: PREVIEW_ROWS }), [api, filter, version]);
  const { state } = useLoad(load);
  return (
    <div className="group-preview">
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && <p className="field-error">{state.message}</p>}
      {state.status === 'ready' && (
        <table className="data-table group-table">
          <caption className="visually-hidden">First findings of {group.label}</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">Finding</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <SeverityBadge severity={row.severity} />
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>
                  <button type="button" className="button-link" onClick={() => onOpenFinding(row.id)}>
                    {row.rule}
                  </button>{' '}
                  {row.message}
                </td>
                <td className="numeric">{formatCents(row.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button button-primary" onClick={() => onWorkThrough(filter)}>
        Work through all {formatCount(group.count)}
      </button>
    </div>
  );
}
