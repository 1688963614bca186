/**
 * The closed vocabularies of denial work: categories (the seed workflow's root causes plus timely
 * filing and coordination of benefits), actions, the status workflow, and payer kinds.
 */

/** Root-cause categories of a denial. */
export const DENIAL_CATEGORIES = [
  'protocol',
  'sponsor-vs-insurance',
  'coverage-eligibility',
  'authorization',
  'documentation',
  'timely-filing',
  'coordination-of-benefits',
] as const;
export type DenialCategory = (typeof DENIAL_CATEGORIES)[number];

/** Category names as the coordinator reads them. */
export const CATEGORY_LABEL: Record<DenialCategory, string> = {
  protocol: 'Protocol / trial coding',
  'sponsor-vs-insurance': 'Sponsor vs insurance',
  'coverage-eligibility': 'Coverage and eligibility',
  authorization: 'Authorization',
  documentation: 'Documentation and coding',
  'timely-filing': 'Timely filing',
  'coordination-of-benefits': 'Coordination of benefits / payer routing',
};

/** What to do about a denial. */
export const DENIAL_ACTIONS = ['fix-resubmit', 'appeal', 'rebill-other-payer', 'move-to-sponsor', 'write-off'] as const;
export type DenialAction = (typeof DENIAL_ACTIONS)[number];

/** Action names as the coordinator reads them. */
export const ACTION_LABEL: Record<DenialAction, string> = {
  'fix-resubmit': 'Fix and resubmit',
  appeal: 'Appeal',
  'rebill-other-payer': 'Rebill another payer',
  'move-to-sponsor': 'Move to the sponsor invoice',
  'write-off': 'Write off',
};

/**
 * Status workflow: open -> appealed / resubmitted / rebilled / moved-to-sponsor / written-off;
 * appealed -> overturned / upheld; upheld -> appealed (next level) / written-off. Any status may go
 * back to open (a correction). Overturned counts partial overturns too [NCQA-OVT].
 */
export const DENIAL_STATUSES = ['open', 'appealed', 'resubmitted', 'rebilled', 'moved-to-sponsor', 'written-off', 'overturned', 'upheld'] as const;
export type DenialStatus = (typeof DENIAL_STATUSES)[number];

/** Status names as the coordinator reads them. */
export const STATUS_LABEL: Record<DenialStatus, string> = {
  open: 'Open',
  appealed: 'Appealed',
  resubmitted: 'Resubmitted',
  rebilled: 'Rebilled',
  'moved-to-sponsor': 'Moved to sponsor',
  'written-off': 'Written off',
  overturned: 'Overturned',
  upheld: 'Upheld',
};

const NEXT: Record<DenialStatus, readonly DenialStatus[]> = {
  open: ['appealed', 'resubmitted', 'rebilled', 'moved-to-sponsor', 'written-off'],
  appealed: ['overturned', 'upheld', 'open'],
  upheld: ['appealed', 'written-off', 'open'],
  resubmitted: ['written-off', 'open'],
  rebilled: ['written-off', 'open'],
  'moved-to-sponsor': ['open'],
  'written-off': ['open'],
  overturned: ['open'],
};

/** Statuses a denial in `from` may move to. */
export function nextStatuses(from: DenialStatus): readonly DenialStatus[] {
  return NEXT[from];
}

/** Whether `from -> to` is a step of the workflow. */
export function canMove(from: DenialStatus, to: DenialStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses that end the work on a denial (the queue hides them by default). */
export const CLOSED_STATUSES: readonly DenialStatus[] = ['moved-to-sponsor', 'written-off', 'overturned'];

/** The payer of a remittance, as far as deadlines and appeal arguments are concerned. */
export const PAYER_KINDS = ['MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'OTHER'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

/** Payer kind names as the coordinator reads them. */
export const PAYER_KIND_LABEL: Record<PayerKind, string> = {
  MEDICARE: 'Original Medicare (MAC)',
  MEDICARE_ADVANTAGE: 'Medicare Advantage plan',
  MEDICAID: 'Medicaid',
  COMMERCIAL: 'Commercial plan',
  OTHER: 'Other payer',
};

/** Who a rebill or fix goes to. */
export type RebillTarget = 'ORIGINAL_MEDICARE' | 'MA_PLAN' | 'PRIMARY_PAYER' | 'CORRECT_PAYER' | 'SAME_PAYER';

/** The legal or policy ground an appeal stands on; selects the letter's argument. */
export const APPEAL_BASES = ['NCD_310_1', 'PHSA_2709', 'QUALIFYING_TRIAL', 'INVESTIGATIONAL_ITEM', 'MA_IDE', 'MEDICAL_NECESSITY', 'AUTHORIZATION', 'GENERIC'] as const;
export type AppealBasis = (typeof APPEAL_BASES)[number];
