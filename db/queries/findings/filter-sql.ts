/**
 * Turns a work-queue filter and sort into SQL. Every value is bound, never spliced; ORDER BY comes
 * from a fixed map. Every clause tests a column that the queue's covering indexes carry (migration
 * 0065), so whichever index drives a query, the filter is evaluated inside it and the wide findings
 * rows are read only for the page on screen.
 */
import type { FindingFilter, FindingSort } from '../../../shared/contract/findings.ts';
import { SEVERITY_RANK } from '../../../shared/rules/catalogue.ts';

export interface SqlFragment {
  readonly joins: string;
  readonly where: string;
  readonly params: unknown[];
}

type Dir = 'ASC' | 'DESC';
const flip = (d: Dir): Dir => (d === 'ASC' ? 'DESC' : 'ASC');

/**
 * The total order of each sort; the id (or the subject's row id) always breaks ties in the same
 * direction, so each order is an exact forward or backward walk of its index.
 */
const ORDER: Record<FindingSort['by'], (d: Dir) => string> = {
  severity: (d) => `f.severity_rank ${d}, f.amount_cents ${flip(d)}, f.id ${d}`,
  amount: (d) => `f.amount_cents ${d}, f.id ${d}`,
  service_date: (d) => `f.service_date ${d}, f.id ${d}`,
  rule: (d) => `f.rule ${d}, f.amount_cents ${flip(d)}, f.id ${d}`,
  study: (d) => `st.study_id ${d}, f.severity_rank ${d}, f.amount_cents ${flip(d)}, f.id ${d}`,
  subject: (d) => `su.subject_id ${d}, su.id ${d}, f.service_date ${d}, f.id ${d}`,
  status: (d) => `f.status ${d}, f.severity_rank ${d}, f.amount_cents ${flip(d)}, f.id ${d}`,
  created: (d) => `f.id ${d}`,
};

export function sortDirection(sort: FindingSort): Dir {
  return sort.direction === 'desc' ? 'DESC' : 'ASC';
}

/** ORDER BY terms of a sort (study and subject sorts name `st` and `su`, joined by the caller). */
export function orderBy(sort: FindingSort): string {
  return ORDER[sort.by](sortDirection(sort));
}

/** ORDER BY terms inside one partition of a partitioned sort (status, study, subject), on findings alone. */
export function orderWithin(sort: FindingSort): string {
  const d = sortDirection(sort);
  if (sort.by === 'subject') return `f.service_date ${d}, f.id ${d}`;
  return ORDER.severity(d);
}

const inList = (column: string, values: readonly unknown[], params: unknown[]): string => {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
};

/** The statuses a filter selects (default: every status but closed). */
export function selectedStatuses(filter: FindingFilter): readonly string[] {
  return filter.statuses && filter.statuses.length > 0 ? [...new Set(filter.statuses)] : ['open', 'confirmed', 'fixed', 'dismissed'];
}

/**
 * The `active` clause of a filter: a finding is active exactly when its status is not closed, and
 * every queue index leads with `active` (or pins it second), so this clause is what lets them be used.
 */
function activeClause(statuses: readonly string[]): { clause: string; needsStatus: boolean } {
  const closed = statuses.includes('closed');
  if (!closed) return { clause: 'f.active = 1', needsStatus: statuses.length < 4 };
  if (statuses.length === 1) return { clause: 'f.active = 0', needsStatus: false };
  return { clause: 'f.active IN (0, 1)', needsStatus: true };
}

/** WHERE clause for a filter, on `findings f`. */
export function filterSql(filter: FindingFilter): SqlFragment {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const statuses = selectedStatuses(filter);
  const active = activeClause(statuses);
  clauses.push(active.clause);
  if (active.needsStatus) clauses.push(inList('f.status', statuses, params));
  if (filter.withoutStudy) clauses.push('f.study_id IS NULL');
  else if (filter.studyIds?.length) clauses.push(`f.study_id IN (SELECT id FROM studies WHERE ${inList('study_id', filter.studyIds, params)})`);
  if (filter.rules?.length) clauses.push(inList('f.rule', filter.rules, params));
  // severity_rank is written with severity (catalogue SEVERITY_RANK) and is the indexed column.
  if (filter.severities?.length) clauses.push(inList('f.severity_rank', filter.severities.map((s) => SEVERITY_RANK[s]), params));
  if (filter.categories?.length) clauses.push(inList('f.category', filter.categories, params));
  if (filter.payerTypes?.length) clauses.push(inList('f.payer_type', filter.payerTypes, params));
  if (filter.dateFrom) {
    clauses.push('f.service_date >= ?');
    params.push(filter.dateFrom);
  }
  if (filter.dateTo) {
    clauses.push('f.service_date <= ?');
    params.push(filter.dateTo);
  }
  if (filter.assignee !== undefined) {
    if (filter.assignee === '') clauses.push('f.assignee IS NULL');
    else {
      clauses.push('f.assignee = ?');
      params.push(filter.assignee);
    }
  }
  if (filter.amountMinCents !== undefined) {
    clauses.push('f.amount_cents >= ?');
    params.push(filter.amountMinCents);
  }
  if (filter.amountMaxCents !== undefined) {
    clauses.push('f.amount_cents <= ?');
    params.push(filter.amountMaxCents);
  }
  if (filter.withoutSubject) clauses.push('f.subject_id IS NULL');
  else if (filter.subjectId) {
    clauses.push('f.subject_id IN (SELECT id FROM subjects WHERE subject_id = ?)');
    params.push(filter.subjectId);
  }
  if (filter.chargeId) {
    clauses.push('f.charge_id IN (SELECT id FROM charges WHERE charge_id = ?)');
    params.push(filter.chargeId);
  }
  return { joins: '', where: clauses.join(' AND '), params };
}
