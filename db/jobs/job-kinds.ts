/**
 * The kinds of job the runner can execute, each a plain async function of a connection and its
 * arguments. The same functions run in a worker thread (desktop app, browser harness) or inline
 * (CLI, tests), so there is one code path to test.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { reconcile } from '../engine/reconcile.ts';
import { importFiles } from '../import/import-files.ts';
import { renderInvoiceBatch, type BatchRenderArgs } from '../invoicing/render/batch-render.ts';
import { retriageAfterImport } from '../denials/after-import.ts';
import { runAppealBatchJob, runRemitImportJob } from '../denials/jobs.ts';
import { exportFindingsJob, type ExportFindingsArgs } from '../findings-export/export-findings.ts';

export interface JobContext {
  readonly progress: (progress: JobProgress) => void;
  readonly isCancelled: () => boolean;
}

export interface JobArgs {
  import: { readonly paths: readonly string[]; readonly mapping?: MappingProfile };
  reconcile: { readonly mode: 'auto' | 'full' };
  'invoice-pdfs': BatchRenderArgs;
  'remit-import': { readonly path: string };
  'appeal-packets': { readonly denialIds: readonly number[]; readonly outboxDir: string };
  'export-findings': ExportFindingsArgs;
}

export type JobKind = keyof JobArgs;

type JobFn<K extends JobKind> = (db: Db, args: JobArgs[K], ctx: JobContext) => Promise<unknown>;

export const JOB_KINDS: { readonly [K in JobKind]: JobFn<K> } = {
  async import(db, args, ctx) {
    const outcome = await importFiles(db, args.paths.length === 1 ? { type: 'file', path: args.paths[0] as string } : { type: 'files', paths: args.paths }, {
      ...(args.mapping ? { mapping: args.mapping } : {}),
      isCancelled: ctx.isCancelled,
      onProgress: (p) =>
        ctx.progress({
          fraction: p.bytesTotal > 0 ? Math.min(p.bytesDone / p.bytesTotal, 1) : null,
          label: `${p.file}: ${formatCount(p.rowsDone)} rows`,
          rowsDone: p.rowsDone,
          rowsPerSecond: p.rowsPerSecond,
        }),
    });
    return retriageAfterImport(db, outcome, new Date());
  },
  'invoice-pdfs': (db, args, ctx) => renderInvoiceBatch(db, args, ctx),
  'remit-import': (db, args, ctx) => runRemitImportJob(db, args, ctx),
  'appeal-packets': (db, args, ctx) => runAppealBatchJob(db, args, ctx),
  'export-findings': (db, args, ctx) => exportFindingsJob(db, args, ctx),
  async reconcile(db, args, ctx) {
    return reconcile(db, {
      mode: args.mode,
      isCancelled: ctx.isCancelled,
      onProgress: (done, total) => ctx.progress({ fraction: total > 0 ? done / total : null, label: `${formatCount(done)} of ${formatCount(total)} charges checked`, rowsDone: done }),
    });
  },
};
