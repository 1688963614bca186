// @vitest-environment jsdom
/** The import wizard against a fake backend: choose, review, map with a saved profile, progress, cancel, result. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { ImportScreen } from '../../renderer/src/screens/import/import-screen.tsx';
import type { FilePreview, FileRef } from '../../shared/contract/imports.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import { fakeTransport, type FakeHandlers } from './fakes.ts';

afterEach(cleanup);

beforeAll(() => {
  // jsdom has no layout: give the virtualized problem list a height so it renders rows.
  for (const [property, value] of [
    ['clientHeight', 440],
    ['clientWidth', 900],
    ['offsetHeight', 440],
    ['offsetWidth', 900],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => value });
  }
});

afterAll(() => {
  for (const property of ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth']) Reflect.deleteProperty(HTMLElement.prototype, property);
});

const EXPORT: FilePreview = {
  fileId: 'fexport',
  name: 'epic-march.csv',
  kind: null,
  sheets: [
    {
      sheet: null,
      kind: null,
      header: ['Txn', 'HAR', 'MRN', 'Svc Date', 'CPT', 'Qty', 'Amount', 'Route', 'Fin Class', 'Pt Class'],
      rows: [['T1', 'H1', 'MRN9001', '03/14/2025', '80053', '1', '212.00', 'INS', 'MCR', 'O']],
    },
  ],
};

const STUDIES: FilePreview = {
  fileId: 'fstudies',
  name: 'studies.csv',
  kind: 'studies',
  sheets: [{ sheet: null, kind: 'studies', header: FILE_SPECS.studies.columns.map((c) => c.name), rows: [['ONC-1']] }],
};

/** A fake backend whose job pushes the test sends by hand. */
function setup(handlers: FakeHandlers, chosen: FileRef[]) {
  const listeners = new Set<(state: JobState) => void>();
  const transport = {
    ...fakeTransport({ 'jobs:list': () => [], 'imports:history': () => [], 'jobs:get': () => null, ...handlers }),
    onJobsChanged(listener: (state: JobState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    chooseFiles: () => Promise.resolve({ ok: true as const, value: chosen }),
  };
  const states: string[] = [];
  render(
    <ApiProvider api={createApi(transport)}>
      <ImportScreen onSettled={(s) => states.push(s)} />
    </ApiProvider>,
  );
  const push = (state: JobState): void => act(() => listeners.forEach((l) => l(state)));
  return { transport, push, states };
}

const outcome = (over: Partial<ImportOutcome>): ImportOutcome => ({ status: 'imported', batchId: 1, files: [], problems: [], problemCount: 0, truncatedProblems: false, elapsedMs: 1200, ...over });

describe('the import wizard', () => {
  it('maps an export with the saved profile that fits it, saves it again and imports', async () => {
    const saved: MappingProfile = {
      name: 'Epic HB',
      columns: { charge_id: 'txn', account_id: 'HAR', mrn: 'MRN', service_date: 'Svc Date', cpt_hcpcs: 'CPT', units: 'Qty', charge_amount: 'Amount', bill_to: 'Route', payer_type: 'Fin Class', setting: 'Pt Class' },
      constants: { claim_type: 'PROFESSIONAL' },
      dateFormat: 'MM/DD/YYYY',
      listSeparator: ';',
      valueMaps: { payer_type: { MCR: 'MEDICARE' } },
      amountUnit: 'dollars',
    };
    const { transport, push, states } = setup(
      { 'imports:preview': () => [EXPORT], 'mappings:list': () => [saved], 'mappings:save': (input) => (input as { profile: MappingProfile }).profile, 'imports:start': () => ({ jobId: 'job-1' }) },
      [{ fileId: 'fexport', name: 'epic-march.csv', byteSize: 2048 }],
    );
    await waitFor(() => expect(states).toContain('ready'));
    fireEvent.click(screen.getByRole('button', { name: 'Choose files…' }));
    expect(await screen.findByText('Charge export: needs column mapping')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Map columns' }));

    expect(await screen.findByText(/Saved mapping “Epic HB” fits this export/)).toBeTruthy();
    expect((screen.getByLabelText('Saved mapping') as HTMLSelectElement).value).toBe('Epic HB');
    expect((screen.getByLabelText('charge_id') as HTMLSelectElement).value).toBe('Txn');
    expect(within(screen.getByRole('list', { name: 'Service dates converted with this format' })).getByText('2025-03-14')).toBeTruthy();
    expect(screen.getByText('All 1 preview rows are valid.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('MRN9001');

    fireEvent.click(screen.getByRole('button', { name: 'Import charges' }));
    await waitFor(() => expect(transport.calls.some((c) => c.channel === 'imports:start')).toBe(true));
    const save = transport.calls.find((c) => c.channel === 'mappings:save')?.input as { profile: MappingProfile };
    expect(save.profile).toMatchObject({ name: 'Epic HB', constants: { claim_type: 'PROFESSIONAL' }, dateFormat: 'MM/DD/YYYY' });
    expect(save.profile.valueMaps.bill_to).toEqual({ INS: 'INSURANCE' });
    expect(transport.calls.find((c) => c.channel === 'imports:start')?.input).toMatchObject({ fileIds: ['fexport'], mapping: { name: 'Epic HB' } });

    push({ jobId: 'job-1', kind: 'import', status: 'running', progress: { fraction: 0.25, label: 'epic-march.csv: 25,000 rows', rowsDone: 25_000, rowsPerSecond: 50_000 } });
    const bar = await screen.findByRole('progressbar');
    expect((bar as HTMLProgressElement).value).toBe(0.25);
    expect(screen.getByText(/25,000 rows · 50,000 rows\/s/)).toBeTruthy();
    push({ jobId: 'job-1', kind: 'import', status: 'succeeded', progress: null, result: outcome({ files: [{ file: 'epic-march.csv', kind: 'charges', sha256: 'x', byteSize: 2048, rowsRead: 1, inserted: 1, updated: 0, unchanged: 0 }] }) });
    expect(await screen.findByText(/Imported 1 rows from 1 file/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run checks' })).toBeTruthy();
  });

  it('cancels a running import and says nothing was imported', async () => {
    const { transport, push } = setup({ 'imports:preview': () => [STUDIES], 'imports:start': () => ({ jobId: 'job-2' }), 'jobs:cancel': () => true }, [
      { fileId: 'fstudies', name: 'studies.csv', byteSize: 300 },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose files…' }));
    expect(await screen.findByText(/all 10 columns present/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 file' }));
    push({ jobId: 'job-2', kind: 'import', status: 'running', progress: { fraction: 0.1, label: 'studies.csv: 1 rows', rowsDone: 1 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Cancelling: undoing everything/)).toBeTruthy();
    expect(transport.calls.find((c) => c.channel === 'jobs:cancel')?.input).toEqual({ jobId: 'job-2' });
    push({ jobId: 'job-2', kind: 'import', status: 'cancelled', progress: null, result: outcome({ status: 'cancelled', batchId: null }) });
    expect(await screen.findByText(/The import was cancelled. Nothing was imported/)).toBeTruthy();
  });

  it('lists every problem of a refused import with file, line and column', async () => {
    const problems = [
      { file: 'studies.csv', line: 3, column: 7, columnName: 'qualifying_trial', reason: "'maybe' is not Y or N" },
      { file: 'calendar.csv', line: 1, column: 0, columnName: 'sponsor_price', reason: "missing column 'sponsor_price'" },
    ];
    const { push } = setup({ 'imports:preview': () => [STUDIES], 'imports:start': () => ({ jobId: 'job-3' }) }, [{ fileId: 'fstudies', name: 'studies.csv', byteSize: 300 }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose files…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 file' }));
    push({ jobId: 'job-3', kind: 'import', status: 'succeeded', progress: null, result: outcome({ status: 'refused', batchId: null, problems, problemCount: 2 }) });
    const table = await screen.findByRole('table', { name: 'Import problems' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('[role="cell"], [role="columnheader"]')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['File', 'Line', 'Column', 'Column name', 'Reason'],
      ['studies.csv', '3', '7', 'qualifying_trial', "'maybe' is not Y or N"],
      ['calendar.csv', '1', '—', 'sponsor_price', "missing column 'sponsor_price'"],
    ]);
    expect(screen.getByText(/Nothing was imported: 2 problems were found/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('File'), { target: { value: 'calendar.csv' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('refuses to mix a package and an export, and lets the file be removed', async () => {
    setup({ 'imports:preview': () => [STUDIES, EXPORT] }, [
      { fileId: 'fstudies', name: 'studies.csv', byteSize: 300 },
      { fileId: 'fexport', name: 'epic-march.csv', byteSize: 2048 },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose files…' }));
    expect(await screen.findByText(/epic-march.csv is not a study-package file/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import 2 files' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove epic-march.csv' }));
    expect((screen.getByRole('button', { name: 'Import 1 file' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
