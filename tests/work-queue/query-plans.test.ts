/**
 * The work queue's hot queries must be answered from a covering index without sorting: at a million
 * findings a table scan is ~20 s and a sort of every row ~1 s. A plan change here is a performance
 * regression (bench/findings-queue.bench.ts measures the numbers).
 */
import { describe, expect, it } from 'vitest';
import { atRiskScope } from '../../db/queries/dashboard/at-risk.ts';
import { countQuery, pageArms, scanSql } from '../../db/queries/findings/queue-plan.ts';
import type { FindingFilter, FindingSort } from '../../shared/contract/findings.ts';
import { memoryStore } from '../helpers/store.ts';

const db = memoryStore();
const plan = (sql: string, params: readonly unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
const page = (filter: FindingFilter, sort: FindingSort, selective = false): string => {
  const q = scanSql(filter, sort, selective);
  return plan(q.sql, [...q.params, 100, 0]);
};

describe('work-queue query plans', () => {
  it('pages in each sort order walk that order’s covering index, with any filter, and never sort', () => {
    const cases: [FindingSort['by'], string][] = [
      ['severity', 'findings_q_severity'],
      ['amount', 'findings_q_amount'],
      ['service_date', 'findings_q_date'],
      ['rule', 'findings_q_rule'],
    ];
    for (const [by, index] of cases) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of [{}, { payerTypes: ['MEDICARE'], categories: ['exposure'] }, { statuses: ['open'], assignee: '' }] as FindingFilter[]) {
          const p = page(filter, { by, direction });
          expect(p, `${by} ${direction} ${JSON.stringify(filter)}`).toMatch(new RegExp(`USING COVERING INDEX ${index} \\(active=\\?`));
          expect(p).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });

  it('partitioned sorts walk studies, subjects and statuses in order without sorting', () => {
    for (const by of ['study', 'subject', 'status'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const arm of pageArms({ payerTypes: ['MEDICARE'] }, { by, direction }, 10, [5, 5, 0, 0])) {
          const p = plan(arm.sql, [...arm.params, 100, 0]);
          expect(p, `${by} ${direction}`).not.toMatch(/TEMP B-TREE/);
          expect(p).toMatch(/USING COVERING INDEX findings_q_(study|subject|severity)/);
        }
      }
    }
  });

  it('counts read only a covering index, led by the most selective pinned column', () => {
    const cases: [FindingFilter, RegExp][] = [
      [{}, /COVERING INDEX findings_q_severity \(active=\?\)/],
      [{ payerTypes: ['COMMERCIAL'] }, /COVERING INDEX findings_q_severity \(active=\?\)/],
      [{ severities: ['critical'] }, /COVERING INDEX findings_q_severity \(active=\? AND severity_rank=\?\)/],
      [{ rules: ['RSH-02'], payerTypes: ['MEDICARE'] }, /COVERING INDEX findings_q_rule \(active=\? AND rule=\?\)/],
      [{ studyIds: ['S1'], dateFrom: '2025-01-01' }, /COVERING INDEX findings_q_study \(study_id=\? AND active=\?\)/],
      [{ dateFrom: '2025-01-01', dateTo: '2025-01-31' }, /COVERING INDEX findings_q_date \(active=\? AND service_date>\? AND service_date<\?\)/],
      [{ assignee: 'Dana' }, /COVERING INDEX findings_q_assignee \(assignee=\? AND active=\?\)/],
      [{ amountMinCents: 100 }, /COVERING INDEX findings_q_amount \(active=\? AND amount_cents>\?\)/],
      [{ subjectId: '101-001' }, /COVERING INDEX findings_q_subject \(subject_id=\? AND active=\?\)/],
      [{ statuses: ['open', 'closed'] }, /COVERING INDEX findings_q_severity \(active=\?\)/],
    ];
    for (const [filter, pattern] of cases) {
      const q = countQuery(filter);
      const p = plan(q.sql, q.params);
      expect(p, JSON.stringify(filter)).toMatch(pattern);
      expect(p).not.toMatch(/SCAN f\b(?! USING COVERING)/);
    }
    const status = countQuery({}, 'status');
    expect(plan(status.sql, status.params)).toMatch(/COVERING INDEX findings_q_severity/);
    const subject = countQuery({}, 'subject');
    expect(plan(subject.sql, subject.params)).toMatch(/COVERING INDEX findings_q_subject \(subject_id=\? AND active=\?\)/);
  });

  it('groups by rule, subject and study in index order', () => {
    for (const [column, index] of [
      ['rule', 'findings_q_rule'],
      ['subject_id', 'findings_q_subject'],
      ['study_id', 'findings_q_study'],
    ] as const) {
      const p = plan(`SELECT f.${column}, count(*), sum(f.amount_cents) FROM findings f INDEXED BY ${index} WHERE f.active = 1 GROUP BY f.${column}`, []);
      expect(p).toMatch(new RegExp(`COVERING INDEX ${index}`));
      expect(p).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
    }
  });

  it('the dashboard sums dollars at risk by rule and by study without sorting', () => {
    const { where, params } = atRiskScope(undefined);
    expect(plan(`SELECT f.rule, count(*) FROM findings f INDEXED BY findings_q_rule WHERE ${where} GROUP BY f.rule`, params)).not.toMatch(/TEMP B-TREE/);
    expect(plan(`SELECT f.study_id, count(*) FROM findings f INDEXED BY findings_q_study WHERE ${where} GROUP BY f.study_id`, params)).not.toMatch(/TEMP B-TREE/);
  });

  it('the dashboard ages findings and trends them by month opened through ranges of created_at', () => {
    const { where, params } = atRiskScope(['S1']);
    const p = plan(`SELECT count(*) FROM findings f INDEXED BY findings_q_created WHERE ${where} AND f.created_at >= ? AND f.created_at < ?`, [...params, '2025-01-01', '2025-02-01']);
    expect(p).toMatch(/COVERING INDEX findings_q_created \(active=\? AND created_at>\? AND created_at<\?\)/);
    expect(plan("SELECT count(*) FROM findings f INDEXED BY findings_q_created WHERE f.active IN (0, 1) AND f.created_at >= ? AND f.created_at < ?", ['2025-01-01', '2025-02-01'])).toMatch(
      /COVERING INDEX findings_q_created \(active=\? AND created_at>\? AND created_at<\?\)/,
    );
  });

  it('a subject timeline reads charges by MRN and date, and findings by subject', () => {
    expect(plan('SELECT c.id FROM charges c WHERE (c.mrn = ? AND c.service_date BETWEEN ? AND ?) OR c.id IN (?, ?) ORDER BY c.service_date, c.id', ['M', '2025-01-01', '2025-12-31', 1, 2])).toMatch(
      /INDEX charges_by_\w+ \(mrn=\? AND service_date>\? AND service_date<\?\)/,
    );
    expect(plan('SELECT f.id FROM findings f INDEXED BY findings_q_subject WHERE f.subject_id = ? AND f.active = 1', [1])).toMatch(/findings_q_subject \(subject_id=\? AND active=\?\)/);
  });
});
