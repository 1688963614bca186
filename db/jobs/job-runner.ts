/**
 * Runs jobs one at a time (they all write, and SQLite has one writer), in a worker thread by default
 * so a million-row import never blocks the process that serves the UI. Listeners hear every state
 * change; the Electron shell forwards them to the renderer, the harness streams them over SSE.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobProgress, JobState } from '../../shared/contract/jobs.ts';
import type { DbKey } from '../store/open-store.ts';
import { JOB_KINDS, type JobArgs, type JobKind } from './job-kinds.ts';
import type { WorkerMessage } from './job-worker.ts';

export interface JobRunnerOptions {
  /** `worker` (default) runs each job in a worker thread with its own connection; `inline` runs it here. */
  readonly mode?: 'worker' | 'inline';
  readonly dbPath: string;
  readonly key: DbKey | null;
  /** Inline mode: the connection jobs use (an in-memory test store cannot be reopened elsewhere). */
  readonly inlineDb?: Db;
  /** Worker script; defaults to job-worker next to this file (bundlers pass their own). */
  readonly workerUrl?: URL | string;
}

type Listener = (state: JobState) => void;

interface Entry {
  state: JobState;
  readonly kind: JobKind;
  readonly args: unknown;
  readonly cancelFlag: Int32Array<SharedArrayBuffer>;
  readonly done: Promise<JobState>;
  resolve: (state: JobState) => void;
}

const KEEP_FINISHED = 100;

export class JobRunner {
  private readonly options: JobRunnerOptions;
  private readonly jobs = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<Listener>();
  private running: string | null = null;

  constructor(options: JobRunnerOptions) {
    this.options = options;
  }

  /** Queues a job and returns its id at once. */
  start<K extends JobKind>(kind: K, args: JobArgs[K]): string {
    const jobId = `job-${randomBytes(6).toString('hex')}`;
    let resolve: (state: JobState) => void = () => undefined;
    const done = new Promise<JobState>((r) => {
      resolve = r;
    });
    const entry: Entry = {
      state: { jobId, kind, status: 'queued', progress: null },
      kind,
      args,
      cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
      done,
      resolve,
    };
    this.jobs.set(jobId, entry);
    this.queue.push(jobId);
    this.emit(entry);
    this.pump();
    return jobId;
  }

  /** Asks a job to stop. A queued job ends at once; a running one rolls back at its next check. */
  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || (entry.state.status !== 'queued' && entry.state.status !== 'running')) return false;
    Atomics.store(entry.cancelFlag, 0, 1);
    if (entry.state.status === 'queued') {
      this.queue.splice(this.queue.indexOf(jobId), 1);
      this.finish(entry, { status: 'cancelled' });
    }
    return true;
  }

  get(jobId: string): JobState | null {
    return this.jobs.get(jobId)?.state ?? null;
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((e) => e.state).reverse();
  }

  /** Resolves when the job has finished, whatever the outcome. */
  whenDone(jobId: string): Promise<JobState> {
    const entry = this.jobs.get(jobId);
    if (!entry) return Promise.reject(new Error(`no job ${jobId}`));
    return entry.done;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(entry: Entry): void {
    for (const listener of this.listeners) listener(entry.state);
  }

  private update(entry: Entry, patch: Partial<JobState>): void {
    entry.state = { ...entry.state, ...patch };
    this.emit(entry);
  }

  private finish(entry: Entry, patch: Partial<JobState>): void {
    this.update(entry, patch);
    entry.resolve(entry.state);
    this.prune();
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, e]) => !['queued', 'running'].includes(e.state.status));
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }

  private pump(): void {
    if (this.running !== null) return;
    const jobId = this.queue.shift();
    if (jobId === undefined) return;
    const entry = this.jobs.get(jobId);
    if (!entry) return;
    this.running = jobId;
    this.update(entry, { status: 'running' });
    const run = this.options.mode === 'inline' ? this.runInline(entry) : this.runInWorker(entry);
    void run.then((patch) => {
      this.running = null;
      this.finish(entry, patch);
      this.pump();
    });
  }

  private async runInline(entry: Entry): Promise<Partial<JobState>> {
    const db = this.options.inlineDb;
    if (!db) return { status: 'failed', error: 'inline jobs need a connection' };
    const isCancelled = (): boolean => Atomics.load(entry.cancelFlag, 0) === 1;
    try {
      const fn = JOB_KINDS[entry.kind] as (db: Db, args: unknown, ctx: { progress: (p: JobProgress) => void; isCancelled: () => boolean }) => Promise<unknown>;
      const result = await fn(db, entry.args, { progress: (progress) => this.update(entry, { progress }), isCancelled });
      return isCancelled() ? { status: 'cancelled', result } : { status: 'succeeded', result };
    } catch (error) {
      return { status: 'failed', error: error instanceof Error ? error.message : 'the job failed' };
    }
  }

  private runInWorker(entry: Entry): Promise<Partial<JobState>> {
    const url = this.options.workerUrl ?? new URL(`./job-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (patch: Partial<JobState>): void => {
        if (!settled) {
          settled = true;
          resolve(patch);
        }
      };
      const worker = new Worker(url, {
        workerData: { kind: entry.kind, args: entry.args, dbPath: this.options.dbPath, key: this.options.key, cancelFlag: entry.cancelFlag.buffer },
      });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') this.update(entry, { progress: message.progress });
        else if (message.type === 'done') settle(message.cancelled ? { status: 'cancelled', result: message.result } : { status: 'succeeded', result: message.result });
        else settle({ status: 'failed', error: message.message });
      });
      worker.on('error', (error) => settle({ status: 'failed', error: error.message }));
      worker.on('exit', (code) => settle(code === 0 ? { status: 'failed', error: 'the job ended without a result' } : { status: 'failed', error: `the job stopped (exit ${code})` }));
    });
  }
}
