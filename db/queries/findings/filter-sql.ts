/**
 * Turns a work-queue filter and sort into SQL. Every value is bound, never spliced; the ORDER BY
 * comes from a fixed map. The default filter (active statuses, severity order) is served by the
 * findings_queue index; rule and study filters by their own indexes (see the query-plan tests).
 */
import type { FindingFilter, FindingSort } from '../../../shared/contract/findings.ts';

export interface SqlFragment {
  readonly joins: string;
  readonly where: string;
  readonly params: unknown[];
}

const ORDER: Record<FindingSort['by'], (dir: string) => string> = {
  severity: (d) => `f.severity_rank ${d}, f.amount_cents ${d === 'ASC' ? 'DESC' : 'ASC'}, f.id`,
  amount: (d) => `f.amount_cents ${d}, f.id`,
  service_date: (d) => `f.service_date ${d}, f.id`,
  rule: (d) => `f.rule ${d}, f.severity_rank, f.amount_cents DESC, f.id`,
  study: (d) => `st.study_id ${d}, f.severity_rank, f.amount_cents DESC, f.id`,
  subject: (d) => `su.subject_id ${d}, f.service_date, f.id`,
  status: (d) => `f.status ${d}, f.severity_rank, f.amount_cents DESC, f.id`,
  created: (d) => `f.id ${d}`,
};

export function orderBy(sort: FindingSort): string {
  return ORDER[sort.by](sort.direction === 'desc' ? 'DESC' : 'ASC');
}

const inList = (column: string, values: readonly unknown[], params: unknown[]): string => {
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
};

/** WHERE clause (and the joins it needs) for a filter. */
export function filterSql(filter: FindingFilter): SqlFragment {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : ['open', 'confirmed', 'fixed', 'dismissed'];
  clauses.push(inList('f.status', statuses, params));
  if (filter.studyIds?.length) clauses.push(`f.study_id IN (SELECT id FROM studies WHERE ${inList('study_id', filter.studyIds, params)})`);
  if (filter.rules?.length) clauses.push(inList('f.rule', filter.rules, params));
  if (filter.severities?.length) clauses.push(inList('f.severity', filter.severities, params));
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
  if (filter.subjectId) {
    clauses.push('f.subject_id IN (SELECT id FROM subjects WHERE subject_id = ?)');
    params.push(filter.subjectId);
  }
  if (filter.chargeId) {
    clauses.push('f.charge_id IN (SELECT id FROM charges WHERE charge_id = ?)');
    params.push(filter.chargeId);
  }
  return { joins: '', where: clauses.join(' AND '), params };
}
