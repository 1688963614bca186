/**
 * The backend a host (Electron main, browser harness, CLI, tests) creates once: the main connection,
 * the job runner (with its own connections), the registry of chosen files, and where generated files
 * go. Handlers receive it; nothing in it is global.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/app.ts';
import { JobRunner, type JobRunnerOptions } from '../jobs/job-runner.ts';
import type { DbKey } from '../store/open-store.ts';
import { FileRegistry } from './file-registry.ts';

export interface Backend {
  readonly db: Db;
  readonly dbPath: string;
  readonly jobs: JobRunner;
  readonly files: FileRegistry;
  /** Folder for generated files (exports, PDFs) before the shell hands them to the user. */
  readonly outboxDir: string;
  readonly host: AppInfo['host'];
  readonly keyProtection: AppInfo['keyProtection'];
  readonly version: string;
  /** Clock for anything dated (tests fix it). */
  readonly now: () => Date;
  /** Script of the file-preview worker (bundlers pass their own; undefined: next to its module). */
  readonly previewWorkerUrl?: URL | string;
}

export interface CreateBackendOptions {
  readonly db: Db;
  readonly dbPath: string;
  readonly key: DbKey | null;
  readonly dataDir: string;
  readonly host: AppInfo['host'];
  readonly keyProtection: AppInfo['keyProtection'];
  readonly version: string;
  readonly jobMode?: JobRunnerOptions['mode'];
  readonly workerUrl?: URL | string;
  /** The file-preview worker script, when a bundler moved it (the desktop build). */
  readonly previewWorkerUrl?: URL | string;
  readonly now?: () => Date;
}

/** Page cache of the connection that serves the UI (job workers keep openStore's smaller one). */
export const UI_CACHE_KIB = 256 * 1024;

export function createBackend(options: CreateBackendOptions): Backend {
  // The work queue answers counts and pages from covering indexes of ~70 MB each at a million findings:
  // kept decrypted in memory, a filter change scans memory instead of decrypting every page again.
  options.db.pragma(`cache_size = -${UI_CACHE_KIB}`);
  const outboxDir = join(options.dataDir, 'outbox');
  mkdirSync(outboxDir, { recursive: true });
  const inline = options.jobMode === 'inline' || options.dbPath === ':memory:';
  const jobs = new JobRunner({
    mode: inline ? 'inline' : 'worker',
    dbPath: options.dbPath,
    key: options.key,
    ...(inline ? { inlineDb: options.db } : {}),
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  return {
    db: options.db,
    dbPath: options.dbPath,
    jobs,
    files: new FileRegistry(),
    outboxDir,
    host: options.host,
    keyProtection: options.keyProtection,
    version: options.version,
    now: options.now ?? (() => new Date()),
    ...(options.previewWorkerUrl ? { previewWorkerUrl: options.previewWorkerUrl } : {}),
  };
}
