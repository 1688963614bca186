/**
 * The one error the X12 layer throws. Every malformed input (truncated, wrong separators, garbage,
 * binary, broken envelope) ends here, so a caller catches exactly this class and shows its message.
 * Messages name the segment by its position in the file and its identifier, never by its content:
 * an 835 carries patient names, member ids and account numbers (PHI), which must not reach a log.
 */

export type X12ErrorCode =
  | 'EMPTY'
  | 'NOT_X12'
  | 'BAD_ISA'
  | 'BAD_SEPARATORS'
  | 'BAD_SEGMENT'
  | 'BINARY'
  | 'TRUNCATED'
  | 'SEGMENT_TOO_LONG'
  | 'ENVELOPE'
  | 'CONTROL_NUMBER'
  | 'SEGMENT_COUNT'
  | 'NOT_835'
  | 'STRUCTURE'
  | 'BAD_ELEMENT'
  | 'INTERNAL';

export class X12SyntaxError extends Error {
  readonly code: X12ErrorCode;
  /** 1-based position of the offending segment in the file (ISA or the first ST is 1). */
  readonly segmentNumber: number;
  /** The segment identifier (`CLP`, `SVC`...) when it could be read, else null. */
  readonly segmentId: string | null;

  constructor(code: X12ErrorCode, segmentNumber: number, segmentId: string | null, detail: string) {
    super(`segment ${segmentNumber}${segmentId ? ` (${segmentId})` : ''}: ${detail}`);
    this.name = 'X12SyntaxError';
    this.code = code;
    this.segmentNumber = segmentNumber;
    this.segmentId = segmentId;
  }
}

/** Shows a delimiter in a message: control characters by name, others quoted. */
export function describeDelimiter(char: string): string {
  if (char === '\n') return 'newline';
  if (char === '\r') return 'carriage return';
  if (char === '\t') return 'tab';
  return `'${char}'`;
}

/**
 * An element value fit to quote in a message: envelope identifiers (control numbers, transaction
 * set ids, group codes) are short letters and digits; anything else in their place may be PHI from
 * a misaligned or hostile file, so it is described, not repeated.
 */
export function quoteIdentifier(value: string): string {
  if (value === '') return 'empty';
  return /^[A-Za-z0-9]{1,9}$/.test(value) ? value : 'a value that is not an identifier (not shown)';
}
