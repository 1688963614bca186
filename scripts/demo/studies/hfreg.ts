/**
 * Study (c): an observational heart-failure registry. No investigational item and no therapeutic
 * intent, so NOT a qualifying trial: routine care is billed to insurance as if the patient were not
 * enrolled, with no Q0/Q1, no Z00.6 and no trial number (QCT-01 catches claims that carry them anyway).
 * Registry-only tests are paid by the sponsor.
 */
import { calendarRows, invoiceable, item, pct, visit, type StudyDef } from './study-def.ts';

const ID = 'HFREG-01';

const em = item('99214', 'SOC', null, 'Heart-failure clinic visit; standard care, billed as if not enrolled');
const bnp = item('83880', 'SOC', null, 'NT-proBNP ordered by the treating cardiologist; standard care');
const cmp = item('80053', 'SOC', null, 'Chemistry on guideline-directed therapy; standard care');
const walk = item('94618', 'SPONSOR', '95.00', 'Six-minute walk test collected for the registry only');

const visits = [
  visit('BASE', 'Enrolment', 0, 0, 14, [
    em,
    item('93306', 'SOC', null, 'Baseline echo documenting reduced ejection fraction; standard care'),
    bnp,
    cmp,
    walk,
    item('36415', 'SPONSOR', '15.00', 'Venipuncture for the registry biobank sample'),
  ]),
  visit('M6', '6-month follow-up', 182, 30, 30, [
    em,
    bnp,
    cmp,
    walk,
    item('36415', 'SPONSOR', null, 'Biobank draw at 6 months: protocol-required, but the CTA budget has no line for it'),
  ]),
  visit('M12', '12-month follow-up', 365, 30, 30, [
    em,
    item('93306', 'SOC', null, 'Annual echo; standard care'),
    bnp,
    cmp,
    walk,
    item('36415', 'SPONSOR', '15.00', 'Venipuncture for the registry biobank sample'),
  ]),
];

export const HFREG: StudyDef = {
  study: {
    study_id: ID,
    protocol_number: 'MCRF-HF-REG',
    title: 'HF-OUTCOMES: A Prospective Observational Registry of Patients with Heart Failure with Reduced Ejection Fraction',
    sponsor: 'Meridian Cardiovascular Research Foundation',
    nct_number: 'NCT09934567',
    ide_number: null,
    qualifying_trial: false,
    overhead_pct: pct(30),
    holdback_pct: pct(10),
    payment_terms_days: 45,
  },
  calendar: calendarRows(ID, 'REGISTRY', visits),
  invoiceables: [
    invoiceable(ID, 'STARTUP', 'Registry start-up fee (non-refundable)', '5000.00', 'ONE_TIME', true, false),
    invoiceable(ID, 'IRB-INIT', 'IRB initial review fee (pass-through)', '2800.00', 'ONE_TIME', true, true),
    invoiceable(ID, 'IRB-CONT', 'IRB continuing review fee (pass-through)', '1500.00', 'PER_OCCURRENCE', true, true),
    invoiceable(ID, 'CLOSEOUT', 'Registry close-out fee', '1500.00', 'ONE_TIME', true, false),
  ],
  subjectPrefix: '301-',
  arms: ['REGISTRY'],
  statusCounts: { SCREENING: 0, SCREEN_FAILED: 0, ENROLLED: 37, OFF_STUDY: 7 },
  payerCounts: { MEDICARE: 20, MEDICARE_ADVANTAGE: 9, COMMERCIAL: 8, MEDICAID: 4, SELF_PAY: 3 },
  consentRange: ['2025-01-06', '2025-11-28'],
  screeningConsentRange: ['2025-12-01', '2025-12-19'],
  startAfterConsent: [0, 0],
  offAfterStart: [30, 250],
  screeningVisit: null,
  inpatientVisits: [],
  dx: { primary: ['I50.22', 'I11.0', 'I13.0'], secondary: ['N18.30', 'E11.9', 'I48.91', 'E78.5'] },
  background: {
    before: ['99214', '93306', '83880', '80048'],
    during: ['99213', '80048', '84132', '85610', '93000', '71046', '82565'],
    after: ['99214', '80048', '84132', '93306'],
  },
  researchCodes: ['94618', '36415'],
  misalignedRows: ['REGISTRY/M6/36415'],
};
