/**
 * Batch rendering of issued invoices as PDFs (a job: worker thread in the app, inline in the CLI,
 * tests and benchmarks). Fonts are read once for the batch; each document is built, written and
 * dropped before the next, so memory stays flat however many invoices there are. Progress is
 * reported per document; a cancelled batch deletes what it wrote (a job leaves nothing behind).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { JobProgress } from '../../../shared/contract/jobs.ts';
import { formatCount } from '../../../shared/domain/format.ts';
import { loadFontFiles } from '../../pdf/index.ts';
import { renderInvoiceFile } from './outputs.ts';

export interface BatchRenderArgs {
  readonly outboxDir: string;
  /** Packaged app: resourcesPath/fonts (see docs/pdf-toolkit.md). */
  readonly fontDir?: string;
  readonly studyId?: string;
  /** Default: every issued document (of the study, when given). */
  readonly invoiceIds?: readonly number[];
}

export interface BatchRenderResult {
  readonly requested: number;
  readonly rendered: number;
  readonly cancelled: boolean;
  readonly files: readonly string[];
  readonly elapsedMs: number;
}

/** Renders the issued documents chosen by `args` into the outbox. */
export async function renderInvoiceBatch(db: Db, args: BatchRenderArgs, ctx: { readonly progress: (p: JobProgress) => void; readonly isCancelled: () => boolean }): Promise<BatchRenderResult> {
  const started = Date.now();
  const all = db
    .prepare("SELECT v.id FROM invoices v JOIN studies s ON s.id = v.study_id WHERE v.status = 'ISSUED' AND (? IS NULL OR s.study_id = ?) ORDER BY v.id")
    .pluck()
    .all(args.studyId ?? null, args.studyId ?? null) as number[];
  const wanted = args.invoiceIds === undefined ? all : all.filter((id) => args.invoiceIds?.includes(id));
  const fonts = await loadFontFiles(args.fontDir);
  const files: string[] = [];
  const now = (): Date => new Date();
  for (const [i, id] of wanted.entries()) {
    if (ctx.isCancelled()) {
      for (const f of files) rmSync(join(args.outboxDir, f), { force: true });
      return { requested: wanted.length, rendered: 0, cancelled: true, files: [], elapsedMs: Date.now() - started };
    }
    const out = await renderInvoiceFile(db, id, 'pdf', { outboxDir: args.outboxDir, now, fonts });
    files.push(out.fileName);
    ctx.progress({ fraction: (i + 1) / wanted.length, label: `${formatCount(i + 1)} of ${formatCount(wanted.length)} invoices rendered`, rowsDone: i + 1 });
  }
  return { requested: wanted.length, rendered: files.length, cancelled: false, files, elapsedMs: Date.now() - started };
}
