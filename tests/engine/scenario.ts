/**
 * A small, fully specified world for rule tests: a qualifying drug trial (QT), a qualifying device
 * study (DV) and a non-qualifying study (NQ), with a clean Medicare routine line as the starting
 * point of every charge. Tests change one thing and check exactly which rules fire.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { exportFindings, type ExportedFinding } from '../../db/queries/findings/export-findings.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { memoryStore } from '../helpers/store.ts';
import { writePackage } from '../helpers/temp-dir.ts';

const csv = (kind: keyof typeof FILE_SPECS, rows: readonly string[]): string => `${FILE_SPECS[kind].columns.map((c) => c.name).join(',')}\n${rows.join('\n')}\n`;

export const STUDIES = [
  'QT,P-QT,Qualifying drug trial,Sponsor A,NCT01234567,,Y,26,10,45',
  'DV,P-DV,Qualifying device study,Sponsor B,NCT07654321,G123456,Y,26,10,45',
  'NQ,P-NQ,Non-qualifying registry,Sponsor C,,,N,26,10,45',
];

export const CALENDAR = [
  'QT,A,V1,Visit 1,0,0,3,80053,Metabolic panel,SOC,,N,N,routine',
  'QT,A,V1,Visit 1,0,0,3,71260,CT chest,SPONSOR,450.00,N,N,research imaging',
  'QT,A,V1,Visit 1,0,0,3,J9999,Study drug,NOT_BILLABLE,,N,N,supplied free',
  'QT,A,V1,Visit 1,0,0,3,96413,Infusion of study drug,INVESTIGATIONAL,,N,N,investigational',
  'QT,A,V1,Visit 1,0,0,3,85025,CBC,CONDITIONAL,,N,N,if indicated',
  'QT,A,V1,Visit 1,0,0,3,93000,ECG,SPONSOR,50.00,N,Y,research ECG',
  'QT,A,V1,Visit 1,0,0,3,78815,PET/CT,SPONSOR,1200.00,Y,N,optional imaging',
  'QT,A,V2,Visit 2,28,2,2,80053,Metabolic panel,SOC,,N,N,routine',
  'DV,A,IMP,Implant,0,0,0,33208,Device implant,INVESTIGATIONAL,,N,N,device',
  'DV,A,IMP,Implant,0,0,0,93306,Echo,SOC,,N,N,routine',
  'NQ,A,BASE,Baseline,0,0,7,80053,Metabolic panel,SOC,,N,N,routine',
];

export const SUBJECTS = [
  'QT,S1,MRN1,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED',
  'QT,S2,MRN2,A,2025-01-01,2025-01-10,,MEDICARE_ADVANTAGE,ENROLLED',
  'QT,S3,MRN3,A,2025-01-01,2025-01-10,2025-03-01,MEDICARE,OFF_STUDY',
  'QT,SF1,MRN7,,2025-01-01,,2025-01-05,COMMERCIAL,SCREEN_FAILED',
  'DV,D1,MRN4,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED',
  'DV,D2,MRN5,A,2025-01-01,2025-01-10,,MEDICARE_ADVANTAGE,ENROLLED',
  'NQ,N1,MRN6,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED',
];

export const BASE_FILES = {
  studies: STUDIES,
  calendar: CALENDAR,
  invoiceables: ['QT,SCRFAIL,Screen failure fee,500.00,SCREEN_FAILURE,Y,N', 'QT,STARTUP,Start-up fee,5000.00,ONE_TIME,Y,N'],
  subjects: SUBJECTS,
  visits: ['QT,S1,V1,2025-01-10,COMPLETED', 'QT,S3,V1,2025-01-10,COMPLETED'],
  approvals: ['QT,S1,78815,2025-01-10,SPA-1'],
  invoices: ['QT,INV-1,S1,V1,71260,2025-01-10,450.00', 'QT,INV-1,S3,V1,71260,2025-01-10,450.00', 'QT,INV-1,S3,V1,93000,2025-01-10,50.00'],
};

export interface Charge {
  charge_id: string;
  account_id: string;
  mrn: string;
  service_date: string;
  cpt_hcpcs: string;
  modifiers: string;
  units: string;
  charge_amount: string;
  revenue_code: string;
  dx_codes: string;
  bill_to: string;
  payer_name: string;
  payer_type: string;
  claim_type: string;
  setting: string;
  nct_on_claim: string;
  ide_on_claim: string;
  condition_codes: string;
}

/** A clean Medicare routine line of subject S1 at visit V1 of QT: fires nothing. */
export const CLEAN: Charge = {
  charge_id: 'C1',
  account_id: 'H1',
  mrn: 'MRN1',
  service_date: '2025-01-10',
  cpt_hcpcs: '80053',
  modifiers: 'Q1',
  units: '1',
  charge_amount: '212.00',
  revenue_code: '0301',
  dx_codes: 'C18.9;Z00.6',
  bill_to: 'INSURANCE',
  payer_name: 'Medicare Part B',
  payer_type: 'MEDICARE',
  claim_type: 'INSTITUTIONAL',
  setting: 'OUTPATIENT',
  nct_on_claim: '01234567',
  ide_on_claim: '',
  condition_codes: '30',
};

export function chargeLine(c: Charge): string {
  return FILE_SPECS.charges.columns.map((col) => c[col.name as keyof Charge]).join(',');
}

export type Files = Partial<Record<keyof typeof BASE_FILES | 'charges', readonly string[]>>;

/** Imports the base world with overrides and the given charges (partial rows over CLEAN). */
export async function world(charges: readonly Partial<Charge>[], overrides: Files = {}): Promise<Db> {
  const db = memoryStore();
  const files = { ...BASE_FILES, ...overrides };
  const pkg: Record<string, string> = {};
  for (const [kind, rows] of Object.entries(files)) pkg[`${kind}.csv`] = csv(kind as keyof typeof FILE_SPECS, rows);
  pkg['charges.csv'] = csv('charges', charges.map((c, i) => chargeLine({ ...CLEAN, charge_id: `C${i + 1}`, ...c })));
  const outcome = await importFiles(db, { type: 'folder', path: writePackage(pkg) });
  if (outcome.status !== 'imported') throw new Error(`scenario does not import: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
  return db;
}

/** Imports more charges into an existing world (a later export). */
/** A charges.csv of these charges in a fresh folder; returns its path. */
export function writeChargesFile(charges: readonly Charge[]): string {
  return join(writePackage({ 'charges.csv': csv('charges', charges.map(chargeLine)) }), 'charges.csv');
}

export async function importCharges(db: Db, charges: readonly Charge[]): Promise<void> {
  const outcome = await importFiles(db, { type: 'file', path: writeChargesFile(charges) });
  if (outcome.status === 'refused') throw new Error(`charges do not import: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
}

/** Runs the engine and returns the active findings. */
export function findingsOf(db: Db, mode: 'auto' | 'full' = 'full'): ExportedFinding[] {
  reconcile(db, { mode });
  return [...exportFindings(db)];
}

/** Rule ids fired on one charge (sorted), after a full run. */
export function rulesOn(findings: readonly ExportedFinding[], chargeId: string): string[] {
  return findings.filter((f) => f.charge_id === chargeId).map((f) => f.rule).sort();
}
