/**
 * Header resolution and row parsing against a FileSpec. The importer feeds it rows from CSV, xlsx or a
 * column-mapped export; it reports every problem of a row, not the first only.
 */
import { parseCell, type CellValue } from './cell-parsers.ts';
import type { FileSpec } from './files.ts';

/** Where a spec column's value comes from in the source file, for error locations. */
export interface ColumnSource {
  /** 1-based column in the source file; 0 when the value is a mapping constant. */
  readonly column: number;
  /** Header of the source column (the mapped export's own name, when mapped). */
  readonly header: string;
}

export interface ResolvedHeader {
  /** For each spec column, in spec order: the source cell index (0-based) or -1 when absent. */
  readonly indexes: readonly number[];
  readonly sources: readonly ColumnSource[];
  readonly problems: readonly { column: number; columnName?: string; reason: string }[];
}

/** Normalises a header cell: trims, drops a stray BOM, lower-cases. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase();
}

/**
 * Whether a header cell that is not a spec column may be quoted back: only when it has the shape of a
 * column name (a letter, then letters, digits, spaces, _ or -; at most 40 characters; no run of four
 * digits). Anything else may be patient data (an MRN, an account number, a date) in a file whose
 * header row is missing, so it is never echoed.
 */
export function looksLikeColumnName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9 _-]{0,39}$/.test(text) && !/\d{4}/.test(text);
}

const notShown = (headerMissing: boolean): string =>
  headerMissing ? '(text not shown: it may be patient data; is the header row missing?)' : '(text not shown: it does not look like a column name and may be patient data)';

/**
 * Matches a header row to the spec: every spec column must be present exactly once and no other
 * column may appear, so a misspelt column is caught instead of silently ignored.
 *
 * Header text is quoted back only when it is plausibly a column name, and not at all when most cells
 * are not columns of the file: then the "header" is most likely the first data row, and its cells
 * may be PHI.
 */
export function resolveHeader(spec: FileSpec, headerCells: readonly string[]): ResolvedHeader {
  const problems: { column: number; columnName?: string; reason: string }[] = [];
  const known = new Set(spec.columns.map((column) => column.name));
  const names = headerCells.map(normalizeHeader);
  const trailingBlank = (index: number): boolean => names[index] === '' && index === names.length - 1 && index > 0; // trailing delimiter
  const filled = names.filter((name, index) => name !== '' && !trailingBlank(index));
  const unknownCount = filled.filter((name) => !known.has(name)).length;
  const headerMissing = filled.length > 0 && unknownCount * 2 > filled.length;
  // The cell as written (not lower-cased), so a typo reads as the coordinator typed it.
  const shown = (index: number): string | null => {
    const text = (headerCells[index] ?? '').replace(/^\uFEFF/, '').trim();
    return !headerMissing && looksLikeColumnName(text) ? text : null;
  };
  const hidden = notShown(headerMissing);
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (trailingBlank(index)) return;
    if (name === '') {
      problems.push({ column: index + 1, reason: 'blank column header' });
      return;
    }
    const text = shown(index);
    if (seen.has(name)) {
      problems.push(
        text !== null || known.has(name)
          ? { column: index + 1, columnName: name, reason: `column '${name}' appears twice (also column ${(seen.get(name) ?? 0) + 1})` }
          : { column: index + 1, reason: `this column header repeats column ${(seen.get(name) ?? 0) + 1} ${hidden}` },
      );
      return;
    }
    seen.set(name, index);
    if (known.has(name)) return;
    const expected = `${spec.fileName} has exactly: ${spec.columns.map((c) => c.name).join(', ')}`;
    if (text !== null) problems.push({ column: index + 1, columnName: name, reason: `unknown column '${text}'; ${expected}` });
    else problems.push({ column: index + 1, reason: `unknown column ${hidden}; ${expected}` });
  });
  if (headerMissing) {
    problems.unshift({
      column: 0,
      reason: `the header row appears to be missing: ${unknownCount} of ${filled.length} cells of this row are not columns of ${spec.fileName}, so it looks like a data row (or this is not a ${spec.fileName} file); its text is not shown`,
    });
  }
  const indexes = spec.columns.map((column) => seen.get(column.name) ?? -1);
  spec.columns.forEach((column, i) => {
    if (indexes[i] === -1) problems.push({ column: 0, columnName: column.name, reason: `missing column '${column.name}'` });
  });
  const sources = spec.columns.map((column, i) => ({ column: (indexes[i] ?? -1) + 1, header: column.name }));
  return { indexes, sources, problems };
}

export interface RowProblem {
  /** Index of the spec column (so the caller can locate it through ColumnSource). */
  readonly specColumn: number;
  readonly reason: string;
}

export interface ParsedRow {
  readonly values: Record<string, CellValue>;
  readonly problems: readonly RowProblem[];
}

/** Parses the cells of one row (already arranged in spec order) into typed values. */
export function parseSpecRow(spec: FileSpec, cells: readonly (string | undefined)[]): ParsedRow {
  const values: Record<string, CellValue> = {};
  const problems: RowProblem[] = [];
  spec.columns.forEach((column, i) => {
    const text = (cells[i] ?? '').trim();
    if (text === '') {
      values[column.name] = column.kind.type === 'list' ? [] : null;
      if (column.required) problems.push({ specColumn: i, reason: `${column.name} is required` });
      return;
    }
    const result = parseCell(column.kind, text, column.phi === true);
    if (result.ok) values[column.name] = result.value;
    else {
      values[column.name] = null;
      problems.push({ specColumn: i, reason: result.reason });
    }
  });
  return { values, problems };
}

/** Arranges a raw source row into spec order using a resolved header. */
export function cellsInSpecOrder(header: ResolvedHeader, raw: readonly string[]): (string | undefined)[] {
  return header.indexes.map((index) => (index >= 0 ? raw[index] : undefined));
}
