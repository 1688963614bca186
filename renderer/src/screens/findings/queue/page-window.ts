/**
 * The virtual window's paging, pure: the queue shows `total` rows but holds only the pages around the
 * visible ones. This says which pages a range of rows needs, which loaded pages to keep, and finds a
 * loaded row by index.
 */
import type { FindingRow } from '../../../../../shared/contract/findings.ts';

/** Rows per request. */
export const PAGE_SIZE = 100;
/** Pages kept in memory around the visible ones (older ones are dropped, then refetched on return). */
export const KEEP_PAGES = 12;

/** The page numbers covering rows first..last (inclusive), clamped to the total. */
export function pagesFor(first: number, last: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.floor(Math.max(first, 0) / pageSize);
  const to = Math.floor(Math.min(last, total - 1) / pageSize);
  const pages: number[] = [];
  for (let p = from; p <= to; p += 1) pages.push(p);
  return pages;
}

/** The loaded row at an index, if its page is loaded. */
export function rowAt(pages: ReadonlyMap<number, readonly FindingRow[]>, index: number, pageSize = PAGE_SIZE): FindingRow | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/** Which loaded pages to drop: the ones farthest from the visible pages, beyond `keep`. */
export function pagesToDrop(loaded: Iterable<number>, visible: readonly number[], keep = KEEP_PAGES): number[] {
  const centre = visible.length > 0 ? ((visible[0] ?? 0) + (visible[visible.length - 1] ?? 0)) / 2 : 0;
  const byDistance = [...loaded].sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
  return byDistance.slice(keep).filter((p) => !visible.includes(p));
}

/** Every loaded row, in index order, as [index, row]. */
export function loadedRows(pages: ReadonlyMap<number, readonly FindingRow[]>, pageSize = PAGE_SIZE): [number, FindingRow][] {
  return [...pages.entries()].sort(([a], [b]) => a - b).flatMap(([page, rows]) => rows.map((row, i): [number, FindingRow] => [page * pageSize + i, row]));
}
