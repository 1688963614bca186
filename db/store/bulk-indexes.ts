/**
 * Secondary indexes of a table are dropped before a bulk load and rebuilt after it, inside the same
 * transaction: building an index once from sorted data is cheaper than updating it row by row. The
 * sort runs in memory (temp_store = MEMORY, so no index key, which can be PHI, ever lands in an
 * unencrypted temp file), so its memory grows with the table: the engine uses it only for its first
 * run into an empty findings table, never for imports, whose memory must stay flat. Unique indexes
 * stay. Definitions are read back from sqlite_master, so indexes of later migrations are handled.
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
