/**
 * One streaming pass over an input file before it is parsed: its SHA-256 (to recognise a re-import),
 * its size, and its text encoding. Exports arrive as UTF-8 with or without BOM, UTF-16 from some
 * Windows tools, or Windows-1252 from older ones; binary junk is refused here, before parsing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { fileErrorReason } from '../util/file-error.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileProbe {
  readonly sha256: string;
  readonly byteSize: number;
  /** The encoding to decode with, or null when the file is not text (the reason says why). */
  readonly encoding: TextEncoding | null;
  readonly notTextReason?: string;
  /** Bytes of the byte-order mark to skip. */
  readonly bomLength: number;
  /** First bytes, for format sniffing (zip signature of an .xlsx). */
  readonly head: Buffer;
}

const SNIFF_BYTES = 8_192;

/**
 * Why an input path cannot be read as a file, as a clear reason for a problem message: a folder, a
 * broken link, a device or pipe (which would block reading forever), no permission. The path itself
 * is never part of the reason (paths can hold user names).
 */
export class UnreadableFileError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFileError';
    this.reason = reason;
  }
}

/** A failed stat/open/read in words, never quoting the path the error message carries. */
export async function describeReadError(path: string, error: unknown, notFound = 'cannot be read: not found'): Promise<string> {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    const link = await lstat(path).catch(() => null);
    return link?.isSymbolicLink() ? 'cannot be read: broken link (it points to nothing)' : notFound;
  }
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM' || code === 'ELOOP') return `cannot be read: ${fileErrorReason(error)}`;
  return `cannot be read (${typeof code === 'string' ? code : 'I/O error'})`;
}

/** Null when `path` is a regular file (links followed) that can be opened; otherwise why not. */
export async function unreadableReason(path: string): Promise<string | null> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    return describeReadError(path, error);
  }
  return notRegularReason(info);
}

function notRegularReason(info: Stats): string | null {
  if (info.isDirectory()) return 'is a folder, not a file';
  if (!info.isFile()) return 'is not a regular file (a device, pipe or socket)';
  return null;
}

/**
 * Hashes the file and decides how to decode it, reading it once in chunks (memory stays flat).
 * Rejects with UnreadableFileError (a clear reason) when the path is not a readable regular file.
 */
export async function probeFile(path: string): Promise<FileProbe> {
  try {
    return await probeRegularFile(path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(await describeReadError(path, error));
  }
}

async function probeRegularFile(path: string): Promise<FileProbe> {
  const info = await stat(path);
  const notAFile = notRegularReason(info);
  if (notAFile !== null) throw new UnreadableFileError(notAFile);
  const size = info.size;
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head = Buffer.alloc(0);
  let sawNul = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
    if (!sawNul && chunk.includes(0)) sawNul = true;
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      utf8.decode(); // flushes: a file ending inside a multi-byte sequence is not valid UTF-8
    } catch {
      validUtf8 = false;
    }
  }
  const sha256 = hash.digest('hex');
  const base = { sha256, byteSize: size, head };
  if (head[0] === 0xff && head[1] === 0xfe) return { ...base, encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { ...base, encoding: 'utf-16be', bomLength: 2 };
  if (isZip(head)) return { ...base, encoding: null, bomLength: 0, notTextReason: 'is a zip archive (an .xlsx workbook?), not a CSV text file' };
  if (sawNul) return { ...base, encoding: null, bomLength: 0, notTextReason: 'contains binary data (NUL bytes); it is not a CSV text file' };
  const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (validUtf8) return { ...base, encoding: 'utf-8', bomLength };
  // Not UTF-8: Windows-1252 is what Excel and older billing systems on Windows write.
  return { ...base, encoding: 'windows-1252', bomLength: 0 };
}

/** True for the local-file-header signature every zip (and so every .xlsx) starts with. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
