/** Previews of chosen files: workbooks are read in a worker thread, with a fallback when it cannot start. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewInWorker, previewNeedsWorker } from '../../db/import/preview-in-worker.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { MINI_PACKAGE, tempDir } from '../helpers/temp-dir.ts';

let TEMPLATE = '';

beforeAll(async () => {
  // A two-sheet package workbook with inline strings (readable whatever the order of its zip parts).
  TEMPLATE = join(tempDir(), 'package.xlsx');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: TEMPLATE, useSharedStrings: false });
  for (const kind of ['studies', 'calendar'] as const) {
    const sheet = book.addWorksheet(kind);
    sheet.addRow(FILE_SPECS[kind].columns.map((c) => c.name)).commit();
    sheet.addRow(FILE_SPECS[kind].columns.map((c) => c.example)).commit();
    sheet.commit();
  }
  await book.commit();
});

describe('previews off the calling thread', () => {
  it('sends workbooks and very large files to a worker, small CSV files not', () => {
    expect(previewNeedsWorker('package.xlsx', 10_000)).toBe(true);
    expect(previewNeedsWorker('charges.csv', 10_000)).toBe(false);
    expect(previewNeedsWorker('charges.csv', 200 * 1024 * 1024)).toBe(true);
  });

  it('reads a workbook in the worker: every sheet with its kind and header', async () => {
    const preview = await previewInWorker({ fileId: 'f1', path: TEMPLATE, name: 'study-package-template.xlsx', byteSize: 20_000, rows: 5 });
    expect(preview.problem).toBeUndefined();
    expect(preview.sheets.map((s) => s.kind)).toContain('calendar');
    expect(preview.sheets.find((s) => s.kind === 'studies')?.header).toContain('study_id');
  });

  it('reads the file here when the worker cannot start', async () => {
    const preview = await previewInWorker({ fileId: 'f2', path: TEMPLATE, name: 'study-package-template.xlsx', byteSize: 20_000, rows: 5 }, new URL('file:///no/such/worker.js'));
    expect(preview.sheets.find((s) => s.kind === 'studies')?.header).toContain('study_id');
  });

  it('reads a small CSV file in place', async () => {
    const preview = await previewInWorker({ fileId: 'f3', path: join(MINI_PACKAGE, 'studies.csv'), name: 'studies.csv', byteSize: 300, rows: 5 });
    expect(preview).toMatchObject({ kind: 'studies', sheets: [{ rows: [expect.arrayContaining(['ONC-1']), expect.arrayContaining(['DEV-1'])] }] });
  });
});
