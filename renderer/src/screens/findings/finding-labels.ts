/** Words for the findings' codes, shared by the queue, the detail, the timeline and the dashboard. */
import type { FindingStatus } from '../../../../shared/contract/findings.ts';
import type { Category, Severity } from '../../../../shared/rules/catalogue.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', review: 'Review' };

export const STATUS_LABEL: Record<FindingStatus, string> = { open: 'Open', confirmed: 'Confirmed', fixed: 'Fixed', dismissed: 'Dismissed', closed: 'Closed' };

export const CATEGORY_LABEL: Record<Category, string> = {
  exposure: 'Compliance exposure',
  'denial-risk': 'Denial risk',
  leakage: 'Revenue leakage',
  review: 'Needs review',
};

/** Chart colours per category (CSS variables in findings.css hold the same values). */
export const CATEGORY_COLOR: Record<Category, string> = {
  exposure: '#b42318',
  'denial-risk': '#b45309',
  leakage: '#1d6fa5',
  review: '#6b7280',
};

export const SEVERITY_COLOR: Record<Severity, string> = { critical: '#b42318', warning: '#b45309', review: '#3b6fb6' };

export const PAYER_TYPES = ['MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY'] as const;
