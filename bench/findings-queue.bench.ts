/**
 * Benchmark (issue 4): the findings work queue at 1,000,000 findings.
 * - builds (once; --rebuild to redo) an encrypted store of generated findings straight in SQL, with
 *   the browser harness's key so the harness can serve it;
 * - times findings:list (page + total) for the default view, deep pages, and filter and sort
 *   combinations, each the first time (total counted) and again (total from the cache): target < 100 ms;
 * - times grouping and the dashboard queries;
 * - with --ui, runs the browser measurements (bench/ui/): first rows after opening the queue
 *   (< 1 s), a filter or sort change to rows updated (< 200 ms), and rows in the DOM while scrolling.
 * Usage: node bench/findings-queue.bench.ts [findings] [--rebuild] [--ui]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_CACHE_KIB } from '../db/backend/backend.ts';
import { atRiskSummary } from '../db/queries/dashboard/at-risk.ts';
import { findingsTrend } from '../db/queries/dashboard/trend.ts';
import { groupFindings, listFindings } from '../db/queries/findings/list-findings.ts';
import { openStore } from '../db/store/open-store.ts';
import { HARNESS_TEST_PASSPHRASE } from '../scripts/harness/harness-args.ts';
import type { FindingFilter, FindingSort } from '../shared/contract/findings.ts';
import { buildFindingsStore } from './lib/findings-store.ts';

const args = process.argv.slice(2);
const findings = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const dir = join(import.meta.dirname, '..', '.bench-data');
mkdirSync(dir, { recursive: true });
const path = join(dir, `findings-queue-${findings}.db`);
const key = { kind: 'passphrase', value: HARNESS_TEST_PASSPHRASE } as const;

let buildSeconds: number | null = null;
if (args.includes('--rebuild') || !existsSync(path)) {
  const started = performance.now();
  buildFindingsStore({ path, key, findings }).close();
  buildSeconds = (performance.now() - started) / 1000;
}

const db = openStore({ path, key });
// The UI connection's page cache, as createBackend sets it.
db.pragma(`cache_size = -${UI_CACHE_KIB}`);
const ms = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (n: number): number => Math.round(n * 10) / 10;

const S = (by: FindingSort['by'], direction: 'asc' | 'desc' = 'asc'): FindingSort => ({ by, direction });
const CASES: [string, FindingFilter, FindingSort, number][] = [
  ['default view (severity)', {}, S('severity'), 0],
  ['default view, page 2', {}, S('severity'), 100],
  ['default view, row 500,000', {}, S('severity'), 500_000],
  ['default view, row 900,000', {}, S('severity'), 900_000],
  ['sort: amount, largest first', {}, S('amount', 'desc'), 0],
  ['sort: service date', {}, S('service_date'), 0],
  ['sort: rule', {}, S('rule'), 0],
  ['sort: study', {}, S('study'), 0],
  ['sort: subject', {}, S('subject'), 0],
  ['sort: status', {}, S('status'), 0],
  ['filter: rule', { rules: ['RSH-02'] }, S('severity'), 0],
  ['filter: rule, sort amount', { rules: ['RSH-02'] }, S('amount', 'desc'), 0],
  ['filter: rule + payer', { rules: ['RSH-02'], payerTypes: ['MEDICARE'] }, S('amount', 'desc'), 0],
  ['filter: study', { studyIds: ['BENCH-03'] }, S('severity'), 0],
  ['filter: severity critical', { severities: ['critical'] }, S('severity'), 0],
  ['filter: status open', { statuses: ['open'] }, S('severity'), 0],
  ['filter: payer', { payerTypes: ['MEDICARE_ADVANTAGE'] }, S('severity'), 0],
  ['filter: one quarter of dates', { dateFrom: '2025-01-01', dateTo: '2025-03-31' }, S('service_date'), 0],
  ['filter: assignee', { assignee: 'Luis Ortega' }, S('severity'), 0],
  ['filter: unassigned', { assignee: '' }, S('amount', 'desc'), 0],
  ['filter: amount ≥ $5,000', { amountMinCents: 500_000 }, S('amount', 'desc'), 0],
  ['filter: subject', { studyIds: ['BENCH-02'], subjectId: '02-0005' }, S('service_date'), 0],
  ['filter: study + severity + payer', { studyIds: ['BENCH-07'], severities: ['warning'], payerTypes: ['COMMERCIAL'] }, S('amount', 'desc'), 0],
  ['filter: including closed', { statuses: ['open', 'closed'] }, S('severity'), 0],
];

// Warm the connection the way opening the app does: the default view once.
const openMs = ms(() => listFindings(db, {}, S('severity'), 0, 100));
// Per case: the rows alone as the UI asks first (withTotal false, nothing cached), then page + total
// the first time (the count computed), then again (the count cached), median of 5.
const results = CASES.map(([name, filter, sort, offset]) => {
  const rowsOnly = ms(() => listFindings(db, filter, sort, offset, 100, false));
  const first = ms(() => listFindings(db, filter, sort, offset, 100));
  const again = median(Array.from({ length: 5 }, () => ms(() => listFindings(db, filter, sort, offset, 100))));
  return { name, rowsOnlyMs: round(rowsOnly), firstMs: round(first), againMs: round(again), pass: first < 100 && again < 100 };
});
const other = {
  groupByRuleMs: round(ms(() => groupFindings(db, {}, 'rule'))),
  groupBySubjectMs: round(ms(() => groupFindings(db, {}, 'subject'))),
  groupByRuleOfAStudyMs: round(ms(() => groupFindings(db, { studyIds: ['BENCH-05'] }, 'rule'))),
  dashboardAtRiskMs: round(ms(() => atRiskSummary(db, undefined, new Date('2026-02-01T00:00:00Z')))),
  dashboardTrendOpenedMs: round(ms(() => findingsTrend(db, undefined, 'opened'))),
  dashboardTrendServiceMs: round(ms(() => findingsTrend(db, undefined, 'service'))),
};
const total = db.prepare('SELECT count(*) FROM findings').pluck().get() as number;
db.close();

const report = {
  benchmark: 'findings work queue',
  findings: total,
  storeMb: Math.round(statSync(path).size / 1e6),
  buildSeconds: buildSeconds === null ? null : round(buildSeconds),
  firstOpenMs: round(openMs),
  queries: results,
  other,
  target: 'findings:list under 100 ms',
  pass: results.every((r) => r.pass),
};
writeFileSync(join(dir, 'findings-queue-node.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
console.log('\n| query | rows only, first (ms) | rows + total, first (ms) | again (ms) |\n|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.rowsOnlyMs} | ${r.firstMs} | ${r.againMs} |`);

if (args.includes('--ui')) {
  const ui = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', join(import.meta.dirname, 'ui', 'playwright.bench.config.ts')], {
    stdio: 'inherit',
    env: { ...process.env, TRIALLEDGER_BENCH_DB: path },
  });
  process.exitCode = ui.status ?? 1;
}
