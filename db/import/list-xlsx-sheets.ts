/**
 * Lists the sheets of an .xlsx workbook from its zip directory, xl/workbook.xml and its relationships,
 * without reading any sheet: the importer then knows up front which package files a workbook holds,
 * reads them in dependency order, and finds each sheet's part in the zip. Also reads the shared-string
 * table the sheets refer to.
 */
import { open } from 'node:fs/promises';
import { assertCompleteZip, decodeXml, readZipDirectory, readZipEntry, WorkbookError, xmlElements, type XmlPlace } from './xlsx-zip.ts';

export interface XlsxSheet {
  readonly name: string;
  /** Path of the sheet's part in the zip (`xl/worksheets/sheet1.xml`), or null when the index names none. */
  readonly part: string | null;
}

/** A relationship target is relative to xl/ unless it starts with '/'. */
function partPath(target: string): string | null {
  if (target === '') return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Shared strings larger than this are refused rather than inflated (a zip bomb would otherwise exhaust memory). */
const MAX_SHARED_STRINGS_XML = 512 * 1024 * 1024;

/** One shared string (its <si> element) longer than this is not spreadsheet text: refuse it. Excel's limit is 32,767 characters. */
export const MAX_SHARED_STRING_CHARS = 16 * 1024 * 1024;

/** The text of a shared string or an inline string: a plain <t>, or rich-text runs <r><t>..</t></r> whose texts join. */
export function stringItemText(xml: string, place: XmlPlace): string {
  let text = '';
  for (const t of xmlElements(xml, 't', place)) text += decodeXml(t.body);
  return text;
}

/**
 * The workbook's shared-string table (xl/sharedStrings.xml): cells of type "s" hold an index into it.
 * Read in one linear pass: a malformed table (a <si> never closed, or opened inside another) is refused.
 */
export async function readSharedStrings(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const entry = (await readZipDirectory(handle)).get('xl/sharedStrings.xml');
    if (!entry) return [];
    const xml = await readZipEntry(handle, entry, MAX_SHARED_STRINGS_XML);
    const strings: string[] = [];
    const current = (): string => `shared string ${strings.length + 1}`;
    const place = (attrs: string | null): string => (attrs === null ? 'the shared-string table' : current());
    for (const si of xmlElements(xml, 'si', place, MAX_SHARED_STRING_CHARS)) strings.push(stringItemText(si.body, current));
    return strings;
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError('the workbook is damaged (its shared strings cannot be read)');
  } finally {
    await handle.close();
  }
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export async function listXlsxSheets(path: string): Promise<XlsxSheet[]> {
  await assertCompleteZip(path);
  const handle = await open(path, 'r');
  try {
    const entries = await readZipDirectory(handle);
    const book = entries.get('xl/workbook.xml');
    if (!book) throw new WorkbookError('this is a zip file but not an .xlsx workbook (no xl/workbook.xml)');
    const xml = await readZipEntry(handle, book);
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
    const rels = relsEntry ? await readZipEntry(handle, relsEntry) : '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, target);
    }
    return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
      const target = targets.get(attr(m[0], 'r:id') ?? '') ?? '';
      return { name: decodeXml(attr(m[0], 'name') ?? ''), part: partPath(target) };
    });
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError('the workbook is damaged (its zip directory cannot be read)');
  } finally {
    await handle.close();
  }
}
