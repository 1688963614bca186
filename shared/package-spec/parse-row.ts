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
 * Matches a header row to the spec: every spec column must be present exactly once and no other
 * column may appear, so a misspelt column is caught instead of silently ignored.
 */
export function resolveHeader(spec: FileSpec, headerCells: readonly string[]): ResolvedHeader {
  const problems: { column: number; columnName?: string; reason: string }[] = [];
  const seen = new Map<string, number>();
  headerCells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name === '' && index === headerCells.length - 1 && index > 0) return; // trailing delimiter
    if (seen.has(name)) {
      problems.push({ column: index + 1, columnName: name, reason: `column '${name}' appears twice (also column ${(seen.get(name) ?? 0) + 1})` });
      return;
    }
    seen.set(name, index);
    if (!spec.columns.some((column) => column.name === name)) {
      problems.push({
        column: index + 1,
        columnName: name || undefined,
        reason: name === '' ? 'blank column header' : `unknown column '${cell.trim()}'; ${spec.fileName} has exactly: ${spec.columns.map((c) => c.name).join(', ')}`,
      });
    }
  });
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
