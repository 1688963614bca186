// @vitest-environment jsdom
/**
 * The findings queue as a component against a fake backend: it asks for pages with the view's
 * filter and sort, renders a window of rows (jsdom has no layout, so the grid falls back to a fixed
 * viewport height), and turns keys into decisions on the selection.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../renderer/src/api.ts';
import { ApiProvider } from '../../../renderer/src/api-context.tsx';
import { FindingsSection } from '../../../renderer/src/screens/findings/findings-section.tsx';
import type { FindingPage, FindingRow } from '../../../shared/contract/findings.ts';
import { deferred, fakeTransport } from '../fakes.ts';

afterEach(cleanup);

const TOTAL = 5_000;
const row = (id: number): FindingRow => ({
  id,
  rule: id % 2 === 0 ? 'RSH-02' : 'MOD-08',
  severity: id % 2 === 0 ? 'critical' : 'warning',
  category: id % 2 === 0 ? 'exposure' : 'denial-risk',
  status: 'open',
  studyId: 'NSCLC-301',
  subjectId: `101-${String(id % 40).padStart(3, '0')}`,
  chargeId: `CHG${id}`,
  visitCode: 'C1D1',
  cptHcpcs: '96413',
  serviceDate: '2025-03-01',
  payerType: 'MEDICARE',
  amountCents: 10_000 + id,
  assignee: null,
  message: `Finding ${id}`,
});

function renderQueue(count: Promise<{ total: number }> | null = null) {
  const transport = fakeTransport({
    'findings:list': (input): FindingPage => {
      const { offset = 0, limit = 100 } = input as { offset?: number; limit?: number };
      const rows = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => row(offset + i + 1));
      return { rows, total: count ? null : TOTAL, offset };
    },
    'findings:count': () => count ?? { total: TOTAL },
    'findings:set-status': (input) => ({ updated: (input as { ids: number[] }).ids.length }),
    'findings:assignees': () => [],
    'studies:list': () => [],
    'views:list': () => [],
  });
  let state = 'loading';
  render(
    <ApiProvider api={createApi(transport)}>
      <FindingsSection onSettled={(s) => (state = s)} />
    </ApiProvider>,
  );
  return { transport, state: () => state };
}

const lists = (calls: { channel: string; input: unknown }[]) => calls.filter((c) => c.channel === 'findings:list').map((c) => c.input as { filter: unknown; sort: unknown; offset: number });

describe('the findings queue', () => {
  it('loads the first page of the default view and renders only a window of rows', async () => {
    const { transport, state } = renderQueue();
    const grid = await screen.findByRole('grid', { name: 'Findings work queue' });
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(2));
    expect(state()).toBe('ready');
    expect(screen.getByText('5,000 findings')).toBeTruthy();
    expect(lists(transport.calls)[0]).toEqual({ filter: {}, sort: { by: 'severity', direction: 'asc' }, offset: 0, limit: 100, withTotal: false });
    expect(grid.getAttribute('aria-rowcount')).toBe('5001');
    // A window, not five thousand rows.
    expect(Number(grid.dataset.renderedRows)).toBeLessThan(40);
    expect(within(grid).getByRole('columnheader', { name: /Severity/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('shows the first rows before the total is counted', async () => {
    const count = deferred<{ total: number }>();
    renderQueue(count.promise);
    const grid = await screen.findByRole('grid', { name: 'Findings work queue' });
    await waitFor(() => expect(grid.querySelector('[data-finding-id="1"]')).not.toBeNull());
    expect(screen.getByText('100+ findings, counting…')).toBeTruthy();
    await act(async () => count.resolve({ total: TOTAL }));
    expect(await screen.findByText('5,000 findings')).toBeTruthy();
    expect(grid.getAttribute('aria-rowcount')).toBe('5001');
  });

  it('sorts through the backend when a header is chosen', async () => {
    const { transport } = renderQueue();
    const grid = await screen.findByRole('grid', { name: 'Findings work queue' });
    fireEvent.click(within(grid).getByRole('button', { name: /Amount/ }));
    await waitFor(() => expect(lists(transport.calls).at(-1)?.sort).toEqual({ by: 'amount', direction: 'asc' }));
    fireEvent.click(within(grid).getByRole('button', { name: /Amount/ }));
    await waitFor(() => expect(lists(transport.calls).at(-1)?.sort).toEqual({ by: 'amount', direction: 'desc' }));
    await waitFor(() => expect(within(grid).getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).toBe('descending'));
  });

  it('selects with x, moves with j, and confirms the selection with c', async () => {
    const { transport } = renderQueue();
    const grid = await screen.findByRole('grid', { name: 'Findings work queue' });
    await waitFor(() => expect(grid.querySelector('[data-finding-id="1"]')).not.toBeNull());
    await act(async () => {
      for (const key of ['x', 'j', 'x']) fireEvent.keyDown(grid, { key });
    });
    expect(grid.querySelectorAll('[aria-selected="true"]')).toHaveLength(2);
    expect(grid.getAttribute('aria-activedescendant')).toBe('finding-row-1');
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'c' });
    });
    await waitFor(() => expect(transport.calls.find((c) => c.channel === 'findings:set-status')?.input).toEqual({ ids: [1, 2], status: 'confirmed' }));
    expect(await screen.findByText('2 findings confirmed.')).toBeTruthy();
    // After a decision the selection is cleared and the loaded pages are fetched again.
    await waitFor(() => expect(grid.querySelectorAll('[aria-selected="true"]')).toHaveLength(0));
    expect(lists(transport.calls).length).toBeGreaterThan(1);
  });

  it('fetches the pages of the rows scrolled into view, and moves the focus to the end with End', async () => {
    const { transport } = renderQueue();
    const grid = await screen.findByRole('grid', { name: 'Findings work queue' });
    await waitFor(() => expect(grid.querySelector('[data-finding-id="1"]')).not.toBeNull());
    // jsdom has no layout: stand in for the browser's scroll position.
    let scrollTop = 4_000 * 40;
    Object.defineProperty(grid, 'scrollTop', { configurable: true, get: () => scrollTop, set: (v: number) => (scrollTop = v) });
    await act(async () => {
      fireEvent.scroll(grid);
    });
    await waitFor(() => expect(lists(transport.calls).some((c) => c.offset === 4_000)).toBe(true));
    await waitFor(() => expect(grid.querySelector('[data-finding-id="4001"]')).not.toBeNull());
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'End' });
    });
    expect(grid.getAttribute('aria-activedescendant')).toBe('finding-row-4999');
  });
});
