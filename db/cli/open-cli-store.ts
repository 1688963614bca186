/**
 * Opens the store for a CLI command: the path from --db, the key from --key-file or
 * TRIALLEDGER_DB_KEY. A key of 64 hex characters is used as a raw key (as the desktop app does);
 * anything else is a passphrase.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { openStore, type DbKey } from '../store/open-store.ts';
import { CliError, type CliIo } from './io.ts';

export interface StoreFlags {
  readonly db?: string | undefined;
  readonly 'key-file'?: string | undefined;
}

export const DEFAULT_DB = 'trialledger.db';

export function resolveKey(flags: StoreFlags, io: CliIo): DbKey {
  let text: string | undefined;
  if (flags['key-file']) {
    try {
      text = readFileSync(flags['key-file'], 'utf8').trim();
    } catch {
      throw new CliError(`cannot read the key file ${flags['key-file']}`);
    }
  } else text = io.env.TRIALLEDGER_DB_KEY;
  if (!text) throw new CliError('no database key: set TRIALLEDGER_DB_KEY or pass --key-file FILE (the database is always encrypted)');
  return /^[0-9a-f]{64}$/i.test(text) ? { kind: 'raw', hex: text } : { kind: 'passphrase', value: text };
}

export function openCliStore(flags: StoreFlags, io: CliIo): { db: Db; path: string; key: DbKey } {
  const path = flags.db ?? DEFAULT_DB;
  const key = resolveKey(flags, io);
  return { db: openStore({ path, key }), path, key };
}
