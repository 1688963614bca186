/**
 * Incremental X12 tokenizer: feed it text in chunks of any size, get back the segments each chunk
 * completed. It holds at most one unfinished segment, so memory stays flat however large the file.
 *
 * Layouts seen in real 835 files, all accepted: one segment a line, everything on one line, newline
 * as the segment terminator, CRLF, blank or indented lines between segments, lines wrapped at a fixed
 * width inside segments, several interchanges (ISA...IEA) one after another, and bare transactions
 * without an envelope (starting at ST) [BRIEF 4.1, 4.4].
 */
import { BARE_ST_LOOKAHEAD, detectBareTransaction, ISA_LENGTH, readIsaHeader, type X12Delimiters } from './delimiters.ts';
import { describeDelimiter, X12SyntaxError } from './errors.ts';

export type { X12Delimiters } from './delimiters.ts';

export interface X12Segment {
  /** 1-based position in the file. */
  readonly number: number;
  readonly id: string;
  /** The elements, with the identifier at index 0 so that `elements[3]` is CLP03. */
  readonly elements: readonly string[];
  readonly delimiters: X12Delimiters;
}

/** Far above any real segment; a file without terminators is refused here instead of filling memory. */
export const MAX_SEGMENT_CHARS = 65_536;

// A quick test before the exact one (which lets the delimiters in use through): binary input is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export class X12Tokenizer {
  #buffer = '';
  #delimiters: X12Delimiters | null = null;
  #count = 0;
  #sawContent = false;

  /** Segments emitted so far. */
  get segmentCount(): number {
    return this.#count;
  }

  /** Adds text; returns the segments it completed. Throws X12SyntaxError on malformed input. */
  feed(chunk: string): X12Segment[] {
    this.#buffer += chunk;
    return this.#drain(false);
  }

  /** Declares the end of the input; returns the last segments or throws if the file was cut off. */
  end(): X12Segment[] {
    const out = this.#drain(true);
    if (!this.#sawContent) throw new X12SyntaxError('EMPTY', 1, null, 'the file is empty (expected an ISA interchange header or an ST transaction header)');
    return out;
  }

  #drain(final: boolean): X12Segment[] {
    const out: X12Segment[] = [];
    const buf = this.#buffer;
    let pos = 0;
    for (;;) {
      while (pos < buf.length && isBlank(buf.charCodeAt(pos))) pos++;
      if (pos >= buf.length) break;
      this.#sawContent = true;
      // Only a segment starting with 'I' can be an ISA header: the other 1.5 million skip the test.
      const isa = buf.charCodeAt(pos) === 0x49 ? isaAt(buf, pos) : 'no';
      if (isa === 'maybe' && !final) break;
      if (isa !== 'no') {
        if (buf.length - pos < ISA_LENGTH && !final) break;
        const number = this.#count + 1;
        const { delimiters, elements } = readIsaHeader(buf.slice(pos, pos + ISA_LENGTH), number);
        this.#delimiters = delimiters;
        this.#count = number;
        out.push({ number, id: 'ISA', elements, delimiters });
        pos += ISA_LENGTH;
        continue;
      }
      if (this.#delimiters === null) {
        const head = buf.slice(pos, pos + 2);
        if (head !== 'ST' && !(head === 'S' && !final)) {
          throw new X12SyntaxError('NOT_X12', this.#count + 1, null, 'the file does not start with an ISA interchange header or an ST transaction header: it is not an X12 file');
        }
        const detected = detectBareTransaction(buf.slice(pos, pos + BARE_ST_LOOKAHEAD), final, this.#count + 1);
        if (detected === null) break;
        this.#delimiters = detected;
      }
      const d = this.#delimiters;
      const end = buf.indexOf(d.segment, pos);
      const length = (end === -1 ? buf.length : end) - pos;
      if (length > MAX_SEGMENT_CHARS) {
        throw new X12SyntaxError(
          'SEGMENT_TOO_LONG',
          this.#count + 1,
          null,
          `no segment terminator (${describeDelimiter(d.segment)}) within ${MAX_SEGMENT_CHARS} characters: the file does not use the separators its header declares`,
        );
      }
      if (end === -1) {
        if (!final) break;
        const segment = this.#segment(buf.slice(pos), d);
        // A newline-terminated file may end without a last newline; a '~' file cut mid-segment may not.
        // The one tolerated exception is a final IEA missing its '~', which real translators produce.
        if (d.segment !== '\n' && d.segment !== '\r' && segment.id !== 'IEA') {
          throw new X12SyntaxError('TRUNCATED', segment.number, segment.id, `the file ends inside this segment (no ${describeDelimiter(d.segment)} after it): it was cut off`);
        }
        out.push(segment);
        pos = buf.length;
        break;
      }
      out.push(this.#segment(buf.slice(pos, end), d));
      pos = end + 1;
    }
    this.#buffer = buf.slice(pos);
    return out;
  }

  #segment(raw: string, d: X12Delimiters): X12Segment {
    // The common case, checked in one pass: no control character, line break, BOM or trailing blank,
    // so there is nothing to unwrap, trim or refuse, and the identifier is plain capitals and digits.
    if (isPlain(raw)) {
      const elements = raw.split(d.element);
      const id = elements[0] as string;
      if (isSegmentId(id)) return { number: ++this.#count, id, elements, delimiters: d };
    }
    let text = raw;
    // When '~' ends segments, line breaks inside one are wrapping (fixed-width layouts), not data.
    if (d.segment !== '\n' && d.segment !== '\r' && (text.includes('\n') || text.includes('\r'))) text = text.replace(/[\r\n]+/g, '');
    let end = text.length;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end < text.length) text = text.slice(0, end);
    const number = ++this.#count;
    if (CONTROL.test(text) && hasBinary(text, d)) {
      throw new X12SyntaxError('BINARY', number, null, 'the segment contains binary data (control characters): this is not an X12 text file');
    }
    const elements = text.split(d.element);
    const id = elements[0] as string;
    if (!isSegmentId(id)) {
      throw new X12SyntaxError(
        'BAD_SEGMENT',
        number,
        null,
        `no segment identifier (2-3 capital letters or digits) at its start: the file is damaged, or it does not use the separators its header declares (element ${describeDelimiter(d.element)}, segment ${describeDelimiter(d.segment)})`,
      );
    }
    return { number, id, elements, delimiters: d };
  }
}

/** Blank between and after segments: space, tab, CR, LF, byte order mark. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

/** No character below 0x20, no DEL, no BOM, and no blank at the end: the segment is taken as it is. */
function isPlain(raw: string): boolean {
  const length = raw.length;
  if (length === 0 || raw.charCodeAt(length - 1) === 0x20) return false;
  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0xfeff) return false;
  }
  return true;
}

/** A segment identifier: a capital, then one or two capitals or digits (read by code: 1.5 million per large file). */
function isSegmentId(id: string): boolean {
  const length = id.length;
  if (length < 2 || length > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = 1; i < length; i++) {
    const code = id.charCodeAt(i);
    if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

/** Control characters other than whitespace and the delimiters in use mean the input is not text. */
function hasBinary(text: string, d: X12Delimiters): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x20 && code !== 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    const char = text[i];
    if (char !== d.element && char !== d.component && char !== d.repetition) return true;
  }
  return false;
}

/** Whether an ISA header starts at `pos`: 'maybe' when too little text is buffered to tell. */
function isaAt(buf: string, pos: number): 'yes' | 'no' | 'maybe' {
  const head = buf.slice(pos, pos + 4);
  if (head.length < 4) return 'ISA'.startsWith(head) || head === 'ISA' ? 'maybe' : 'no';
  return head.startsWith('ISA') && !/[A-Za-z0-9]/.test(head[3] as string) ? 'yes' : 'no';
}

/** Tokenizes a whole text at once (tests, small inputs). */
export function tokenizeX12(text: string): X12Segment[] {
  const tokenizer = new X12Tokenizer();
  return [...tokenizer.feed(text), ...tokenizer.end()];
}
