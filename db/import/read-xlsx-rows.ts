/**
 * Streams the rows of one sheet of an .xlsx workbook: the sheet's part is inflated straight from the
 * zip and split into complete <row> elements, whose cells become the text a CSV export of the same
 * sheet would hold, so one validation path serves both formats. Memory stays flat (one row at a time
 * plus the shared-string table). This replaces exceljs's streaming reader for imports: that reader
 * loses sheets met before the shared strings in the zip (it pipes and drains the same entry at once),
 * which is how exceljs and often Excel lay workbooks out. Dates need no styles: date columns accept
 * Excel serial numbers (see validate-rows.ts).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import { readSharedStrings, type XlsxSheet } from './list-xlsx-sheets.ts';
import { assertCompleteZip, decodeXml, readZipDirectory, WorkbookError, zipEntryDataStart } from './xlsx-zip.ts';

export { WorkbookError } from './xlsx-zip.ts';

/** A single row longer than this is not a spreadsheet row: refuse rather than buffer it. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const TEXT = /<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g;

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** 0-based column of a cell reference (`C12` -> 2). */
export function columnIndex(reference: string): number {
  let n = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** A number as a CSV would show it: integers as is, float noise (212.30000000000001) trimmed. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10)));
}

/** Text of one <c> element. `shared` resolves type-s cells. */
export function cellText(attrs: string, body: string, shared: (index: number) => string): string {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return [...body.matchAll(TEXT)].map((m) => decodeXml(m[1] ?? '')).join('');
  const value = VALUE.exec(body)?.[1];
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return shared(Number(value));
    case 'b':
      return value === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return decodeXml(value).slice(0, 10);
    case 'str':
    case 'e':
      return decodeXml(value);
    default:
      return numberText(value);
  }
}

/** Cells of one <row>, placed by their references (gaps stay empty). */
function rowCells(body: string, shared: (index: number) => string): string[] {
  const cells: string[] = [];
  let next = 0;
  for (const m of body.matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const ref = attr(attrs, 'r');
    const index = ref ? columnIndex(ref) : next;
    while (cells.length < index) cells.push('');
    cells[index] = cellText(attrs, m[2] ?? '', shared);
    next = index + 1;
  }
  return cells;
}

/**
 * Reads the rows of one sheet, passing each non-blank row (cells as text, 1-based row number) to
 * `onRow`; return false from it to stop. A damaged or truncated workbook rejects with WorkbookError.
 */
export async function readXlsxSheet(path: string, sheet: XlsxSheet, onRow: (cells: string[], line: number) => boolean): Promise<{ found: boolean; stopped: boolean }> {
  await assertCompleteZip(path);
  const handle = await open(path, 'r');
  let start: number;
  let entry;
  try {
    entry = sheet.part ? (await readZipDirectory(handle)).get(sheet.part) : undefined;
    if (!entry) return { found: false, stopped: false };
    start = await zipEntryDataStart(handle, entry);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError('the workbook is damaged (its zip directory cannot be read)');
  } finally {
    await handle.close();
  }
  if (entry.method !== 0 && entry.method !== 8) throw new WorkbookError('the workbook uses a compression this reader does not know');
  const raw = createReadStream(path, { start, end: start + Math.max(entry.compressedSize, 1) - 1 });
  const stream: Readable = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  stream.setEncoding('utf8');
  let shared: string[] | null = null;
  const lookup = (index: number): string => shared?.[index] ?? '';
  let buffer = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      buffer += chunk;
      let consumed = 0;
      ROW.lastIndex = 0;
      for (let m = ROW.exec(buffer); m !== null; m = ROW.exec(buffer)) {
        consumed = ROW.lastIndex;
        const body = m[2] ?? '';
        // Shared strings are loaded once, on the first row that uses them.
        if (shared === null && /\bt="s"/.test(body)) shared = await readSharedStrings(path);
        line = Number(attr(m[1] ?? '', 'r') ?? line + 1);
        const cells = rowCells(body, lookup);
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (!onRow(cells, line)) {
          stream.destroy();
          return { found: true, stopped: true };
        }
      }
      buffer = buffer.slice(consumed);
      if (buffer.length > MAX_ROW_CHARS) throw new WorkbookError(`row ${line + 1} of sheet '${sheet.name}' is implausibly long`);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`the workbook is damaged (sheet '${sheet.name}' cannot be read)`);
  }
  return { found: true, stopped: false };
}
