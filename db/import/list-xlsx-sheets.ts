/**
 * Lists the sheet names of an .xlsx workbook from its zip directory and xl/workbook.xml, without
 * reading any sheet, so the importer knows up front which package files a workbook holds and can read
 * them in dependency order.
 */
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { assertCompleteZip, WorkbookError } from './read-xlsx-rows.ts';

const MAX_WORKBOOK_XML = 10 * 1024 * 1024;

export async function listXlsxSheets(path: string): Promise<string[]> {
  await assertCompleteZip(path);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let p = 0;
    for (let i = 0; i < entries && p + 46 <= dir.length; i += 1) {
      if (dir.readUInt32LE(p) !== 0x02014b50) break;
      const method = dir.readUInt16LE(p + 10);
      const compressedSize = dir.readUInt32LE(p + 20);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const localOffset = dir.readUInt32LE(p + 42);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (name !== 'xl/workbook.xml') continue;
      if (compressedSize > MAX_WORKBOOK_XML) throw new WorkbookError('the workbook index is implausibly large');
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localOffset);
      const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const data = Buffer.alloc(compressedSize);
      await handle.read(data, 0, compressedSize, dataStart);
      const xml = (method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_WORKBOOK_XML }) : data).toString('utf8');
      return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeXml(m[1] ?? ''));
    }
    throw new WorkbookError('this is a zip file but not an .xlsx workbook (no xl/workbook.xml)');
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
