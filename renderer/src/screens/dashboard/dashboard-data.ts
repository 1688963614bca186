/** The dashboard's data shaped for charts, pure: pivots by study, age and month, and compact dollars. */
import type { AgeingLine, AtRiskByStudy, TrendPoint } from '../../../../shared/contract/findings-insights.ts';
import { AGE_BUCKETS } from '../../../../shared/contract/findings-insights.ts';
import type { Category, Severity } from '../../../../shared/rules/catalogue.ts';

export const CATEGORIES: readonly Category[] = ['exposure', 'denial-risk', 'leakage', 'review'];
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'review'];

export type StudyBar = { readonly study: string; readonly total: number } & Record<Category, number>;

/** Dollars per study with one field per category, largest total first; '' becomes "No study". */
export function pivotByStudy(lines: readonly AtRiskByStudy[]): StudyBar[] {
  const byStudy = new Map<string, Record<Category, number>>();
  for (const line of lines) {
    const row = byStudy.get(line.studyId) ?? { exposure: 0, 'denial-risk': 0, leakage: 0, review: 0 };
    row[line.category] += line.amountCents / 100;
    byStudy.set(line.studyId, row);
  }
  return [...byStudy.entries()]
    .map(([study, row]) => ({ study: study === '' ? 'No study' : study, ...row, total: CATEGORIES.reduce((n, c) => n + row[c], 0) }))
    .sort((a, b) => b.total - a.total || a.study.localeCompare(b.study));
}

export type AgeBar = { readonly bucket: string } & Record<Severity, number>;

/** Open findings per age bucket (every bucket, in order), one field per severity. */
export function pivotAgeing(lines: readonly AgeingLine[]): AgeBar[] {
  return AGE_BUCKETS.map((bucket) => {
    const row: Record<Severity, number> = { critical: 0, warning: 0, review: 0 };
    for (const line of lines) if (line.bucket === bucket) row[line.severity] += line.count;
    return { bucket: `${bucket} days`, ...row };
  });
}

export type TrendRow = { readonly month: string } & Record<Category, number>;

/** One row per month, one field per category: counts, or dollars. */
export function pivotTrend(points: readonly TrendPoint[], measure: 'count' | 'amount'): TrendRow[] {
  const byMonth = new Map<string, Record<Category, number>>();
  for (const p of points) {
    const row = byMonth.get(p.month) ?? { exposure: 0, 'denial-risk': 0, leakage: 0, review: 0 };
    row[p.category] += measure === 'count' ? p.count : p.amountCents / 100;
    byMonth.set(p.month, row);
  }
  return [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, row]) => ({ month, ...row }));
}

/** `1234567` dollars -> `$1.2M`; `98400` -> `$98K`; small amounts whole. */
export function compactDollars(dollars: number): string {
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}$${(abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1)}M`;
  if (abs >= 1_000) return `${sign}$${(abs / 1_000).toFixed(abs >= 10_000 ? 0 : 1)}K`;
  return `${sign}$${Math.round(abs)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03` -> `Mar 2025`. */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
