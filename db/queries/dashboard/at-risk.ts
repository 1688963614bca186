/**
 * The dashboard's money: dollars at risk (open and confirmed findings) by rule and by study split by
 * category, and open findings by age and severity. Each part is one pass over a covering index with
 * no sorter (an index-ordered GROUP BY, or conditional sums), so a million findings take well under a
 * second, and the answer is cached until the data changes.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { AGE_BUCKETS, AT_RISK_STATUSES, type AgeingLine, type AtRiskByRule, type AtRiskByStudy, type AtRiskSummary } from '../../../shared/contract/findings-insights.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { ruleById, type Category, type Severity } from '../../../shared/rules/catalogue.ts';
import { cachedQuery } from '../findings/query-cache.ts';

export const CATEGORIES: readonly Category[] = ['exposure', 'denial-risk', 'leakage', 'review'];
const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'review'];
/** Lower bound (days ago) of each age bucket, in AGE_BUCKETS order. */
const BUCKET_START_DAYS = [30, 60, 90, 180] as const;

/** The scope clause: at-risk statuses, optionally some studies. */
export function atRiskScope(studyIds: readonly string[] | undefined): { where: string; params: unknown[] } {
  const params: unknown[] = [...AT_RISK_STATUSES];
  let where = `f.active = 1 AND f.status IN (${AT_RISK_STATUSES.map(() => '?').join(', ')})`;
  if (studyIds?.length) {
    where += ` AND f.study_id IN (SELECT id FROM studies WHERE study_id IN (${studyIds.map(() => '?').join(', ')}))`;
    params.push(...studyIds);
  }
  return { where, params };
}

function byRule(db: Db, where: string, params: unknown[]): AtRiskByRule[] {
  const rows = db
    .prepare(`SELECT f.rule, count(*) AS count, sum(f.amount_cents) AS amountCents FROM findings f INDEXED BY findings_q_rule WHERE ${where} GROUP BY f.rule`)
    .all(...params) as { rule: string; count: number; amountCents: number }[];
  return rows
    .map((r) => {
      const rule = ruleById(r.rule);
      return { ...r, title: rule.title, severity: rule.severity, category: rule.category };
    })
    .sort((a, b) => b.amountCents - a.amountCents || a.rule.localeCompare(b.rule));
}

function byStudy(db: Db, where: string, params: unknown[]): AtRiskByStudy[] {
  const sums = CATEGORIES.map(() => 'sum(f.category = ?), sum(iif(f.category = ?, f.amount_cents, 0))').join(', ');
  const rows = db
    .prepare(`SELECT f.study_id, ${sums} FROM findings f INDEXED BY findings_q_study WHERE ${where} GROUP BY f.study_id`)
    .raw()
    .all(...CATEGORIES.flatMap((c) => [c, c]), ...params) as (number | null)[][];
  const names = new Map((db.prepare('SELECT id, study_id FROM studies').raw().all() as [number, string][]).map(([pk, name]) => [pk, name]));
  const lines: AtRiskByStudy[] = [];
  for (const [studyPk, ...values] of rows) {
    const studyId = studyPk === null || studyPk === undefined ? '' : (names.get(studyPk) ?? '');
    CATEGORIES.forEach((category, i) => {
      const count = Number(values[i * 2] ?? 0);
      if (count > 0) lines.push({ studyId, category, count, amountCents: Number(values[i * 2 + 1] ?? 0) });
    });
  }
  return lines.sort((a, b) => a.studyId.localeCompare(b.studyId) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/**
 * Open findings by age bucket (days since opened, to `today`) and severity: one range of the
 * created_at index per bucket, so each finding is read once and only three sums are kept per row.
 */
function ageing(db: Db, where: string, params: unknown[], today: string): AgeingLine[] {
  // created_at is an ISO timestamp: comparing with a date string puts a finding opened on that day at or after it.
  const starts = BUCKET_START_DAYS.map((days) => addDays(today, -days));
  const bounds = AGE_BUCKETS.map((_, i) => ({ from: i < starts.length ? (starts[i] ?? '') : '', to: i === 0 ? '\uffff' : (starts[i - 1] ?? '') }));
  const sums = SEVERITIES.map(() => 'sum(f.severity_rank = ?), sum(iif(f.severity_rank = ?, f.amount_cents, 0))').join(', ');
  const range = db.prepare(`SELECT ${sums} FROM findings f INDEXED BY findings_q_created WHERE ${where} AND f.created_at >= ? AND f.created_at < ?`).raw();
  const lines: AgeingLine[] = [];
  AGE_BUCKETS.forEach((bucket, b) => {
    const row = range.get(...SEVERITIES.flatMap((_, s) => [s, s]), ...params, bounds[b]?.from ?? '', bounds[b]?.to ?? '') as (number | null)[];
    SEVERITIES.forEach((severity, s) => {
      const count = Number(row[s * 2] ?? 0);
      if (count > 0) lines.push({ bucket, severity, count, amountCents: Number(row[s * 2 + 1] ?? 0) });
    });
  });
  return lines;
}

/** Dollars at risk and ageing, for some studies or all; ages are counted to `now`'s date. */
export function atRiskSummary(db: Db, studyIds: readonly string[] | undefined, now: Date): AtRiskSummary {
  const today = now.toISOString().slice(0, 10);
  return cachedQuery(db, `at-risk:${today}:${JSON.stringify(studyIds ?? [])}`, () => {
    const { where, params } = atRiskScope(studyIds);
    const rules = byRule(db, where, params);
    const totals = CATEGORIES.map((category) => {
      const lines = rules.filter((r) => r.category === category);
      return { category, count: lines.reduce((n, r) => n + r.count, 0), amountCents: lines.reduce((n, r) => n + r.amountCents, 0) };
    });
    return { byRule: rules, byStudy: byStudy(db, where, params), ageing: ageing(db, where, params, today), totals, asOf: today };
  });
}
