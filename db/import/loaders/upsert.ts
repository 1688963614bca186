/**
 * Insert-or-update by natural key, telling whether the row was new, changed or the same. Shared by
 * the loaders of every file except charges (which also keeps revisions).
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import type { RowOutcome } from './loader.ts';

type SqlValue = string | number | null;

export interface Upserter {
  /** Writes `row` (key and data columns); returns the outcome and the row id. */
  upsert(row: Readonly<Record<string, SqlValue>>): { outcome: Exclude<RowOutcome, 'rejected'>; id: number };
}

/**
 * Builds an upserter for `table` whose natural key is `keyColumns` and whose other columns are
 * `dataColumns`. Table and column names are compile-time constants of the loaders, never input.
 */
export function makeUpserter(
  db: Db,
  table: string,
  keyColumns: readonly string[],
  dataColumns: readonly string[],
  /** Columns set only when the row is created (the batch that created it), never compared. */
  insertOnly: Readonly<Record<string, SqlValue>> = {},
): Upserter {
  const where = keyColumns.map((c) => `${c} IS ?`).join(' AND ');
  const select: Statement = db.prepare(`SELECT ${['id', ...dataColumns].join(', ')} FROM ${table} WHERE ${where}`);
  const extra = Object.keys(insertOnly);
  const all = [...keyColumns, ...dataColumns, ...extra];
  const insert: Statement = db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  const update: Statement | null =
    dataColumns.length > 0 ? db.prepare(`UPDATE ${table} SET ${dataColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`) : null;
  return {
    upsert(row) {
      const key = keyColumns.map((c) => row[c] ?? null);
      const data = dataColumns.map((c) => row[c] ?? null);
      const existing = select.get(...key) as Record<string, SqlValue> | undefined;
      if (!existing) {
        const info = insert.run(...key, ...data, ...extra.map((c) => insertOnly[c] ?? null));
        return { outcome: 'inserted', id: Number(info.lastInsertRowid) };
      }
      const id = existing.id as number;
      if (dataColumns.every((c, i) => existing[c] === data[i])) return { outcome: 'unchanged', id };
      update?.run(...data, id);
      return { outcome: 'updated', id };
    },
  };
}
