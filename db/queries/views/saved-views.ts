/**
 * Saved views of the work queue. The filter and sort are stored as JSON and validated with the
 * contract's schemas when read back, so a view saved by an older version that no longer parses
 * falls back to the default filter or sort rather than breaking the list.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { findingFilterSchema, findingSortSchema, type FindingFilter, type FindingSort } from '../../../shared/contract/findings.ts';
import type { SavedView, ViewGrouping } from '../../../shared/contract/views.ts';

interface ViewRow {
  readonly id: number;
  readonly name: string;
  readonly filter_json: string;
  readonly sort_json: string;
  readonly grouping: ViewGrouping;
  readonly updated_at: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toView(row: ViewRow): SavedView {
  const filter = findingFilterSchema.safeParse(parseJson(row.filter_json));
  const sort = findingSortSchema.safeParse(parseJson(row.sort_json));
  return {
    id: row.id,
    name: row.name,
    filter: filter.success ? filter.data : {},
    sort: sort.success ? sort.data : { by: 'severity', direction: 'asc' },
    grouping: row.grouping,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = 'id, name, filter_json, sort_json, grouping, updated_at';

/** Every saved view, by name. */
export function listSavedViews(db: Db): SavedView[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM saved_views ORDER BY name COLLATE NOCASE`).all() as ViewRow[]).map(toView);
}

export interface ViewInput {
  readonly name: string;
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly grouping: ViewGrouping;
}

/** Saves a view, replacing the one of the same name (case-insensitive); returns it as stored. */
export function saveView(db: Db, view: ViewInput, now: Date): SavedView {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO saved_views (name, filter_json, sort_json, grouping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name, filter_json = excluded.filter_json, sort_json = excluded.sort_json,
       grouping = excluded.grouping, updated_at = excluded.updated_at`,
  ).run(view.name.trim(), JSON.stringify(view.filter), JSON.stringify(view.sort), view.grouping, at, at);
  return toView(db.prepare(`SELECT ${COLUMNS} FROM saved_views WHERE name = ?`).get(view.name.trim()) as ViewRow);
}

/** Deletes a view; false when there was none with that id. */
export function deleteView(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes > 0;
}
