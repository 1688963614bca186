/**
 * Runs one import unit (a CSV file or a sheet) through header resolution, cell validation, key
 * uniqueness and its loader, reporting every problem with file, line and column.
 */
import { excelSerialToIso } from '../../shared/domain/dates.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { mapChargeRow, resolveMappedHeader, type MappingProfile } from '../../shared/package-spec/mapping.ts';
import { cellsInSpecOrder, parseSpecRow, resolveHeader, type ResolvedHeader } from '../../shared/package-spec/parse-row.ts';
import type { ProblemList } from '../../shared/package-spec/problems.ts';
import type { ImportUnit } from './discover-units.ts';
import { approvalsLoader } from './loaders/approvals.ts';
import { calendarLoader } from './loaders/calendar.ts';
import { chargesLoader } from './loaders/charges.ts';
import { invoiceablesLoader } from './loaders/invoiceables.ts';
import { invoicesLoader } from './loaders/invoices.ts';
import type { LoadContext, RowLoader } from './loaders/loader.ts';
import { studiesLoader } from './loaders/studies.ts';
import { subjectsLoader } from './loaders/subjects.ts';
import { visitsLoader } from './loaders/visits.ts';

const LOADERS = {
  studies: studiesLoader,
  calendar: calendarLoader,
  invoiceables: invoiceablesLoader,
  subjects: subjectsLoader,
  visits: visitsLoader,
  approvals: approvalsLoader,
  invoices: invoicesLoader,
  charges: chargesLoader,
} satisfies Record<string, (ctx: LoadContext) => RowLoader>;

/** Reading stops after this many problems: a file this broken is the wrong file, and the first thousand say so. */
export const PROBLEM_STOP = 10_000;

export interface UnitCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A row consumer for one unit: feed it the header row, then every data row. Returns false to stop reading. */
export interface UnitSink {
  accept(cells: string[], line: number): boolean;
  readonly counts: UnitCounts;
  /** False until a header row arrived: an empty file is a problem of its own. */
  readonly sawHeader: boolean;
}

export interface UnitSinkOptions {
  readonly unit: ImportUnit;
  readonly ctx: LoadContext;
  readonly problems: ProblemList;
  readonly mapping?: MappingProfile;
  readonly isCancelled: () => boolean;
  readonly onRow: () => void;
}

export function createUnitSink(options: UnitSinkOptions): UnitSink {
  const { unit, ctx, problems, mapping } = options;
  const spec = FILE_SPECS[unit.kind];
  const loader = LOADERS[unit.kind](ctx);
  const counts: UnitCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0 };
  const keys = new Map<string, number>(); // natural key -> first line (charges use the store instead)
  const keyIndexes = spec.key.map((name) => spec.columns.findIndex((c) => c.name === name));
  const dateColumns = spec.columns.flatMap((c, i) => (c.kind.type === 'date' ? [i] : []));
  let header: (ResolvedHeader & { constants?: readonly (string | undefined)[] }) | null = null;
  let headerBroken = false;

  const report = (line: number, column: number, columnName: string | undefined, reason: string): void => {
    problems.add({ file: unit.display, line, column, ...(columnName ? { columnName } : {}), reason });
  };

  return {
    counts,
    get sawHeader() {
      return header !== null;
    },
    accept(cells, line) {
      if (options.isCancelled() || problems.count >= PROBLEM_STOP) return false;
      if (header === null) {
        header = mapping ? resolveMappedHeader(mapping, cells) : resolveHeader(spec, cells);
        for (const p of header.problems) report(line, p.column, p.columnName, p.reason);
        // With a missing or unknown column every row would repeat the same complaint: report the header only.
        headerBroken = header.problems.length > 0;
        return !headerBroken;
      }
      const current = header;
      counts.rowsRead += 1;
      options.onRow();
      const width = mapping ? Infinity : current.indexes.length;
      const extra = cells.slice(width).findIndex((cell) => cell.trim() !== '');
      if (extra !== -1) report(line, width + extra + 1, undefined, `row has a value beyond the last column of the header`);
      const ordered = mapping ? mapChargeRow(mapping, current as ReturnType<typeof resolveMappedHeader>, cells) : cellsInSpecOrder(current, cells);
      if (unit.sheet) {
        // A workbook may hand a date cell over as its serial number (when its style is not known yet).
        for (const i of dateColumns) {
          const iso = excelSerialToIso((ordered[i] ?? '').trim());
          if (iso) ordered[i] = iso;
        }
      }
      const parsed = parseSpecRow(spec, ordered);
      const source = (i: number) => current.sources[i] ?? { column: 0, header: spec.columns[i]?.name ?? '' };
      for (const p of parsed.problems) {
        const s = source(p.specColumn);
        report(line, s.column, s.header, p.reason);
      }
      let rowOk = parsed.problems.length === 0 && extra === -1;
      // A repeated key is a problem even when the first row had other problems of its own.
      const keyBroken = parsed.problems.some((p) => keyIndexes.includes(p.specColumn));
      if (unit.kind !== 'charges' && !keyBroken) {
        const key = keyIndexes.map((i) => String(parsed.values[spec.columns[i]?.name ?? ''] ?? '')).join('\u0000');
        const first = keys.get(key);
        if (first !== undefined) {
          report(line, 0, undefined, `duplicate ${spec.key.join(' + ')}: the same key is on line ${first}`);
          rowOk = false;
        } else keys.set(key, line);
      }
      if (!rowOk) {
        loader.noteInvalid?.(parsed.values);
        return true;
      }
      const outcome = loader.load(parsed.values, {
        line,
        problem(columnName, reason) {
          const index = columnName === null ? -1 : spec.columns.findIndex((c) => c.name === columnName);
          const s = index >= 0 ? source(index) : undefined;
          report(line, s?.column ?? 0, s?.header ?? columnName ?? undefined, reason);
        },
      });
      if (outcome !== 'rejected') counts[outcome] += 1;
      return true;
    },
  };
}
