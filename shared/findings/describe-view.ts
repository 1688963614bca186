/**
 * A queue view in words, for the filter chips of the queue, saved-view tooltips and the "About this
 * export" sheet of a spreadsheet: one phrase per active criterion and one for the sort.
 */
import type { FindingFilter, FindingSort } from '../contract/findings.ts';
import { formatCents } from '../domain/money.ts';

export interface FilterPhrase {
  /** The filter field the phrase describes (the chip removes it). */
  readonly field: keyof FindingFilter;
  readonly label: string;
  readonly text: string;
}

const PAYER_LABEL: Record<string, string> = {
  MEDICARE: 'Medicare',
  MEDICARE_ADVANTAGE: 'Medicare Advantage',
  MEDICAID: 'Medicaid',
  COMMERCIAL: 'Commercial',
  SELF_PAY: 'Self-pay',
};

/** The readable name of a payer type (`MEDICARE_ADVANTAGE` -> `Medicare Advantage`). */
export function payerLabel(payerType: string | null): string {
  return payerType === null ? '' : (PAYER_LABEL[payerType] ?? payerType);
}

const list = (values: readonly string[]): string => values.join(', ');

/** One phrase per criterion set in the filter, in a fixed order. */
export function describeFilter(filter: FindingFilter): FilterPhrase[] {
  const phrases: FilterPhrase[] = [];
  const add = (field: keyof FindingFilter, label: string, text: string): void => {
    phrases.push({ field, label, text });
  };
  if (filter.statuses?.length) add('statuses', 'Status', list(filter.statuses));
  if (filter.studyIds?.length) add('studyIds', 'Study', list(filter.studyIds));
  if (filter.withoutStudy) add('withoutStudy', 'Study', 'none');
  if (filter.rules?.length) add('rules', 'Rule', list(filter.rules));
  if (filter.severities?.length) add('severities', 'Severity', list(filter.severities));
  if (filter.categories?.length) add('categories', 'Category', list(filter.categories));
  if (filter.payerTypes?.length) add('payerTypes', 'Payer', list(filter.payerTypes.map(payerLabel)));
  if (filter.dateFrom) add('dateFrom', 'From', filter.dateFrom);
  if (filter.dateTo) add('dateTo', 'To', filter.dateTo);
  if (filter.assignee !== undefined) add('assignee', 'Assignee', filter.assignee === '' ? 'unassigned' : filter.assignee);
  if (filter.amountMinCents !== undefined) add('amountMinCents', 'At least', formatCents(filter.amountMinCents));
  if (filter.amountMaxCents !== undefined) add('amountMaxCents', 'At most', formatCents(filter.amountMaxCents));
  if (filter.subjectId) add('subjectId', 'Subject', filter.subjectId);
  if (filter.withoutSubject) add('withoutSubject', 'Subject', 'none');
  if (filter.chargeId) add('chargeId', 'Charge', filter.chargeId);
  return phrases;
}

const SORT_LABEL: Record<FindingSort['by'], readonly [string, string]> = {
  severity: ['Severity, most severe first', 'Severity, least severe first'],
  amount: ['Amount, smallest first', 'Amount, largest first'],
  service_date: ['Service date, oldest first', 'Service date, newest first'],
  rule: ['Rule, A to Z', 'Rule, Z to A'],
  study: ['Study, A to Z', 'Study, Z to A'],
  subject: ['Subject, A to Z', 'Subject, Z to A'],
  status: ['Status, A to Z', 'Status, Z to A'],
  created: ['Opened, oldest first', 'Opened, newest first'],
};

/** The sort in words. */
export function describeSort(sort: FindingSort): string {
  return SORT_LABEL[sort.by][sort.direction === 'desc' ? 1 : 0];
}
