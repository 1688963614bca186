/** Large CSV files are parsed in a worker thread: the outcome must be exactly the in-thread outcome. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions } from '../../db/import/import-files.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { MINI_PACKAGE, tempDir } from '../helpers/temp-dir.ts';

const IN_THREAD: ImportOptions = { csvWorkerFromBytes: Number.POSITIVE_INFINITY };
const IN_WORKER: ImportOptions = { csvWorkerFromBytes: 0 };

function chargesFile(rows: number, broken: (i: number) => boolean, withDuplicateId = true): string {
  const lines = [FILE_SPECS.charges.columns.map((c) => c.name).join(',')];
  for (let i = 0; i < rows; i += 1) {
    const date = broken(i) ? '2025-02-30' : `2025-0${(i % 9) + 1}-1${i % 10}`;
    lines.push(`C${i},H${i % 97},MRN${i % 500},${date},80053,Q1;RT,1,${(i % 500) + 10}.25,0301,C18.9;Z00.6,INSURANCE,"Medicare, Part B",MEDICARE,PROFESSIONAL,OUTPATIENT,01234567,,`);
  }
  if (withDuplicateId) lines.splice(5, 0, `C3,H1,MRN1,2025-01-01,80053,,1,1.00,,,INSURANCE,x,MEDICARE,PROFESSIONAL,OUTPATIENT,,,`);
  const path = join(tempDir(), 'charges.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

describe('the CSV parsing worker', () => {
  it('imports exactly what the in-thread path imports', async () => {
    const path = chargesFile(20_000, () => false, false);
    const a = memoryStore();
    const b = memoryStore();
    await importFiles(a, { type: 'folder', path: MINI_PACKAGE });
    await importFiles(b, { type: 'folder', path: MINI_PACKAGE });
    const inThread = await importFiles(a, { type: 'file', path }, IN_THREAD);
    const inWorker = await importFiles(b, { type: 'file', path }, IN_WORKER);
    expect(inWorker.status).toBe('imported');
    expect(inWorker.files).toEqual(inThread.files);
    const rows = (db: typeof a) => db.prepare('SELECT charge_id, mrn, service_date, modifiers, payer_name, charge_amount_cents, source_line FROM charges ORDER BY id').all();
    expect(rows(b)).toEqual(rows(a));
  });

  it('reports the same problems, located the same way, and writes nothing', async () => {
    const path = chargesFile(5_000, (i) => i % 1_000 === 7);
    const inThread = await importFiles(memoryStore(), { type: 'file', path }, IN_THREAD);
    const db = memoryStore();
    const before = tableCounts(db);
    const inWorker = await importFiles(db, { type: 'file', path }, IN_WORKER);
    expect(inWorker.status).toBe('refused');
    expect(inWorker.problems).toEqual(inThread.problems);
    expect(inWorker.problems.length).toBe(6); // five bad dates and one repeated charge_id
    expect(tableCounts(db)).toEqual(before);
  });

  it('stops at once and rolls back when cancelled', async () => {
    const path = chargesFile(30_000, () => false);
    const db = memoryStore();
    const before = tableCounts(db);
    let checks = 0; // the importer asks between batches of 1,000 rows: cancel after a few
    const outcome = await importFiles(db, { type: 'file', path }, { ...IN_WORKER, isCancelled: () => ++checks > 4 });
    expect(outcome.status).toBe('cancelled');
    expect(tableCounts(db)).toEqual(before);
  });
});
