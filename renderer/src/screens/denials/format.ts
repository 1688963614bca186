/** Labels and formats the denial screens share. */
import type { DenialFilter, DenialRow } from '../../../../shared/contract/denials.ts';
import { ACTION_LABEL, CATEGORY_LABEL, CLOSED_STATUSES, STATUS_LABEL } from '../../../../shared/denials/vocabulary.ts';

export { ACTION_LABEL, CATEGORY_LABEL, STATUS_LABEL };

/**
 * "12 days left", "due today", "3 days overdue", or "no deadline". An open fix or rebill without a
 * deadline is one whose payer has no timely-filing limit set (only Medicare's is known by default):
 * it says so, since the limit exists at the payer and the coordinator can set it (Payer deadlines).
 */
export function daysLeftText(row: Pick<DenialRow, 'daysLeft' | 'deadlineKind' | 'status' | 'action' | 'resolutionDate' | 'supersededDate'>): string {
  const d = row.daysLeft;
  const waitsOnTimelyFiling = row.status === 'open' && (row.action === 'fix-resubmit' || row.action === 'rebill-other-payer') && row.resolutionDate === null && row.supersededDate === null;
  if (d === null) return waitsOnTimelyFiling ? 'Timely filing limit not set' : 'No deadline';
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

/**
 * The queue's status cell. A denial a later remittance paid keeps its workflow status (open,
 * resubmitted...) but what the coordinator needs is "Paid"; one the payer replaced reads
 * "Superseded"; a closing step (written off, moved to the sponsor, overturned) reads as itself,
 * even though it also carries a resolution date.
 */
export function queueStatusText(row: Pick<DenialRow, 'status' | 'resolutionDate' | 'supersededDate'>): string {
  if (row.supersededDate !== null) return `Superseded ${row.supersededDate}`;
  const paidOnRemit = row.resolutionDate !== null && !CLOSED_STATUSES.includes(row.status) && row.status !== 'upheld';
  return paidOnRemit ? `Paid ${row.resolutionDate}` : STATUS_LABEL[row.status];
}

/** Whether the filter narrows the queue beyond its default (open work only). */
export function isNarrowed(filter: DenialFilter): boolean {
  return (filter.statuses?.length ?? 0) + (filter.categories?.length ?? 0) + (filter.actions?.length ?? 0) + (filter.payerKinds?.length ?? 0) + (filter.studyIds?.length ?? 0) > 0 || filter.dueWithinDays !== undefined || filter.fileId !== undefined;
}

/** What an empty queue says: nothing imported yet, nothing open, or nothing matching the filters. */
export function emptyQueueText(filter: DenialFilter, denialsInStore: number): { readonly title: string; readonly text: string } {
  if (denialsInStore === 0) {
    return { title: 'No denials to work', text: 'Import an 835 remittance (Remittances tab): every denied line is triaged here, soonest deadline first.' };
  }
  const closedHint = filter.includeResolved ? '' : ' Paid, superseded and closed denials (written off, moved to the sponsor, overturned) show with "Include resolved and closed".';
  if (isNarrowed(filter)) return { title: 'No denial matches these filters', text: `Change or clear the filters.${closedHint}` };
  return { title: 'No open denials', text: `Every denial is worked.${closedHint}` };
}
