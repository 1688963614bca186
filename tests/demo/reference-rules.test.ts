/**
 * The oracle itself, on a hand-made package small enough to check by reading: each charge is built to
 * fire (or, for the clean ones, not fire) specific rules of the table.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarRow, ChargeRow, DemoPackage, StudyRow, SubjectRow } from '../../scripts/demo/model.ts';
import { referenceFindings } from '../../scripts/demo/reference-rules.ts';

const study = (id: string, nct: string | null, ide: string | null, qualifying: boolean): StudyRow => ({
  study_id: id,
  protocol_number: id,
  title: id,
  sponsor: 'S',
  nct_number: nct,
  ide_number: ide,
  qualifying_trial: qualifying,
  overhead_pct: 2600,
  holdback_pct: 1000,
  payment_terms_days: 45,
});

const row = (studyId: string, visit: string, day: number, before: number, after: number, cpt: string, designation: CalendarRow['designation'], price: number | null, free = false, pre = false): CalendarRow => ({
  study_id: studyId,
  arm: 'A',
  visit_code: visit,
  visit_name: visit,
  visit_day: day,
  window_before_days: before,
  window_after_days: after,
  cpt_hcpcs: cpt,
  procedure_name: cpt,
  designation,
  sponsor_price: price,
  requires_preapproval: pre,
  promised_free: free,
  justification: null,
});

const subject = (studyId: string, id: string, mrn: string, payer: SubjectRow['payer_type'], consent = '2025-02-20', start: string | null = '2025-03-01', off: string | null = null): SubjectRow => ({
  study_id: studyId,
  subject_id: id,
  mrn,
  arm: start === null ? null : 'A',
  consent_date: consent,
  start_date: start,
  off_study_date: off,
  payer_type: payer,
  status: off === null ? 'ENROLLED' : 'OFF_STUDY',
});

/** A clean Medicare outpatient professional line of the qualifying study; overrides break one thing at a time. */
const charge = (id: string, mrn: string, date: string, cpt: string, over: Partial<ChargeRow> = {}): ChargeRow => ({
  charge_id: id,
  account_id: 'HAR1',
  mrn,
  service_date: date,
  cpt_hcpcs: cpt,
  modifiers: ['Q1'],
  units: 1,
  charge_amount: 10_000,
  revenue_code: null,
  dx_codes: ['C34.90', 'Z00.6'],
  bill_to: 'INSURANCE',
  payer_name: 'Medicare Part B',
  payer_type: 'MEDICARE',
  claim_type: 'PROFESSIONAL',
  setting: 'OUTPATIENT',
  nct_on_claim: '09912345',
  ide_on_claim: null,
  condition_codes: [],
  ...over,
});

const pkg: DemoPackage = {
  studies: [study('Q', 'NCT09912345', null, true), study('D', 'NCT09923456', 'G123456', true), study('N', null, null, false)],
  calendar: [
    row('Q', 'V1', 0, 0, 3, '80053', 'SOC', null),
    row('Q', 'V1', 0, 0, 3, '71260', 'SPONSOR', 10_000, true),
    row('Q', 'V1', 0, 0, 3, 'J9999', 'NOT_BILLABLE', null),
    row('Q', 'V1', 0, 0, 3, '32408', 'SPONSOR', 50_000, false, true),
    row('Q', 'V2', 21, 3, 3, '80053', 'SOC', 4_000),
    row('D', 'PROC', 0, 0, 0, '33418', 'INVESTIGATIONAL', null),
    row('N', 'BASE', 0, 0, 14, '99214', 'SOC', null),
  ],
  invoiceables: [],
  subjects: [
    subject('Q', 'Q-1', 'MRN1', 'MEDICARE'),
    subject('Q', 'Q-2', 'MRN2', 'MEDICARE_ADVANTAGE'),
    subject('D', 'D-1', 'MRN3', 'MEDICARE'),
    subject('N', 'N-1', 'MRN4', 'MEDICARE', '2025-03-01', '2025-03-01', '2025-06-30'),
  ],
  visits: [{ study_id: 'Q', subject_id: 'Q-1', visit_code: 'V1', visit_date: '2025-03-01', status: 'COMPLETED' }],
  approvals: [],
  invoices: [{ study_id: 'Q', invoice_number: 'INV-1', subject_id: 'Q-2', visit_code: 'V1', cpt_hcpcs: '80053', service_date: '2025-03-02', amount: 1000 }],
  charges: [
    charge('C01', 'MRN1', '2025-03-01', '80053'), // clean
    charge('C02', 'MRN1', '2025-03-03', '80053', { modifiers: [], dx_codes: ['C34.90'] }), // MOD-08 + DX-09
    charge('C03', 'MRN1', '2025-03-01', '71260'), // RSH-02 + ICF-04
    charge('C04', 'MRN1', '2025-03-10', '80053'), // WIN-18: between V1 [03-01..03-04] and V2 [03-19..03-25]
    charge('C05', 'MRN1', '2025-01-05', '71260', { bill_to: 'STUDY', modifiers: [] }), // ENR-26: before consent
    charge('C06', 'MRN1', '2025-03-01', '80053', { account_id: 'HAR9' }), // DUP-28 of C01
    charge('C07', 'MRN9', '2025-04-01', '71260', { bill_to: 'STUDY' }), // ENR-26, no enrolment
    charge('C08', 'MRN1', '2025-03-01', 'J9999', { bill_to: 'STUDY', modifiers: [] }), // FREE-05 (whoever pays)
    charge('C09', 'MRN1', '2025-03-01', '32408', { bill_to: 'STUDY', modifiers: [] }), // PRE-27
    charge('C10', 'MRN2', '2025-03-02', '80053', { payer_type: 'MEDICARE_ADVANTAGE' }), // MA-13 + DBL-03
    charge('C11', 'MRN1', '2025-03-22', '80053', { bill_to: 'STUDY', modifiers: [] }), // priced SOC to STUDY: no SOC-29
    charge('C12', 'MRN1', '2025-03-02', '80053', { bill_to: 'STUDY', modifiers: [] }), // SOC-29
    charge('C13', 'MRN3', '2025-03-01', '33418', { setting: 'INPATIENT', claim_type: 'INSTITUTIONAL', modifiers: [], condition_codes: ['30'], ide_on_claim: 'G123456', nct_on_claim: '09923456' }), // clean
    charge('C14', 'MRN3', '2025-03-01', '33418', { modifiers: ['Q0'], nct_on_claim: '99999999' }), // NCT-11 + IDE-12
    charge('C15', 'MRN4', '2025-03-05', '99213', { modifiers: [], dx_codes: ['I50.22', 'Z00.6'] }), // QCT-01 (no calendar code)
    charge('C16', 'MRN4', '2025-07-05', '99214', { modifiers: ['Q1'], dx_codes: ['I50.22'] }), // after off-study: nothing
    charge('C17', 'MRN1', '2025-03-01', '80053', { setting: 'INPATIENT', claim_type: 'INSTITUTIONAL', modifiers: [], condition_codes: [] }), // CC-10 only
  ],
};

describe('reference rules', () => {
  it('fires exactly the planted rules on a hand-made package', () => {
    const got = referenceFindings(pkg).map((f) => `${f.rule} ${f.study_id ?? '-'} ${f.subject_id ?? '-'} ${f.charge_id ?? '-'} ${f.visit_code ?? '-'} ${f.cpt_hcpcs} ${f.service_date ?? '-'}`);
    expect(got).toEqual([
      'ALIGN-15 Q - - V2 80053 -',
      'CC-10 Q Q-1 C17 V1 80053 2025-03-01',
      'DBL-03 Q Q-2 C10 V1 80053 2025-03-02',
      'DUP-28 Q Q-1 C06 V1 80053 2025-03-01',
      'DX-09 Q Q-1 C02 V1 80053 2025-03-03',
      'ENR-26 - - C07 - 71260 2025-04-01',
      'ENR-26 Q Q-1 C05 - 71260 2025-01-05',
      'FREE-05 Q Q-1 C08 V1 J9999 2025-03-01',
      'ICF-04 Q Q-1 C03 V1 71260 2025-03-01',
      'IDE-12 D D-1 C14 PROC 33418 2025-03-01',
      'INVC-20 Q Q-1 - V1 71260 2025-03-01',
      'MA-13 Q Q-2 C10 V1 80053 2025-03-02',
      'MOD-08 Q Q-1 C02 V1 80053 2025-03-03',
      'NCT-11 D D-1 C14 PROC 33418 2025-03-01',
      'PRE-27 Q Q-1 C09 V1 32408 2025-03-01',
      'QCT-01 N N-1 C15 - 99213 2025-03-05',
      'RSH-02 Q Q-1 C03 V1 71260 2025-03-01',
      'SOC-29 Q Q-1 C12 V1 80053 2025-03-02',
      'WIN-18 Q Q-1 C04 - 80053 2025-03-10',
    ]);
  });
});
