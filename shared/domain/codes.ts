/**
 * The closed vocabularies of the study package. Each list is the exact set of values the files may
 * carry; `as const` tuples give both the runtime list (for validation and docs) and the union type.
 */

/** Coverage-analysis designation of a calendar item (billing-grid cell); see BRIEF 1.5. */
export const DESIGNATIONS = ['SOC', 'SPONSOR', 'NOT_BILLABLE', 'INVESTIGATIONAL', 'CONDITIONAL'] as const;
export type Designation = (typeof DESIGNATIONS)[number];

/** One letter per designation, so a billing grid reads without colour (OnCore shows S/R/N/A). */
export const DESIGNATION_LETTER: Record<Designation, string> = {
  SOC: 'S',
  SPONSOR: 'R',
  NOT_BILLABLE: 'N',
  INVESTIGATIONAL: 'Q',
  CONDITIONAL: 'C',
};

export const DESIGNATION_LABEL: Record<Designation, string> = {
  SOC: 'Routine care (bill insurance)',
  SPONSOR: 'Research (bill sponsor)',
  NOT_BILLABLE: 'Not billable (supplied free)',
  INVESTIGATIONAL: 'Investigational item (Q0)',
  CONDITIONAL: 'Routine if clinically indicated',
};

export const PAYER_TYPES = ['MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

export const SUBJECT_STATUSES = ['SCREENING', 'ENROLLED', 'SCREEN_FAILED', 'OFF_STUDY'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const VISIT_STATUSES = ['COMPLETED', 'MISSED'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const INVOICEABLE_KINDS = ['ONE_TIME', 'PER_OCCURRENCE', 'SCREEN_FAILURE'] as const;
export type InvoiceableKind = (typeof INVOICEABLE_KINDS)[number];

export const BILL_TO = ['INSURANCE', 'STUDY', 'PATIENT'] as const;
export type BillTo = (typeof BILL_TO)[number];

export const CLAIM_TYPES = ['PROFESSIONAL', 'INSTITUTIONAL'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const SETTINGS = ['OUTPATIENT', 'INPATIENT'] as const;
export type Setting = (typeof SETTINGS)[number];
