/** Temporary folders and packages for tests, removed when the test process ends. */
import { mkdtempSync, rmSync, writeFileSync, readdirSync, readFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'tl-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files (name -> text or bytes) into a fresh folder and returns its path. */
export function writePackage(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('tl-pkg-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const MINI_PACKAGE = join(import.meta.dirname, '..', 'fixtures', 'mini-package');

/** The mini package's files as text, to build variants from. */
export function miniPackageFiles(): Record<string, string> {
  return Object.fromEntries(readdirSync(MINI_PACKAGE).map((name) => [name, readFileSync(join(MINI_PACKAGE, name), 'utf8')]));
}

/** A copy of the mini package with some files replaced or removed (null). */
export function miniPackageWith(changes: Record<string, string | Uint8Array | null>): string {
  const dir = tempDir('tl-pkg-');
  cpSync(MINI_PACKAGE, dir, { recursive: true });
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}
