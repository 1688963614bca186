/**
 * Exporting a queue view: through the contract (a job), the .csv and .xlsx hold exactly the view's
 * rows in its order, the columns of EXPORT_COLUMNS, money as dollars, no MRN, formulas neutralized.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../db/backend/backend.ts';
import { dispatch } from '../../db/backend/dispatch.ts';
import { listFindings } from '../../db/queries/findings/list-findings.ts';
import type { FindingFilter, FindingRow, FindingSort } from '../../shared/contract/findings.ts';
import type { FindingsExportOutcome } from '../../shared/contract/findings-insights.ts';
import { centsToDecimalString } from '../../shared/domain/money.ts';
import { EXPORT_COLUMNS } from '../../shared/findings/export-columns.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { demoStore, NOW } from './demo-store.ts';

let backend: Backend;
beforeAll(async () => {
  const db = await demoStore();
  backend = createBackend({ db, dbPath: ':memory:', key: null, dataDir: tempDir('tl-export-'), host: 'cli', keyProtection: 'none', version: 'test', now: () => NOW });
});

async function exportView(filter: FindingFilter, sort: FindingSort, format: 'csv' | 'xlsx'): Promise<{ path: string; outcome: FindingsExportOutcome }> {
  const started = await dispatch(backend, 'findings:export', { filter, sort, format });
  if (!started.ok) throw new Error(started.error.message);
  const state = await backend.jobs.whenDone((started.value as { jobId: string }).jobId);
  expect(state.status).toBe('succeeded');
  const outcome = state.result as FindingsExportOutcome;
  return { path: join(backend.outboxDir, outcome.fileName), outcome };
}

const view = (filter: FindingFilter, sort: FindingSort): readonly FindingRow[] => listFindings(backend.db, filter, sort, 0, 500).rows;

describe('exporting a queue view', () => {
  const filter: FindingFilter = { severities: ['critical', 'warning'], statuses: ['open', 'confirmed'] };
  const sort: FindingSort = { by: 'amount', direction: 'desc' };

  it('writes a .csv with exactly the view’s rows, in order', async () => {
    const { path, outcome } = await exportView(filter, sort, 'csv');
    expect(outcome.fileName).toMatch(/^findings-2026-02-01-100000\.csv$/);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/MRN/i);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data;
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const rows = view(filter, sort);
    expect(outcome.rows).toBe(rows.length);
    expect(body.map((r) => Number(r[0]))).toEqual(rows.map((r) => r.id));
    const amount = EXPORT_COLUMNS.findIndex((c) => c.header === 'Amount');
    expect(body.map((r) => r[amount])).toEqual(rows.map((r) => centsToDecimalString(r.amountCents)));
    const message = EXPORT_COLUMNS.findIndex((c) => c.header === 'Message');
    expect(body.map((r) => r[message])).toEqual(rows.map((r) => r.message));
  });

  it('writes an .xlsx with the same rows, dollars as numbers, and what produced it', async () => {
    const { path } = await exportView(filter, sort, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('Findings');
    if (!sheet) throw new Error('no Findings sheet');
    const rows = view(filter, sort);
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const amount = EXPORT_COLUMNS.findIndex((c) => c.header === 'Amount') + 1;
    rows.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(1).value).toBe(row.id);
      expect(cells.getCell(amount).value).toBe(row.amountCents / 100);
      expect(cells.getCell(amount).numFmt).toContain('0.00');
    });
    const about = wb.getWorksheet('About this export');
    const lines = new Map<string, unknown>();
    about?.eachRow((r) => lines.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(lines.get('Findings')).toBe(rows.length);
    expect(lines.get('Order')).toBe('Amount, largest first');
    expect(lines.get('Filter: Severity')).toBe('critical, warning');
  });

  it('exports a partitioned order (by study) the same as the queue shows it', async () => {
    const byStudy: FindingSort = { by: 'study', direction: 'desc' };
    const { path } = await exportView({}, byStudy, 'csv');
    const ids = Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd(), { skipEmptyLines: true }).data.slice(1).map((r) => Number(r[0]));
    expect(ids).toEqual(view({}, byStudy).map((r) => r.id));
  });

  it('neutralizes text a spreadsheet would run as a formula', async () => {
    const id = view({}, sort)[0]?.id ?? 0;
    backend.db.prepare("UPDATE findings SET assignee = '=HYPERLINK(\"http://x\")' WHERE id = ?").run(id);
    const { path } = await exportView({ assignee: '=HYPERLINK("http://x")' }, sort, 'csv');
    expect(readFileSync(path, 'utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
