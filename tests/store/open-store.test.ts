import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../db/import/import-files.ts';
import { migrate } from '../../db/store/migrate.ts';
import { MIGRATIONS } from '../../db/store/migrations/index.ts';
import { openStore, StoreError } from '../../db/store/open-store.ts';
import { fileStore, memoryStore, TEST_KEY } from '../helpers/store.ts';
import { MINI_PACKAGE } from '../helpers/temp-dir.ts';

describe('the encrypted store', () => {
  it('migrates a new database to the latest version with WAL and foreign keys', () => {
    const { db } = fileStore();
    expect(db.pragma("user_version", { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const sql of tables) expect(sql).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('refuses a wrong key with a clear message', () => {
    const { db, path } = fileStore();
    db.close();
    expect(() => openStore({ path, key: { kind: 'passphrase', value: 'wrong' } })).toThrow(StoreError);
    try {
      openStore({ path, key: { kind: 'passphrase', value: 'wrong' } });
    } catch (error) {
      expect((error as StoreError).code).toBe('WRONG_KEY');
      expect((error as StoreError).message).toMatch(/key is wrong/);
    }
    const again = openStore({ path, key: TEST_KEY });
    again.close();
  });

  it('requires a key for a file database', () => {
    expect(() => openStore({ path: '/tmp/never-created.db', key: null })).toThrow(/No database key/);
    expect(existsSync('/tmp/never-created.db')).toBe(false);
  });

  it('accepts a raw 256-bit key and refuses a malformed one', () => {
    const { path } = fileStore();
    const raw = { kind: 'raw', hex: 'ab'.repeat(32) } as const;
    const other = openStore({ path: `${path}.raw`, key: raw });
    other.close();
    expect(openStore({ path: `${path}.raw`, key: raw }).pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect(() => openStore({ path: `${path}.bad`, key: { kind: 'raw', hex: 'xyz' } })).toThrow(/64 hexadecimal/);
  });

  it('keeps no readable MRN, title or charge id in the database files', async () => {
    const { db, path } = fileStore();
    const outcome = await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    expect(outcome.status).toBe('imported');
    const mrns = db.prepare('SELECT mrn FROM subjects').pluck().all() as string[];
    expect(mrns.length).toBe(3);
    for (const file of [path, `${path}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const secret of [...mrns, 'Bexley Pharmaceuticals', 'HAR1', 'SQLite format 3']) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} readable in ${file}`).toBe(false);
      }
    }
    db.close();
  });

  it('refuses a database written by a newer app version', () => {
    const db = memoryStore();
    db.pragma('user_version = 990');
    expect(() => migrate(db)).toThrow(/newer TrialLedger/);
  });

  it('refuses a migration edited after it was applied', () => {
    const db = memoryStore();
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => migrate(db, edited)).toThrow(/changed after it was applied/);
  });
});
