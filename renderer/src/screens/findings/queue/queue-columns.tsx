/**
 * The queue's columns (TanStack Table v8 column definitions): what each shows and which contract
 * sort each header sorts by. Sorting is manual (the backend sorts); a column without a sort is not
 * sortable.
 */
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { FindingRow, FindingSort } from '../../../../../shared/contract/findings.ts';
import { formatCents } from '../../../../../shared/domain/money.ts';
import { payerLabel } from '../../../../../shared/findings/describe-view.ts';
import { ruleById } from '../../../../../shared/rules/catalogue.ts';
import { SeverityBadge, StatusBadge } from '../badges.tsx';

const column = createColumnHelper<FindingRow>();

const titleOf = (rule: string): string => {
  try {
    return ruleById(rule).title;
  } catch {
    return rule;
  }
};

/** Column id -> the contract sort it applies. */
export const SORT_OF_COLUMN: Readonly<Record<string, FindingSort['by']>> = {
  severity: 'severity',
  rule: 'rule',
  status: 'status',
  study: 'study',
  subject: 'subject',
  serviceDate: 'service_date',
  amount: 'amount',
};

/** The contract sort as TanStack's sorting state. */
export function sortingState(sort: FindingSort): SortingState {
  const id = Object.entries(SORT_OF_COLUMN).find(([, by]) => by === sort.by)?.[0];
  return id === undefined ? [] : [{ id, desc: sort.direction === 'desc' }];
}

/** TanStack's sorting state as the contract sort (the first column wins; none means the default). */
export function sortFromState(state: SortingState): FindingSort {
  const first = state[0];
  const by = first ? SORT_OF_COLUMN[first.id] : undefined;
  return by === undefined ? { by: 'severity', direction: 'asc' } : { by, direction: first?.desc ? 'desc' : 'asc' };
}

export const QUEUE_COLUMNS = [
  column.accessor('severity', { id: 'severity', header: 'Severity', cell: (c) => <SeverityBadge severity={c.getValue()} /> }),
  column.accessor('rule', {
    id: 'rule',
    header: 'Rule',
    cell: (c) => (
      <span className="q-rule" title={titleOf(c.getValue())}>
        <span className="q-rule-id">{c.getValue()}</span> {titleOf(c.getValue())}
      </span>
    ),
  }),
  column.accessor('status', { id: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.getValue()} /> }),
  column.accessor('studyId', { id: 'study', header: 'Study', cell: (c) => c.getValue() ?? '—' }),
  column.accessor('subjectId', { id: 'subject', header: 'Subject', cell: (c) => c.getValue() ?? '—' }),
  column.accessor((r) => `${r.cptHcpcs ?? ''}${r.visitCode ? ` · ${r.visitCode}` : ''}`, { id: 'code', header: 'Code · visit', enableSorting: false, cell: (c) => c.getValue() || '—' }),
  column.accessor('serviceDate', { id: 'serviceDate', header: 'Service date', cell: (c) => c.getValue() ?? '—' }),
  column.accessor('payerType', { id: 'payer', header: 'Payer', enableSorting: false, cell: (c) => payerLabel(c.getValue()) || '—' }),
  column.accessor('amountCents', { id: 'amount', header: 'Amount', cell: (c) => formatCents(c.getValue()) }),
  column.accessor('assignee', { id: 'assignee', header: 'Assignee', enableSorting: false, cell: (c) => c.getValue() ?? <span className="muted">Unassigned</span> }),
  column.accessor('message', { id: 'message', header: 'Finding', enableSorting: false, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
];
