/**
 * Schema migrations: append-only, versioned by PRAGMA user_version in steps of 10, applied in one
 * transaction each. The SHA-256 of every applied migration is stored, so a migration edited after it
 * shipped fails loudly instead of leaving databases that differ by history (bruno-sqlite's idea), and a
 * database written by a newer app is refused rather than corrupted (Signal's idea).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { MIGRATIONS } from './migrations/index.ts';
import { StoreError } from './store-error.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Brings the schema to the latest version; returns the versions applied. */
export function migrate(db: Db, unordered: readonly Migration[] = MIGRATIONS): number[] {
  // Feature areas append their migrations to the list in any order; versions decide the order applied.
  const migrations = [...unordered].sort((a, b) => a.version - b.version);
  const duplicate = migrations.find((m, i) => i > 0 && migrations[i - 1]?.version === m.version);
  if (duplicate) throw new Error(`two migrations share version ${duplicate.version}`);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new StoreError('NEWER_SCHEMA', `This database was written by a newer TrialLedger (schema ${current}; this version knows ${latest}). Update the app.`);
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations').all() as { version: number; name: string; sha256: string }[];
  for (const row of applied) {
    const migration = migrations.find((m) => m.version === row.version);
    if (migration && sha256(migration.sql) !== row.sha256) {
      throw new StoreError('MIGRATION_EDITED', `Migration ${row.version} (${row.name}) was changed after it was applied; migrations are append-only.`);
    }
  }
  const done: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        sha256(migration.sql),
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
    done.push(migration.version);
  }
  return done;
}
