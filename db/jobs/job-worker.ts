/**
 * Worker-thread entry for a job: opens its own connection to the store (never shares the main one,
 * because an import keeps a transaction open across awaits), runs the job, posts progress and the
 * result. Cancellation arrives through a shared flag, readable at any point of the job.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { openStore, type DbKey } from '../store/open-store.ts';
import { JOB_KINDS, type JobKind } from './job-kinds.ts';

interface WorkerInput {
  readonly kind: JobKind;
  readonly args: never;
  readonly dbPath: string;
  readonly key: DbKey | null;
  readonly cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: JobProgress }
  | { readonly type: 'done'; readonly result: unknown; readonly cancelled: boolean }
  | { readonly type: 'failed'; readonly message: string };

const input = workerData as WorkerInput;
const flag = new Int32Array(input.cancelFlag);
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

async function main(): Promise<void> {
  const db = openStore({ path: input.dbPath, key: input.key, migrate: false });
  try {
    const isCancelled = (): boolean => Atomics.load(flag, 0) === 1;
    const result = await JOB_KINDS[input.kind](db, input.args, {
      progress: (progress) => post({ type: 'progress', progress }),
      isCancelled,
    });
    post({ type: 'done', result, cancelled: isCancelled() });
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  post({ type: 'failed', message: error instanceof Error ? error.message : 'the job failed' });
});
