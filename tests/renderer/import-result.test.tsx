// @vitest-environment jsdom
/** The end of an import says what it changed for the remittances on file, and only when it changed data. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { ImportResult } from '../../renderer/src/screens/import/import-result.tsx';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import { fakeTransport } from './fakes.ts';

afterEach(cleanup);

const OUTCOME: ImportOutcome = {
  status: 'imported',
  batchId: 4,
  files: [{ file: 'charges.csv', kind: 'charges', sha256: 'ab', byteSize: 100, rowsRead: 3, inserted: 3, updated: 0, unchanged: 0 }],
  problems: [],
  problemCount: 0,
  truncatedProblems: false,
  elapsedMs: 1200,
};

function show(outcome: ImportOutcome): void {
  render(
    <ApiProvider api={createApi(fakeTransport({}))}>
      <ImportResult outcome={outcome} onSaveProblems={() => undefined} />
    </ApiProvider>,
  );
}

describe('ImportResult', () => {
  it('says how many remittance lines found their charge and how many denials were triaged again', () => {
    show({ ...OUTCOME, denials: { relinked: 2, retriaged: 1 } });
    expect(screen.getByTestId('import-retriage').textContent).toBe(
      'Remittances on file were checked against the new data: 2 remittance lines linked to a charge; 1 open denial triaged differently.',
    );
  });

  it('says nothing about remittances when none were on file', () => {
    show(OUTCOME);
    expect(screen.getByRole('status').textContent).toBe('Imported 3 rows from 1 file in 1.2 s.');
    expect(screen.queryByTestId('import-retriage')).toBeNull();
  });
});
