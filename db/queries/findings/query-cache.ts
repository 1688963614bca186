/**
 * Remembers the answers of expensive read queries (a filter's total, a grouping) per connection
 * until the data changes. Scrolling the queue asks for page after page under the same filter, and a
 * sort change keeps the filter: neither should count a million rows again.
 *
 * "The data changed" is exact and needs no bookkeeping by writers: `PRAGMA data_version` changes when
 * another connection commits (the job workers: imports, reconciliation), and `total_changes()` when
 * this connection writes (status changes, assignments, notes).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

const MAX_ENTRIES = 64;

interface Entry {
  readonly stamp: string;
  readonly value: unknown;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

/** The data's version as seen by this connection. */
export function dataStamp(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** The cached value for `key` if the data has not changed since it was computed; undefined otherwise. */
export function peekCached<T>(db: Db, key: string): T | undefined {
  const hit = caches.get(db)?.get(key);
  return hit && hit.stamp === dataStamp(db) ? (hit.value as T) : undefined;
}

/** `compute()`'s value for `key`, from the cache while the data has not changed since it was computed. */
export function cachedQuery<T>(db: Db, key: string, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const stamp = dataStamp(db);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    // Refresh its place: the map's order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.set(key, { stamp, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
