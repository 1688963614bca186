/**
 * Streams the rows of every sheet of an .xlsx workbook with exceljs's streaming reader, converting each
 * cell to the text a CSV would have held, so one validation path serves both formats. A truncated or
 * damaged workbook is refused up front (zip directory check) because a truncated zip can leave a
 * streaming unzipper waiting forever instead of failing.
 */
import ExcelJS from 'exceljs';
import { readSharedStrings } from './list-xlsx-sheets.ts';
import { assertCompleteZip, WorkbookError } from './xlsx-zip.ts';

export { WorkbookError } from './xlsx-zip.ts';


/** Text of one exceljs cell value, as a CSV export of the same sheet would show it. */
export function cellText(value: unknown, sharedStrings: readonly string[] = []): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(10)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; sharedString?: number };
    if (typeof v.sharedString === 'number') return sharedStrings[v.sharedString] ?? '';
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result, sharedStrings);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/**
 * Reads the rows of one sheet, passing each non-blank row (cells as text, 1-based row number) to
 * `onRow`; return false from it to stop. Reading ends as soon as that sheet is done.
 */
export async function readXlsxSheet(
  path: string,
  sheet: { readonly name: string; readonly partNumber: string | null },
  onRow: (cells: string[], line: number) => boolean,
): Promise<{ found: boolean; stopped: boolean }> {
  await assertCompleteZip(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to see date-formatted cells as dates
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // exceljs names a sheet from the workbook index; when a sheet's part comes first in the zip the index
  // is not read yet (and exceljs would dereference it): start from an empty model and match by part.
  // Likewise its date handling reads the workbook properties (1904 dates) of the same index.
  Object.assign(reader as unknown as object, { model: { sheets: [] }, properties: {} });
  let shared: string[] | null = null;
  const finish = (): void => {
    // Leaving the iteration early would keep the unzip stream (and the file) open.
    (reader as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
  };
  try {
    for await (const worksheet of reader) {
      const { name, id } = worksheet as unknown as { name: string; id: string | number };
      const wanted = name === sheet.name || (name === `Sheet${String(id)}` && String(id) === sheet.partNumber);
      for await (const row of worksheet) {
        if (!wanted) continue; // rows must be drained for the reader to move on
        const values = row.values as unknown[];
        // A sheet read before the workbook's shared-string table holds placeholders: load the table once.
        if (shared === null && values.some((v) => typeof v === 'object' && v !== null && 'sharedString' in v)) shared = await readSharedStrings(path);
        const cells: string[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i], shared ?? []));
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (!onRow(cells, row.number)) {
          finish();
          return { found: true, stopped: true };
        }
      }
      if (wanted) {
        finish();
        return { found: true, stopped: false };
      }
    }
  } catch (error) {
    finish();
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`the workbook could not be read (${String((error as Error).message).slice(0, 120)})`);
  }
  return { found: false, stopped: false };
}
