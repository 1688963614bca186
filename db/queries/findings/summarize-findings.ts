/** Open findings and dollars at stake by rule, study, severity and category (dashboard and CLI summary). */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingSummary, FindingSummaryLine } from '../../../shared/contract/findings.ts';
import { ruleById } from '../../../shared/rules/catalogue.ts';

export function summarizeFindings(db: Db, studyIds?: readonly string[]): FindingSummary {
  const params: unknown[] = [];
  let scope = "f.active = 1 AND f.status <> 'dismissed'";
  if (studyIds?.length) {
    scope += ` AND f.study_id IN (SELECT id FROM studies WHERE study_id IN (${studyIds.map(() => '?').join(', ')}))`;
    params.push(...studyIds);
  }
  const group = (expr: string, join = ''): FindingSummaryLine[] =>
    db.prepare(`SELECT ${expr} AS key, count(*) AS count, sum(f.amount_cents) AS amountCents FROM findings f ${join} WHERE ${scope} GROUP BY 1 ORDER BY amountCents DESC`).all(...params) as FindingSummaryLine[];
  const lastRun = db.prepare('SELECT id, mode, finished_at AS finishedAt FROM reconcile_runs ORDER BY id DESC LIMIT 1').get() as FindingSummary['lastRun'] | undefined;
  return {
    byRule: group('f.rule').map((line) => {
      const rule = ruleById(line.key);
      return { ...line, title: rule.title, category: rule.category, severity: rule.severity };
    }),
    byStudy: group("coalesce(st.study_id, '(no study)')", 'LEFT JOIN studies st ON st.id = f.study_id'),
    bySeverity: group('f.severity'),
    byCategory: group('f.category'),
    totalOpen: db.prepare(`SELECT count(*) FROM findings f WHERE ${scope}`).pluck().get(...params) as number,
    lastRun: lastRun ?? null,
  };
}
