/** Messages and shared-memory layout between the importer and the CSV parsing worker (csv-worker.ts). */
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import type { PackageFileKind } from '../../shared/package-spec/files.ts';
import type { FileProbe } from './probe-file.ts';
import type { HeaderResult, ValidatedRow } from './validate-rows.ts';

export interface CsvWorkerInput {
  readonly path: string;
  readonly probe: Pick<FileProbe, 'encoding' | 'bomLength'>;
  readonly kind: PackageFileKind;
  readonly delimiter?: string;
  readonly mapping?: MappingProfile;
  /** [batches in flight, stop flag] */
  readonly control: SharedArrayBuffer;
}

export type CsvWorkerMessage =
  | { readonly type: 'header'; readonly header: HeaderResult }
  | { readonly type: 'rows'; readonly rows: ValidatedRow[]; readonly bytes: number }
  | { readonly type: 'structure'; readonly line: number; readonly reason: string }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly code: string };

export const BATCH_ROWS = 1_000;
export const MAX_IN_FLIGHT = 4;
export const IN_FLIGHT = 0;
export const STOP = 1;
