/**
 * Just enough zip reading for .xlsx workbooks: a completeness check (a truncated zip can leave a
 * streaming unzipper waiting forever instead of failing), the central directory, and inflating one
 * small entry. Used to list sheets and resolve shared strings without reading every sheet. Also the
 * linear-time splitter of XML into elements (XmlElementReader) that the sheet and shared-string readers
 * share, so no malformed part can make them rescan their input.
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

/** One XML element found by XmlElementReader. */
export interface XmlElement {
  /** The opening tag's attributes, as written (leading whitespace included, entities not decoded). */
  readonly attrs: string;
  /** Everything between the opening and the closing tag; '' for a self-closing element. */
  readonly body: string;
}

/** Names a problem's place for a message: the attributes of the element at fault, or null for the part as a whole. */
export type XmlPlace = (attrs: string | null) => string;

/**
 * How much of the text before a chunk boundary is searched again: longer than any tag the reader looks
 * for (namespace prefixes are limited to 100 characters, whitespace before a closing '>' to 16).
 */
const TAG_OVERLAP = 128;

const MB = 1024 * 1024;

/**
 * Per element name: a closing tag, or an opening tag's '<' and name (its attributes and '>' are found with indexOf).
 * Shared by readers: each sets lastIndex right before exec and reads it right after, with no yield between.
 */
const tagPatterns = new Map<string, RegExp>();
function tagPattern(name: string): RegExp {
  let pattern = tagPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`<(?:(/)(?:\\w{1,100}:)?${name}[ \\t\\r\\n]{0,16}>|(?:\\w{1,100}:)?${name}(?=[\\s/>]))`, 'g');
    tagPatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * Splits XML, whole or streamed in chunks, into the successive elements of one name (any namespace
 * prefix), in time linear in the input however the chunks fall: every search resumes where the last one
 * stopped, so an element that is never closed costs one pass, not one per chunk or per opening tag.
 * Nothing else is parsed; the elements must not nest. An element that opens inside another of its name,
 * a closing tag that closes nothing, an element longer than `maxChars` or one still open at the end
 * throws WorkbookError naming its place. Memory is the pending element plus one chunk.
 */
export class XmlElementReader {
  private readonly name: string;
  private readonly maxChars: number;
  private readonly place: XmlPlace;
  private readonly tag: RegExp;
  private text = '';
  /** Where the next search resumes. */
  private from = 0;
  /** Start of the pending element's opening tag, or -1 between elements. */
  private openAt = -1;
  /** Start of the pending element's attributes (just after its name). */
  private attrsAt = 0;
  /** Start of the pending element's body, or -1 while its opening tag is incomplete. */
  private bodyAt = -1;

  constructor(name: string, maxChars: number, place: XmlPlace) {
    this.name = name;
    this.maxChars = maxChars;
    this.place = place;
    this.tag = tagPattern(name);
  }

  /** The elements completed by `chunk`, in order. Consume them all before pushing the next chunk. */
  *push(chunk: string): Generator<XmlElement> {
    this.text += chunk;
    const text = this.text;
    for (;;) {
      if (this.openAt !== -1 && this.bodyAt === -1) {
        const gt = text.indexOf('>', this.from);
        if (gt === -1) {
          this.from = text.length;
          break;
        }
        this.from = gt + 1;
        if (text.charCodeAt(gt - 1) === 47 /* '/' */ && gt - 1 >= this.attrsAt) {
          this.checkLength(gt + 1);
          const attrs = text.slice(this.attrsAt, gt - 1);
          this.openAt = -1;
          yield { attrs, body: '' };
        } else {
          this.bodyAt = gt + 1;
        }
        continue;
      }
      this.tag.lastIndex = this.from;
      const m = this.tag.exec(text);
      if (m === null) {
        this.from = Math.max(this.from, text.length - TAG_OVERLAP);
        break;
      }
      this.from = this.tag.lastIndex;
      if (m[1] === '/') {
        if (this.openAt === -1) throw new WorkbookError(`${this.place(null)} is malformed: a </${this.name}> closes no <${this.name}>`);
        this.checkLength(this.from);
        const element = { attrs: text.slice(this.attrsAt, this.bodyAt - 1), body: text.slice(this.bodyAt, m.index) };
        this.openAt = -1;
        this.bodyAt = -1;
        yield element;
      } else {
        if (this.openAt !== -1) throw new WorkbookError(`${this.place(this.pendingAttrs())} is malformed: another <${this.name}> starts before its </${this.name}>`);
        this.openAt = m.index;
        this.attrsAt = this.from;
      }
    }
    // Keep only the pending element, or the tail a tag split by the next chunk could start in.
    const keep = this.openAt === -1 ? this.from : this.openAt;
    if (this.openAt !== -1) this.checkLength(text.length);
    this.text = text.slice(keep);
    this.from -= keep;
    if (this.openAt !== -1) {
      this.openAt -= keep;
      this.attrsAt -= keep;
      if (this.bodyAt !== -1) this.bodyAt -= keep;
    }
  }

  /** Call once the input is exhausted: throws if an element is still open. */
  end(): void {
    if (this.openAt !== -1) throw new WorkbookError(`${this.place(this.pendingAttrs())} is malformed: its <${this.name}> is never closed`);
  }

  private checkLength(end: number): void {
    if (end - this.openAt > this.maxChars) {
      throw new WorkbookError(`${this.place(this.pendingAttrs())} is implausibly long (over ${Math.round(this.maxChars / MB)} MB)`);
    }
  }

  /** The pending element's attributes so far (bounded: only used to name it). */
  private pendingAttrs(): string {
    const end = this.bodyAt === -1 ? this.text.length : this.bodyAt - 1;
    return this.text.slice(this.attrsAt, Math.min(end, this.attrsAt + 4096));
  }
}

/** The `name` elements of a whole XML text, in order (see XmlElementReader). */
export function* xmlElements(xml: string, name: string, place: XmlPlace, maxChars = Number.POSITIVE_INFINITY): Generator<XmlElement> {
  const reader = new XmlElementReader(name, maxChars, place);
  yield* reader.push(xml);
  reader.end();
}
