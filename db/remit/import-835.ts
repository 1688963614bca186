/**
 * Imports one 835 remittance file: all or nothing, in one SQL transaction. The file streams through
 * the parser and each claim is written as it completes (memory stays flat); a malformed file (bad
 * envelope, truncation, wrong separators, binary) is refused with the segment-numbered error and
 * nothing written. Imbalances do not refuse it: payers do send unbalanced files, and the coordinator
 * must see them, so they are stored and reported. The same bytes imported before are 'unchanged'.
 *
 * Like every import, the connection must serve nothing else meanwhile: the transaction stays open
 * across awaits while the file streams (ARCHITECTURE.md, Jobs).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { basename } from 'node:path';
import type { ImportProgress } from '../../shared/package-spec/import-result.ts';
import type { RemitImportOutcome } from '../../shared/remit/import-result.ts';
import { X12SyntaxError } from '../../shared/x12/errors.ts';
import type { Remit835Reader } from '../../shared/x12/parse-835.ts';
import { pairReversals } from './pair-reversals.ts';
import { hashFile, read835Batches } from './read-835-file.ts';
import { RemitWriter } from './store-remittance.ts';
import { fileErrorReason } from '../util/file-error.ts';

export interface RemitImportOptions {
  /** Clock for timestamps (tests fix it). */
  readonly now?: () => Date;
  /** Progress: bytes read and claims written so far (rowsDone counts claims). */
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly isCancelled?: () => boolean;
  /** Bytes per read; tests use small chunks to cross segment boundaries. */
  readonly chunkBytes?: number;
}

const PROGRESS_INTERVAL_MS = 200;
/** Page cache of an 835 import and its triage, in KiB: 16 MiB instead of the store's 64 MiB. */
export const REMIT_CACHE_KIB = 16_384;
const BATCH_SOURCE = 'remittance 835';

/** Imports the 835 file at `path` into the store. Never throws for bad input: it refuses. */
export async function importRemittance(db: Db, path: string, options: RemitImportOptions = {}): Promise<RemitImportOutcome> {
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const now = options.now ?? (() => new Date());
  const isCancelled = options.isCancelled ?? (() => false);
  const fileName = basename(path);

  let probe: { sha256: string; byteSize: number };
  try {
    probe = await hashFile(path);
  } catch (error) {
    return { status: 'refused', error: { code: 'UNREADABLE', message: `the file could not be read (${fileErrorReason(error, 'no such file')})`, segmentNumber: null, segmentId: null }, elapsedMs: elapsed() };
  }
  const previous = db.prepare('SELECT id AS fileId, batch_id AS batchId, imported_at AS importedAt FROM remit_files WHERE sha256 = ?').get(probe.sha256) as
    | { fileId: number; batchId: number; importedAt: string }
    | undefined;
  if (previous) return { status: 'unchanged', sha256: probe.sha256, previous, elapsedMs: elapsed() };

  const startedAt = now().toISOString();
  // A smaller page cache while the file streams in: the import appends, so a large cache buys little,
  // and the process keeps under its memory budget (bench/remit-import.bench.ts). Restored after.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${REMIT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const batchId = Number(
      db.prepare('INSERT INTO import_batches (source, started_at, finished_at) VALUES (?, ?, ?)').run(BATCH_SOURCE, startedAt, startedAt).lastInsertRowid,
    );
    const fileId = Number(
      db
        .prepare('INSERT INTO remit_files (batch_id, file_name, sha256, byte_size, imported_at) VALUES (?, ?, ?, ?, ?)')
        .run(batchId, fileName, probe.sha256, probe.byteSize, startedAt).lastInsertRowid,
    );
    const writer = new RemitWriter(db, fileId);
    let reader: Remit835Reader | null = null;
    let bytesDone = 0;
    let lastReport = 0;
    const report = (force: boolean): void => {
      const t = Date.now();
      if (!options.onProgress || (!force && t - lastReport < PROGRESS_INTERVAL_MS)) return;
      lastReport = t;
      const claims = writer.totals.claims;
      options.onProgress({ file: fileName, bytesDone, bytesTotal: probe.byteSize, rowsDone: claims, rowsPerSecond: Math.round(claims / Math.max((t - started) / 1000, 0.001)) });
    };
    try {
      const batches = read835Batches(path, {
        ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
        isCancelled,
        onReader: (r) => {
          reader = r;
        },
        onBytes: (b) => {
          bytesDone = b;
          report(false);
        },
      });
      for await (const events of batches) for (const event of events) writer.write(event);
      writer.finish();
    } catch (error) {
      if (error instanceof X12SyntaxError) {
        const { code, message, segmentNumber, segmentId } = error;
        return { status: 'refused', error: { code, message, segmentNumber, segmentId }, elapsedMs: elapsed() };
      }
      if (error instanceof Error && 'code' in error && typeof error.code === 'string' && !error.code.startsWith('SQLITE')) {
        return { status: 'refused', error: { code: 'UNREADABLE', message: `the file could not be read (${fileErrorReason(error, 'no such file')})`, segmentNumber: null, segmentId: null }, elapsedMs: elapsed() };
      }
      throw error;
    }
    if (isCancelled()) return { status: 'cancelled', elapsedMs: elapsed() };
    report(true);

    const finishedAt = now().toISOString();
    const reversalsPaired = pairReversals(db, finishedAt);
    const t = writer.totals;
    const segments = (reader as Remit835Reader | null)?.segmentCount ?? 0;
    db.prepare(
      `UPDATE remit_files SET segment_count = ?, transaction_count = ?, claim_count = ?, line_count = ?, total_paid_cents = ?, imbalance_count = ?, imported_at = ?
       WHERE id = ?`,
    ).run(segments, t.transactions, t.claims, t.lines, t.totalPaidCents, t.imbalances, finishedAt, fileId);
    db.prepare('UPDATE import_batches SET finished_at = ?, rows_read = ?, rows_inserted = ? WHERE id = ?').run(finishedAt, segments, t.claims, batchId);
    db.exec('COMMIT');
    committed = true;
    return {
      status: 'imported',
      fileId,
      batchId,
      sha256: probe.sha256,
      counts: { segments, ...t, reversalsPaired },
      imbalances: writer.imbalances,
      notices: writer.notices,
      elapsedMs: elapsed(),
    };
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    db.pragma(`cache_size = ${cacheSize}`);
  }
}
