/**
 * What an import (and a check run after it) must report, computed by running the real importer and
 * engine in this process on a fresh in-memory store: the e2e specs compare the UI to this, so they
 * hard-code no count and no problem text.
 */
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles, type ImportSource } from '../../db/import/import-files.ts';
import { openStore } from '../../db/store/open-store.ts';
import type { ReconcileOutcome } from '../../shared/contract/jobs.ts';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';

export interface Oracle {
  readonly outcome: ImportOutcome;
  /** The check run after the import (null when the import was refused). */
  readonly checks: ReconcileOutcome | null;
}

/** Imports `paths` (several package files, or one export with `mapping`) into a fresh store, then runs the checks. */
export async function importOracle(paths: readonly string[], mapping?: MappingProfile): Promise<Oracle> {
  const db = openStore({ path: ':memory:', key: null });
  try {
    const source: ImportSource = paths.length === 1 ? { type: 'file', path: paths[0] as string } : { type: 'files', paths };
    const outcome = await importFiles(db, source, mapping ? { mapping } : {});
    return { outcome, checks: outcome.status === 'imported' ? reconcile(db) : null };
  } finally {
    db.close();
  }
}
