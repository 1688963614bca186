/**
 * How the renderer reaches the backend. Two implementations: the Electron preload bridge (the app)
 * and HTTP to the browser harness (tests and development). Everything above this seam (api.ts, the
 * screens) is the same in both.
 */
import type { Channel, Result } from '../../../shared/contract/index.ts';
import type { FileRef } from '../../../shared/contract/imports.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';

export interface ChooseFilesOptions {
  /** `files` (default): pick CSV/XLSX files; `folder`: a package folder, whose CSV/XLSX files are taken. */
  readonly mode?: 'files' | 'folder';
  /** What may be chosen: study `package` files (CSV/XLSX, default), 835 `remittance` files, or `pdf` attachments. */
  readonly kind?: FileKind;
}

export type FileKind = 'package' | 'remittance' | 'pdf';

export interface SaveOutputOptions {
  /** A file the backend generated into its outbox. */
  readonly fileName: string;
}

export interface Transport {
  readonly kind: 'electron' | 'http';
  call(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to job state pushes; returns the unsubscribe function. */
  onJobsChanged(listener: (state: JobState) => void): () => void;
  /** Lets the user choose files; resolves to [] when they cancel. */
  chooseFiles(options: ChooseFilesOptions): Promise<Result<FileRef[]>>;
  /** Hands files the user dropped on the window to the backend (upload, or the shell registers their paths). */
  registerDroppedFiles(files: readonly File[]): Promise<Result<FileRef[]>>;
  /** Hands a generated file to the user; resolves to false when they cancel. */
  saveOutput(options: SaveOutputOptions): Promise<Result<boolean>>;
}

/** The Result a transport returns when the backend cannot be reached at all. */
export function unreachable(message: string): Result<never> {
  return { ok: false, error: { code: 'UNREACHABLE', message } };
}
