/**
 * One streaming pass over an input file before it is parsed: its SHA-256 (to recognise a re-import),
 * its size, and its text encoding. Exports arrive as UTF-8 with or without BOM, UTF-16 from some
 * Windows tools, or Windows-1252 from older ones; binary junk is refused here, before parsing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

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

/** Hashes the file and decides how to decode it, reading it once in chunks (memory stays flat). */
export async function probeFile(path: string): Promise<FileProbe> {
  const { size } = await stat(path);
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
