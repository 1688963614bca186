/**
 * Accounts-receivable aging: open balances by days past the due date as of a given day. Buckets
 * 0-30, 31-60, 61-90 and over 90 days from the due date (HFMA MAP aged A/R, STUDYLIB-MAP; BRIEF
 * section 3 "AR aging"), plus balances not yet due. Day 0 (the due date itself) is in 0-30 but is
 * not overdue: a balance is overdue from the day after its due date.
 */
import { daysBetween } from '../domain/dates.ts';

export const AGING_BUCKETS = ['notDue', 'd0to30', 'd31to60', 'd61to90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Column headings of the buckets, for the screen, the CLI and documents. */
export const AGING_LABELS: Readonly<Record<AgingBucket, string>> = {
  notDue: 'Not yet due',
  d0to30: '0-30 days',
  d31to60: '31-60 days',
  d61to90: '61-90 days',
  over90: 'Over 90 days',
};

/** Days from the due date to `asOf` (negative before the due date). */
export function daysPastDue(dueDate: string, asOf: string): number {
  return daysBetween(dueDate, asOf);
}

/** The bucket of a balance due on `dueDate`, as of `asOf`. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const days = daysPastDue(dueDate, asOf);
  if (days < 0) return 'notDue';
  if (days <= 30) return 'd0to30';
  if (days <= 60) return 'd31to60';
  if (days <= 90) return 'd61to90';
  return 'over90';
}

/** Cents per bucket with their total and the overdue part (past the due date). */
export type AgingAmounts = Readonly<Record<AgingBucket, number>> & { readonly totalCents: number; readonly overdueCents: number };

/** Something owed: its open balance and due date. Only positive balances age (credits are listed apart). */
export interface OpenBalance {
  readonly balanceCents: number;
  readonly dueDate: string;
}

/** Sums open balances into buckets as of `asOf`; zero and negative balances are ignored. */
export function ageBalances(items: Iterable<OpenBalance>, asOf: string): AgingAmounts {
  const sums: Record<AgingBucket, number> = { notDue: 0, d0to30: 0, d31to60: 0, d61to90: 0, over90: 0 };
  let overdueCents = 0;
  for (const item of items) {
    if (item.balanceCents <= 0) continue;
    sums[agingBucket(item.dueDate, asOf)] += item.balanceCents;
    if (daysPastDue(item.dueDate, asOf) > 0) overdueCents += item.balanceCents;
  }
  const totalCents = sums.notDue + sums.d0to30 + sums.d31to60 + sums.d61to90 + sums.over90;
  return { ...sums, totalCents, overdueCents };
}
