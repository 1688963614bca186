/**
 * Writes package rows as CSV text exactly in the column order of shared/package-spec/files.ts, and
 * reads such text back through the same cell parsers the importer uses. The generator reads its own
 * output back before computing the expected findings, so the oracle sees precisely what the app will
 * import (normalised codes, parsed cents) and any cell the parsers would refuse stops the generator.
 */
import Papa from 'papaparse';
import { centsToDecimalString } from '../../shared/domain/money.ts';
import type { CellValue } from '../../shared/package-spec/cell-parsers.ts';
import { FILE_SPECS, type ColumnSpec, type PackageFileKind } from '../../shared/package-spec/files.ts';
import { parseSpecRow, resolveHeader } from '../../shared/package-spec/parse-row.ts';
import type { PackageRows } from './model.ts';

/** Formats one typed value as the text of its cell. */
function formatCell(column: ColumnSpec, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (column.kind.type) {
    case 'money':
      return centsToDecimalString(value as number);
    case 'percent': {
      const bp = value as number;
      return bp % 100 === 0 ? String(bp / 100) : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
    }
    case 'yn':
      return value === true ? 'Y' : 'N';
    case 'list':
      return (value as readonly string[]).join(';');
    case 'int':
      return String(value as number);
    default:
      return value as string;
  }
}

/** Quotes a cell only when CSV needs it (a comma, quote or line break), as spreadsheet exports do. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of one package file: header, then one line per row, LF line ends, final newline. */
export function toCsv<K extends PackageFileKind>(kind: K, rows: PackageRows[K]): string {
  const columns = FILE_SPECS[kind].columns;
  const lines = [columns.map((c) => c.name).join(',')];
  for (const row of rows as readonly object[]) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => quote(formatCell(c, record[c.name]))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Parsed values arrive as the parser's own types; lists become mutable copies so rows compare deeply. */
function toRow(columns: readonly ColumnSpec[], values: Record<string, CellValue>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of columns) {
    const v = values[c.name] ?? null;
    row[c.name] = Array.isArray(v) ? [...(v as readonly string[])] : v;
  }
  return row;
}

/**
 * Parses the CSV text of one package file through the package-spec parsers. Throws on the first
 * problem: the demo must be importable without a single complaint.
 */
export function fromCsv<K extends PackageFileKind>(kind: K, text: string): PackageRows[K] {
  const spec = FILE_SPECS[kind];
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${spec.fileName}: CSV error ${parsed.errors[0]?.message ?? ''}`);
  const [headerCells, ...data] = parsed.data;
  const header = resolveHeader(spec, headerCells ?? []);
  if (header.problems.length > 0) throw new Error(`${spec.fileName}: ${header.problems[0]?.reason ?? 'bad header'}`);
  return data.map((cells, i) => {
    const ordered = header.indexes.map((index) => (index >= 0 ? cells[index] : undefined));
    const row = parseSpecRow(spec, ordered);
    const problem = row.problems[0];
    if (problem) throw new Error(`${spec.fileName} line ${i + 2} (${spec.columns[problem.specColumn]?.name ?? '?'}): ${problem.reason}`);
    return toRow(spec.columns, row.values);
  }) as unknown as PackageRows[K];
}
