/**
 * The study package: the exact files and columns TrialLedger accepts (docs/study-package.md is
 * generated from the same facts and checked against them by a test). A package is a folder of CSV
 * files or one .xlsx workbook with a sheet per file; only studies.csv is required.
 */
import {
  BILL_TO,
  CLAIM_TYPES,
  DESIGNATIONS,
  INVOICEABLE_KINDS,
  PAYER_TYPES,
  SETTINGS,
  SUBJECT_STATUSES,
  VISIT_STATUSES,
} from '../domain/codes.ts';
import { normalizeIcd10, type CellKind } from './cell-parsers.ts';

export const PACKAGE_FILE_KINDS = [
  'studies',
  'calendar',
  'invoiceables',
  'subjects',
  'visits',
  'approvals',
  'invoices',
  'charges',
] as const;
export type PackageFileKind = (typeof PACKAGE_FILE_KINDS)[number];

export interface ColumnSpec {
  readonly name: string;
  readonly kind: CellKind;
  readonly required: boolean;
  readonly description: string;
  readonly example: string;
  /** The column identifies a patient (MRN, account number): its values never appear in messages or logs. */
  readonly phi?: boolean;
}

export interface FileSpec {
  readonly kind: PackageFileKind;
  readonly fileName: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose values together identify a row; a repeat within the file is a duplicate-key error. */
  readonly key: readonly string[];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;
export const CPT_HCPCS = /^[A-Z0-9]{5}$/;
export const NCT_NUMBER = /^NCT\d{8}$/;
export const IDE_NUMBER = /^[A-Z]\d{6}$/;

const studyId: ColumnSpec = {
  name: 'study_id',
  kind: { type: 'text', maxLength: 40, pattern: ID, hint: 'an identifier (letters, digits, . _ - /)' },
  required: true,
  description: 'The study this row belongs to; must be in studies.csv of this package or already imported.',
  example: 'ONC-2024-01',
};
const subjectId: ColumnSpec = {
  name: 'subject_id',
  kind: { type: 'text', maxLength: 40, pattern: ID, hint: 'an identifier (letters, digits, . _ - /)' },
  required: true,
  description: 'Study subject number (appears on sponsor invoices; never the MRN).',
  example: '001-004',
};
const cpt: ColumnSpec = {
  name: 'cpt_hcpcs',
  kind: { type: 'text', maxLength: 5, pattern: CPT_HCPCS, hint: 'a 5-character CPT or HCPCS code', upper: true },
  required: true,
  description: 'CPT or HCPCS Level II procedure code.',
  example: '80053',
};
const yn = (name: string, description: string): ColumnSpec => ({
  name,
  kind: { type: 'yn' },
  required: true,
  description,
  example: 'N',
});
const date = (name: string, required: boolean, description: string, example = '2025-03-14'): ColumnSpec => ({
  name,
  kind: { type: 'date' },
  required,
  description,
  example,
});
const text = (name: string, required: boolean, description: string, example: string, maxLength = 200): ColumnSpec => ({
  name,
  kind: { type: 'text', maxLength },
  required,
  description,
  example,
});
const oneOf = (name: string, values: readonly string[], description: string, required = true): ColumnSpec => ({
  name,
  kind: { type: 'enum', values },
  required,
  description,
  example: values[0] ?? '',
});

export const FILE_SPECS: Readonly<Record<PackageFileKind, FileSpec>> = {
  studies: {
    kind: 'studies',
    fileName: 'studies.csv',
    title: 'Studies and CTA terms',
    description: 'One row per study: identifiers, qualifying-trial status and the CTA payment terms.',
    key: ['study_id'],
    columns: [
      { ...studyId, description: 'Your identifier for the study; every other file refers to it.' },
      text('protocol_number', true, 'Sponsor protocol number.', 'BX-301', 60),
      text('title', true, 'Study title.', 'A Phase III Study of Drug X in Metastatic Colorectal Cancer', 400),
      text('sponsor', true, 'Sponsor (the party invoiced).', 'Bexley Pharmaceuticals', 200),
      {
        name: 'nct_number',
        kind: { type: 'text', maxLength: 11, pattern: NCT_NUMBER, hint: "'NCT' followed by 8 digits", upper: true },
        required: false,
        description: 'ClinicalTrials.gov number, NCT + 8 digits; required for a qualifying trial (CR 8401).',
        example: 'NCT01234567',
      },
      {
        name: 'ide_number',
        kind: { type: 'text', maxLength: 7, pattern: IDE_NUMBER, hint: 'a 7-character IDE number such as G123456', upper: true },
        required: false,
        description: 'FDA Investigational Device Exemption number; blank unless a device study.',
        example: '',
      },
      yn('qualifying_trial', 'Y when the coverage analysis found a qualifying trial under NCD 310.1.'),
      { name: 'overhead_pct', kind: { type: 'percent' }, required: true, description: 'Overhead (F&A) added to invoiced items, in percent.', example: '26' },
      { name: 'holdback_pct', kind: { type: 'percent' }, required: true, description: 'Holdback the sponsor withholds until close-out, in percent.', example: '10' },
      { name: 'payment_terms_days', kind: { type: 'int', min: 0, max: 365 }, required: true, description: 'Days from invoice date to due date (Net N).', example: '45' },
    ],
  },
  calendar: {
    kind: 'calendar',
    fileName: 'calendar.csv',
    title: 'Calendar and billing grid',
    description: 'The coverage analysis: one row per arm x visit x procedure, with its designation and sponsor price.',
    key: ['study_id', 'arm', 'visit_code', 'cpt_hcpcs'],
    columns: [
      studyId,
      text('arm', true, 'Arm (treatment group) name.', 'A', 60),
      text('visit_code', true, 'Visit code as in the CTMS.', 'C1D1', 40),
      text('visit_name', true, 'Visit name.', 'Cycle 1 Day 1', 120),
      { name: 'visit_day', kind: { type: 'int', min: -3650, max: 36500 }, required: true, description: "Days after the subject's start date; negative for screening.", example: '0' },
      { name: 'window_before_days', kind: { type: 'int', min: 0, max: 3650 }, required: true, description: 'Days the visit may happen early.', example: '0' },
      { name: 'window_after_days', kind: { type: 'int', min: 0, max: 3650 }, required: true, description: 'Days the visit may happen late.', example: '3' },
      cpt,
      text('procedure_name', true, 'Procedure name.', 'Comprehensive metabolic panel', 200),
      oneOf('designation', DESIGNATIONS, 'SOC | SPONSOR | NOT_BILLABLE | INVESTIGATIONAL | CONDITIONAL.'),
      { name: 'sponsor_price', kind: { type: 'money' }, required: false, description: 'CTA price the sponsor pays for this item, in dollars; blank when none.', example: '45.00' },
      yn('requires_preapproval', 'Y when the sponsor must approve this item before it is done.'),
      yn('promised_free', 'Y when the consent form promises this item at no cost to the subject.'),
      text('justification', false, 'Coverage-analysis rationale for the designation.', 'Protocol-required; not SOC at this frequency', 1000),
    ],
  },
  invoiceables: {
    kind: 'invoiceables',
    fileName: 'invoiceables.csv',
    title: 'CTA invoiceable items',
    description: 'Fees outside the visit schedule: start-up, IRB, screen failures, per-occurrence items.',
    key: ['study_id', 'item_code'],
    columns: [
      studyId,
      text('item_code', true, 'Item code.', 'STARTUP', 40),
      text('description', true, 'Description as it appears on the invoice.', 'Study start-up fee', 200),
      { name: 'amount', kind: { type: 'money' }, required: true, description: 'CTA amount in dollars.', example: '5000.00' },
      oneOf('kind', INVOICEABLE_KINDS, 'ONE_TIME | PER_OCCURRENCE | SCREEN_FAILURE.'),
      yn('holdback_exempt', 'Y when the holdback does not apply to this item.'),
      yn('overhead_exempt', 'Y when overhead is not added to this item.'),
    ],
  },
  subjects: {
    kind: 'subjects',
    fileName: 'subjects.csv',
    title: 'Subjects and enrolments',
    description: 'One row per subject per study. The MRN links hospital charges to the subject; it never leaves the machine.',
    key: ['study_id', 'subject_id'],
    columns: [
      studyId,
      subjectId,
      {
        name: 'mrn',
        kind: { type: 'text', maxLength: 20, pattern: /^[A-Za-z0-9-]+$/, hint: 'a medical record number (letters, digits, -)', upper: true },
        required: true,
        description: 'Medical record number, as on the hospital charge export.',
        example: 'MRN0042',
        phi: true,
      },
      text('arm', false, 'Arm; blank only while SCREENING or when SCREEN_FAILED.', 'A', 60),
      date('consent_date', true, 'Date the subject signed consent; the study period starts here.'),
      date('start_date', false, 'Day 0 of the calendar; required once ENROLLED.', '2025-03-20'),
      date('off_study_date', false, 'Last day on study; blank while on study.', ''),
      oneOf('payer_type', PAYER_TYPES, "The subject's primary coverage."),
      oneOf('status', SUBJECT_STATUSES, 'SCREENING | ENROLLED | SCREEN_FAILED | OFF_STUDY.'),
    ],
  },
  visits: {
    kind: 'visits',
    fileName: 'visits.csv',
    title: 'CTMS visit tracking',
    description: 'Visits the CTMS recorded as completed or missed.',
    key: ['study_id', 'subject_id', 'visit_code'],
    columns: [
      studyId,
      subjectId,
      text('visit_code', true, "A visit code of the subject's arm calendar.", 'C1D1', 40),
      date('visit_date', true, 'Date the visit happened (or was due, when missed).'),
      oneOf('status', VISIT_STATUSES, 'COMPLETED | MISSED.'),
    ],
  },
  approvals: {
    kind: 'approvals',
    fileName: 'approvals.csv',
    title: 'Sponsor pre-approvals',
    description: 'Sponsor approvals for optional procedures that require one.',
    key: ['study_id', 'subject_id', 'cpt_hcpcs', 'service_date'],
    columns: [studyId, subjectId, cpt, date('service_date', true, 'Date of service approved.'), text('approval_ref', true, 'Sponsor approval reference.', 'SPA-1182', 80)],
  },
  invoices: {
    kind: 'invoices',
    fileName: 'invoices.csv',
    title: 'Sponsor invoice lines already sent',
    description: 'Lines of invoices sent before TrialLedger, so nothing is billed twice.',
    key: ['study_id', 'invoice_number', 'subject_id', 'visit_code', 'cpt_hcpcs', 'service_date'],
    columns: [
      studyId,
      text('invoice_number', true, 'Invoice number as sent.', 'INV-ONC-2024-01-2025-003', 60),
      { ...subjectId, required: false, description: 'Subject billed; blank for a study-level item such as a start-up fee.' },
      text('visit_code', true, 'Calendar visit code, or the item_code of an invoiceable item.', 'C1D1', 40),
      { ...cpt, required: false, description: 'Procedure billed; blank for a visit fee or invoiceable item.' },
      date('service_date', true, 'Date of the visit or item.'),
      { name: 'amount', kind: { type: 'money' }, required: true, description: 'Amount invoiced in dollars (before overhead and holdback).', example: '450.00' },
    ],
  },
  charges: {
    kind: 'charges',
    fileName: 'charges.csv',
    title: 'Hospital charges',
    description: 'The hospital charge export. Other layouts import through a column-mapping profile.',
    key: ['charge_id'],
    columns: [
      text('charge_id', true, 'Unique charge line id from the billing system; a re-import with the same id updates the charge.', 'CHG-000001', 40),
      { ...text('account_id', true, 'Hospital account (claim) number.', 'HAR-88812', 40), phi: true },
      {
        name: 'mrn',
        kind: { type: 'text', maxLength: 20, pattern: /^[A-Za-z0-9-]+$/, hint: 'a medical record number (letters, digits, -)', upper: true },
        required: true,
        description: 'Medical record number.',
        example: 'MRN0042',
        phi: true,
      },
      date('service_date', true, 'Date of service.'),
      cpt,
      {
        name: 'modifiers',
        kind: { type: 'list', item: /^[A-Z0-9]{2}$/, hint: 'a 2-character modifier' },
        required: false,
        description: 'Line modifiers separated by `;` (Q0, Q1, ...).',
        example: 'Q1',
      },
      { name: 'units', kind: { type: 'int', min: 1, max: 99_999 }, required: true, description: 'Units of service.', example: '1' },
      { name: 'charge_amount', kind: { type: 'money' }, required: true, description: 'Charge amount in dollars.', example: '212.00' },
      {
        name: 'revenue_code',
        kind: { type: 'text', maxLength: 4, pattern: /^\d{3,4}$/, hint: 'a 3- or 4-digit revenue code' },
        required: false,
        description: 'UB-04 revenue code (institutional lines).',
        example: '0301',
      },
      {
        name: 'dx_codes',
        kind: { type: 'list', item: /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/, hint: 'an ICD-10-CM code such as Z00.6', normalize: normalizeIcd10 },
        required: false,
        description: 'ICD-10-CM diagnosis codes in claim order, primary first, separated by `;`.',
        example: 'C18.9;Z00.6',
      },
      oneOf('bill_to', BILL_TO, 'INSURANCE | STUDY | PATIENT: who the charge is routed to.'),
      text('payer_name', false, 'Payer name.', 'Medicare Part B', 120),
      oneOf('payer_type', PAYER_TYPES, 'Payer type of the account the charge is billed to.'),
      oneOf('claim_type', CLAIM_TYPES, 'PROFESSIONAL (837P / CMS-1500) | INSTITUTIONAL (837I / UB-04).'),
      oneOf('setting', SETTINGS, 'OUTPATIENT | INPATIENT.'),
      text('nct_on_claim', false, 'Clinical-trial number on the claim (837 REF*P4: the 8 digits).', '01234567', 20),
      text('ide_on_claim', false, 'IDE number on the claim (837 REF*LX).', '', 20),
      {
        name: 'condition_codes',
        kind: { type: 'list', item: /^[A-Z0-9]{2}$/, hint: 'a 2-character condition code' },
        required: false,
        description: 'Institutional condition codes separated by `;` (30 = qualifying clinical trial).',
        example: '30',
      },
    ],
  },
};

/** Finds which package file a file or sheet name is (`calendar.csv`, `Calendar`, `calendar.CSV`). */
export function packageFileKindOf(name: string): PackageFileKind | null {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '').trim().toLowerCase();
  return (PACKAGE_FILE_KINDS as readonly string[]).includes(base) ? (base as PackageFileKind) : null;
}
