/**
 * Lists the sheets of an .xlsx workbook from its zip directory, xl/workbook.xml and its relationships,
 * without reading any sheet: the importer then knows up front which package files a workbook holds,
 * reads them in dependency order, and can find each sheet by its part file (sheetN.xml) even when the
 * streaming reader meets the sheet before the workbook index, as in files exceljs itself writes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { assertCompleteZip, WorkbookError } from './read-xlsx-rows.ts';

const MAX_INDEX_XML = 10 * 1024 * 1024;

export interface XlsxSheet {
  readonly name: string;
  /** N of the part xl/worksheets/sheetN.xml, or null when the workbook points elsewhere. */
  readonly partNumber: string | null;
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

async function readDirectory(handle: FileHandle): Promise<Map<string, ZipEntry>> {
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

async function readEntry(handle: FileHandle, entry: ZipEntry): Promise<string> {
  if (entry.compressedSize > MAX_INDEX_XML) throw new WorkbookError('the workbook index is implausibly large');
  const local = Buffer.alloc(30);
  await handle.read(local, 0, 30, entry.localOffset);
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = Buffer.alloc(entry.compressedSize);
  await handle.read(data, 0, entry.compressedSize, start);
  return (entry.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_INDEX_XML }) : data).toString('utf8');
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export async function listXlsxSheets(path: string): Promise<XlsxSheet[]> {
  await assertCompleteZip(path);
  const handle = await open(path, 'r');
  try {
    const entries = await readDirectory(handle);
    const book = entries.get('xl/workbook.xml');
    if (!book) throw new WorkbookError('this is a zip file but not an .xlsx workbook (no xl/workbook.xml)');
    const xml = await readEntry(handle, book);
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
    const rels = relsEntry ? await readEntry(handle, relsEntry) : '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target);
    }
    return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
      const target = targets.get(attr(m[0], 'r:id') ?? '') ?? '';
      return { name: decodeXml(attr(m[0], 'name') ?? ''), partNumber: /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1] ?? null };
    });
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError('the workbook is damaged (its zip directory cannot be read)');
  } finally {
    await handle.close();
  }
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
