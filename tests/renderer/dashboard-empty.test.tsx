// @vitest-environment jsdom
/** The dashboard before any finding: an empty state per chart and the checks to run, not blank axes. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { DashboardScreen } from '../../renderer/src/screens/dashboard/dashboard-screen.tsx';
import type { AtRiskSummary } from '../../shared/contract/findings-insights.ts';
import { fakeTransport } from './fakes.ts';

afterEach(cleanup);

const NOTHING: AtRiskSummary = { byRule: [], byStudy: [], ageing: [], totals: [], asOf: '2026-01-15' };

describe('the dashboard with no findings', () => {
  it('says each chart is empty and offers to run the checks', async () => {
    const transport = fakeTransport({ 'studies:list': () => [], 'findings:at-risk': () => NOTHING, 'findings:trend': () => [] });
    render(
      <ApiProvider api={createApi(transport)}>
        <DashboardScreen onOpenFindings={() => undefined} />
      </ApiProvider>,
    );
    expect(await screen.findByText('Nothing to act on')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run checks' })).toBeTruthy();
    const chart = (name: string): HTMLElement => screen.getByRole('figure', { name });
    expect(within(chart('Dollars at risk by rule')).getByText('No dollars at risk')).toBeTruthy();
    expect(within(chart('Dollars at risk by study')).getByText('No dollars at risk')).toBeTruthy();
    expect(within(chart('Open findings by age')).getByText('No open findings')).toBeTruthy();
    expect(await within(chart('Findings by month')).findByText('No findings yet')).toBeTruthy();
    // No chart is drawn, and no empty table is left for screen readers.
    expect(document.querySelector('.chart-body')).toBeNull();
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });
});
