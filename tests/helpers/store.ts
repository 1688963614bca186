/** Fresh stores for tests. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { openStore } from '../../db/store/open-store.ts';
import { tempDir } from './temp-dir.ts';

export function memoryStore(): Db {
  return openStore({ path: ':memory:', key: null });
}

export const TEST_KEY = { kind: 'passphrase', value: 'correct horse battery staple' } as const;

/** An encrypted store in a temp file (for tests that need the file or a second connection). */
export function fileStore(): { db: Db; path: string } {
  const path = join(tempDir('tl-db-'), 'test.db');
  return { db: openStore({ path, key: TEST_KEY }), path };
}

/** Row counts of every data table: "the database is unchanged" means this is equal before and after. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}
