/**
 * A minimal ZIP writer (stored entries, no compression: PDFs are compressed already) for batch export
 * of appeal packets, written straight to disk entry by entry so a batch of hundreds of packets never
 * sits in memory. Format: PKWARE APPNOTE 6.3.x, local headers + central directory, no ZIP64 (a batch
 * stays far below 4 GiB and 65,535 entries; both limits are checked).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

interface Entry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly offset: number;
}

const MAX_ENTRIES = 65_535;
const MAX_OFFSET = 0xffff_ffff;
// 1980-01-01 00:00 in DOS date/time: reproducible archives (no wall clock inside).
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Writes a ZIP of stored entries to `path`, one `add` per file, then `close`. */
export class ZipWriter {
  readonly #fd: number;
  readonly #entries: Entry[] = [];
  #offset = 0;
  #closed = false;

  constructor(path: string) {
    this.#fd = openSync(path, 'w', 0o600);
  }

  /** Appends one file. Names are ASCII file names (no folders). */
  add(name: string, bytes: Uint8Array): void {
    if (this.#entries.length >= MAX_ENTRIES) throw new Error('too many files for one ZIP');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(bytes);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(0, 8); // stored
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(bytes.length, 18);
    header.writeUInt32LE(bytes.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    if (this.#offset + header.length + nameBytes.length + bytes.length > MAX_OFFSET) throw new Error('the ZIP would exceed 4 GiB');
    this.#entries.push({ name: nameBytes, crc, size: bytes.length, offset: this.#offset });
    this.#write(header);
    this.#write(nameBytes);
    this.#write(bytes);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    if (this.#closed) return;
    const start = this.#offset;
    for (const e of this.#entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(0, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.size, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.#write(h);
      this.#write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#entries.length, 8);
    end.writeUInt16LE(this.#entries.length, 10);
    end.writeUInt32LE(this.#offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.#write(end);
    closeSync(this.#fd);
    this.#closed = true;
  }

  /** Closes without finishing (the caller deletes the partial file). */
  abort(): void {
    if (!this.#closed) closeSync(this.#fd);
    this.#closed = true;
  }

  #write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.#fd, bytes, done, bytes.length - done);
    this.#offset += bytes.length;
  }
}
