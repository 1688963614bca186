/**
 * The work queue's SQL against a reference implementation: every sort in both directions, filters of
 * every kind, paging (pages put together equal the whole order), both the selective and the
 * ordered-scan paths, totals cached until a write, and grouping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { countFindings, groupFindings, listFindings, pageIds } from '../../db/queries/findings/list-findings.ts';
import { scanSql } from '../../db/queries/findings/queue-plan.ts';
import { setFindingStatus } from '../../db/queries/findings/update-findings.ts';
import { FINDING_SORTS, type FindingFilter, type FindingSort } from '../../shared/contract/findings.ts';
import { allRows, demoStore, NOW, refFilter, refSort, type RefRow } from './demo-store.ts';

let db: Db;
let rows: RefRow[];

beforeAll(async () => {
  db = await demoStore();
  rows = allRows(db);
});

/** Every id of the view, read page by page. */
function pagedIds(filter: FindingFilter, sort: FindingSort, limit: number): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = pageIds(db, filter, sort, offset, limit);
    ids.push(...page.ids);
    if (page.ids.length < limit) return ids;
  }
}

const expected = (filter: FindingFilter, sort: FindingSort): number[] => refSort(refFilter(rows, filter), sort).map((r) => r.id);

const FILTERS: readonly FindingFilter[] = [
  {},
  { statuses: ['open'] },
  { statuses: ['confirmed', 'dismissed'] },
  { statuses: ['open', 'closed'] },
  { rules: ['RSH-02', 'DBL-03'] },
  { studyIds: ['NSCLC-301'] },
  { severities: ['critical'] },
  { categories: ['denial-risk', 'leakage'] },
  { payerTypes: ['MEDICARE_ADVANTAGE'] },
  { dateFrom: '2025-06-01', dateTo: '2025-09-30' },
  { assignee: 'Dana Whitfield' },
  { assignee: '' },
  { amountMinCents: 100_000, amountMaxCents: 1_000_000 },
  { withoutSubject: true },
  { withoutStudy: true },
  { studyIds: ['TMVR-22'], severities: ['warning'], payerTypes: ['MEDICARE'] },
];

describe('the work queue', () => {
  it('has a realistic mix to test on', () => {
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'confirmed', 'dismissed', 'fixed']));
    expect(rows.some((r) => r.subjectId === null)).toBe(true);
    expect(rows.some((r) => r.assignee !== null)).toBe(true);
  });

  for (const by of FINDING_SORTS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`sorts by ${by} ${direction}, page by page, exactly as documented`, () => {
        const sort = { by, direction };
        for (const filter of FILTERS) {
          const want = expected(filter, sort);
          expect(pagedIds(filter, sort, 17), JSON.stringify(filter)).toEqual(want);
          expect(countFindings(db, filter).total).toBe(want.length);
        }
      });
    }
  }

  it('gives the same order on the ordered-scan path as on the selective path', () => {
    for (const by of ['severity', 'amount', 'service_date', 'rule', 'created'] as const) {
      for (const filter of [{ rules: ['MOD-08', 'CC-10'] }, { studyIds: ['NSCLC-301'] }, { dateFrom: '2025-05-01' }, { assignee: 'Dana Whitfield' }] as FindingFilter[]) {
        const sort = { by, direction: 'desc' } as const;
        const ordered = scanSql(filter, sort, false);
        const selective = scanSql(filter, sort, true);
        const all = (q: { sql: string; params: unknown[] }): number[] => db.prepare(q.sql).pluck().all(...q.params, -1, 0) as number[];
        expect(all(ordered)).toEqual(expected(filter, sort));
        expect(all(selective)).toEqual(expected(filter, sort));
      }
    }
  });

  it('finds a charge and a subject', () => {
    const charge = rows.find((r) => r.chargeId !== null && r.rule === 'RSH-02');
    const page = listFindings(db, { chargeId: charge?.chargeId ?? '' }, { by: 'severity', direction: 'asc' }, 0, 10);
    expect(page.rows.map((r) => r.id)).toContain(charge?.id);
    const subject = rows.find((r) => r.subjectId !== null);
    expect(listFindings(db, { subjectId: subject?.subjectId ?? '' }, { by: 'service_date', direction: 'asc' }, 0, 500).total).toBe(rows.filter((r) => r.subjectId === subject?.subjectId && r.status !== 'closed').length);
  });

  it('returns rows with their joined names and nothing past the end', () => {
    const page = listFindings(db, {}, { by: 'amount', direction: 'desc' }, 0, 3);
    expect(page.rows).toHaveLength(3);
    expect(page.rows[0]).toMatchObject({ id: expected({}, { by: 'amount', direction: 'desc' })[0] });
    expect(Object.keys(page.rows[0] ?? {}).sort()).toEqual(
      ['amountCents', 'assignee', 'category', 'chargeId', 'cptHcpcs', 'id', 'message', 'payerType', 'rule', 'serviceDate', 'severity', 'status', 'studyId', 'subjectId', 'visitCode'].sort(),
    );
    expect(JSON.stringify(page.rows)).not.toMatch(/MRN/i);
    expect(listFindings(db, {}, { by: 'amount', direction: 'desc' }, 100_000, 10)).toMatchObject({ rows: [], offset: 100_000 });
  });

  it('answers a page without an expensive total when asked, but still counts a pinned filter', () => {
    const payer = { payerTypes: ['COMMERCIAL'] } as FindingFilter;
    const first = listFindings(db, payer, { by: 'amount', direction: 'desc' }, 0, 5, false);
    expect(first.total).toBeNull();
    expect(first.rows.map((r) => r.id)).toEqual(expected(payer, { by: 'amount', direction: 'desc' }).slice(0, 5));
    expect(countFindings(db, payer).total).toBe(refFilter(rows, payer).length);
    expect(listFindings(db, payer, { by: 'amount', direction: 'desc' }, 5, 5, false).total).toBe(refFilter(rows, payer).length);
    expect(listFindings(db, { rules: ['MOD-08'] }, { by: 'severity', direction: 'asc' }, 0, 5, false).total).toBe(refFilter(rows, { rules: ['MOD-08'] }).length);
  });

  it('counts again only after the data changed', () => {
    const open = { statuses: ['open'] } as FindingFilter;
    const before = countFindings(db, open).total;
    expect(countFindings(db, open).total).toBe(before);
    const id = rows.find((r) => r.status === 'open')?.id ?? 0;
    setFindingStatus(db, { ids: [id], status: 'confirmed', actor: 'test' }, NOW);
    expect(countFindings(db, open).total).toBe(before - 1);
    setFindingStatus(db, { ids: [id], status: 'open', actor: 'test' }, NOW);
    expect(countFindings(db, open).total).toBe(before);
  });

  it('groups by rule, subject and study with the filter that selects each group', () => {
    for (const by of ['rule', 'subject', 'study'] as const) {
      const groups = groupFindings(db, {}, by);
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(refFilter(rows, {}).length);
      expect(groups.map((g) => g.amountCents)).toEqual([...groups.map((g) => g.amountCents)].sort((a, b) => b - a));
      for (const group of groups) {
        const members = refFilter(rows, group.filter);
        expect(members.length, `${by} ${group.key}`).toBe(group.count);
        expect(members.reduce((n, r) => n + r.amountCents, 0)).toBe(group.amountCents);
      }
    }
    const bySubject = groupFindings(db, { rules: ['RSH-02'] }, 'subject');
    expect(bySubject.every((g) => g.label.includes(' · ') || g.label === 'No subject')).toBe(true);
  });
});
