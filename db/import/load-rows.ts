/**
 * The half of importing a unit that needs the connection: the duplicate-key check within the file,
 * the per-file loader (references, cross-column checks, upserts) and the counts. It consumes rows
 * validated by validate-rows.ts.
 */
import type { CellValue } from '../../shared/package-spec/cell-parsers.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import type { ColumnSource } from '../../shared/package-spec/parse-row.ts';
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
import type { LocatedProblem, ValidatedRow } from './validate-rows.ts';

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

export interface UnitCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface RowLoadStage {
  readonly counts: UnitCounts;
  /** Reports located problems of this unit (header, structure, rows). */
  report(problem: LocatedProblem): void;
  setHeader(sources: readonly ColumnSource[]): void;
  load(row: ValidatedRow): void;
}

export function createRowLoadStage(unit: ImportUnit, ctx: LoadContext, problems: ProblemList): RowLoadStage {
  const spec = FILE_SPECS[unit.kind];
  const names = spec.columns.map((c) => c.name);
  const loader = LOADERS[unit.kind](ctx);
  const counts: UnitCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0 };
  const keyIndexes = spec.key.map((name) => names.indexOf(name));
  const keys = new Map<string, number>(); // natural key -> first line (charges use the store instead: flat memory)
  let sources: readonly ColumnSource[] = [];
  const report = (p: LocatedProblem): void => problems.add({ file: unit.display, ...p });
  return {
    counts,
    report,
    setHeader(s) {
      sources = s;
    },
    load(row) {
      counts.rowsRead += 1;
      for (const p of row.problems) report(p);
      let ok = row.problems.length === 0;
      // A repeated key is a problem even when the first row had other problems of its own.
      if (unit.kind !== 'charges' && !row.keyBroken) {
        const key = keyIndexes.map((i) => String(row.values[i] ?? '')).join('\u0000');
        const first = keys.get(key);
        if (first !== undefined) {
          report({ line: row.line, column: 0, reason: `duplicate ${spec.key.join(' + ')}: the same key is on line ${first}` });
          ok = false;
        } else keys.set(key, row.line);
      }
      const values: Record<string, CellValue> = {};
      for (let i = 0; i < names.length; i += 1) values[names[i] as string] = row.values[i] ?? null;
      if (!ok) {
        loader.noteInvalid?.(values);
        return;
      }
      const outcome = loader.load(values, {
        line: row.line,
        problem(columnName, reason) {
          const index = columnName === null ? -1 : names.indexOf(columnName);
          const source = index >= 0 ? sources[index] : undefined;
          const name = source?.header ?? columnName ?? undefined;
          report({ line: row.line, column: source?.column ?? 0, ...(name ? { columnName: name } : {}), reason });
        },
      });
      if (outcome !== 'rejected') counts[outcome] += 1;
    },
  };
}
