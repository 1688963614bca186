/**
 * Writes the problems of a refused import as a CSV file in the backend outbox, for the coordinator
 * to save and work through in a spreadsheet. Problems never quote PHI (the importer redacts it), and
 * cells that a spreadsheet would run as a formula are neutralised.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeProblem, type ImportProblem } from '../../shared/package-spec/problems.ts';

/** Quotes a CSV cell; a leading = + - @ is prefixed with ' so Excel shows it as text (CSV injection). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a problem list: a header and one line per problem. */
export function problemsToCsv(problems: readonly ImportProblem[]): string {
  const lines = ['file,line,column,column_name,reason'];
  for (const problem of problems) {
    // Control characters in a spreadsheet cell are as unwelcome as in a terminal.
    const p = sanitizeProblem(problem);
    lines.push([p.file, p.line, p.column, p.columnName ?? '', p.reason].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes the CSV into `outboxDir` and returns its file name (dated, so exports never overwrite each other). */
export function writeProblemsCsv(outboxDir: string, problems: readonly ImportProblem[], now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
  const fileName = `import-problems-${stamp}.csv`;
  writeFileSync(join(outboxDir, fileName), problemsToCsv(problems), { mode: 0o600 });
  return fileName;
}
