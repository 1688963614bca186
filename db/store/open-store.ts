/**
 * Opens the local store: SQLite through the better-sqlite3 API, encrypted at rest with the SQLCipher
 * scheme of better-sqlite3-multiple-ciphers. Every connection of the app comes from here, so the
 * pragmas (WAL, foreign keys, busy timeout) and the key handling are the same in Electron, the CLI,
 * the browser harness, the job workers and the tests.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { migrate } from './migrate.ts';
import { StoreError } from './store-error.ts';

export { StoreError } from './store-error.ts';

/** A database key: a passphrase (stretched by SQLCipher's KDF) or 32 raw bytes as hex (no KDF; the desktop app's random key). */
export type DbKey = { readonly kind: 'passphrase'; readonly value: string } | { readonly kind: 'raw'; readonly hex: string };

export interface OpenStoreOptions {
  /** File path, or ':memory:' for tests (in-memory databases are never written to disk, so they take no key). */
  readonly path: string;
  readonly key: DbKey | null;
  /** Apply pending migrations (default true); job workers open an already-migrated store. */
  readonly migrate?: boolean;
  readonly readonly?: boolean;
}

const RAW_KEY = /^[0-9a-f]{64}$/i;

/** Opens (creating if needed) the store at `path`, applies the key, checks it, and migrates. */
export function openStore(options: OpenStoreOptions): Db {
  const inMemory = options.path === ':memory:';
  if (!inMemory && options.key === null) {
    throw new StoreError('NO_KEY', 'No database key: set TRIALLEDGER_DB_KEY or pass --key-file (the store is always encrypted).');
  }
  const existed = !inMemory && existsSync(options.path) && statSync(options.path).size > 0;
  let db: Db;
  try {
    db = new Database(options.path, { readonly: options.readonly ?? false });
  } catch (error) {
    throw new StoreError('OPEN_FAILED', `Cannot open the database file: ${(error as Error).message}`);
  }
  try {
    if (!inMemory && options.key) applyKey(db, options.key);
    // Reading the schema is the first access that decrypts a page: a wrong key fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreError(
        'WRONG_KEY',
        existed
          ? 'The database could not be opened: the key is wrong, or the file is not a TrialLedger database.'
          : 'The database could not be created with this key.',
      );
    }
    throw new StoreError('OPEN_FAILED', `Cannot open the database: ${(error as Error).message}`);
  }
  if (!inMemory && !options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL with synchronous=NORMAL is durable across application crashes and much faster for imports.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  if (options.migrate ?? true) {
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return db;
}

function applyKey(db: Db, key: DbKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  if (key.kind === 'raw') {
    if (!RAW_KEY.test(key.hex)) throw new StoreError('NO_KEY', 'A raw database key must be 64 hexadecimal characters.');
    db.pragma(`key = "x'${key.hex}'"`);
  } else {
    if (key.value.length === 0) throw new StoreError('NO_KEY', 'The database key is empty.');
    // key() takes the passphrase as bytes, so no quoting of the passphrase into SQL is ever needed.
    db.key(Buffer.from(key.value, 'utf8'));
  }
}
