/** Application-level facts the renderer shows (version, how the database key is protected). */
import { z } from 'zod';
import { channel } from './define.ts';

export interface AppInfo {
  readonly version: string;
  /**
   * How the database key is protected: by the OS keychain through Electron safeStorage, only
   * obfuscated (Linux without a keyring: basic_text), from a passphrase (CLI), or not at all (tests).
   */
  readonly keyProtection: 'os-keychain' | 'obfuscated-only' | 'passphrase' | 'none';
  /** `desktop` in Electron, `browser-harness` in tests and development. */
  readonly host: 'desktop' | 'browser-harness' | 'cli';
  readonly studyCount: number;
}

export const appContract = {
  'app:get-info': channel<AppInfo>()(z.object({})),
};
