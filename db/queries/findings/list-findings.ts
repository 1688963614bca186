/** The work queue: a page of findings under a filter and sort, with the total, and grouped counts. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingFilter, FindingGroup, FindingPage, FindingRow, FindingSort } from '../../../shared/contract/findings.ts';
import { ruleById } from '../../../shared/rules/catalogue.ts';
import { filterSql, orderBy } from './filter-sql.ts';

export const ROW_COLUMNS = `f.id, f.rule, f.severity, f.category, f.status, st.study_id AS studyId, su.subject_id AS subjectId, c.charge_id AS chargeId,
  v.visit_code AS visitCode, f.cpt_hcpcs AS cptHcpcs, f.service_date AS serviceDate, f.payer_type AS payerType, f.amount_cents AS amountCents,
  f.assignee, f.message`;

export const ROW_JOINS = `LEFT JOIN studies st ON st.id = f.study_id LEFT JOIN subjects su ON su.id = f.subject_id
  LEFT JOIN charges c ON c.id = f.charge_id LEFT JOIN calendar_visits v ON v.id = f.visit_id`;

/** The SQL of a page query (exported for the query-plan tests). */
export function pageSql(filter: FindingFilter, sort: FindingSort): { sql: string; params: unknown[] } {
  const { where, params } = filterSql(filter);
  // Filter and order on findings alone first (index-friendly), then join the few rows of the page.
  const needsJoinToSort = sort.by === 'study' || sort.by === 'subject';
  if (needsJoinToSort) {
    return { sql: `SELECT ${ROW_COLUMNS} FROM findings f ${ROW_JOINS} WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`, params };
  }
  return {
    sql: `SELECT ${ROW_COLUMNS} FROM (SELECT f.id FROM findings f WHERE ${where} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?) page
          JOIN findings f ON f.id = page.id ${ROW_JOINS} ORDER BY ${orderBy(sort)}`,
    params,
  };
}

export function listFindings(db: Db, filter: FindingFilter, sort: FindingSort, offset: number, limit: number): FindingPage {
  const { sql, params } = pageSql(filter, sort);
  const rows = db.prepare(sql).all(...params, limit, offset) as FindingRow[];
  const { where, params: countParams } = filterSql(filter);
  const total = db.prepare(`SELECT count(*) FROM findings f WHERE ${where}`).pluck().get(...countParams) as number;
  return { rows, total, offset };
}

export function groupFindings(db: Db, filter: FindingFilter, by: 'rule' | 'subject' | 'study'): FindingGroup[] {
  const { where, params } = filterSql(filter);
  if (by === 'rule') {
    const rows = db.prepare(`SELECT f.rule AS key, count(*) AS count, sum(f.amount_cents) AS amountCents FROM findings f WHERE ${where} GROUP BY f.rule ORDER BY amountCents DESC`).all(...params) as Omit<FindingGroup, 'label'>[];
    return rows.map((r) => ({ ...r, label: `${r.key} ${ruleById(r.key).title}` }));
  }
  const [table, column, fk] = by === 'subject' ? ['subjects', 'subject_id', 'subject_id'] : ['studies', 'study_id', 'study_id'];
  const rows = db
    .prepare(
      `SELECT coalesce(t.${column}, '') AS key, count(*) AS count, sum(f.amount_cents) AS amountCents
       FROM findings f LEFT JOIN ${table} t ON t.id = f.${fk} WHERE ${where} GROUP BY t.${column} ORDER BY amountCents DESC LIMIT 5000`,
    )
    .all(...params) as Omit<FindingGroup, 'label'>[];
  return rows.map((r) => ({ ...r, label: r.key === '' ? (by === 'subject' ? 'No subject' : 'No study') : r.key }));
}
