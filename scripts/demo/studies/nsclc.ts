/**
 * Study (a): an NCI-funded cooperative-group phase III drug trial, so a qualifying trial under
 * NCD 310.1 (deemed: federally funded). Two arms, Medicare-heavy population. The investigational
 * antibody is supplied free by its manufacturer (NOT_BILLABLE); its administration is billed with Q0;
 * everything else routine is billed with Q1.
 */
import { calendarRows, invoiceable, item, pct, visit, type ItemSpec, type StudyDef, type VisitSpec } from './study-def.ts';

const ID = 'NSCLC-301';

const em = item('99214', 'SOC', null, 'Treating oncologist visit each cycle; standard care');
const cmp = item('80053', 'SOC', null, 'Routine chemistry before each cycle of platinum doublet');
const cbc = item('85025', 'SOC', null, 'Routine blood count before each cycle');
const infusion = item('96413', 'SOC', null, 'Administration of standard chemotherapy');
const carboplatin = item('J9045', 'SOC', null, 'Carboplatin AUC 5, standard first-line doublet, cycles 1-4');
const pemetrexed = item('J9305', 'SOC', null, 'Pemetrexed 500 mg/m2, standard induction and maintenance');
const velarimab = item('J9999', 'NOT_BILLABLE', null, 'Investigational antibody supplied free by the manufacturer; never billed', { free: true });
const velarimabAdmin = item('96417', 'INVESTIGATIONAL', null, 'Administration of the investigational agent; billed with Q0 per institutional policy');
const pk = item('80299', 'SPONSOR', '85.00', 'Pharmacokinetic sample, protocol-only; consent says research blood tests are free', { free: true });
const ecgArmA = item('93000', 'SOC', '62.00', 'ECG on C1D1 for QTc: grid says routine, yet the budget also pays for it');
const tshOnTreatment = item('84443', 'SPONSOR', null, 'Thyroid monitoring on velarimab, protocol-required; missing from the CTA budget');
const biopsy = item('32408', 'SPONSOR', '1450.00', 'Optional on-treatment research biopsy; sponsor approval needed; consent promises no cost', { preapproval: true, free: true });
const pathology = item('88305', 'SPONSOR', '145.00', 'Pathology of the research biopsy; sponsor approval needed', { preapproval: true, free: true });

const screening: ItemSpec[] = [
  item('99215', 'SOC', null, 'Work-up visit before first-line treatment; standard care'),
  item('80053', 'SOC', null, 'Pre-treatment chemistry; standard before platinum chemotherapy'),
  item('85025', 'SOC', null, 'Pre-treatment blood count; standard before chemotherapy'),
  item('80061', 'SPONSOR', '42.00', 'Fasting lipid panel for protocol eligibility only'),
  item('84443', 'SPONSOR', '32.00', 'Baseline TSH for immune-related adverse-event monitoring; protocol-only'),
  item('71260', 'SOC', null, 'Baseline staging CT chest (NCCN)'),
  item('74177', 'SOC', null, 'Baseline staging CT abdomen/pelvis (NCCN)'),
  item('78815', 'CONDITIONAL', '1850.00', 'Routine when no PET in the last 60 days; otherwise done for the protocol and invoiced'),
  item('93306', 'CONDITIONAL', '540.00', 'Routine with cardiac history; otherwise an eligibility test paid by the sponsor'),
  item('93000', 'SPONSOR', '62.00', 'Baseline QTc required by the protocol'),
];

function cycle(code: string, name: string, day: number, armA: boolean, extra: { doublet: boolean; pk?: boolean; biopsy?: boolean; tsh?: boolean; ecg?: boolean }): VisitSpec {
  const items: ItemSpec[] = [em, cmp, cbc, infusion];
  if (extra.doublet) items.push(carboplatin);
  items.push(pemetrexed);
  if (armA) items.push(velarimab, velarimabAdmin);
  if (armA && extra.pk) items.push(pk);
  if (armA && extra.ecg) items.push(ecgArmA);
  if (armA && extra.tsh) items.push(tshOnTreatment);
  if (extra.biopsy) items.push(biopsy, pathology);
  return visit(code, name, day, day === 0 ? 0 : 3, 3, items);
}

function restaging(code: string, n: number, day: number, extraScan: boolean, armA: boolean): VisitSpec {
  const items: ItemSpec[] = [
    item('71260', 'SOC', null, 'Restaging CT chest every 6 weeks, standard during first-line therapy'),
    extraScan
      ? item('74177', 'SPONSOR', '610.00', 'Abdominal CT at this time point exceeds standard frequency (SOC every 12 weeks)')
      : item('74177', 'SOC', null, 'Restaging CT abdomen/pelvis every 12 weeks, standard'),
  ];
  if (armA && n === 2) {
    items.push(item('78815', 'CONDITIONAL', '1850.00', 'Confirmatory PET when response is equivocal; the consent lists it as a free research scan', { free: true }));
  }
  return visit(code, `Restaging ${n}`, day, 7, 7, items);
}

function armVisits(armA: boolean): VisitSpec[] {
  return [
    visit('SCR', 'Screening', -14, 14, 13, screening),
    cycle('C1D1', 'Cycle 1 Day 1', 0, armA, { doublet: true, pk: true, ecg: true }),
    cycle('C2D1', 'Cycle 2 Day 1', 21, armA, { doublet: true, pk: true }),
    cycle('C3D1', 'Cycle 3 Day 1', 42, armA, { doublet: true, biopsy: true }),
    cycle('C4D1', 'Cycle 4 Day 1', 63, armA, { doublet: true, tsh: true }),
    cycle('C5D1', 'Cycle 5 Day 1 (maintenance)', 84, armA, { doublet: false }),
    cycle('C6D1', 'Cycle 6 Day 1 (maintenance)', 105, armA, { doublet: false }),
    cycle('C7D1', 'Cycle 7 Day 1 (maintenance)', 126, armA, { doublet: false }),
    cycle('C8D1', 'Cycle 8 Day 1 (maintenance)', 147, armA, { doublet: false }),
    restaging('RS1', 1, 42, false, armA),
    restaging('RS2', 2, 84, true, armA),
    restaging('RS3', 3, 126, false, armA),
    restaging('RS4', 4, 168, true, armA),
  ];
}

export const NSCLC: StudyDef = {
  study: {
    study_id: ID,
    protocol_number: 'NOCG-L301',
    title:
      'A Randomized Phase III Trial of Carboplatin and Pemetrexed With or Without Velarimab in Previously Untreated Metastatic Non-Squamous Non-Small Cell Lung Cancer',
    sponsor: 'Northstar Oncology Cooperative Group',
    nct_number: 'NCT09912345',
    ide_number: null,
    qualifying_trial: true,
    overhead_pct: pct(26),
    holdback_pct: pct(10),
    payment_terms_days: 45,
  },
  calendar: [...calendarRows(ID, 'A', armVisits(true)), ...calendarRows(ID, 'B', armVisits(false))],
  invoiceables: [
    invoiceable(ID, 'STARTUP', 'Study start-up fee (non-refundable)', '12000.00', 'ONE_TIME', true, false),
    invoiceable(ID, 'IRB-INIT', 'IRB initial review fee (pass-through)', '3500.00', 'ONE_TIME', true, true),
    invoiceable(ID, 'IRB-CONT', 'IRB continuing review fee (pass-through)', '1800.00', 'PER_OCCURRENCE', true, true),
    invoiceable(ID, 'PHARM-SETUP', 'Investigational pharmacy set-up', '2500.00', 'ONE_TIME', false, false),
    invoiceable(ID, 'SCRFAIL', 'Screen failure (up to 1 per 3 randomised)', '850.00', 'SCREEN_FAILURE', false, false),
    invoiceable(ID, 'SAE', 'Serious adverse event report', '350.00', 'PER_OCCURRENCE', false, false),
    invoiceable(ID, 'RECONSENT', 'Re-consent after protocol amendment', '150.00', 'PER_OCCURRENCE', false, false),
    invoiceable(ID, 'CLOSEOUT', 'Study close-out fee', '3000.00', 'ONE_TIME', true, false),
  ],
  subjectPrefix: '101-',
  arms: ['A', 'B'],
  statusCounts: { SCREENING: 3, SCREEN_FAILED: 7, ENROLLED: 21, OFF_STUDY: 9 },
  payerCounts: { MEDICARE: 17, MEDICARE_ADVANTAGE: 9, COMMERCIAL: 9, MEDICAID: 3, SELF_PAY: 2 },
  consentRange: ['2025-01-06', '2025-10-31'],
  screeningConsentRange: ['2025-12-08', '2025-12-26'],
  startAfterConsent: [10, 24],
  offAfterStart: [50, 175],
  screeningVisit: 'SCR',
  inpatientVisits: [],
  dx: { primary: ['C34.90', 'C34.11', 'C34.12', 'C34.31', 'C34.32'], secondary: ['C78.00', 'C79.51', 'E11.9', 'I10', 'J44.9'], infusionPrimary: 'Z51.11' },
  background: {
    before: ['99205', '71260', '78815', '32408', '88305', '80053', '85025', '70553'],
    during: ['99213', '80048', '84132', '83735', '36415', '71046', '96360', 'J1100', '85610'],
    after: ['99214', '80053', '85025', '71260', '74177', '96413', '96375', 'J9305', 'J2405'],
  },
  researchCodes: ['74177', '93000', '84443', '80299'],
  misalignedRows: ['A/C1D1/93000', 'A/C4D1/84443', 'A/RS2/78815'],
};
