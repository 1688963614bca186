/**
 * Study (b): a Category B IDE pivotal device study (IDE G123456), qualifying under the CMS IDE
 * coverage approval. The implant procedure is billed with Q0; the device itself is supplied free by
 * the sponsor (NOT_BILLABLE). Every trial claim carries the IDE number, and Medicare Advantage enrollees
 * are billed to their MA plan (the plan, not the MAC, pays IDE study claims).
 */
import { calendarRows, invoiceable, item, pct, visit, type StudyDef } from './study-def.ts';

const ID = 'TMVR-22';

const ntprobnp = item('83880', 'SPONSOR', '68.00', 'NT-proBNP for the protocol endpoint, sent to the core lab');
const walk = item('94618', 'SPONSOR', '95.00', 'Six-minute walk test, protocol endpoint');

const visits = [
  visit('SCR', 'Screening', -21, 9, 20, [
    item('99204', 'SOC', null, 'Structural heart clinic evaluation; standard care for severe MR'),
    item('93306', 'SOC', null, 'Transthoracic echo documenting severe MR; standard care'),
    item('93312', 'CONDITIONAL', '520.00', 'Screening TEE: routine when needed for anatomy; the consent lists it as a free research test', { free: true }),
    item('75574', 'SPONSOR', '780.00', 'Cardiac CT for core-lab anatomical screening, protocol-only'),
    item('93458', 'CONDITIONAL', '2400.00', 'Coronary angiography: routine if not done within 12 months, otherwise protocol-driven'),
    item('80053', 'SOC', null, 'Pre-procedure chemistry'),
    item('85025', 'SOC', null, 'Pre-procedure blood count'),
    ntprobnp,
    walk,
    item('93000', 'SOC', null, 'Baseline ECG, standard before structural intervention'),
  ]),
  visit('PROC', 'Index procedure', 0, 0, 0, [
    item('33418', 'INVESTIGATIONAL', null, 'Implant of the investigational device; Category B IDE approved by CMS, billed with Q0'),
    item('C1889', 'NOT_BILLABLE', null, 'Study device supplied at no charge by the sponsor; never billed', { free: true }),
    item('93355', 'SOC', null, 'Intra-procedural TEE guidance; routine for transcatheter repair'),
    item('99223', 'SOC', null, 'Admission history and physical'),
  ]),
  visit('DISCH', 'Discharge', 1, 0, 3, [
    item('93306', 'SOC', null, 'Pre-discharge echo, standard after mitral repair'),
    item('80053', 'SOC', null, 'Post-procedure chemistry'),
    item('85025', 'SOC', null, 'Post-procedure blood count'),
    item('71046', 'SOC', null, 'Post-procedure chest X-ray'),
    item('93000', 'SOC', null, 'Post-procedure ECG'),
    item('99238', 'SOC', null, 'Discharge day management'),
  ]),
  visit('D30', '30-day follow-up', 30, 7, 7, [
    item('99214', 'SOC', null, 'Post-procedure follow-up visit; standard care'),
    item('93306', 'SOC', '540.00', '30-day echo is standard care, yet the CTA budget also pays for it'),
    item('93000', 'SOC', null, 'Follow-up ECG'),
    ntprobnp,
    walk,
  ]),
  visit('M6', '6-month follow-up', 182, 14, 28, [
    item('99214', 'SOC', null, 'Follow-up visit; standard care'),
    item('93306', 'SPONSOR', '540.00', '6-month echo is protocol-only: standard follow-up echo is yearly'),
    ntprobnp,
    walk,
    item('93224', 'SPONSOR', '210.00', 'Holter only when arrhythmia is suspected; sponsor approval needed', { preapproval: true }),
  ]),
  visit('M12', '12-month follow-up', 365, 30, 30, [
    item('99214', 'SOC', null, 'Annual follow-up visit; standard care'),
    item('93306', 'SOC', null, 'Annual echo; standard care'),
    item('93000', 'SOC', null, 'Annual ECG'),
    ntprobnp,
    walk,
  ]),
];

export const TMVR: StudyDef = {
  study: {
    study_id: ID,
    protocol_number: 'CVT-TL-022',
    title:
      'TRILEAF: A Prospective, Multicenter, Single-Arm Pivotal Study of the Corvant TriLeaf Transcatheter Mitral Valve Repair System in Symptomatic Degenerative Mitral Regurgitation',
    sponsor: 'Corvant Medical, Inc.',
    nct_number: 'NCT09923456',
    ide_number: 'G123456',
    qualifying_trial: true,
    overhead_pct: pct(28),
    holdback_pct: pct(10),
    payment_terms_days: 60,
  },
  calendar: calendarRows(ID, 'TREATMENT', visits),
  invoiceables: [
    invoiceable(ID, 'STARTUP', 'Study start-up fee (non-refundable)', '15000.00', 'ONE_TIME', true, false),
    invoiceable(ID, 'IRB-INIT', 'IRB initial review fee (pass-through)', '3200.00', 'ONE_TIME', true, true),
    invoiceable(ID, 'IRB-CONT', 'IRB continuing review fee (pass-through)', '1600.00', 'PER_OCCURRENCE', true, true),
    invoiceable(ID, 'CATH-SETUP', 'Cath lab and core-lab imaging set-up', '1500.00', 'ONE_TIME', false, false),
    invoiceable(ID, 'SCRFAIL', 'Screen failure (anatomy not suitable)', '1200.00', 'SCREEN_FAILURE', false, false),
    invoiceable(ID, 'SAE', 'Serious adverse event report', '400.00', 'PER_OCCURRENCE', false, false),
    invoiceable(ID, 'CLOSEOUT', 'Study close-out fee', '2500.00', 'ONE_TIME', true, false),
  ],
  subjectPrefix: '201-',
  arms: ['TREATMENT'],
  statusCounts: { SCREENING: 2, SCREEN_FAILED: 8, ENROLLED: 21, OFF_STUDY: 5 },
  payerCounts: { MEDICARE: 20, MEDICARE_ADVANTAGE: 9, COMMERCIAL: 5, MEDICAID: 2, SELF_PAY: 0 },
  consentRange: ['2025-01-13', '2025-11-14'],
  screeningConsentRange: ['2025-12-01', '2025-12-19'],
  startAfterConsent: [14, 28],
  offAfterStart: [12, 200],
  screeningVisit: 'SCR',
  inpatientVisits: ['PROC', 'DISCH'],
  dx: { primary: ['I34.0', 'I34.1'], secondary: ['I50.22', 'I48.91', 'N18.30', 'I10'] },
  background: {
    before: ['99204', '93306', '93000', '71046', '80048', '85025'],
    during: ['99213', '80048', '84132', '85610', '36415', '82565'],
    after: ['99214', '93306', '80048', '85610'],
  },
  researchCodes: ['75574', '83880', '94618'],
  misalignedRows: ['TREATMENT/SCR/93312', 'TREATMENT/D30/93306'],
};
