/** Errors opening or migrating the store. */

export type StoreErrorCode = 'WRONG_KEY' | 'NEWER_SCHEMA' | 'MIGRATION_EDITED' | 'NO_KEY' | 'OPEN_FAILED';

/** An error opening the store, with a message fit to show a coordinator (no stack, no PHI). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
