/**
 * Loads the built-in demo study package (assets/demo, synthetic data from scripts/demo/) into a store.
 * The Electron shell calls `loadDemoIfEmpty` on a fresh database, the CLI's `trialledger demo` too; both
 * go through the ordinary package importer, so the demo exercises exactly what a real import does.
 * (Owned by the demo work: scripts/demo, assets/demo, db/demo.)
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { importFiles } from '../import/import-files.ts';
import { countStudies } from '../queries/studies.ts';

/** How many import problems a refusal message quotes (the rest are counted). */
const PROBLEMS_SHOWN = 5;

/**
 * `<repo>/assets/demo`, found from this module's own location: `db/demo/` when Node runs the .ts
 * sources, `build/node/db/demo/` in the tsc build of the CLI. Returns the first candidate that holds a
 * studies.csv, or the source-layout path when none does (the import then reports it as not found).
 */
export function defaultDemoDir(): string {
  const candidates = [new URL('../../assets/demo/', import.meta.url), new URL('../../../../assets/demo/', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((dir) => existsSync(`${dir}studies.csv`)) ?? (candidates[0] as string);
}

/**
 * Imports the demo package as one import batch. Throws when the importer refuses it: a refused demo is
 * a build defect (stale or hand-edited files), never something the user can fix. Problem texts are
 * PHI-safe (the importer never quotes an MRN or account number).
 */
export async function loadDemo(db: Db, demoDir: string): Promise<ImportOutcome> {
  const outcome = await importFiles(db, { type: 'folder', path: demoDir }, { sourceLabel: 'demo study package' });
  if (outcome.status === 'refused' || outcome.status === 'cancelled') {
    const shown = outcome.problems.slice(0, PROBLEMS_SHOWN).map(formatProblem);
    const more = outcome.problemCount > shown.length ? ` (and ${outcome.problemCount - shown.length} more)` : '';
    throw new Error(`The demo study package could not be imported (${outcome.status}): ${shown.join('; ') || 'no details'}${more}`);
  }
  return outcome;
}

/** Imports the demo package when the store holds no study yet; resolves to whether it loaded anything. */
export async function loadDemoIfEmpty(db: Db, demoDir: string): Promise<boolean> {
  if (countStudies(db) > 0) return false;
  const outcome = await loadDemo(db, demoDir);
  return outcome.status === 'imported';
}
