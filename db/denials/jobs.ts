/**
 * The job bodies of this area (registered in db/jobs/job-kinds.ts): importing an 835 then triaging
 * what it denies, and building a batch of appeal packets into one ZIP. Both report progress and stop
 * at a cancel; the import rolls back, the batch leaves no file.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { AppealBatchResult, RemitImportJobResult } from '../../shared/contract/denials.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { importRemittance } from '../remit/import-835.ts';
import { exportPacketBatch } from './packet/export-packet.ts';
import { triageRemitFile } from './triage-file.ts';

export interface DenialJobContext {
  readonly progress: (progress: JobProgress) => void;
  readonly isCancelled: () => boolean;
}

/** Imports one 835 file and triages its denials (also when the same bytes were imported before). */
export async function runRemitImportJob(db: Db, args: { readonly path: string }, ctx: DenialJobContext): Promise<RemitImportJobResult> {
  const outcome = await importRemittance(db, args.path, {
    isCancelled: ctx.isCancelled,
    onProgress: (p) =>
      ctx.progress({
        fraction: p.bytesTotal > 0 ? Math.min(p.bytesDone / p.bytesTotal, 1) : null,
        label: `${p.file}: ${formatCount(p.rowsDone)} claims`,
        rowsDone: p.rowsDone,
        rowsPerSecond: p.rowsPerSecond,
      }),
  });
  const fileId = outcome.status === 'imported' ? outcome.fileId : outcome.status === 'unchanged' ? outcome.previous.fileId : null;
  if (fileId === null || ctx.isCancelled()) return { outcome, triage: null };
  ctx.progress({ fraction: null, label: 'Triaging denials…' });
  return { outcome, triage: triageRemitFile(db, fileId) };
}

/** Builds the packets of `denialIds` into one ZIP in `outboxDir`. */
export async function runAppealBatchJob(db: Db, args: { readonly denialIds: readonly number[]; readonly outboxDir: string }, ctx: DenialJobContext): Promise<AppealBatchResult> {
  return exportPacketBatch(db, args.denialIds, args.outboxDir, { now: () => new Date() }, {
    isCancelled: ctx.isCancelled,
    onProgress: (done, total) => ctx.progress({ fraction: total > 0 ? done / total : null, label: `${formatCount(done)} of ${formatCount(total)} packets built`, rowsDone: done }),
  });
}
