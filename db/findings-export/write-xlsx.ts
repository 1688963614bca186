/**
 * The .xlsx of a queue view, streamed row by row with exceljs's WorkbookWriter: a "Findings" sheet
 * (frozen header, auto-filter, amounts as dollars) with exactly the view's rows, and an "About this
 * export" sheet saying which filter and order produced it, when, and how many rows it holds.
 */
import ExcelJS from 'exceljs';
import type { FindingFilter, FindingRow, FindingSort } from '../../shared/contract/findings.ts';
import { EXPORT_COLUMNS, neutralizeFormula } from '../../shared/findings/export-columns.ts';
import { describeFilter, describeSort } from '../../shared/findings/describe-view.ts';

const MONEY_FORMAT = '"$"#,##0.00';

export interface XlsxAbout {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly requestedAt: string;
  readonly rows: number;
}

/** A cell value for a column: dollars as a number for money (the cell is formatted), text neutralized. */
function cellValue(kind: string, value: string | number | null): string | number | null {
  if (value === null) return null;
  if (kind === 'money') return Number(value) / 100;
  if (kind === 'integer') return Number(value);
  return neutralizeFormula(String(value));
}

/** Writes the workbook to `path`. */
export async function writeXlsx(path: string, batches: Iterable<FindingRow[]>, about: XlsxAbout): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'TrialLedger';
  wb.created = new Date(about.requestedAt);
  const ws = wb.addWorksheet('Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.kind === 'money' ? { style: { numFmt: MONEY_FORMAT } } : {}) }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const rows of batches) {
    for (const row of rows) ws.addRow(EXPORT_COLUMNS.map((c) => cellValue(c.kind, c.value(row)))).commit();
  }
  ws.commit();

  const info = wb.addWorksheet('About this export');
  info.columns = [
    { header: 'Item', key: 'item', width: 22 },
    { header: 'Value', key: 'value', width: 70 },
  ];
  const headerRow = info.getRow(1);
  headerRow.font = { bold: true };
  headerRow.commit();
  const lines: [string, string | number][] = [
    ['Exported', about.requestedAt],
    ['Findings', about.rows],
    ['Order', describeSort(about.sort)],
    ...describeFilter(about.filter).map((p): [string, string] => [`Filter: ${p.label}`, p.text]),
  ];
  if (!about.filter.statuses?.length) lines.push(['Filter: Status', 'every status except closed']);
  for (const [item, value] of lines) info.addRow([item, typeof value === 'string' ? neutralizeFormula(value) : value]).commit();
  info.commit();
  await wb.commit();
}
