/**
 * Streams an 835 file from disk through the pure reader (shared/x12) in chunks: memory stays flat in
 * the file size, since only one chunk, one unfinished segment and one claim are ever held.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Remit835Event } from '../../shared/x12/model.ts';
import { Remit835Reader } from '../../shared/x12/parse-835.ts';

export interface Read835Options {
  /** Bytes per read (default 64 KiB). */
  readonly chunkBytes?: number;
  /** Bytes consumed so far, after each chunk. */
  readonly onBytes?: (bytesRead: number) => void;
  /** Checked between chunks: true stops reading (the caller rolls back). */
  readonly isCancelled?: () => boolean;
  /** Receives the reader, to ask it for the segment count at the end. */
  readonly onReader?: (reader: Remit835Reader) => void;
}

// 64 KiB: each read's events are consumed before the next read, so they die young. With 1 MiB reads a
// read's ~3,000 claims outlived a scavenge and were promoted, and a 100,000-claim file peaked near
// 280 MB of heap instead of ~120 MB (bench/remit-import.bench.ts), for no gain in speed.
const DEFAULT_CHUNK = 64 * 1024;

/**
 * Yields the events of the file in order, one read's worth at a time (an event per await costs more
 * than the parse of a small claim). Throws X12SyntaxError on malformed content and a Node error
 * (ENOENT, EACCES...) when the file cannot be read. The text is decoded as UTF-8, replacing invalid
 * bytes (X12 is ASCII; a Latin-1 name must not refuse the file).
 */
export async function* read835Batches(path: string, options: Read835Options = {}): AsyncGenerator<Remit835Event[]> {
  const reader = new Remit835Reader();
  options.onReader?.(reader);
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    options.onBytes?.(bytes);
    const events = reader.feed(decoder.decode(chunk, { stream: true }));
    if (events.length > 0) yield events;
    if (options.isCancelled?.()) return;
  }
  const last = [...reader.feed(decoder.decode()), ...reader.end()];
  if (last.length > 0) yield last;
}

/** The events of the file one by one (read835Batches, flattened). */
export async function* read835File(path: string, options: Read835Options = {}): AsyncGenerator<Remit835Event> {
  for await (const events of read835Batches(path, options)) yield* events;
}

/** SHA-256 and size of a file, read in chunks. */
export async function hashFile(path: string): Promise<{ sha256: string; byteSize: number }> {
  const hash = createHash('sha256');
  let byteSize = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: DEFAULT_CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    byteSize += chunk.length;
  }
  return { sha256: hash.digest('hex'), byteSize };
}
