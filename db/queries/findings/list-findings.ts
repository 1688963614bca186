/**
 * The work queue: a page of findings under a filter and sort, with the total, and grouped counts.
 * Totals and groupings are cached until the data changes (query-cache.ts); pages and groups are read
 * from the covering indexes chosen by queue-plan.ts, and only the rows of the page are joined.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingFilter, FindingGroup, FindingPage, FindingRow, FindingSort } from '../../../shared/contract/findings.ts';
import { ruleById } from '../../../shared/rules/catalogue.ts';
import { filterSql } from './filter-sql.ts';
import { cachedQuery, peekCached } from './query-cache.ts';
import { SELECTIVE_ROWS, countQuery, drivingIndex, pageArms, partitionKind, scanSql, type PartitionKind, type QueueIndex } from './queue-plan.ts';

export const ROW_COLUMNS = `f.id, f.rule, f.severity, f.category, f.status, st.study_id AS studyId, su.subject_id AS subjectId, c.charge_id AS chargeId,
  v.visit_code AS visitCode, f.cpt_hcpcs AS cptHcpcs, f.service_date AS serviceDate, f.payer_type AS payerType, f.amount_cents AS amountCents,
  f.assignee, f.message`;

export const ROW_JOINS = `LEFT JOIN studies st ON st.id = f.study_id LEFT JOIN subjects su ON su.id = f.subject_id
  LEFT JOIN charges c ON c.id = f.charge_id LEFT JOIN calendar_visits v ON v.id = f.visit_id`;

interface Counts {
  readonly total: number;
  readonly parts: readonly number[];
}

const countKey = (filter: FindingFilter, partitions: PartitionKind): string => `count:${partitions}:${JSON.stringify(filter)}`;

/** Indexes led by a column that picks out few findings: counting through them costs little. */
const POINT_INDEXES: ReadonlySet<QueueIndex> = new Set(['findings_by_charge', 'findings_q_subject', 'findings_q_assignee', 'findings_q_rule', 'findings_q_study']);

/** The number of findings under a filter (and partition sizes), cached until the data changes. */
export function countFindings(db: Db, filter: FindingFilter, partitions: PartitionKind = 'none'): Counts {
  return cachedQuery(db, countKey(filter, partitions), () => {
    const query = countQuery(filter, partitions);
    const [total, ...parts] = db.prepare(query.sql).raw().get(...query.params) as (number | null)[];
    return { total: total ?? 0, parts: parts.map((p) => p ?? 0) };
  });
}

/** Whether the filter's own index should serve its pages (few matches), rather than the sort order's index. */
function isSelective(filter: FindingFilter, total: number): boolean {
  return drivingIndex(filter) !== null && total <= SELECTIVE_ROWS;
}

/** The SQL of a page query of ids on the ordered-scan path (exported for the query-plan tests). */
export function pageSql(filter: FindingFilter, sort: FindingSort, total = Number.MAX_SAFE_INTEGER): { sql: string; params: unknown[] } {
  return scanSql(filter, sort, isSelective(filter, total));
}

/**
 * The ids of one page, in order, with the total. Without `withTotal`, a total that would cost a scan
 * of the index (a broad filter with nothing pinned) is left out, null: the rows do not need it, and
 * `findings:count` answers it separately. A pinned filter is still counted: its count is cheap and
 * decides the plan.
 */
export function pageIds(db: Db, filter: FindingFilter, sort: FindingSort, offset: number, limit: number, withTotal = true): { ids: number[]; total: number | null } {
  const driving = drivingIndex(filter);
  const cheap = driving !== null && POINT_INDEXES.has(driving);
  const known = peekCached<Counts>(db, countKey(filter, 'none'))?.total ?? (withTotal || cheap ? countFindings(db, filter).total : null);
  const selective = known !== null && isSelective(filter, known);
  const partitions = partitionKind(sort, selective);
  if (partitions === 'none') {
    if (known !== null && offset >= known) return { ids: [], total: known };
    const { sql, params } = scanSql(filter, sort, selective);
    return { ids: db.prepare(sql).pluck().all(...params, limit, offset) as number[], total: known };
  }
  const { total, parts } = countFindings(db, filter, partitions);
  if (offset >= total) return { ids: [], total };
  const ids: number[] = [];
  let skip = offset;
  for (const arm of pageArms(filter, sort, total, parts)) {
    if (ids.length >= limit) break;
    if (skip >= arm.count) {
      skip -= arm.count;
      continue;
    }
    ids.push(...(db.prepare(arm.sql).pluck().all(...arm.params, limit - ids.length, skip) as number[]));
    skip = 0;
  }
  return { ids, total };
}

/**
 * Every id of a view, in its order (the export): the ids first, because a statement cannot stay open
 * on the connection while the rows are read; a million ids are 8 MB.
 */
export function allViewIds(db: Db, filter: FindingFilter, sort: FindingSort): number[] {
  return pageIds(db, filter, sort, 0, Number.MAX_SAFE_INTEGER).ids;
}

/** The queue rows of these ids, in the given order. */
export function rowsByIds(db: Db, ids: readonly number[]): FindingRow[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM findings f ${ROW_JOINS} WHERE f.id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as FindingRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is FindingRow => r !== undefined);
}

/** One page of the queue with the total under the filter (see pageIds for `withTotal`). */
export function listFindings(db: Db, filter: FindingFilter, sort: FindingSort, offset: number, limit: number, withTotal = true): FindingPage {
  const { ids, total } = pageIds(db, filter, sort, offset, limit, withTotal);
  return { rows: rowsByIds(db, ids), total, offset };
}

const GROUP_INDEX = { rule: 'findings_q_rule', subject: 'findings_q_subject', study: 'findings_q_study' } as const;
const GROUP_LIMIT = 5_000;

/** Counts and dollars per rule, subject or study under a filter, largest dollars first (at most 5,000 groups). */
export function groupFindings(db: Db, filter: FindingFilter, by: 'rule' | 'subject' | 'study'): FindingGroup[] {
  return cachedQuery(db, `groups:${by}:${JSON.stringify(filter)}`, () => {
    const { where, params } = filterSql(filter);
    const driving = drivingIndex(filter);
    const index = driving !== null && isSelective(filter, countFindings(db, filter).total) ? driving : GROUP_INDEX[by];
    const column = by === 'rule' ? 'f.rule' : by === 'subject' ? 'f.subject_id' : 'f.study_id';
    const rows = db
      .prepare(
        `SELECT ${column} AS key, count(*) AS count, sum(f.amount_cents) AS amountCents FROM findings f INDEXED BY ${index}
         WHERE ${where} GROUP BY ${column} ORDER BY amountCents DESC, key LIMIT ${GROUP_LIMIT}`,
      )
      .all(...params) as { key: string | number | null; count: number; amountCents: number }[];
    if (by === 'rule') return rows.map((r) => ({ key: String(r.key), label: `${r.key} ${ruleById(String(r.key)).title}`, count: r.count, amountCents: r.amountCents, filter: { rules: [String(r.key)] } }));
    return by === 'subject' ? labelSubjects(db, rows) : labelStudies(db, rows);
  });
}

type GroupRow = { key: string | number | null; count: number; amountCents: number };

function labelSubjects(db: Db, rows: readonly GroupRow[]): FindingGroup[] {
  const names = new Map<number, { subjectId: string; studyId: string }>();
  const pks = rows.map((r) => r.key).filter((k): k is number => typeof k === 'number');
  const lookup = db.prepare('SELECT su.id, su.subject_id AS subjectId, st.study_id AS studyId FROM subjects su JOIN studies st ON st.id = su.study_id WHERE su.id = ?');
  for (const pk of pks) {
    const found = lookup.get(pk) as { id: number; subjectId: string; studyId: string } | undefined;
    if (found) names.set(found.id, found);
  }
  return rows.map((r) => {
    const name = typeof r.key === 'number' ? names.get(r.key) : undefined;
    if (!name) return { key: 'none', label: 'No subject', count: r.count, amountCents: r.amountCents, filter: { withoutSubject: true } };
    return { key: `${name.studyId}/${name.subjectId}`, label: `${name.subjectId} · ${name.studyId}`, count: r.count, amountCents: r.amountCents, filter: { studyIds: [name.studyId], subjectId: name.subjectId } };
  });
}

function labelStudies(db: Db, rows: readonly GroupRow[]): FindingGroup[] {
  const lookup = db.prepare('SELECT study_id FROM studies WHERE id = ?').pluck();
  return rows.map((r) => {
    const studyId = typeof r.key === 'number' ? (lookup.get(r.key) as string | undefined) : undefined;
    if (studyId === undefined) return { key: 'none', label: 'No study', count: r.count, amountCents: r.amountCents, filter: { withoutStudy: true } };
    return { key: studyId, label: studyId, count: r.count, amountCents: r.amountCents, filter: { studyIds: [studyId] } };
  });
}
