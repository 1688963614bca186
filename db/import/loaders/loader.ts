/**
 * The contract between the import pipeline and the per-file loaders. The pipeline parses and
 * validates cells against the FileSpec; a loader checks what spans columns or files (references,
 * consistency, uniqueness against the store) and writes the row.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { CellValue } from '../../../shared/package-spec/cell-parsers.ts';
import type { References } from './references.ts';

export type RowOutcome = 'inserted' | 'updated' | 'unchanged' | 'rejected';

export interface RowAt {
  readonly line: number;
  /** Reports a problem on a column of this row (null for the whole row). */
  problem(columnName: string | null, reason: string): void;
}

export type RowValues = Readonly<Record<string, CellValue>>;

export interface RowLoader {
  /** Writes a row whose cells are all valid; reports cross-column problems through `at`. */
  load(values: RowValues, at: RowAt): RowOutcome;
  /** Records the keys of a row whose cells had problems, so rows that reference it do not pile on. */
  noteInvalid?(values: RowValues): void;
}

/** Everything a loader may use: the connection (inside the import transaction) and the shared lookups. */
export interface LoadContext {
  readonly db: Db;
  readonly batchId: number;
  readonly fileName: string;
  readonly now: string;
  readonly refs: References;
}

/** Typed accessors: the pipeline has already validated the cell kinds, so these only narrow. */
export const str = (values: RowValues, name: string): string => values[name] as string;
export const optStr = (values: RowValues, name: string): string | null => (values[name] as string | null) ?? null;
export const num = (values: RowValues, name: string): number => values[name] as number;
export const optNum = (values: RowValues, name: string): number | null => (values[name] as number | null) ?? null;
export const flag = (values: RowValues, name: string): number => ((values[name] as boolean) ? 1 : 0);
export const list = (values: RowValues, name: string): string => ((values[name] as readonly string[] | null) ?? []).join(';');
