/**
 * The queue's filter between the form and the query, pure: typed text (dollars, dates) is parsed and
 * checked before it becomes part of a FindingFilter; list criteria toggle value by value; a filter is
 * normalised (no empty lists, sorted values) so equal filters have equal keys for the page cache.
 */
import type { FindingFilter, FindingSort } from '../../../../../shared/contract/findings.ts';
import { isIsoDate } from '../../../../../shared/domain/dates.ts';
import { parseDollarsToCents } from '../../../../../shared/domain/money.ts';

/** The criteria typed as text. */
export interface FilterDraft {
  readonly amountMin: string;
  readonly amountMax: string;
  readonly dateFrom: string;
  readonly dateTo: string;
}

export type DraftErrors = Partial<Record<keyof FilterDraft, string>>;

type ListField = 'studyIds' | 'rules' | 'severities' | 'categories' | 'statuses' | 'payerTypes';

const centsToText = (cents: number | undefined): string => (cents === undefined ? '' : (cents / 100).toFixed(2));

/** The text fields for a filter (to show what a saved view or a chip set). */
export function draftFromFilter(filter: FindingFilter): FilterDraft {
  return { amountMin: centsToText(filter.amountMinCents), amountMax: centsToText(filter.amountMaxCents), dateFrom: filter.dateFrom ?? '', dateTo: filter.dateTo ?? '' };
}

/** Drops empty criteria and sorts list values, so equal filters serialise equally. */
export function normalizeFilter(filter: FindingFilter): FindingFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = [...new Set(value as string[])].sort();
    } else if (value !== '' || key === 'assignee') out[key] = value;
  }
  return out as FindingFilter;
}

/** A stable key for a filter and sort (the page cache and request matching use it). */
export function viewKey(filter: FindingFilter, sort: FindingSort): string {
  const normal = normalizeFilter(filter);
  const ordered = Object.fromEntries(Object.keys(normal).sort().map((k) => [k, normal[k as keyof FindingFilter]]));
  return JSON.stringify([ordered, sort.by, sort.direction]);
}

/**
 * Applies the typed fields to a filter: valid ones replace their criterion, empty ones remove it,
 * invalid ones leave the filter as it was and come back as errors to show beside the field.
 */
export function applyDraft(filter: FindingFilter, draft: FilterDraft): { filter: FindingFilter; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const next: Record<string, unknown> = { ...filter };
  const money = (field: 'amountMin' | 'amountMax', key: 'amountMinCents' | 'amountMaxCents'): void => {
    const text = draft[field].trim();
    if (text === '') delete next[key];
    else {
      const cents = parseDollarsToCents(text);
      if (cents === null || cents < 0) errors[field] = 'Enter an amount in dollars, such as 1,250.00';
      else next[key] = cents;
    }
  };
  const date = (field: 'dateFrom' | 'dateTo'): void => {
    const text = draft[field].trim();
    if (text === '') delete next[field];
    else if (!isIsoDate(text)) errors[field] = 'Enter a date as YYYY-MM-DD';
    else next[field] = text;
  };
  money('amountMin', 'amountMinCents');
  money('amountMax', 'amountMaxCents');
  date('dateFrom');
  date('dateTo');
  const result = next as FindingFilter;
  if (result.amountMinCents !== undefined && result.amountMaxCents !== undefined && result.amountMinCents > result.amountMaxCents) errors.amountMax = 'The maximum is below the minimum';
  if (result.dateFrom && result.dateTo && result.dateFrom > result.dateTo) errors.dateTo = 'The end date is before the start date';
  return { filter: Object.keys(errors).length > 0 ? filter : normalizeFilter(result), errors };
}

/** Adds or removes one value of a list criterion. */
export function toggleValue(filter: FindingFilter, field: ListField, value: string): FindingFilter {
  const current = (filter[field] ?? []) as readonly string[];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return normalizeFilter({ ...filter, [field]: values });
}

/** Sets a list criterion at once (empty removes it). */
export function setValues(filter: FindingFilter, field: ListField, values: readonly string[]): FindingFilter {
  return normalizeFilter({ ...filter, [field]: values });
}

/** The filter without one criterion (a chip's remove button). Removing a subject also removes "no subject". */
export function withoutField(filter: FindingFilter, field: keyof FindingFilter): FindingFilter {
  const next: Record<string, unknown> = { ...filter };
  delete next[field];
  return normalizeFilter(next as FindingFilter);
}

/** A group's findings: the queue's filter narrowed by the group's own filter. */
export function narrowFilter(filter: FindingFilter, group: FindingFilter): FindingFilter {
  return normalizeFilter({ ...filter, ...group });
}
