/**
 * Runs one import unit: validation (validate-rows.ts) then loading (load-rows.ts), row by row as
 * the reader delivers them.
 */
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import type { ProblemList } from '../../shared/package-spec/problems.ts';
import type { ImportUnit } from './discover-units.ts';
import type { LoadContext } from './loaders/loader.ts';
import { createRowLoadStage, type UnitCounts } from './load-rows.ts';
import { createRowValidator } from './validate-rows.ts';

export type { UnitCounts } from './load-rows.ts';

/** Reading stops after this many problems: a file this broken is the wrong file, and the first thousand say so. */
export const PROBLEM_STOP = 10_000;

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
  const { unit, problems } = options;
  const validator = createRowValidator({ kind: unit.kind, mapping: options.mapping, fromWorkbook: unit.sheet !== undefined });
  const stage = createRowLoadStage(unit, options.ctx, problems);
  let sawHeader = false;
  return {
    counts: stage.counts,
    get sawHeader() {
      return sawHeader;
    },
    accept(cells, line) {
      if (options.isCancelled() || problems.count >= PROBLEM_STOP) return false;
      if (!sawHeader) {
        sawHeader = true;
        const header = validator.header(cells, line);
        header.problems.forEach(stage.report);
        stage.setHeader(header.sources);
        // With a missing or unknown column every row would repeat the same complaint: report the header only.
        return header.problems.length === 0;
      }
      options.onRow();
      stage.load(validator.row(cells, line));
      return true;
    },
  };
}
