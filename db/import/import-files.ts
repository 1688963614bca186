/**
 * Imports a study package (folder or workbook), a single package CSV, or a charge export through a
 * mapping profile. The whole import is one transaction: it lands whole or not at all. Every problem is
 * collected (file, line, column, reason) before deciding, files seen before (same SHA-256) are
 * skipped, and cancelling rolls everything back.
 *
 * The connection must be used by nothing else while an import runs: the transaction stays open across
 * awaits while the file streams. The app runs imports in a job worker with its own connection.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import type { ImportedFile, ImportOutcome, ImportProgress } from '../../shared/package-spec/import-result.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import { ProblemList } from '../../shared/package-spec/problems.ts';
import { discoverUnits, type ImportSource, type ImportUnit } from './discover-units.ts';
import { References } from './loaders/references.ts';
import { probeFile, UnreadableFileError, type FileProbe } from './probe-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readXlsxSheet, WorkbookError } from './read-xlsx-rows.ts';
import { createUnitSink, PROBLEM_STOP } from './run-unit.ts';

export type { ImportSource } from './discover-units.ts';

export interface ImportOptions {
  readonly mapping?: MappingProfile;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly isCancelled?: () => boolean;
  /** Clock for batch timestamps (tests fix it). */
  readonly now?: () => Date;
  /** Source name for the batch record (`package`, `charges-mapped`, ...); defaults from the source. */
  readonly sourceLabel?: string;
}

const PROGRESS_INTERVAL_MS = 200;

/**
 * Page cache of the importing connection (KiB). Charge indexes are updated in random order (by
 * patient, by account): a larger cache keeps their pages decrypted in memory as the table grows
 * (1M charges: 50 s with 64 MiB, 39 s with 96 MiB) while peak memory stays under 400 MB.
 */
const IMPORT_CACHE_KIB = 96 * 1024;

/** Hash of a mapping profile, so the same export under a corrected profile is not mistaken for a re-import. */
function mappingHash(mapping: MappingProfile | undefined): string {
  return mapping ? createHash('sha256').update(JSON.stringify(mapping)).digest('hex') : '';
}

export async function importFiles(db: Db, source: ImportSource, options: ImportOptions = {}): Promise<ImportOutcome> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const isCancelled = options.isCancelled ?? (() => false);
  const problems = new ProblemList();
  const outcome = (status: ImportOutcome['status'], batchId: number | null, files: ImportedFile[]): ImportOutcome => ({
    status,
    batchId,
    files,
    problems: problems.items,
    problemCount: problems.count,
    truncatedProblems: problems.count >= PROBLEM_STOP,
    elapsedMs: Date.now() - started,
  });

  const discovered = await discoverUnits(source, options.mapping !== undefined);
  discovered.problems.forEach((p) => problems.add(p));
  const probes = new Map<string, FileProbe>();
  const unreadable = new Set<string>();
  for (const unit of discovered.units) {
    if (unreadable.has(unit.path)) continue;
    if (!probes.has(unit.path)) {
      try {
        probes.set(unit.path, await probeFile(unit.path));
      } catch (error) {
        // Gone, a folder or unreadable since discovery (or on a failing disk): a problem, never a crash.
        unreadable.add(unit.path);
        problems.add({ file: unit.fileName, line: 0, column: 0, reason: error instanceof UnreadableFileError ? error.reason : 'cannot be read (I/O error)' });
        continue;
      }
    }
    const probe = probes.get(unit.path);
    if (probe && unit.sheet === undefined && probe.encoding === null) {
      problems.add({ file: unit.display, line: 0, column: 0, reason: `this file ${probe.notTextReason ?? 'is not text'}` });
    }
  }
  if (problems.count > 0) return outcome('refused', null, []);

  const mapSha = mappingHash(options.mapping);
  const previous = db.prepare(
    `SELECT f.batch_id AS batchId, f.imported_at AS importedAt FROM import_files f
     WHERE f.sha256 = ? AND f.file_kind = ? AND f.mapping_sha256 = ? ORDER BY f.id LIMIT 1`,
  );
  const bytesTotal = discovered.units.reduce((sum, u) => sum + (u.sheet === undefined ? (probes.get(u.path)?.byteSize ?? 0) : 0), 0);
  const startedAt = now().toISOString();

  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const batchId = Number(
      db
        .prepare('INSERT INTO import_batches (source, started_at, finished_at) VALUES (?, ?, ?)')
        .run(options.sourceLabel ?? (options.mapping ? `charges via mapping '${options.mapping.name}'` : 'package'), startedAt, startedAt).lastInsertRowid,
    );
    const refs = new References(db);
    const files: ImportedFile[] = [];
    let rowsDone = 0;
    let bytesBefore = 0;
    let lastReport = 0;
    const report = (file: string, bytesInFile: number, force = false): void => {
      const t = Date.now();
      if (!options.onProgress || (!force && t - lastReport < PROGRESS_INTERVAL_MS)) return;
      lastReport = t;
      const seconds = Math.max((t - started) / 1000, 0.001);
      options.onProgress({ file, bytesDone: bytesBefore + bytesInFile, bytesTotal, rowsDone, rowsPerSecond: Math.round(rowsDone / seconds) });
    };

    for (const unit of discovered.units) {
      if (isCancelled()) break;
      const probe = probes.get(unit.path) as FileProbe;
      const seen = previous.get(probe.sha256, unit.kind, mapSha) as { batchId: number; importedAt: string } | undefined;
      const base = { file: unit.display, kind: unit.kind, sha256: probe.sha256, byteSize: probe.byteSize };
      if (seen) {
        files.push({ ...base, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, alreadyImported: seen });
        if (unit.sheet === undefined) bytesBefore += probe.byteSize;
        continue;
      }
      const ctx = { db, batchId, fileName: unit.display, now: startedAt, refs };
      let bytesInFile = 0;
      const problemsBefore = problems.count;
      const onBytes = (b: number): void => {
        bytesInFile = b;
      };
      const readFailed = (error: unknown): void => {
        const reason = error instanceof WorkbookError ? error.message : `the file could not be read (${(error as { code?: string }).code ?? 'I/O error'})`;
        problems.add({ file: unit.display, line: 0, column: 0, reason });
      };
      const sink = createUnitSink({
        unit,
        ctx,
        problems,
        ...(options.mapping ? { mapping: options.mapping } : {}),
        isCancelled,
        onRow: () => {
          rowsDone += 1;
          if ((rowsDone & 1023) === 0) report(unit.display, bytesInFile);
        },
      });
      await readUnit(unit, probe, sink.accept, (line, reason) => problems.add({ file: unit.display, line, column: 0, reason }), onBytes).catch(readFailed);
      const { counts, sawHeader } = sink;
      if (!sawHeader && problems.count === problemsBefore && !isCancelled()) {
        problems.add({ file: unit.display, line: 1, column: 0, reason: 'the file is empty: it has no header row' });
      }
      if (unit.sheet === undefined) bytesBefore += probe.byteSize;
      report(unit.display, 0, true);
      files.push({ ...base, ...counts });
    }

    if (isCancelled()) {
      db.exec('ROLLBACK');
      return outcome('cancelled', null, []);
    }
    if (problems.count > 0) {
      db.exec('ROLLBACK');
      return outcome('refused', null, files);
    }
    if (files.every((f) => f.alreadyImported)) {
      db.exec('ROLLBACK');
      return outcome('unchanged', null, files);
    }
    const finishedAt = now().toISOString();
    const addFile = db.prepare(
      `INSERT INTO import_files (batch_id, file_name, file_kind, sha256, byte_size, mapping_sha256, rows_read, rows_inserted, rows_updated, rows_unchanged, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const totals = { read: 0, inserted: 0, updated: 0, unchanged: 0 };
    for (const f of files) {
      if (f.alreadyImported) continue;
      addFile.run(batchId, f.file, f.kind, f.sha256, f.byteSize, mapSha, f.rowsRead, f.inserted, f.updated, f.unchanged, finishedAt);
      totals.read += f.rowsRead;
      totals.inserted += f.inserted;
      totals.updated += f.updated;
      totals.unchanged += f.unchanged;
    }
    db.prepare('UPDATE import_batches SET finished_at = ?, rows_read = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ? WHERE id = ?').run(
      finishedAt,
      totals.read,
      totals.inserted,
      totals.updated,
      totals.unchanged,
      batchId,
    );
    db.exec('COMMIT');
    committed = true;
    return outcome('imported', batchId, files);
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    db.pragma(`cache_size = ${previousCache}`);
  }
}

/** Package CSV files are comma-separated; a mapped export may use ; or tabs (detected). */
function csvDelimiter(unit: ImportUnit): { delimiter?: string } {
  return unit.kind === 'charges' && unit.fileName.toLowerCase() !== 'charges.csv' ? {} : { delimiter: ',' };
}

function readUnit(
  unit: ImportUnit,
  probe: FileProbe,
  accept: (cells: string[], line: number) => boolean,
  onStructureProblem: (line: number, reason: string) => void,
  onBytes: (bytes: number) => void,
): Promise<unknown> {
  if (unit.sheet !== undefined) return readXlsxSheet(unit.path, unit.sheet, accept);
  return readCsvRows(unit.path, probe, {
    ...csvDelimiter(unit),
    onRow: accept,
    onStructureProblem,
    onBytes,
  });
}
