// @vitest-environment jsdom
/** The study page against a fake backend: facts, the billing grid with its finding marks, keyboard use, empty and error states. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { App } from '../../renderer/src/app.tsx';
import type { BillingGrid, StudyDetail } from '../../shared/contract/setup.ts';
import { APP_INFO, fakeTransport, study, type FakeHandlers } from './fakes.ts';

afterEach(cleanup);

const ONC = study({ studyId: 'ONC-1', qualifyingTrial: true, overheadBp: 2650 }, 3);

const DETAIL: StudyDetail = {
  ...ONC,
  arms: ['A', 'B'],
  invoiceables: [{ itemCode: 'STARTUP', description: 'Study start-up fee', amountCents: 500_000, kind: 'ONE_TIME', holdbackExempt: true, overheadExempt: false }],
  checks: { lastRunAt: '2026-01-15T10:00:00.000Z', setupFindings: 1 },
};

const GRID: BillingGrid = {
  studyId: 'ONC-1',
  arms: [
    {
      arm: 'A',
      visits: [
        { visitId: 1, code: 'SCR', name: 'Screening', day: -14, windowBefore: 14, windowAfter: 0 },
        { visitId: 2, code: 'C1D1', name: 'Cycle 1 Day 1', day: 0, windowBefore: 0, windowAfter: 3 },
      ],
      procedures: [
        { cpt: '80053', name: 'Comprehensive metabolic panel' },
        { cpt: '71260', name: 'CT chest with contrast' },
      ],
      cells: [
        { itemId: 11, visit: 0, procedure: 0, designation: 'SOC', priceCents: 2_500, requiresPreapproval: false, promisedFree: false, justification: 'routine', findings: [{ id: 42, status: 'open', issues: ['it is routine care (SOC) yet has a sponsor price of $25.00: paid twice?'] }] },
        { itemId: 12, visit: 0, procedure: 1, designation: 'SPONSOR', priceCents: 45_000, requiresPreapproval: true, promisedFree: false, justification: null, findings: [] },
        { itemId: 13, visit: 1, procedure: 1, designation: 'NOT_BILLABLE', priceCents: null, requiresPreapproval: false, promisedFree: true, justification: null, findings: [] },
      ],
    },
    { arm: 'B', visits: [{ visitId: 3, code: 'V1', name: 'Visit 1', day: 0, windowBefore: 0, windowAfter: 0 }], procedures: [{ cpt: '93000', name: 'ECG' }], cells: [] },
  ],
};

function renderApp(handlers: FakeHandlers) {
  const transport = fakeTransport({ 'app:get-info': () => APP_INFO, 'studies:list': () => [ONC], ...handlers });
  const view = render(
    <ApiProvider api={createApi(transport)}>
      <App />
    </ApiProvider>,
  );
  return { transport, root: view.container.firstElementChild as HTMLElement };
}

async function openOnc(root: HTMLElement): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'ONC-1' }));
  await waitFor(() => expect(root.dataset.appState).toBe('ready'));
}

describe('the study page', () => {
  it('shows identifiers, CTA terms, invoiceables and the grid with letters, prices and the finding mark', async () => {
    const { root } = renderApp({ 'studies:get': () => DETAIL, 'studies:billing-grid': () => GRID });
    await openOnc(root);
    expect(screen.getByRole('heading', { level: 1, name: 'ONC-1' })).toBeTruthy();
    expect(screen.getByText('Qualifying trial', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByText('26.5%')).toBeTruthy();
    expect(screen.getByText('Net 45 days')).toBeTruthy();
    expect(screen.getByTestId('setup-findings').textContent).toMatch(/^1 set-up finding \(ALIGN-15\)/);
    const invoiceables = screen.getByRole('table', { name: 'CTA invoiceable items' });
    expect(within(invoiceables).getByText('$5,000.00')).toBeTruthy();

    const grid = await screen.findByRole('grid', { name: 'Billing grid of arm A' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Procedure', 'SCRDay -14', 'C1D1Day 0']);
    const ct = within(grid).getByRole('gridcell', { name: /^Research \(bill sponsor\); sponsor price \$450.00; needs sponsor pre-approval$/ });
    expect(ct.textContent).toBe('R⚑$450');
    const soc = within(grid).getByRole('gridcell', { name: /set-up finding: it is routine care/ });
    expect(soc.className).toContain('gcell-finding');
    expect(soc.textContent).toBe('S⚠$25');
    expect(within(grid).getByRole('gridcell', { name: /^Not billable \(supplied free\); no sponsor price; promised free in the consent$/ }).textContent).toBe('N⊘');
    expect(within(grid).getAllByRole('gridcell', { name: 'Not done at this visit' })).toHaveLength(1);
    // The CTA budget of arm A: the one sponsor item plus 26.5% overhead.
    expect(screen.getByLabelText('CTA budget per subject, arm A').textContent).toContain('$569.25');
  });

  it('is one tab stop; arrow keys move between cells and the details follow', async () => {
    const { root } = renderApp({ 'studies:get': () => DETAIL, 'studies:billing-grid': () => GRID });
    await openOnc(root);
    const grid = await screen.findByRole('grid', { name: 'Billing grid of arm A' });
    const focusable = within(grid)
      .getAllByRole('gridcell')
      .filter((c) => c.tabIndex === 0);
    expect(focusable).toHaveLength(1);
    act(() => focusable[0]?.focus());
    expect(screen.getByTestId('cell-details').textContent).toContain('Set-up finding ALIGN-15 #42 (open)');
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Research/);
    expect(screen.getByTestId('cell-details').textContent).toContain('CT chest with contrast (71260) at SCR');
    fireEvent.keyDown(grid, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Not billable/);
    fireEvent.click(screen.getByRole('tab', { name: /Arm B/ }));
    expect(await screen.findByRole('grid', { name: 'Billing grid of arm B' })).toBeTruthy();
  });

  it('says when the study has no calendar yet, and goes back to the list', async () => {
    const { root } = renderApp({ 'studies:get': () => ({ ...DETAIL, arms: [] }), 'studies:billing-grid': () => ({ studyId: 'ONC-1', arms: [] }) });
    await openOnc(root);
    expect(await screen.findByText('No calendar yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← All studies' }));
    expect(await screen.findByRole('table', { name: /Studies with the number/ })).toBeTruthy();
  });

  it('reports an error and loads again on retry', async () => {
    let attempts = 0;
    const { root } = renderApp({
      'studies:get': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('The database is locked.');
        return DETAIL;
      },
      'studies:billing-grid': () => GRID,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'ONC-1' }));
    expect(await screen.findByText('The database is locked.')).toBeTruthy();
    await waitFor(() => expect(root.dataset.appState).toBe('error'));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'ONC-1' })).toBeTruthy();
    await waitFor(() => expect(root.dataset.appState).toBe('ready'));
  });
});
