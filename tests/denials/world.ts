/**
 * The denial tests' world: a qualifying drug trial (QT, NCT01234567), a qualifying device study (DV,
 * IDE G123456) and a non-qualifying registry (NQ), subjects on Medicare, Medicare Advantage and a
 * commercial plan, and the charges the trial 835 fixtures (tests/fixtures/x12/trial-*.835) pay or
 * deny by REF*6R, so linking and the engine's facts take part in triage.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { importRemittance } from '../../db/remit/import-835.ts';
import { triageRemitFile, type TriageSummary } from '../../db/denials/triage-file.ts';
import { world as engineWorld, type Charge } from '../engine/scenario.ts';

export const FIXED_NOW = (): Date => new Date('2024-04-20T12:00:00.000Z');
export const TODAY = '2024-04-20';
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'x12');

const STUDIES = [
  'QT,P-QT,A Phase III Trial of Drug Q,Sponsor A,NCT01234567,,Y,26,10,45',
  'DV,P-DV,A Pivotal Study of Device V,Sponsor B,NCT07654321,G123456,Y,26,10,45',
  'NQ,P-NQ,A Registry,Sponsor C,,,N,26,10,45',
];

// Visit V1 on the start date with a 30-day window after it: every March 2024 date matches.
const V1 = 'V1,Visit 1,0,0,30';
const CALENDAR = [
  `QT,A,${V1},99213,Office visit,SOC,,N,N,Standard follow-up visit`,
  `QT,A,${V1},85025,Blood count,SOC,,N,N,Monitoring of chemotherapy`,
  `QT,A,${V1},80053,Metabolic panel,SOC,,N,N,Standard chemistry before each cycle`,
  `QT,A,${V1},71260,CT chest,SOC,,N,N,Restaging scan every 9 weeks as in standard care`,
  `QT,A,${V1},36415,Venipuncture,SOC,,N,N,Blood draw for standard labs`,
  `QT,A,${V1},93000,ECG,SPONSOR,75.00,N,N,Protocol-only ECG for QT monitoring`,
  `QT,A,${V1},99214,Office visit,SOC,,N,N,Standard visit`,
  `QT,A,${V1},J9999,Study drug Q,INVESTIGATIONAL,,N,N,Investigational agent`,
  `QT,A,${V1},96413,Chemo infusion,SOC,,N,N,Administration of standard chemotherapy`,
  `QT,A,${V1},99215,Office visit,SOC,,N,N,Standard visit`,
  `QT,A,${V1},J9035,Bevacizumab,NOT_BILLABLE,,N,Y,Supplied free by the sponsor`,
  `DV,A,${V1},33208,Device implant,INVESTIGATIONAL,,N,N,Device under study`,
  `DV,A,${V1},93306,Echo,SOC,,N,N,Routine echo`,
  `NQ,A,${V1},80053,Metabolic panel,SOC,,N,N,Routine`,
];

const SUBJECTS = [
  'QT,Q-001,MRN-A1,A,2024-02-15,2024-03-01,,MEDICARE,ENROLLED',
  'QT,Q-002,MRN-A2,A,2024-02-15,2024-03-01,,MEDICARE_ADVANTAGE,ENROLLED',
  'QT,Q-003,MRN-A3,A,2024-02-15,2024-03-01,,COMMERCIAL,ENROLLED',
  'QT,Q-004,MRN-A4,A,2024-02-15,2024-03-01,,MEDICARE,ENROLLED',
  'DV,D-001,MRN-D1,A,2024-02-15,2024-03-01,,MEDICARE_ADVANTAGE,ENROLLED',
  'NQ,N-001,MRN-N1,A,2024-02-15,2024-03-01,,MEDICARE,ENROLLED',
];

const MCR = { payer_name: 'Medicare Part B', payer_type: 'MEDICARE', claim_type: 'PROFESSIONAL', setting: 'OUTPATIENT', condition_codes: '', revenue_code: '' };

/** The charges the trial fixtures refer to, with their accounts and dates. */
export const TRIAL_CHARGES: readonly Partial<Charge>[] = [
  { ...MCR, charge_id: 'CHG-000123', account_id: 'ACCT-2001', mrn: 'MRN-A1', service_date: '2024-03-05', cpt_hcpcs: '99213', modifiers: 'Q1', charge_amount: '250.00', nct_on_claim: '', dx_codes: 'C34.90;Z00.6' },
  { ...MCR, charge_id: 'CHG-000124', account_id: 'ACCT-2001', mrn: 'MRN-A1', service_date: '2024-03-05', cpt_hcpcs: '85025', modifiers: 'Q1', charge_amount: '40.00', nct_on_claim: '', dx_codes: 'C34.90;Z00.6' },
  { ...MCR, charge_id: 'CHG-000200', account_id: 'ACCT-2002', mrn: 'MRN-A2', service_date: '2024-03-10', cpt_hcpcs: '80053', modifiers: 'Q1', charge_amount: '180.00', payer_name: 'Acme Medicare Advantage HMO', payer_type: 'MEDICARE_ADVANTAGE' },
  { ...MCR, charge_id: 'CHG-000301', account_id: 'ACCT-2003', mrn: 'MRN-A1', service_date: '2024-03-12', cpt_hcpcs: '71260', modifiers: 'Q1', charge_amount: '400.00' },
  { ...MCR, charge_id: 'CHG-000302', account_id: 'ACCT-2003', mrn: 'MRN-A1', service_date: '2024-03-12', cpt_hcpcs: '36415', modifiers: 'Q1', charge_amount: '100.00' },
  { ...MCR, charge_id: 'CHG-000410', account_id: 'ACCT-2004', mrn: 'MRN-A4', service_date: '2024-03-14', cpt_hcpcs: '93000', modifiers: '', charge_amount: '75.00' },
  { ...MCR, charge_id: 'CHG-000411', account_id: 'ACCT-2004', mrn: 'MRN-A4', service_date: '2024-03-14', cpt_hcpcs: '99214', modifiers: 'Q1', charge_amount: '150.00' },
  { ...MCR, charge_id: 'CHG-000520', account_id: 'ACCT-2005', mrn: 'MRN-A3', service_date: '2024-03-18', cpt_hcpcs: 'J9999', modifiers: '', charge_amount: '1200.00', payer_name: 'Acme Commercial', payer_type: 'COMMERCIAL' },
  { ...MCR, charge_id: 'CHG-000521', account_id: 'ACCT-2005', mrn: 'MRN-A3', service_date: '2024-03-18', cpt_hcpcs: '96413', modifiers: 'Q1', charge_amount: '300.00', payer_name: 'Acme Commercial', payer_type: 'COMMERCIAL' },
  { ...MCR, charge_id: 'CHG-000777', account_id: 'ACCT-7788', mrn: 'MRN-A4', service_date: '2024-03-20', cpt_hcpcs: '99215', modifiers: 'Q1', charge_amount: '350.00' },
];

/** The package files of the world besides charges. */
export const WORLD_FILES = { studies: STUDIES, calendar: CALENDAR, subjects: SUBJECTS, visits: [], approvals: [], invoices: [], invoiceables: [] };

/** The world with the trial charges (and any extra charges). */
export function denialWorld(extra: readonly Partial<Charge>[] = []): Promise<Db> {
  return engineWorld([...TRIAL_CHARGES, ...extra], WORLD_FILES);
}

/** Imports an 835 (a fixture name or a path) and triages it; fails the test when it does not import. */
export async function importAndTriage(db: Db, file: string): Promise<{ fileId: number; triage: TriageSummary }> {
  const path = file.includes('/') ? file : join(FIXTURES, file);
  const outcome = await importRemittance(db, path, { now: FIXED_NOW });
  if (outcome.status !== 'imported') throw new Error(`${file} did not import: ${JSON.stringify(outcome)}`);
  return { fileId: outcome.fileId, triage: triageRemitFile(db, outcome.fileId, { now: FIXED_NOW }) };
}
