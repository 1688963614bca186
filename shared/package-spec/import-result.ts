/** What an import did, in a shape the CLI prints and the UI shows. */
import type { PackageFileKind } from './files.ts';
import type { ImportProblem } from './problems.ts';
import type { RetriageSummary } from '../denials/retriage-summary.ts';

export interface ImportedFile {
  /** Display name: `calendar.csv`, or `package.xlsx [calendar]` for a sheet. */
  readonly file: string;
  readonly kind: PackageFileKind;
  readonly sha256: string;
  readonly byteSize: number;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Set when the same bytes were imported before: the file was skipped and changed nothing. */
  readonly alreadyImported?: { readonly batchId: number; readonly importedAt: string };
}

export type ImportStatus = 'imported' | 'unchanged' | 'refused' | 'cancelled';

export interface ImportOutcome {
  readonly status: ImportStatus;
  readonly batchId: number | null;
  readonly files: readonly ImportedFile[];
  /** Every problem found (up to a bound; `problemCount` counts them all). Non-empty only when refused. */
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;
  /** True when reading stopped early because the file was hopeless (thousands of problems). */
  readonly truncatedProblems: boolean;
  readonly elapsedMs: number;
  /**
   * Set when the import changed rows and remittances are on file: remittance lines it let link to
   * a charge, and open denials whose triage changed (db/denials/after-import.ts).
   */
  readonly denials?: RetriageSummary;
}

export interface ImportProgress {
  readonly file: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rowsDone: number;
  readonly rowsPerSecond: number;
}
