/**
 * Streams the rows of a CSV file through papaparse, decoding with the probed encoding, and hands each
 * row to a synchronous callback together with the physical line it starts on. Memory stays flat: one
 * chunk is in flight at a time, and a "line" longer than MAX_LINE_CHARS (a 2 GB file with no newline)
 * is refused instead of being accumulated.
 */
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { FileProbe } from './probe-file.ts';

export const MAX_LINE_CHARS = 1_000_000;

export interface CsvReadOptions {
  /** ',' for package files; undefined lets papaparse detect it (mapped exports use ; or tabs too). */
  readonly delimiter?: string;
  /** Called for each non-blank row; return false to stop reading (cancel or too many problems). */
  readonly onRow: (cells: string[], line: number) => boolean;
  /** A structural problem of the CSV itself (unterminated quote, runaway line). */
  readonly onStructureProblem: (line: number, reason: string) => void;
  /** Bytes of the file consumed so far, for progress. */
  readonly onBytes?: (bytesRead: number) => void;
}

export interface CsvReadResult {
  readonly rows: number;
  readonly stopped: boolean;
  readonly delimiter: string;
}

/** Counts the line breaks of decoded text: LF, CRLF (once) and a lone CR (old Mac exports), across chunk boundaries. */
export class LineBreakCounter {
  /** Line breaks seen so far. */
  breaks = 0;
  private pendingCr = false;

  /** Counts the breaks of the next piece of text; returns the index just past the last break in it, or -1. */
  push(text: string): number {
    if (text.length === 0) return -1;
    let end = -1;
    if (this.pendingCr) {
      // The CR ending the previous chunk was a break whether or not this chunk starts with its LF.
      this.pendingCr = false;
      if (text.charCodeAt(0) === 10) end = 1;
    }
    for (let i = text.indexOf('\n', end === 1 ? 1 : 0); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.breaks += 1;
      end = i + 1;
    }
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
      if (i === text.length - 1) {
        this.breaks += 1; // counted now; a following LF at the start of the next chunk is not counted again
        this.pendingCr = true;
        end = Math.max(end, i + 1);
      } else if (text.charCodeAt(i + 1) !== 10) {
        this.breaks += 1;
        end = Math.max(end, i + 1);
      }
    }
    return end;
  }
}

/**
 * Decodes bytes to text in a stream, counting bytes and refusing runaway lines. The runaway check
 * counts line breaks itself: the parser's own count lags behind the decoder by whole chunks, so it
 * cannot say which line is too long.
 */
function decodingStream(probe: FileProbe, onBytes: ((n: number) => void) | undefined, onRunaway: (line: number) => void): Transform {
  const decoder = new TextDecoder(probe.encoding ?? 'utf-8');
  const counter = new LineBreakCounter();
  let bytes = 0;
  let sinceNewline = 0;
  let tripped = false;
  const track = (text: string): void => {
    const end = counter.push(text);
    sinceNewline = end === -1 ? sinceNewline + text.length : text.length - end;
    if (sinceNewline > MAX_LINE_CHARS && !tripped) {
      tripped = true;
      // The line still open at the end of this text is the runaway one.
      onRunaway(counter.breaks + 1);
    }
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes);
      if (tripped) {
        done(null, '');
        return;
      }
      const text = decoder.decode(chunk, { stream: true });
      track(text);
      done(null, tripped ? '' : text);
    },
    flush(done) {
      const text = tripped ? '' : decoder.decode();
      done(null, text);
    },
  });
}

/** Reads all rows of a CSV file; resolves when done, stopped, or refused. Never throws on file content. */
export function readCsvRows(path: string, probe: FileProbe, options: CsvReadOptions): Promise<CsvReadResult> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let rows = 0;
    let stopped = false;
    let parserHandle: Papa.Parser | null = null;
    const file = createReadStream(path, { start: probe.bomLength, highWaterMark: 1 << 20 });
    const text = decodingStream(probe, options.onBytes, (runawayLine) => {
      options.onStructureProblem(runawayLine, `line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters: this is not a CSV file, or a quote is never closed`);
      stopped = true;
      parserHandle?.abort();
    });
    file.on('error', (error) => reject(error));
    text.on('error', (error) => reject(error));
    Papa.parse(file.pipe(text) as unknown as File, {
      delimiter: options.delimiter ?? '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      step(results: Papa.ParseStepResult<string[]>, parser: Papa.Parser) {
        parserHandle = parser;
        if (stopped) return;
        const cells = results.data;
        const startLine = line;
        // A quoted field may hold newlines: the next row starts that many lines further down.
        let embedded = 0;
        for (const cell of cells) {
          for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) embedded += 1;
        }
        line += 1 + embedded;
        for (const error of results.errors) {
          if (error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') {
            options.onStructureProblem(startLine, error.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'stray quote inside a field');
          }
        }
        if (cells.length === 1 && (cells[0] ?? '').trim() === '') return; // blank line
        rows += 1;
        if (!options.onRow(cells, startLine)) {
          stopped = true;
          parser.abort();
        }
      },
      complete(results: Papa.ParseResult<string[]>) {
        file.destroy();
        resolve({ rows, stopped, delimiter: results?.meta?.delimiter ?? options.delimiter ?? ',' });
      },
      error(error: Error) {
        file.destroy();
        reject(error);
      },
    });
  });
}
