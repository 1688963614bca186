/**
 * Secondary indexes of a table are dropped before a bulk load and rebuilt after it, inside the same
 * transaction: building an index once from sorted data is several times cheaper than updating it a
 * million times in random order (and it spills far fewer pages). Unique indexes stay: the importer
 * relies on them to find existing rows. The definitions are read back from sqlite_master, so indexes
 * added by later migrations are handled too.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

export interface DroppedIndexes {
  rebuild(): void;
}

/** Drops the non-unique indexes of `table` and returns how to recreate them exactly. */
export function dropSecondaryIndexes(db: Db, table: string): DroppedIndexes {
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
    .all(table) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return {
    rebuild() {
      for (const index of indexes) db.exec(index.sql);
    },
  };
}

/** Rough row count of a CSV from its size; charge rows are ~120-180 bytes. */
export function estimateRows(byteSize: number): number {
  return Math.floor(byteSize / 150);
}

/** Worth it when the load adds at least 50,000 rows and at least as many as the table holds. */
export function isBulkLoad(db: Db, table: string, estimatedRows: number): boolean {
  if (estimatedRows < 50_000) return false;
  const existing = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  return estimatedRows >= existing;
}
