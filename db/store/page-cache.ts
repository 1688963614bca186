/**
 * Runs `work` with the page cache set to `kib` KiB, then restores the previous size, whatever happens.
 * Bulk passes over a large file (835 triage) read each page about once: a smaller cache costs them
 * nothing and keeps the process within its memory budget (docs/BENCHMARKS.md).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

export function withPageCache<T>(db: Db, kib: number, work: () => T): T {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
