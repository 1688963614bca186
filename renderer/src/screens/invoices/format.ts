/** Formatting and parsing shared by the invoicing screens (money is integer cents, dates ISO). */
import { parseDollarsToCents } from '../../../../shared/domain/money.ts';
import type { AgingBucket } from '../../../../shared/invoicing/aging.ts';
import type { InvoiceKind, InvoiceState } from '../../../../shared/invoicing/types.ts';

export { formatCents, formatBasisPoints } from '../../../../shared/domain/money.ts';
export { STATE_LABELS } from '../../../../shared/invoicing/state.ts';
export { AGING_BUCKETS, AGING_LABELS } from '../../../../shared/invoicing/aging.ts';
export type { AgingBucket };

/** Cents from what a coordinator types (`1,234.50`, `$12`); null when it is not a positive amount. */
export function parseAmountInput(text: string): number | null {
  const cents = parseDollarsToCents(text);
  return cents !== null && cents > 0 ? cents : null;
}

export { localToday } from '../../format-time.ts';

/** First and last day of the month before `today`: the usual monthly invoicing period. */
export function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

export const KIND_LABELS: Readonly<Record<InvoiceKind, string>> = { INVOICE: 'Invoice', HOLDBACK_RELEASE: 'Holdback release', CREDIT_MEMO: 'Credit memo' };

/** CSS modifier of a state badge (colour always paired with its text). */
export function stateClass(state: InvoiceState): string {
  return `inv-state inv-state-${state}`;
}

/** "12 days overdue", "due in 5 days", "due today". */
export function dueText(daysPastDue: number | null): string {
  if (daysPastDue === null) return '';
  if (daysPastDue > 0) return `${daysPastDue} day${daysPastDue === 1 ? '' : 's'} overdue`;
  if (daysPastDue === 0) return 'due today';
  return `due in ${-daysPastDue} day${daysPastDue === -1 ? '' : 's'}`;
}
