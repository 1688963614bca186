/**
 * Previews a chosen file off the calling thread when it is expensive to read (a workbook, or a very
 * large file), in preview-worker.ts; small CSV files are read here, where a worker's start-up would
 * cost more than the read.
 */
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FilePreview } from '../../shared/contract/imports.ts';
import { previewFile } from './preview-file.ts';

/** CSV files from this size up are previewed in a worker too. */
const WORKER_MIN_BYTES = 64 * 1024 * 1024;

/** The worker script next to this module (`.ts` from source, `.js` once compiled). */
export function defaultPreviewWorkerUrl(): URL {
  return new URL(`./preview-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
}

export interface PreviewRequest {
  readonly fileId: string;
  readonly path: string;
  readonly name: string;
  readonly byteSize: number;
  readonly rows: number;
}

/** Whether a file is worth a worker. */
export function previewNeedsWorker(name: string, byteSize: number): boolean {
  return extname(name).toLowerCase() === '.xlsx' || byteSize >= WORKER_MIN_BYTES;
}

/**
 * The preview of one file, read in a worker when worthwhile. A worker that cannot start (a build
 * without its script) falls back to reading here, so a preview is never lost.
 */
export function previewInWorker(request: PreviewRequest, workerUrl: URL | string = defaultPreviewWorkerUrl()): Promise<FilePreview> {
  const { fileId, path, name, rows } = request;
  if (!previewNeedsWorker(name, request.byteSize)) return previewFile(fileId, path, name, rows);
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(workerUrl, { workerData: { fileId, path, name, rows } });
    const settle = (preview: FilePreview | null): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (preview) resolve(preview);
      else void previewFile(fileId, path, name, rows).then(resolve);
    };
    worker.once('message', (preview: FilePreview) => settle(preview));
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}
