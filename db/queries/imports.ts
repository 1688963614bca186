/** Import history and mapping profiles. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { ImportBatchSummary } from '../../shared/contract/imports.ts';
import { mappingProfileSchema, type MappingProfile } from '../../shared/package-spec/mapping.ts';

export function listImportBatches(db: Db, limit: number): ImportBatchSummary[] {
  const batches = db.prepare('SELECT id, source, finished_at FROM import_batches ORDER BY id DESC LIMIT ?').all(limit) as { id: number; source: string; finished_at: string }[];
  const files = db.prepare(
    'SELECT file_name AS file, file_kind AS kind, rows_read AS rowsRead, rows_inserted AS inserted, rows_updated AS updated, rows_unchanged AS unchanged FROM import_files WHERE batch_id = ? ORDER BY id',
  );
  return batches.map((b) => ({ batchId: b.id, source: b.source, finishedAt: b.finished_at, files: files.all(b.id) as ImportBatchSummary['files'] }));
}

export function listMappingProfiles(db: Db): MappingProfile[] {
  const rows = db.prepare('SELECT profile_json FROM mapping_profiles ORDER BY name').pluck().all() as string[];
  return rows.flatMap((json) => {
    const parsed = mappingProfileSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
}

export function saveMappingProfile(db: Db, profile: MappingProfile, now: Date): MappingProfile {
  db.prepare(
    'INSERT INTO mapping_profiles (name, profile_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET profile_json = excluded.profile_json, updated_at = excluded.updated_at',
  ).run(profile.name, JSON.stringify(profile), now.toISOString());
  return profile;
}

export function deleteMappingProfile(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM mapping_profiles WHERE name = ?').run(name).changes > 0;
}
