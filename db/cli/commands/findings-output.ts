/** Output shared by `check` and `reconcile`: the summary table and the JSON findings file. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatCents } from '../../../shared/domain/money.ts';
import { exportFindings } from '../../queries/findings/export-findings.ts';
import { summarizeFindings } from '../../queries/findings/summarize-findings.ts';
import { formatTable } from '../format-table.ts';
import type { CliIo } from '../io.ts';

export function printSummary(db: Db, io: CliIo): void {
  const summary = summarizeFindings(db);
  if (summary.totalOpen === 0) {
    io.stdout.write('no open findings\n');
    return;
  }
  io.stdout.write(
    formatTable(
      ['rule', 'title', 'severity', 'findings', 'at stake'],
      summary.byRule.map((r) => [r.key, r.title, r.severity, r.count, formatCents(r.amountCents)]),
    ),
  );
  io.stdout.write(`${summary.totalOpen} open finding${summary.totalOpen === 1 ? '' : 's'}\n`);
}

/** Writes `{"findings": [...]}` to a file, one finding at a time (sorted by rule, then id). */
export async function writeFindingsJson(db: Db, path: string): Promise<number> {
  const out = createWriteStream(path);
  let count = 0;
  out.write('{"findings": [\n');
  const rules = (db.prepare('SELECT DISTINCT rule FROM findings WHERE active = 1 ORDER BY rule').pluck().all() as string[]);
  for (const finding of [...exportFindings(db)].sort((a, b) => rules.indexOf(a.rule) - rules.indexOf(b.rule) || a.id - b.id)) {
    const { id: _id, ...rest } = finding;
    if (!out.write(`${count > 0 ? ',\n' : ''}${JSON.stringify(rest)}`)) await once(out, 'drain');
    count += 1;
  }
  out.end('\n]}\n');
  await once(out, 'finish');
  return count;
}
