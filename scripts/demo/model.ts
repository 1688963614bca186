/**
 * The rows of a study package as typed values, one interface per file. Field names are exactly the
 * column names of shared/package-spec/files.ts and values are what its cell parsers produce (money in
 * cents, percentages in basis points, Y/N as booleans, lists as arrays), so one generic writer and one
 * generic reader serve every file and a round trip through CSV can be compared field by field.
 */
import type { BillTo, ClaimType, Designation, InvoiceableKind, PayerType, Setting, SubjectStatus, VisitStatus } from '../../shared/domain/codes.ts';
import type { PackageFileKind } from '../../shared/package-spec/files.ts';

export interface StudyRow {
  study_id: string;
  protocol_number: string;
  title: string;
  sponsor: string;
  nct_number: string | null;
  ide_number: string | null;
  qualifying_trial: boolean;
  /** Basis points. */
  overhead_pct: number;
  /** Basis points. */
  holdback_pct: number;
  payment_terms_days: number;
}

export interface CalendarRow {
  study_id: string;
  arm: string;
  visit_code: string;
  visit_name: string;
  visit_day: number;
  window_before_days: number;
  window_after_days: number;
  cpt_hcpcs: string;
  procedure_name: string;
  designation: Designation;
  /** Cents; null when the CTA has no price. */
  sponsor_price: number | null;
  requires_preapproval: boolean;
  promised_free: boolean;
  justification: string | null;
}

export interface InvoiceableRow {
  study_id: string;
  item_code: string;
  description: string;
  amount: number;
  kind: InvoiceableKind;
  holdback_exempt: boolean;
  overhead_exempt: boolean;
}

export interface SubjectRow {
  study_id: string;
  subject_id: string;
  mrn: string;
  arm: string | null;
  consent_date: string;
  start_date: string | null;
  off_study_date: string | null;
  payer_type: PayerType;
  status: SubjectStatus;
}

export interface VisitRow {
  study_id: string;
  subject_id: string;
  visit_code: string;
  visit_date: string;
  status: VisitStatus;
}

export interface ApprovalRow {
  study_id: string;
  subject_id: string;
  cpt_hcpcs: string;
  service_date: string;
  approval_ref: string;
}

export interface InvoiceLineRow {
  study_id: string;
  invoice_number: string;
  subject_id: string | null;
  visit_code: string;
  cpt_hcpcs: string | null;
  service_date: string;
  amount: number;
}

export interface ChargeRow {
  charge_id: string;
  account_id: string;
  mrn: string;
  service_date: string;
  cpt_hcpcs: string;
  modifiers: string[];
  units: number;
  charge_amount: number;
  revenue_code: string | null;
  dx_codes: string[];
  bill_to: BillTo;
  payer_name: string | null;
  payer_type: PayerType;
  claim_type: ClaimType;
  setting: Setting;
  nct_on_claim: string | null;
  ide_on_claim: string | null;
  condition_codes: string[];
}

/** A whole package; the arrays are in file order (charge order matters to DUP-28). */
export interface DemoPackage {
  studies: StudyRow[];
  calendar: CalendarRow[];
  invoiceables: InvoiceableRow[];
  subjects: SubjectRow[];
  visits: VisitRow[];
  approvals: ApprovalRow[];
  invoices: InvoiceLineRow[];
  charges: ChargeRow[];
}

export type PackageRows = { [K in PackageFileKind]: DemoPackage[K] };

/** The rule ids of the compliance-engine issue that the demo exercises. */
export const RULE_IDS = [
  'QCT-01',
  'RSH-02',
  'DBL-03',
  'ICF-04',
  'FREE-05',
  'MOD-08',
  'DX-09',
  'CC-10',
  'NCT-11',
  'IDE-12',
  'MA-13',
  'ALIGN-15',
  'WIN-18',
  'INVC-20',
  'ENR-26',
  'PRE-27',
  'DUP-28',
  'SOC-29',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One expected finding, in the shape of tests/fixtures/demo-expected-findings.json. */
export interface Finding {
  rule: RuleId;
  study_id: string | null;
  subject_id: string | null;
  charge_id: string | null;
  visit_code: string | null;
  cpt_hcpcs: string;
  service_date: string | null;
}

const FINDING_FIELDS = ['rule', 'study_id', 'subject_id', 'charge_id', 'visit_code', 'cpt_hcpcs', 'service_date'] as const;

/** A stable text key of a finding (field order fixed), for set comparison and sorting. */
export function findingKey(f: Finding): string {
  return FINDING_FIELDS.map((field) => f[field] ?? '').join('\u0001');
}

/** Sorts findings by rule, study, subject, charge, visit, code and date (blank first), comparing code points. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort((a, b) => {
    for (const field of FINDING_FIELDS) {
      const c = cmp(a[field] ?? '', b[field] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Re-creates a finding with its fields in the fixed order, so JSON output does not depend on how it was built. */
export function canonicalFinding(f: Finding): Finding {
  return {
    rule: f.rule,
    study_id: f.study_id,
    subject_id: f.subject_id,
    charge_id: f.charge_id,
    visit_code: f.visit_code,
    cpt_hcpcs: f.cpt_hcpcs,
    service_date: f.service_date,
  };
}
