/** Finds the repository root, whether the harness runs from its TypeScript source or from build/node. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Walks up from `start` to the folder whose package.json is TrialLedger's. The source lives at
 * scripts/harness/ and the compiled copy at build/node/scripts/harness/, so a fixed `../..` would
 * be right for only one of them.
 */
export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'trialledger') return dir;
    if (dirname(dir) === dir) throw new Error(`no TrialLedger package.json above ${start}`);
  }
}

/** The `version` of the root package.json. */
export function readVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
