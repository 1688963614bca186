/**
 * The queue's rows, fetched a page at a time as the virtual window asks for them. A new filter or
 * sort fetches its first page while the old rows stay on screen, then swaps them at once; answers for
 * a view the user has left are dropped. Pages are asked without an expensive total, so the rows show
 * as soon as they are read; the total, when it needs a scan, follows from `findings:count` (until
 * then the list is as long as what arrived, and `counting` is true). After an action, `refresh`
 * refetches the loaded pages.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FindingFilter, FindingRow, FindingSort } from '../../../../../shared/contract/findings.ts';
import { useApi } from '../../../api-context.tsx';
import { PAGE_SIZE, pagesFor, pagesToDrop, rowAt as rowAtIndex } from './page-window.ts';
import { viewKey } from './filter-form.ts';

export interface FindingPages {
  /** Rows under the filter; null until the first answer. */
  readonly total: number | null;
  /** The total is still being counted (`total` is what has arrived so far). */
  readonly counting: boolean;
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: string | null;
  /** The key of the view the rows belong to (changes when a new filter's rows arrive). */
  readonly shownKey: string | null;
  readonly rowAt: (index: number) => FindingRow | undefined;
  /** Asks for the rows first..last (the visible range plus overscan). */
  readonly ensure: (first: number, last: number) => void;
  /** Refetches every loaded page (after a status change or assignment). */
  readonly refresh: () => void;
  /** Every loaded row with its index. */
  readonly loaded: () => readonly FindingRow[];
  readonly retry: () => void;
}

export function useFindingPages(filter: FindingFilter, sort: FindingSort): FindingPages {
  const api = useApi();
  const key = viewKey(filter, sort);
  const pages = useRef(new Map<number, readonly FindingRow[]>());
  const inflight = useRef(new Set<number>());
  const current = useRef(key);
  const visible = useRef<number[]>([0]);
  const [, setTick] = useState(0);
  const [meta, setMeta] = useState<{ total: number | null; counting: boolean; error: { key: string; message: string } | null; shownKey: string | null }>({
    total: null,
    counting: false,
    error: null,
    shownKey: null,
  });
  const [attempt, setAttempt] = useState(0);
  const totalRef = useRef<number | null>(null);

  const fetchPage = useCallback(
    (page: number, forKey: string, onFirst?: (rows: readonly FindingRow[]) => void) => {
      inflight.current.add(page);
      api.findingsList({ filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal: false }).then(
        (result) => {
          if (current.current !== forKey) return;
          inflight.current.delete(page);
          if (onFirst) onFirst(result.rows);
          else pages.current.set(page, result.rows);
          if (result.total !== null) {
            totalRef.current = result.total;
            setMeta({ total: result.total, counting: false, error: null, shownKey: forKey });
          } else if (onFirst) {
            // The first page without its total: the list is what arrived until the count comes.
            totalRef.current = page * PAGE_SIZE + result.rows.length;
            setMeta({ total: totalRef.current, counting: true, error: null, shownKey: forKey });
            api.findingsCount({ filter }).then(
              ({ total }) => {
                if (current.current !== forKey) return;
                totalRef.current = total;
                setMeta((m) => ({ ...m, total, counting: false }));
              },
              () => undefined,
            );
          }
          setTick((t) => t + 1);
        },
        (error: unknown) => {
          if (current.current !== forKey) return;
          inflight.current.delete(page);
          setMeta((m) => ({ ...m, error: { key: forKey, message: error instanceof Error ? error.message : 'The findings could not be loaded.' } }));
        },
      );
    },
    [api, filter, sort],
  );

  // A new view: fetch its first page; the old rows stay until it arrives, then are replaced at once.
  useEffect(() => {
    current.current = key;
    inflight.current = new Set();
    fetchPage(0, key, (rows) => {
      pages.current = new Map([[0, rows]]);
    });
  }, [key, fetchPage, attempt]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const total = totalRef.current;
      if (total === null || meta.shownKey !== current.current) return;
      const wanted = pagesFor(first, last, total);
      visible.current = wanted;
      for (const page of wanted) if (!pages.current.has(page) && !inflight.current.has(page)) fetchPage(page, current.current);
      for (const page of pagesToDrop(pages.current.keys(), wanted)) pages.current.delete(page);
    },
    [fetchPage, meta.shownKey],
  );

  const refresh = useCallback(() => {
    const forKey = current.current;
    for (const page of [...pages.current.keys()]) fetchPage(page, forKey);
    if (pages.current.size === 0) fetchPage(0, forKey);
    // A decision can move findings out of the view: count again (pages may come back without a total).
    api.findingsCount({ filter }).then(
      ({ total }) => {
        if (current.current !== forKey) return;
        totalRef.current = total;
        setMeta((m) => ({ ...m, total, counting: false }));
      },
      () => undefined,
    );
  }, [fetchPage, api, filter]);

  const rowAt = useCallback((index: number) => rowAtIndex(pages.current, index), []);
  const loaded = useCallback(() => [...pages.current.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const status: FindingPages['status'] = meta.error?.key === key ? 'error' : meta.shownKey === key ? 'ready' : 'loading';
  return { total: meta.total, counting: meta.counting, shownKey: meta.shownKey, status, error: meta.error?.message ?? null, rowAt, ensure, refresh, loaded, retry };
}
