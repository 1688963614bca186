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

/** `charges.csv:12:5 (service_date): '2024-13-01' is not a date in YYYY-MM-DD form` */
export function formatProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.line > 0 ? String(problem.line) : null, problem.column > 0 ? String(problem.column) : null]
    .filter((part) => part !== null)
    .join(':');
  const column = problem.columnName ? ` (${problem.columnName})` : '';
  return `${where}${column}: ${problem.reason}`;
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

  add(problem: ImportProblem): void {
    if (this.items.length < this.limit) this.items.push(problem);
    else this.dropped += 1;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  get omitted(): number {
    return this.dropped;
  }
}
