/**
 * How the work queue reads a million findings fast: which covering index (migration 0065) drives
 * each query. SQLite has no statistics here (the app never runs ANALYZE), so the choice is made in
 * code, named with INDEXED BY, and pinned by the query-plan tests:
 *
 * - a count uses the index led by the filter's most selective pinned column (subject, assignee,
 *   rule, study, dates, severity, amount), else the default one, and never touches the table;
 * - a page walks the index of its sort order and stops after `limit` matches (the filter is tested
 *   inside the index), unless the filter is selective (few matches, known from the count): then the
 *   filter's own index reads just those and SQLite sorts them;
 * - sorts by status, study or subject are walked partition by partition (each status; findings
 *   without a study or subject, then the joined ones), using the partition sizes to skip to `offset`.
 */
import type { FindingFilter, FindingSort } from '../../../shared/contract/findings.ts';
import { filterSql, orderBy, orderWithin, selectedStatuses, sortDirection } from './filter-sql.ts';

export type QueueIndex =
  | 'findings_q_severity'
  | 'findings_q_amount'
  | 'findings_q_date'
  | 'findings_q_rule'
  | 'findings_q_study'
  | 'findings_q_subject'
  | 'findings_q_assignee'
  | 'findings_by_charge';

/** At or below this many matches, reading them through the filter's index and sorting beats walking the sort order. */
export const SELECTIVE_ROWS = 25_000;

/** The index led by the filter's most selective pinned column, or null when nothing is pinned. */
export function drivingIndex(filter: FindingFilter): QueueIndex | null {
  if (filter.chargeId) return 'findings_by_charge';
  if (filter.subjectId || filter.withoutSubject) return 'findings_q_subject';
  if (filter.assignee) return 'findings_q_assignee';
  if (filter.rules?.length) return 'findings_q_rule';
  if (filter.studyIds?.length || filter.withoutStudy) return 'findings_q_study';
  if (filter.dateFrom || filter.dateTo) return 'findings_q_date';
  if (filter.severities?.length) return 'findings_q_severity';
  if (filter.amountMinCents !== undefined || filter.amountMaxCents !== undefined) return 'findings_q_amount';
  return null;
}

const SORT_INDEX: Record<FindingSort['by'], QueueIndex | null> = {
  severity: 'findings_q_severity',
  status: 'findings_q_severity',
  amount: 'findings_q_amount',
  service_date: 'findings_q_date',
  rule: 'findings_q_rule',
  study: 'findings_q_study',
  subject: 'findings_q_subject',
  created: null,
};

/** Which partition counts a sort needs besides the total. */
export type PartitionKind = 'none' | 'status' | 'study' | 'subject';

export function partitionKind(sort: FindingSort, selective: boolean): PartitionKind {
  if (selective) return 'none';
  if (sort.by === 'status') return 'status';
  if (sort.by === 'study') return 'study';
  if (sort.by === 'subject') return 'subject';
  return 'none';
}

export interface CountQuery {
  readonly sql: string;
  readonly params: unknown[];
  /** Names of the extra columns after count(*), in order (partition sizes). */
  readonly parts: readonly string[];
}

/**
 * count(*) of a filter, read from one index, plus the partition sizes a partitioned sort needs: by
 * status in the same scan; for study and subject, the findings without one, read from the index they lead.
 */
export function countQuery(filter: FindingFilter, partitions: PartitionKind = 'none'): CountQuery {
  const { where, params } = filterSql(filter);
  if (partitions === 'study' || partitions === 'subject') {
    const index = partitions === 'study' ? 'findings_q_study' : 'findings_q_subject';
    const nulls = `(SELECT count(*) FROM findings f INDEXED BY ${index} WHERE ${where} AND f.${partitions}_id IS NULL)`;
    const total = `(SELECT count(*) FROM findings f INDEXED BY ${drivingIndex(filter) ?? 'findings_q_severity'} WHERE ${where})`;
    return { sql: `SELECT ${total}, ${nulls}`, params: [...params, ...params], parts: ['null'] };
  }
  const index = drivingIndex(filter) ?? 'findings_q_severity';
  const extra: string[] = [];
  const parts: string[] = [];
  const extraParams: unknown[] = [];
  if (partitions === 'status') {
    for (const status of selectedStatuses(filter)) {
      extra.push('sum(f.status = ?)');
      extraParams.push(status);
      parts.push(status);
    }
  }
  const columns = ['count(*)', ...extra].join(', ');
  return { sql: `SELECT ${columns} FROM findings f INDEXED BY ${index} WHERE ${where}`, params: [...extraParams, ...params], parts };
}

export interface PageArm {
  readonly sql: string;
  readonly params: unknown[];
  /** Rows in this arm; Infinity for the last arm, which takes whatever is left. */
  readonly count: number;
}

/** The SQL of one ordered scan of ids (LIMIT ? OFFSET ? appended by the caller's parameters). */
export function scanSql(filter: FindingFilter, sort: FindingSort, selective: boolean): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(filter);
  const driving = drivingIndex(filter);
  const index = selective && driving ? driving : SORT_INDEX[sort.by];
  const hint = index === null ? 'NOT INDEXED' : `INDEXED BY ${index}`;
  if (sort.by === 'study' || sort.by === 'subject') {
    // Only reached on the selective path: join for the sort key and let SQLite sort the few matches.
    const join = sort.by === 'study' ? 'LEFT JOIN studies st ON st.id = f.study_id' : 'LEFT JOIN subjects su ON su.id = f.subject_id';
    return { sql: `SELECT f.id FROM findings f ${hint} ${join} WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`, params };
  }
  return { sql: `SELECT f.id FROM findings f ${hint} WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`, params };
}

/**
 * The arms of a partitioned sort, in order, with their sizes: `parts` are the partition counts the
 * count query returned (by status, or the number of findings without a study or subject).
 */
export function pageArms(filter: FindingFilter, sort: FindingSort, total: number, parts: readonly number[]): PageArm[] {
  const { where, params } = filterSql(filter);
  const desc = sortDirection(sort) === 'DESC';
  if (sort.by === 'status') {
    const statuses = selectedStatuses(filter).map((status, i) => ({ status, count: parts[i] ?? 0 }));
    statuses.sort((a, b) => (a.status < b.status ? -1 : 1) * (desc ? -1 : 1));
    return statuses.map(({ status, count }) => ({
      sql: `SELECT f.id FROM findings f INDEXED BY findings_q_severity WHERE ${where} AND f.status = ? ORDER BY ${orderWithin(sort)} LIMIT ? OFFSET ?`,
      params: [...params, status],
      count,
    }));
  }
  const [table, alias, index, key] =
    sort.by === 'study'
      ? (['studies st', 'st', 'findings_q_study', 'study_id'] as const)
      : (['subjects su INDEXED BY subjects_by_subject_id', 'su', 'findings_q_subject', 'subject_id'] as const);
  const nulls = parts[0] ?? 0;
  const nullArm: PageArm = {
    sql: `SELECT f.id FROM findings f INDEXED BY ${index} WHERE ${where} AND f.${key} IS NULL ORDER BY ${orderWithin(sort)} LIMIT ? OFFSET ?`,
    params,
    count: nulls,
  };
  const joinedArm: PageArm = {
    sql: `SELECT f.id FROM ${table} CROSS JOIN findings f INDEXED BY ${index} ON f.${key} = ${alias}.id WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`,
    params,
    count: total - nulls,
  };
  // SQLite sorts NULL first: findings without a study (subject) come first ascending, last descending.
  return desc ? [joinedArm, nullArm] : [nullArm, joinedArm];
}
