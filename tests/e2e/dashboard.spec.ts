/**
 * The dashboard in Debian's Chromium: dollars at risk add up to what the backend holds, each chart
 * draws a bar per rule, study, age bucket and month, and a rule's bar opens the queue filtered to it.
 */
import type { AtRiskSummary, TrendPoint } from '../../shared/contract/findings-insights.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { formatCents } from '../../shared/domain/money.ts';
import { ensureChecksRun, expectedFindings, openSection } from './findings-e2e.ts';
import { callBackend, expect, openApp, test } from './own-harness.ts';

test.describe('the dashboard', () => {
  test('shows dollars at risk by rule and study, findings by age and month, and opens the queue from a bar', async ({ page, demoHarness, request }) => {
    await ensureChecksRun(request, demoHarness.url);
    await openApp(page, demoHarness.url);
    await openSection(page, 'Dashboard');
    const risk = await callBackend<AtRiskSummary>(request, demoHarness.url, 'findings:at-risk', {});
    const total = risk.totals.reduce((n, t) => n + t.amountCents, 0);
    expect(risk.byRule.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(expectedFindings().length);
    await expect(page.locator('[data-kpi="total"]')).toHaveText(formatCents(total));
    for (const t of risk.totals) await expect(page.locator(`[data-kpi="${t.category}"]`)).toHaveText(formatCents(t.amountCents));

    // A bar per rule and per study (stacked by category), and the numbers as tables for screen readers.
    const rules = page.locator('[data-chart="chart-rules"]');
    await expect(rules.locator('.recharts-bar-rectangle')).toHaveCount(risk.byRule.length);
    await expect(rules.getByRole('table').locator('tbody tr')).toHaveCount(risk.byRule.length);
    const studies = new Set(risk.byStudy.map((s) => s.studyId));
    await expect(page.locator('[data-chart="chart-studies"]').getByRole('table').locator('tbody tr')).toHaveCount(studies.size);
    await expect(page.locator('[data-chart="chart-studies"] .recharts-bar-rectangle')).toHaveCount(risk.byStudy.length);
    await expect(page.locator('[data-chart="chart-ages"]').getByRole('table').locator('tbody tr')).toHaveCount(5);

    const trend = page.locator('[data-chart="chart-trend"]');
    await trend.getByRole('radio', { name: 'Service' }).click();
    const months = new Set((await callBackend<TrendPoint[]>(request, demoHarness.url, 'findings:trend', { basis: 'service' })).map((p) => p.month));
    await expect(trend.getByRole('table').locator('tbody tr')).toHaveCount(months.size);
    await trend.getByRole('radio', { name: 'Dollars' }).click();
    await expect(trend.getByRole('radio', { name: 'Dollars' })).toHaveAttribute('aria-checked', 'true');

    // The largest rule's bar opens the queue on that rule's open and confirmed findings.
    const top = risk.byRule[0];
    await rules.locator('.recharts-bar-rectangle').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
    await expect(page.getByRole('button', { name: `Remove filter Rule: ${top?.rule ?? ''}` })).toBeVisible();
    await expect(page.locator('#findings-title + .screen-subtitle')).toHaveText(`${formatCount(top?.count ?? -1)} ${top?.count === 1 ? 'finding' : 'findings'}`);
    await openSection(page, 'Dashboard');
    await expect(page.locator('[data-kpi="total"]')).toHaveText(formatCents(total));

    // In a narrow window neither the page nor the app body scrolls sideways: the screen-reader tables
    // are hidden without their width (an absolutely placed table overflowed the page itself).
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(trend.getByRole('table')).toBeAttached();
    await expect.poll(() => page.locator('html, .app-body').evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth))).toEqual([0, 0]);
  });
});
