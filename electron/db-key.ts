/**
 * The database key of the desktop app: 32 random bytes generated on first start, kept on disk only
 * encrypted by Electron safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or
 * KWallet on Linux). Where Linux has no keyring, safeStorage falls back to a fixed built-in password
 * ('basic_text'): the key is then only obfuscated, and the UI says so.
 */
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/contract/app.ts';
import type { DbKey } from '../db/store/open-store.ts';

export const KEY_FILE = 'db-key.bin';

export interface LoadedDbKey {
  readonly key: DbKey;
  readonly keyProtection: Extract<AppInfo['keyProtection'], 'os-keychain' | 'obfuscated-only'>;
}

/** A failure the user must see (a dialog), because continuing would lose or orphan the data. */
export class DbKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DbKeyError';
  }
}

/**
 * Reads the key from `userDataDir/db-key.bin`, or creates it when neither the key nor the database
 * exists yet. Call after `app` is ready (safeStorage needs it).
 */
export async function loadOrCreateDbKey(userDataDir: string, dbPath: string): Promise<LoadedDbKey> {
  const keyProtection = await prepareSafeStorage();
  const keyPath = join(userDataDir, KEY_FILE);
  if (existsSync(keyPath)) {
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await safeStorage.decryptStringAsync(readFileSync(keyPath));
    } catch {
      // Typically a different OS user or a reset keyring: the database cannot be read without the old key.
      throw new DbKeyError(`The database key in ${keyPath} cannot be decrypted by this user's keychain. The data cannot be opened.`);
    }
    if (!/^[0-9a-f]{64}$/.test(decrypted.result)) throw new DbKeyError(`The database key in ${keyPath} is damaged.`);
    if (decrypted.shouldReEncrypt) writeKeyFile(keyPath, await safeStorage.encryptStringAsync(decrypted.result));
    return { key: { kind: 'raw', hex: decrypted.result }, keyProtection };
  }
  if (existsSync(dbPath)) {
    // Never generate a new key for an existing database: it would fail to open and invite deleting it.
    throw new DbKeyError(`The database key file ${keyPath} is missing, so the existing database ${dbPath} cannot be opened. Restore the key file from a backup.`);
  }
  const hex = randomBytes(32).toString('hex');
  writeKeyFile(keyPath, await safeStorage.encryptStringAsync(hex));
  return { key: { kind: 'raw', hex }, keyProtection };
}

/** Decides how well safeStorage protects the key, enabling the Linux plain-text fallback where it must. */
async function prepareSafeStorage(): Promise<LoadedDbKey['keyProtection']> {
  if (process.platform === 'linux') {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) safeStorage.setUsePlainTextEncryption(true);
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new DbKeyError('Secure storage is not available, so the database key cannot be stored.');
    return safeStorage.getSelectedStorageBackend() === 'basic_text' ? 'obfuscated-only' : 'os-keychain';
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new DbKeyError('The system keychain is not available, so the database key cannot be stored.');
  return 'os-keychain';
}

/** Writes through a temporary file and a rename, so a crash never leaves half a key. Owner-only permissions. */
function writeKeyFile(keyPath: string, encrypted: Buffer): void {
  const tmp = `${keyPath}.tmp`;
  writeFileSync(tmp, encrypted, { mode: 0o600 });
  renameSync(tmp, keyPath);
}
