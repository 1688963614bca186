/**
 * The demo package imported and reconciled into a fresh in-memory store, with a deterministic mix of
 * decisions (confirmed, fixed, dismissed, assigned), and a reference implementation of the queue's
 * filter and sort semantics in plain JavaScript to check the SQL against.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { defaultDemoDir } from '../../db/demo/load-demo.ts';
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { assignFindings, setFindingStatus } from '../../db/queries/findings/update-findings.ts';
import type { FindingFilter, FindingSort } from '../../shared/contract/findings.ts';
import { SEVERITY_RANK } from '../../shared/rules/catalogue.ts';
import { memoryStore } from '../helpers/store.ts';

export const NOW = new Date('2026-02-01T10:00:00.000Z');

/** The demo store with decisions: every 7th finding confirmed, every 11th dismissed, every 13th fixed, every 5th assigned. */
export async function demoStore(): Promise<Db> {
  const db = memoryStore();
  const outcome = await importFiles(db, { type: 'folder', path: defaultDemoDir() });
  if (outcome.status !== 'imported') throw new Error(`demo import ${outcome.status}`);
  reconcile(db);
  const ids = db.prepare('SELECT id FROM findings ORDER BY id').pluck().all() as number[];
  const pick = (n: number): number[] => ids.filter((id) => id % n === 0);
  setFindingStatus(db, { ids: pick(7), status: 'confirmed', actor: 'test' }, NOW);
  setFindingStatus(db, { ids: pick(11), status: 'dismissed', reason: 'billed correctly after review', actor: 'test' }, NOW);
  setFindingStatus(db, { ids: pick(13), status: 'fixed', actor: 'test' }, NOW);
  assignFindings(db, pick(5), 'Dana Whitfield', 'test', NOW);
  assignFindings(db, pick(17), 'Luis Ortega', 'test', NOW);
  return db;
}

export interface RefRow {
  readonly id: number;
  readonly rule: string;
  readonly severityRank: number;
  readonly severity: string;
  readonly category: string;
  readonly status: string;
  readonly studyId: string | null;
  readonly subjectId: string | null;
  readonly subjectPk: number | null;
  readonly chargeId: string | null;
  readonly payerType: string | null;
  readonly serviceDate: string | null;
  readonly assignee: string | null;
  readonly amountCents: number;
}

/** Every finding with the columns the reference needs. */
export function allRows(db: Db): RefRow[] {
  return db
    .prepare(
      `SELECT f.id, f.rule, f.severity_rank AS severityRank, f.severity, f.category, f.status, st.study_id AS studyId, su.subject_id AS subjectId, f.subject_id AS subjectPk,
              c.charge_id AS chargeId, f.payer_type AS payerType, f.service_date AS serviceDate, f.assignee, f.amount_cents AS amountCents
       FROM findings f LEFT JOIN studies st ON st.id = f.study_id LEFT JOIN subjects su ON su.id = f.subject_id LEFT JOIN charges c ON c.id = f.charge_id`,
    )
    .all() as RefRow[];
}

/** The filter, as the contract documents it. */
export function refFilter(rows: readonly RefRow[], filter: FindingFilter): RefRow[] {
  const statuses = filter.statuses?.length ? filter.statuses : ['open', 'confirmed', 'fixed', 'dismissed'];
  return rows.filter(
    (r) =>
      statuses.includes(r.status as never) &&
      (filter.withoutStudy ? r.studyId === null : !filter.studyIds?.length || (r.studyId !== null && filter.studyIds.includes(r.studyId))) &&
      (!filter.rules?.length || filter.rules.includes(r.rule)) &&
      (!filter.severities?.length || filter.severities.some((s) => SEVERITY_RANK[s] === r.severityRank)) &&
      (!filter.categories?.length || filter.categories.includes(r.category as never)) &&
      (!filter.payerTypes?.length || (r.payerType !== null && filter.payerTypes.includes(r.payerType as never))) &&
      (!filter.dateFrom || (r.serviceDate !== null && r.serviceDate >= filter.dateFrom)) &&
      (!filter.dateTo || (r.serviceDate !== null && r.serviceDate <= filter.dateTo)) &&
      (filter.assignee === undefined || (filter.assignee === '' ? r.assignee === null : r.assignee === filter.assignee)) &&
      (filter.amountMinCents === undefined || r.amountCents >= filter.amountMinCents) &&
      (filter.amountMaxCents === undefined || r.amountCents <= filter.amountMaxCents) &&
      (filter.withoutSubject ? r.subjectId === null : !filter.subjectId || r.subjectId === filter.subjectId) &&
      (!filter.chargeId || r.chargeId === filter.chargeId),
  );
}

type Key = (string | number | null)[];

/** SQLite's order: NULL first, then numbers, then text by code point. */
function compareValue(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

const KEYS: Record<FindingSort['by'], (r: RefRow) => { key: Key; flip: boolean[] }> = {
  severity: (r) => ({ key: [r.severityRank, r.amountCents, r.id], flip: [false, true, false] }),
  amount: (r) => ({ key: [r.amountCents, r.id], flip: [false, false] }),
  service_date: (r) => ({ key: [r.serviceDate, r.id], flip: [false, false] }),
  rule: (r) => ({ key: [r.rule, r.amountCents, r.id], flip: [false, true, false] }),
  study: (r) => ({ key: [r.studyId, r.severityRank, r.amountCents, r.id], flip: [false, false, true, false] }),
  subject: (r) => ({ key: [r.subjectId, r.subjectPk, r.serviceDate, r.id], flip: [false, false, false, false] }),
  status: (r) => ({ key: [r.status, r.severityRank, r.amountCents, r.id], flip: [false, false, true, false] }),
  created: (r) => ({ key: [r.id], flip: [false] }),
};

/** The sort, as filter-sql.ts documents it (descending reverses the whole order). */
export function refSort(rows: readonly RefRow[], sort: FindingSort): RefRow[] {
  const sign = sort.direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ka = KEYS[sort.by](a);
    const kb = KEYS[sort.by](b);
    for (let i = 0; i < ka.key.length; i += 1) {
      const c = compareValue(ka.key[i] ?? null, kb.key[i] ?? null) * (ka.flip[i] ? -1 : 1);
      if (c !== 0) return c * sign;
    }
    return 0;
  });
}
