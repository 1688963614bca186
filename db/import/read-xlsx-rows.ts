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
import { readSharedStrings, stringItemText, type XlsxSheet } from './list-xlsx-sheets.ts';
import { assertCompleteZip, decodeXml, readZipDirectory, WorkbookError, XmlElementReader, xmlElements, zipEntryDataStart, type XmlPlace } from './xlsx-zip.ts';

export { WorkbookError } from './xlsx-zip.ts';

/** A single row longer than this is not a spreadsheet row: refuse rather than buffer it. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** Excel's limits: columns A..XFD, rows 1..1,048,576. A reference beyond them is refused before anything is allocated for it. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** Inflated sheet text arrives in chunks of about this size (fewer, larger chunks: a long pending row is re-joined less often). */
const CHUNK_BYTES = 1024 * 1024;

const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;

const attrPatterns = new Map<string, RegExp>();
/** An attribute's raw value (exec on a non-global pattern keeps no state, so the patterns are shared). */
function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) attrPatterns.set(name, (pattern = new RegExp(`\\b${name}="([^"]*)"`)));
  return pattern.exec(attrs)?.[1];
}

/** A reference or attribute as quoted in a message: a hostile one can be megabytes long. */
const shown = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/** The column letters of a 0-based column index (16383 -> XFD). */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 0-based column of a cell reference (`C12` -> 2), or -1 when it is not a reference to a cell Excel can hold. */
export function columnIndex(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length && i < 4; i += 1) {
    const code = reference.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0 || column > MAX_COLUMNS) return -1;
  let row = 0;
  const digitsAt = i;
  for (; i < reference.length && i - digitsAt < 8; i += 1) {
    const code = reference.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  return i === reference.length && row >= 1 && row <= MAX_ROWS ? column - 1 : -1;
}

/** Why columnIndex refused a cell reference, for a message naming it. */
function referenceProblem(reference: string): string {
  const m = /^([A-Za-z]+)([0-9]+)$/.exec(reference);
  if (!m) return 'is not a valid cell reference';
  if (columnIndex(`${m[1] as string}1`) === -1) return `is beyond Excel's last column (${columnName(MAX_COLUMNS - 1)})`;
  return /^0+$/.test(m[2] as string) ? 'is not a valid cell reference' : `is beyond Excel's last row (${MAX_ROWS})`;
}

/** A number as a CSV would show it: integers as is, float noise (212.30000000000001) trimmed. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(10)));
}

/** Text of one <c> element. `shared` resolves type-s cells. */
export function cellText(attrs: string, body: string, shared: (index: number) => string, place: XmlPlace = () => 'a cell'): string {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return stringItemText(body, place);
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

/**
 * Cells of one <row>, placed by their references (gaps stay empty). `where` names the row
 * ("row 5 of sheet 'x'"). A reference beyond Excel's grid is refused before any gap is filled.
 */
function rowCells(body: string, shared: (index: number) => string, where: string, sheetName: string): string[] {
  const cells: string[] = [];
  let next = 0;
  let ref: string | undefined;
  const cellPlace = (): string => (ref ? `cell ${shown(ref)} of sheet '${sheetName}'` : `a cell in ${where}`);
  const place = (attrs: string | null): string => {
    if (attrs === null) return where;
    ref = attr(attrs, 'r');
    return cellPlace();
  };
  for (const c of xmlElements(body, 'c', place)) {
    ref = attr(c.attrs, 'r');
    let index = next;
    if (ref) {
      index = columnIndex(ref);
      if (index === -1) throw new WorkbookError(`cell ${shown(ref)} of sheet '${sheetName}' ${referenceProblem(ref)}`);
    } else if (index >= MAX_COLUMNS) {
      throw new WorkbookError(`${where} has more cells than Excel allows (${MAX_COLUMNS})`);
    }
    while (cells.length < index) cells.push('');
    cells[index] = cellText(c.attrs, c.body, shared, cellPlace);
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
  const raw = createReadStream(path, { start, end: start + Math.max(entry.compressedSize, 1) - 1, highWaterMark: CHUNK_BYTES });
  const stream: Readable = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: CHUNK_BYTES })) : raw;
  raw.on('error', (error) => stream.destroy(error));
  stream.setEncoding('utf8');
  let shared: string[] | null = null;
  const lookup = (index: number): string => shared?.[index] ?? '';
  let line = 0;
  /** The row a <row> tag with these attributes opens: its r attribute, else the row after the last. */
  const rowNumber = (attrs: string): number => {
    const r = attr(attrs, 'r');
    if (r === undefined) {
      if (line + 1 > MAX_ROWS) throw new WorkbookError(`sheet '${sheet.name}' has more rows than Excel allows (${MAX_ROWS})`);
      return line + 1;
    }
    const n = /^[0-9]{1,7}$/.test(r) ? Number(r) : 0;
    if (n < 1 || n > MAX_ROWS) throw new WorkbookError(`row '${shown(r)}' of sheet '${sheet.name}' is not a row number Excel can hold (1 to ${MAX_ROWS})`);
    return n;
  };
  const rowPlace = (attrs: string | null): string => (attrs === null ? `sheet '${sheet.name}'` : `row ${rowNumber(attrs)} of sheet '${sheet.name}'`);
  const rows = new XmlElementReader('row', MAX_ROW_CHARS, rowPlace);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      for (const row of rows.push(chunk)) {
        // Shared strings are loaded once, on the first row that uses them.
        if (shared === null && /\bt="s"/.test(row.body)) shared = await readSharedStrings(path);
        line = rowNumber(row.attrs);
        const cells = rowCells(row.body, lookup, `row ${line} of sheet '${sheet.name}'`, sheet.name);
        if (cells.every((cell) => cell.trim() === '')) continue;
        if (!onRow(cells, line)) {
          stream.destroy();
          return { found: true, stopped: true };
        }
      }
    }
    rows.end();
  } catch (error) {
    stream.destroy();
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`the workbook is damaged (sheet '${sheet.name}' cannot be read)`);
  }
  return { found: true, stopped: false };
}
