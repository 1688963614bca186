/**
 * Files in the harness: `POST /api/upload?name=` stands in for the native open dialog (the body is
 * saved under its sanitised name in a folder of its own and registered, so the renderer gets a file
 * id exactly as in the desktop app); `GET /api/download/<name>` stands in for the save dialog.
 */
import type { Backend } from '../../db/backend/backend.ts';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BodyTooLargeError, SECURITY_HEADERS, failure, sendResult, sendText } from './http-util.ts';

/** Imports can be large (a year of charges), but not unbounded. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** A file name safe to create anywhere: no folders, no control or reserved characters, bounded length. */
export function sanitizeFileName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    .replace(/[^A-Za-z0-9._\- ()]/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 200)
    .trim();
  return base === '' ? 'upload' : base;
}

/** Saves the request body and answers the FileRef of the registered file. */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, backend: Backend, uploadDir: string, rawName: string | null): Promise<void> {
  if (!rawName) return sendResult(res, 400, failure('BAD_INPUT', 'The upload has no name.'));
  await mkdir(uploadDir, { recursive: true });
  const folder = await mkdtemp(join(uploadDir, 'u-'));
  const path = join(folder, sanitizeFileName(rawName));
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > MAX_UPLOAD_BYTES ? new BodyTooLargeError() : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof BodyTooLargeError) return sendResult(res, 413, failure('TOO_LARGE', 'The file is too large to upload.'));
    throw error;
  }
  sendResult(res, 200, { ok: true, value: backend.files.register(path, basename(path)) });
}

/** Sends a file of the backend outbox as a download. */
export async function sendDownload(res: ServerResponse, backend: Backend, rawName: string): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return sendText(res, 400, 'Bad file name');
  }
  if (name === '' || name !== basename(name) || name.includes('\\') || name === '..' || name.includes('\0')) return sendText(res, 400, 'Bad file name');
  const path = join(backend.outboxDir, name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, 'Not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  createReadStream(path).pipe(res);
}
