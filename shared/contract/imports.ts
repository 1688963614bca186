/**
 * Imports from the renderer. Files are referred to by the ids the shell handed out when the user
 * chose or dropped them (a dialog in the desktop app, an upload in the browser harness): the renderer
 * never sends a path.
 */
import { z } from 'zod';
import type { PackageFileKind } from '../package-spec/files.ts';
import { mappingProfileSchema, type MappingProfile } from '../package-spec/mapping.ts';
import { channel } from './define.ts';

export const fileIdSchema = z.string().regex(/^f[0-9a-z]{1,40}$/);

/** A file the user chose, as the renderer knows it. */
export interface FileRef {
  readonly fileId: string;
  readonly name: string;
  readonly byteSize: number;
}

/** What the wizard shows before importing: per file, its kind (if a package file), header and first rows. */
export interface FilePreview {
  readonly fileId: string;
  readonly name: string;
  /** The package file this is, or null when it must be column-mapped as a charge export. */
  readonly kind: PackageFileKind | null;
  /** For a workbook: one entry per sheet. */
  readonly sheets: readonly { readonly sheet: string | null; readonly kind: PackageFileKind | null; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }[];
  /** Set when the file cannot be read at all. */
  readonly problem?: string;
}

export interface ImportBatchSummary {
  readonly batchId: number;
  readonly source: string;
  readonly finishedAt: string;
  readonly files: readonly { readonly file: string; readonly kind: string; readonly rowsRead: number; readonly inserted: number; readonly updated: number; readonly unchanged: number }[];
}

export const importsContract = {
  /** Header and first rows of chosen files, for the wizard's summary and the mapping preview. */
  'imports:preview': channel<FilePreview[]>()(z.object({ fileIds: z.array(fileIdSchema).min(1).max(50), rows: z.number().int().min(1).max(50).default(10) })),
  /** Starts an import job of the chosen files (a package) or of one export with a mapping profile. */
  'imports:start': channel<{ jobId: string }>()(
    z.object({
      fileIds: z.array(fileIdSchema).min(1).max(50),
      mapping: mappingProfileSchema.optional(),
    }),
  ),
  /** Past import batches, newest first. */
  'imports:history': channel<ImportBatchSummary[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) })),
  /** Writes the problems of a refused import job to a CSV file in the outbox; answers its name for `saveOutput`. */
  'imports:export-problems': channel<{ fileName: string }>()(z.object({ jobId: z.string().min(1).max(64) })),
  'mappings:list': channel<MappingProfile[]>()(z.object({})),
  'mappings:save': channel<MappingProfile>()(z.object({ profile: mappingProfileSchema })),
  'mappings:delete': channel<boolean>()(z.object({ name: z.string().min(1).max(80) })),
};
