/**
 * Findings per month and category, by the month they were opened or the month of the service they
 * are about. The service trend walks the date index one month range at a time (no sorter); the
 * opened trend groups by creation month. Both are cached until the data changes.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { TrendPoint } from '../../../shared/contract/findings-insights.ts';
import { cachedQuery } from '../findings/query-cache.ts';
import { CATEGORIES } from './at-risk.ts';

/** At most this many months, the latest ones, are returned. */
export const TREND_MONTHS = 36;

function studyScope(studyIds: readonly string[] | undefined): { where: string; params: unknown[] } {
  if (!studyIds?.length) return { where: '', params: [] };
  return { where: ` AND f.study_id IN (SELECT id FROM studies WHERE study_id IN (${studyIds.map(() => '?').join(', ')}))`, params: [...studyIds] };
}

/** `YYYY-MM` months from `first` to `last` inclusive, the latest TREND_MONTHS of them. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = last.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= end || months.length > 1_200) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months.slice(-TREND_MONTHS);
}

function serviceTrend(db: Db, studyIds: readonly string[] | undefined): TrendPoint[] {
  const scope = studyScope(studyIds);
  const edge = (fn: 'min' | 'max', active: number): string | null =>
    db.prepare(`SELECT ${fn}(f.service_date) FROM findings f INDEXED BY findings_q_date WHERE f.active = ? AND f.service_date IS NOT NULL`).pluck().get(active) as string | null;
  const firsts = [edge('min', 0), edge('min', 1)].filter((d): d is string => d !== null).sort();
  const lasts = [edge('max', 0), edge('max', 1)].filter((d): d is string => d !== null).sort();
  const first = firsts[0];
  const last = lasts.at(-1);
  if (first === undefined || last === undefined) return [];
  const sums = CATEGORIES.map(() => 'sum(f.category = ?), sum(iif(f.category = ?, f.amount_cents, 0))').join(', ');
  const month = db.prepare(`SELECT ${sums} FROM findings f INDEXED BY findings_q_date WHERE f.active IN (0, 1) AND f.service_date BETWEEN ? AND ?${scope.where}`).raw();
  const points: TrendPoint[] = [];
  for (const key of monthsBetween(first, last)) {
    const values = month.get(...CATEGORIES.flatMap((c) => [c, c]), `${key}-01`, `${key}-31`, ...scope.params) as (number | null)[];
    CATEGORIES.forEach((category, i) => points.push({ month: key, category, count: Number(values[i * 2] ?? 0), amountCents: Number(values[i * 2 + 1] ?? 0) }));
  }
  return points;
}

/** Months of the created_at index, one range each (every finding ever opened, closed ones too). */
function openedTrend(db: Db, studyIds: readonly string[] | undefined): TrendPoint[] {
  const scope = studyScope(studyIds);
  const edge = (fn: 'min' | 'max', active: number): string | null =>
    db.prepare(`SELECT ${fn}(f.created_at) FROM findings f INDEXED BY findings_q_created WHERE f.active = ?`).pluck().get(active) as string | null;
  const firsts = [edge('min', 0), edge('min', 1)].filter((d): d is string => d !== null).sort();
  const lasts = [edge('max', 0), edge('max', 1)].filter((d): d is string => d !== null).sort();
  const first = firsts[0];
  const last = lasts.at(-1);
  if (first === undefined || last === undefined) return [];
  const sums = CATEGORIES.map(() => 'sum(f.category = ?), sum(iif(f.category = ?, f.amount_cents, 0))').join(', ');
  const month = db.prepare(`SELECT ${sums} FROM findings f INDEXED BY findings_q_created WHERE f.active IN (0, 1) AND f.created_at >= ? AND f.created_at < ?${scope.where}`).raw();
  return monthsBetween(first, last).flatMap((key) => {
    const values = month.get(...CATEGORIES.flatMap((c) => [c, c]), `${key}-01`, `${key}-32`, ...scope.params) as (number | null)[];
    return CATEGORIES.map((category, i): TrendPoint => ({ month: key, category, count: Number(values[i * 2] ?? 0), amountCents: Number(values[i * 2 + 1] ?? 0) }));
  });
}

/** Monthly findings by category; every month between the first and the last has a point per category. */
export function findingsTrend(db: Db, studyIds: readonly string[] | undefined, basis: 'opened' | 'service'): TrendPoint[] {
  return cachedQuery(db, `trend:${basis}:${JSON.stringify(studyIds ?? [])}`, () => (basis === 'service' ? serviceTrend(db, studyIds) : openedTrend(db, studyIds)));
}
