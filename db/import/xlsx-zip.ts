/**
 * Just enough zip reading for .xlsx workbooks: a completeness check (a truncated zip can leave a
 * streaming unzipper waiting forever instead of failing), the central directory, and inflating one
 * small entry. Used to list sheets and resolve shared strings without reading every sheet.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/** A workbook that cannot be read, with a reason fit for the coordinator. */
export class WorkbookError extends Error {}

/** Checks that the file ends with a zip end-of-central-directory record whose directory lies inside the file. */
export async function assertCompleteZip(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd === -1 || eocd + 22 > tailSize) throw new WorkbookError('the workbook is truncated or damaged (no zip directory at its end)');
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size) throw new WorkbookError('the workbook is truncated or damaged (zip directory points past the end)');
  } finally {
    await handle.close();
  }
}

/** Entries larger than this (inflated) are refused: a zip bomb must not exhaust memory. */
export const MAX_INDEX_XML = 10 * 1024 * 1024;

export interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

export async function readZipDirectory(handle: FileHandle): Promise<Map<string, ZipEntry>> {
  const { size } = await handle.stat();
  const tailSize = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailSize);
  await handle.read(tail, 0, tailSize, size - tailSize);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  const dir = Buffer.alloc(dirSize);
  await handle.read(dir, 0, dirSize, dirOffset);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count && p + 46 <= dir.length; i += 1) {
    if (dir.readUInt32LE(p) !== 0x02014b50) break;
    const nameLength = dir.readUInt16LE(p + 28);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, { method: dir.readUInt16LE(p + 10), compressedSize: dir.readUInt32LE(p + 20), localOffset: dir.readUInt32LE(p + 42) });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** Where an entry's (compressed) bytes start in the file: after its local header, name and extra field. */
export async function zipEntryDataStart(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const local = Buffer.alloc(30);
  await handle.read(local, 0, 30, entry.localOffset);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new WorkbookError('the workbook is damaged (a zip entry header is missing)');
  return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

export async function readZipEntry(handle: FileHandle, entry: ZipEntry, limit = MAX_INDEX_XML): Promise<string> {
  if (entry.compressedSize > limit) throw new WorkbookError('the workbook index is implausibly large');
  const local = Buffer.alloc(30);
  await handle.read(local, 0, 30, entry.localOffset);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = Buffer.alloc(entry.compressedSize);
  await handle.read(data, 0, entry.compressedSize, start);
  return (entry.method === 8 ? inflateRawSync(data, { maxOutputLength: limit }) : data).toString('utf8');
}


/** Decodes the five XML entities and numeric character references of an attribute or text node. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[entity] ?? '';
  });
}
