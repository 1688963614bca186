/** Labels and formats the denial screens share. */
import type { DenialRow } from '../../../../shared/contract/denials.ts';
import { ACTION_LABEL, CATEGORY_LABEL, STATUS_LABEL } from '../../../../shared/denials/vocabulary.ts';

export { ACTION_LABEL, CATEGORY_LABEL, STATUS_LABEL };

/** "12 days left", "due today", "3 days overdue", or "no deadline". */
export function daysLeftText(row: Pick<DenialRow, 'daysLeft' | 'deadlineKind'>): string {
  const d = row.daysLeft;
  if (d === null) return 'No deadline';
  if (d < 0) return `${-d} day${d === -1 ? '' : 's'} overdue`;
  if (d === 0) return 'Due today';
  return `${d} day${d === 1 ? '' : 's'} left`;
}

/** What kind of deadline is running, in words. */
export const DEADLINE_KIND_LABEL: Record<NonNullable<DenialRow['deadlineKind']>, string> = {
  appeal: 'appeal deadline',
  'timely-filing': 'timely filing',
  'next-level-appeal': 'next-level appeal',
};

/** A share as a percentage with one decimal, or a dash. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** Days with one decimal, or a dash. */
export function days(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}
