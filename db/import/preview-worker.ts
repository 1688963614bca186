/**
 * Worker-thread entry of a file preview: reading the first rows of a large workbook means inflating
 * and parsing XML for seconds, which must not stall the process that answers the UI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { previewFile } from './preview-file.ts';

interface PreviewInput {
  readonly fileId: string;
  readonly path: string;
  readonly name: string;
  readonly rows: number;
}

const input = workerData as PreviewInput;
// previewFile never rejects: an unreadable file comes back as a preview with a problem.
void previewFile(input.fileId, input.path, input.name, input.rows).then((preview) => parentPort?.postMessage(preview));
