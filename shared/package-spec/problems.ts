/** A problem found in an input file, located precisely enough for the coordinator to open the file and fix it. */
export interface ImportProblem {
  /** File name (never a full path: paths can hold user names), with the sheet for workbooks: `package.xlsx [charges]`. */
  readonly file: string;
  /** 1-based physical line (CSV) or row (sheet); 0 when the problem is about the whole file. */
  readonly line: number;
  /** 1-based column number; 0 when the problem is about a whole row or file. */
  readonly column: number;
  /** Column header, when the problem is about one column. */
  readonly columnName?: string;
  readonly reason: string;
}

/**
 * Characters that must never reach a terminal, a log line or the problems CSV: C0 and C1 controls
 * (ESC starts terminal escape sequences, BEL rings, CR/LF forge extra lines), DEL, the Unicode line
 * and paragraph separators, the bidirectional overrides and isolates that reorder what a reader sees
 * (Trojan Source), and lone surrogates. Each is shown as '?'.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Makes text from a file safe to print: every control or reordering character becomes '?'. */
export function sanitizeMessageText(text: string): string {
  return text.replace(UNSAFE_CHARS, '?');
}

/** The same problem with every text field sanitised (file names and reasons can carry file content). */
export function sanitizeProblem(problem: ImportProblem): ImportProblem {
  return {
    file: sanitizeMessageText(problem.file),
    line: problem.line,
    column: problem.column,
    ...(problem.columnName !== undefined ? { columnName: sanitizeMessageText(problem.columnName) } : {}),
    reason: sanitizeMessageText(problem.reason),
  };
}

/** `charges.csv:12:5 (service_date): '2024-13-01' is not a date in YYYY-MM-DD form` */
export function formatProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.line > 0 ? String(problem.line) : null, problem.column > 0 ? String(problem.column) : null]
    .filter((part) => part !== null)
    .join(':');
  const column = problem.columnName ? ` (${problem.columnName})` : '';
  // Sanitised here as well as in ProblemList: problems built elsewhere are printed through this too.
  return sanitizeMessageText(`${where}${column}: ${problem.reason}`);
}

/**
 * Collects problems without letting a hostile file exhaust memory: the first `limit` are kept in
 * full, the rest only counted, so "all problems at once" stays true for any real file and bounded
 * for a 2 GB one.
 */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private dropped = 0;
  private readonly limit: number;

  constructor(limit = 1_000) {
    this.limit = limit;
  }

  /** Keeps the problem with its text sanitised, so no consumer (CLI, UI, problems CSV) sees raw control characters. */
  add(problem: ImportProblem): void {
    if (this.items.length < this.limit) this.items.push(sanitizeProblem(problem));
    else this.dropped += 1;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  get omitted(): number {
    return this.dropped;
  }
}
