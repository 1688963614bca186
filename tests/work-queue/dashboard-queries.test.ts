/** The dashboard's queries against plain aggregation of the same findings. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { atRiskSummary } from '../../db/queries/dashboard/at-risk.ts';
import { findingsTrend, monthsBetween } from '../../db/queries/dashboard/trend.ts';
import { allRows, demoStore, NOW, type RefRow } from './demo-store.ts';

let db: Db;
let atRisk: RefRow[];
beforeAll(async () => {
  db = await demoStore();
  atRisk = allRows(db).filter((r) => r.status === 'open' || r.status === 'confirmed');
});

const sum = (rows: readonly RefRow[]): number => rows.reduce((n, r) => n + r.amountCents, 0);

describe('the dashboard', () => {
  it('sums dollars at risk by rule, by study and category, and in total', () => {
    const summary = atRiskSummary(db, undefined, NOW);
    for (const line of summary.byRule) expect(line.amountCents).toBe(sum(atRisk.filter((r) => r.rule === line.rule)));
    expect(summary.byRule.reduce((n, l) => n + l.count, 0)).toBe(atRisk.length);
    for (const line of summary.byStudy) expect(line.amountCents).toBe(sum(atRisk.filter((r) => (r.studyId ?? '') === line.studyId && r.category === line.category)));
    expect(summary.byStudy.reduce((n, l) => n + l.count, 0)).toBe(atRisk.length);
    expect(summary.totals.find((t) => t.category === 'exposure')?.amountCents).toBe(sum(atRisk.filter((r) => r.category === 'exposure')));
    // Every finding was opened by the one run, moments ago: all in the youngest bucket.
    expect(summary.ageing.every((a) => a.bucket === '0-30')).toBe(true);
    expect(summary.ageing.reduce((n, a) => n + a.count, 0)).toBe(atRisk.length);
    expect(summary.asOf).toBe('2026-02-01');
  });

  it('ages findings by the days since they were opened', () => {
    const old = atRisk[0]?.id ?? 0;
    db.prepare("UPDATE findings SET created_at = '2025-09-01T08:00:00.000Z' WHERE id = ?").run(old);
    const ageing = atRiskSummary(db, undefined, NOW).ageing;
    expect(ageing.find((a) => a.bucket === '91-180')?.count).toBe(1);
  });

  it('restricts to studies', () => {
    const summary = atRiskSummary(db, ['TMVR-22'], NOW);
    expect(summary.byStudy.every((l) => l.studyId === 'TMVR-22')).toBe(true);
    expect(summary.byRule.reduce((n, l) => n + l.count, 0)).toBe(atRisk.filter((r) => r.studyId === 'TMVR-22').length);
  });

  it('trends by service month and by opened month, every month and category present', () => {
    const all = allRows(db);
    const service = findingsTrend(db, undefined, 'service');
    const months = [...new Set(service.map((p) => p.month))];
    expect(months).toEqual([...months].sort());
    expect(service.length).toBe(months.length * 4);
    const march = service.filter((p) => p.month === '2025-03').reduce((n, p) => n + p.count, 0);
    expect(march).toBe(all.filter((r) => r.serviceDate?.startsWith('2025-03')).length);
    const opened = findingsTrend(db, undefined, 'opened');
    expect(opened.reduce((n, p) => n + p.count, 0)).toBe(all.length);
    expect(opened.filter((p) => p.month === '2025-09').reduce((n, p) => n + p.count, 0)).toBe(1);
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2024-11-03', '2025-02-10')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
