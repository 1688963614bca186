// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { App } from '../../renderer/src/app.tsx';
import type { StudySummary } from '../../shared/contract/studies.ts';
import { APP_INFO, deferred, fakeTransport, study, type FakeHandlers } from './fakes.ts';

afterEach(cleanup);

function renderApp(handlers: FakeHandlers) {
  const transport = fakeTransport({ 'app:get-info': () => APP_INFO, ...handlers });
  const view = render(
    <ApiProvider api={createApi(transport)}>
      <App />
    </ApiProvider>,
  );
  const root = view.container.firstElementChild as HTMLElement;
  return { transport, root };
}

/** Resolves when the app root reports the given state (what the e2e tests wait on too). */
async function appState(root: HTMLElement, state: string): Promise<void> {
  await waitFor(() => expect(root.dataset.appState).toBe(state));
}

const ONC = study({ studyId: 'ONC-1', title: 'A Phase III Study of Drug X', qualifyingTrial: true }, 1000);
const DEV = study({ studyId: 'DEV-1', title: 'A Pivotal Study of Device Y', ideNumber: 'G123456', qualifyingTrial: true }, 3);
const PLAIN = study({ studyId: 'OBS-9', nctNumber: null }, 0);

describe('the study list', () => {
  it('shows a row per study with its counts and flags, then reports ready', async () => {
    const { root } = renderApp({ 'studies:list': () => [DEV, ONC, PLAIN] });
    const table = await screen.findByRole('table');
    await appState(root, 'ready');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const headers = within(rows[0] as HTMLElement)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Study', 'Title and sponsor', 'Flags', 'Arms', 'Calendar items', 'Subjects', 'Visits', 'Invoice lines', 'Charges']);

    const onc = within(table).getByRole('rowheader', { name: /ONC-1/ }).closest('tr') as HTMLElement;
    const cells = within(onc).getAllByRole('cell').map((c) => c.textContent);
    // Counts are formatted with thousands separators: arms, calendar items, subjects, visits, invoice lines, charges.
    expect(cells.slice(2)).toEqual(['1,000', '1,002', '1,004', '1,005', '1,007', '1,008']);
    expect(within(onc).getByText('Qualifying trial')).toBeTruthy();
    expect(within(onc).queryByText(/Device/)).toBeNull();

    const dev = within(table).getByRole('rowheader', { name: /DEV-1/ }).closest('tr') as HTMLElement;
    expect(within(dev).getByText('Device (IDE G123456)')).toBeTruthy();
    expect(within(dev).getByText('Qualifying trial')).toBeTruthy();

    const plain = within(table).getByRole('rowheader', { name: /OBS-9/ }).closest('tr') as HTMLElement;
    expect(within(plain).getByText('None')).toBeTruthy();
    expect(screen.getByText('3 studies')).toBeTruthy();
  });

  it('shows a loading state until the studies arrive', async () => {
    const pending = deferred<StudySummary[]>();
    const { root } = renderApp({ 'studies:list': () => pending.promise });
    expect(await screen.findByText('Loading studies…')).toBeTruthy();
    expect(root.dataset.appState).toBe('loading');
    await act(async () => pending.resolve([ONC]));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByText('Loading studies…')).toBeNull();
  });

  it('explains what to do when there are no studies', async () => {
    const { root } = renderApp({ 'studies:list': () => [] });
    expect(await screen.findByText('No studies yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await appState(root, 'ready');
  });

  it('shows the backend message on failure and loads again on retry', async () => {
    let attempts = 0;
    const { root } = renderApp({
      'studies:list': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('The database is locked.');
        return [ONC];
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The studies could not be loaded.');
    expect(alert.textContent).toContain('The database is locked.');
    await appState(root, 'error');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    await appState(root, 'ready');
  });
});

describe('the app shell', () => {
  it('warns when the database key is only obfuscated', async () => {
    const transport = fakeTransport({ 'app:get-info': () => ({ ...APP_INFO, keyProtection: 'obfuscated-only' }), 'studies:list': () => [] });
    render(
      <ApiProvider api={createApi(transport)}>
        <App />
      </ApiProvider>,
    );
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('not protected by a keyring');
  });

  it('shows no warning when the key is in the OS keychain, and shows the version', async () => {
    renderApp({ 'studies:list': () => [] });
    expect(await screen.findByText('Version 9.8.7')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks the current section', async () => {
    renderApp({ 'studies:list': () => [ONC], 'findings:list': () => ({ rows: [], total: 0, offset: 0 }), 'findings:assignees': () => [], 'views:list': () => [] });
    await screen.findByRole('table');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Studies' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('button', { name: /Findings/ }));
    expect(screen.getByRole('heading', { level: 1, name: 'Findings' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: /Findings/ }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Studies' }).getAttribute('aria-current')).toBeNull();
  });
});
