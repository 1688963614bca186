/**
 * The pure half of importing a unit: header resolution and cell validation, with every problem
 * located in the source file. It needs no database (load-rows.ts is the half that does).
 * (Running it in a worker thread was measured and lost: moving validated rows between threads
 * cost more than the parsing it took off the importer. See docs/BENCHMARKS.md.)
 */
import { excelSerialToIso } from '../../shared/domain/dates.ts';
import type { CellValue } from '../../shared/package-spec/cell-parsers.ts';
import { FILE_SPECS, type PackageFileKind } from '../../shared/package-spec/files.ts';
import { mapExportRow, resolveMappedHeader, type MappedHeader, type MappingProfile } from '../../shared/package-spec/mapping.ts';
import { cellsInSpecOrder, parseSpecRow, resolveHeader, type ColumnSource, type ResolvedHeader } from '../../shared/package-spec/parse-row.ts';

/** A problem located in the file; the file name is added by whoever reports it. */
export interface LocatedProblem {
  readonly line: number;
  readonly column: number;
  readonly columnName?: string;
  readonly reason: string;
}

export interface HeaderResult {
  readonly sources: readonly ColumnSource[];
  readonly problems: readonly LocatedProblem[];
}

export interface ValidatedRow {
  readonly line: number;
  /** Cell values in spec column order (arrays cross threads cheaper than objects). */
  readonly values: CellValue[];
  readonly problems: readonly LocatedProblem[];
  /** A key column itself is invalid, so the row cannot take part in the duplicate-key check. */
  readonly keyBroken: boolean;
}

export interface RowValidator {
  header(cells: readonly string[], line: number): HeaderResult;
  row(cells: readonly string[], line: number): ValidatedRow;
}

export interface ValidatorOptions {
  readonly kind: PackageFileKind;
  readonly mapping?: MappingProfile | undefined;
  /** Workbook cells may carry dates as Excel serial numbers. */
  readonly fromWorkbook: boolean;
}

const located = (line: number, column: number, columnName: string | undefined, reason: string): LocatedProblem => ({
  line,
  column,
  ...(columnName ? { columnName } : {}),
  reason,
});

export function createRowValidator(options: ValidatorOptions): RowValidator {
  const spec = FILE_SPECS[options.kind];
  const names = spec.columns.map((c) => c.name);
  const keyIndexes = spec.key.map((name) => names.indexOf(name));
  const dateColumns = spec.columns.flatMap((c, i) => (c.kind.type === 'date' ? [i] : []));
  const mapping = options.mapping;
  let header: ResolvedHeader | MappedHeader | null = null;
  return {
    header(cells, line) {
      header = mapping ? resolveMappedHeader(mapping, cells) : resolveHeader(spec, cells);
      return { sources: header.sources, problems: header.problems.map((p) => located(line, p.column, p.columnName, p.reason)) };
    },
    row(cells, line) {
      const current = header;
      if (current === null) throw new Error('row before header');
      const problems: LocatedProblem[] = [];
      const width = mapping ? Infinity : current.indexes.length;
      const extra = cells.slice(width).findIndex((cell) => cell.trim() !== '');
      if (extra !== -1) problems.push(located(line, width + extra + 1, undefined, 'row has a value beyond the last column of the header'));
      const mapped = mapping ? mapExportRow(mapping, current as MappedHeader, cells) : null;
      const ordered = mapped ? mapped.cells : cellsInSpecOrder(current, cells);
      // A cell the profile refused (a cents column holding 12.5) is reported in the profile's words,
      // and only once: validation's own refusal of that cell is left out below.
      const refusedColumns = new Set<number>();
      for (const r of mapped?.refused ?? []) {
        problems.push(located(line, r.column, r.columnName, r.reason));
        refusedColumns.add(r.specColumn);
      }
      if (options.fromWorkbook) {
        // A workbook may hand a date cell over as its serial number (when its style is not known yet).
        for (const i of dateColumns) {
          const iso = excelSerialToIso((ordered[i] ?? '').trim());
          if (iso) ordered[i] = iso;
        }
      }
      const parsed = parseSpecRow(spec, ordered);
      for (const p of parsed.problems) {
        if (refusedColumns.has(p.specColumn)) continue;
        const source = current.sources[p.specColumn];
        problems.push(located(line, source?.column ?? 0, source?.header ?? names[p.specColumn], p.reason));
      }
      return {
        line,
        values: names.map((name) => parsed.values[name] ?? null),
        problems,
        keyBroken: parsed.problems.some((p) => keyIndexes.includes(p.specColumn)),
      };
    },
  };
}
