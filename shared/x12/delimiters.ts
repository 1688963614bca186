/**
 * Where an X12 file says which characters separate its elements, components, repetitions and
 * segments. With an envelope the ISA header says it by position: it is fixed at 106 characters, the
 * element separator is character 4, the component separator is ISA16 (character 105) and the segment
 * terminator the character right after it; ISA11 is the repetition separator from version 00402 on
 * [PYX12-RAW]. Files cut down to a bare transaction (starting at ST) are read by looking at the ST
 * segment itself: 'ST' + element separator, and whatever ends the segment.
 */
import { describeDelimiter, X12SyntaxError } from './errors.ts';

export interface X12Delimiters {
  readonly element: string;
  /** Null when the file has no ISA header to declare it (a bare transaction). */
  readonly component: string | null;
  readonly segment: string;
  readonly repetition: string | null;
}

export const ISA_LENGTH = 106;

/** Offsets of the 16 element separators in a well-formed, fully padded ISA. */
const ISA_SEPARATOR_OFFSETS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];

const ALNUM = /^[A-Za-z0-9]$/;

/**
 * A character can delimit when it is ASCII punctuation, one of the information separators 0x1C-0x1F
 * that some translators use, or (for the segment terminator only) a line break.
 */
function canDelimit(char: string | undefined, allowNewline: boolean): boolean {
  if (char === undefined || char.length !== 1) return false;
  if (char === '\n' || char === '\r') return allowNewline;
  const code = char.charCodeAt(0);
  if (code >= 0x1c && code <= 0x1f) return true;
  return code > 0x20 && code < 0x7f && !ALNUM.test(char);
}

/**
 * Reads the delimiters and elements of an ISA header. `text` starts at 'ISA' and holds at least the
 * 106 characters of the header (or everything left in the file, when less).
 */
export function readIsaHeader(text: string, segmentNumber: number): { delimiters: X12Delimiters; elements: string[] } {
  if (text.length < 4) throw new X12SyntaxError('BAD_ISA', segmentNumber, 'ISA', 'the file ends inside the interchange header');
  const element = text[3];
  if (!canDelimit(element, false)) {
    throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, 'ISA', 'the character after ISA is not a usable element separator');
  }
  const sep = element as string;
  const offsets: number[] = [];
  for (let i = 0; i < text.length && offsets.length < 16; i++) if (text[i] === sep) offsets.push(i);
  const layoutOk = offsets.length === 16 && offsets.every((offset, i) => offset === ISA_SEPARATOR_OFFSETS[i]);
  if (!layoutOk || text.length < ISA_LENGTH) {
    const last = offsets.length === 16 ? (offsets[15] as number) : -1;
    const found = last >= 0 && last + 2 < text.length ? `${last + 3} characters long` : 'cut short';
    throw new X12SyntaxError(
      'BAD_ISA',
      segmentNumber,
      'ISA',
      `the interchange header is ${found}; an ISA is always exactly ${ISA_LENGTH} characters (its fields padded to fixed width), so its separators cannot be trusted`,
    );
  }
  const component = text[104] as string;
  const segment = text[105] as string;
  if (!canDelimit(component, false) || !canDelimit(segment, true)) {
    throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, 'ISA', 'ISA16 or the character after it is a letter, digit or space, not a separator');
  }
  if (new Set([sep, component, segment]).size !== 3) {
    throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, 'ISA', 'the element, component and segment separators must be three different characters');
  }
  const elements = text.slice(0, 105).split(sep);
  // ISA11 became the repetition separator in 00402; before that it held the standards id 'U'.
  const isa11 = text[82] as string;
  const repetition = canDelimit(isa11, false) && ![sep, component, segment].includes(isa11) ? isa11 : null;
  return { delimiters: { element: sep, component, segment, repetition }, elements };
}

/** An ST segment is some 30 characters; this much text without its end is not an ST segment. */
export const BARE_ST_LOOKAHEAD = 200;

/**
 * Detects the delimiters of a file that starts at ST (no envelope). Returns null when more text is
 * needed to decide; `final` says no more text will come.
 */
export function detectBareTransaction(text: string, final: boolean, segmentNumber: number): X12Delimiters | null {
  if (text.length < 3) {
    if (final) throw new X12SyntaxError('TRUNCATED', segmentNumber, null, 'the file ends inside its first segment');
    return null;
  }
  const element = text[2] as string;
  if (!canDelimit(element, false)) {
    throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, null, 'the file starts with ST but no element separator follows it');
  }
  // ST01 (835), ST02 (control number) and ST03 (005010X221A1) are letters and digits only, so the
  // first other character that is not the element separator is the segment terminator.
  for (let i = 3; i < text.length; i++) {
    const char = text[i] as string;
    if (ALNUM.test(char) || char === element) continue;
    if (!canDelimit(char, true)) {
      throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, 'ST', `the ST segment is ended by ${describeDelimiter(char)}, which cannot be a segment terminator`);
    }
    return { element, component: null, segment: char, repetition: null };
  }
  if (final) throw new X12SyntaxError('TRUNCATED', segmentNumber, 'ST', 'the file ends inside its first segment');
  if (text.length >= BARE_ST_LOOKAHEAD) throw new X12SyntaxError('BAD_SEPARATORS', segmentNumber, 'ST', 'no segment terminator ends the ST segment');
  return null;
}
