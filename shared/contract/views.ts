/**
 * Saved views of the work queue: a name for a filter, a sort and a grouping, so a coordinator's
 * recurring questions ("critical, unassigned, NSCLC-301") are one click away.
 */
import { z } from 'zod';
import { channel } from './define.ts';
import { findingFilterSchema, findingSortSchema, type FindingFilter, type FindingSort } from './findings.ts';

export const VIEW_GROUPINGS = ['none', 'rule', 'subject'] as const;
export type ViewGrouping = (typeof VIEW_GROUPINGS)[number];

export interface SavedView {
  readonly id: number;
  readonly name: string;
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly grouping: ViewGrouping;
  readonly updatedAt: string;
}

export const viewsContract = {
  /** Every saved view, by name. */
  'views:list': channel<SavedView[]>()(z.object({})),
  /** Saves a view under its name, replacing a view of the same name (names are case-insensitive). */
  'views:save': channel<SavedView>()(
    z.object({
      name: z.string().trim().min(1).max(80),
      filter: findingFilterSchema,
      sort: findingSortSchema,
      grouping: z.enum(VIEW_GROUPINGS).default('none'),
    }),
  ),
  /** Deletes a view; false when there was none. */
  'views:delete': channel<boolean>()(z.object({ id: z.number().int().positive() })),
};
