/**
 * The `export-findings` job: writes exactly the rows of a queue view (its filter, in its order) to a
 * .csv or .xlsx file in the backend's outbox; the shell then hands the file to the user. Rows are
 * read in batches and streamed to disk (exceljs's streaming WorkbookWriter for .xlsx), so a view of a
 * million findings never sits in memory as cells.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FindingFilter, FindingRow, FindingSort } from '../../shared/contract/findings.ts';
import type { ExportFormat, FindingsExportOutcome } from '../../shared/contract/findings-insights.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { csvHeader, csvLine } from '../../shared/findings/export-columns.ts';
import type { JobContext } from '../jobs/job-kinds.ts';
import { allViewIds, rowsByIds } from '../queries/findings/list-findings.ts';
import { writeXlsx } from './write-xlsx.ts';

export interface ExportFindingsArgs {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly format: ExportFormat;
  readonly outboxDir: string;
  /** The backend's clock at the request, for the file name and the About sheet. */
  readonly requestedAt: string;
}

const BATCH = 2_000;

/** `findings-2025-03-14-153045.csv` */
export function exportFileName(format: ExportFormat, requestedAt: string): string {
  return `findings-${requestedAt.slice(0, 19).replace('T', '-').replaceAll(':', '')}.${format}`;
}

/** The rows of these ids in order, batch by batch. */
export function* rowBatches(db: Db, ids: readonly number[]): Generator<FindingRow[]> {
  for (let i = 0; i < ids.length; i += BATCH) yield rowsByIds(db, ids.slice(i, i + BATCH));
}

/** Runs the export; a cancelled export leaves no file behind. */
export async function exportFindingsJob(db: Db, args: ExportFindingsArgs, ctx: JobContext): Promise<FindingsExportOutcome> {
  const fileName = exportFileName(args.format, args.requestedAt);
  const path = join(args.outboxDir, fileName);
  const ids = allViewIds(db, args.filter, args.sort);
  const total = ids.length;
  let done = 0;
  const report = (): void => ctx.progress({ fraction: total > 0 ? done / total : 1, label: `${formatCount(done)} of ${formatCount(total)} findings written`, rowsDone: done });
  const batches = (function* () {
    for (const rows of rowBatches(db, ids)) {
      if (ctx.isCancelled()) return;
      yield rows;
      done += rows.length;
      report();
    }
  })();
  try {
    if (args.format === 'csv') await writeCsv(path, batches);
    else await writeXlsx(path, batches, { filter: args.filter, sort: args.sort, requestedAt: args.requestedAt, rows: total });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (ctx.isCancelled()) {
    await rm(path, { force: true });
    return { fileName, format: args.format, rows: 0 };
  }
  return { fileName, format: args.format, rows: done };
}

async function writeCsv(path: string, batches: Iterable<FindingRow[]>): Promise<void> {
  const out = createWriteStream(path, { mode: 0o600 });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(csvHeader());
  for (const rows of batches) await write(rows.map(csvLine).join(''));
  out.end();
  await once(out, 'finish');
}
