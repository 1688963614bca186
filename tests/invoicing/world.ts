/**
 * A small, fully specified world for invoicing tests: two studies of one sponsor (so a payment can
 * span invoices of both) with prices chosen to exercise rounding, an exempt item of each kind, a
 * pre-approval item, a screen failure, a missed visit and one line already invoiced before.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { importFiles } from '../../db/import/import-files.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { memoryStore } from '../helpers/store.ts';
import { writePackage } from '../helpers/temp-dir.ts';

const csv = (kind: keyof typeof FILE_SPECS, rows: readonly string[]): string => `${FILE_SPECS[kind].columns.map((c) => c.name).join(',')}\n${rows.join('\n')}\n`;

/** Fixed clock of the tests. */
export const NOW = new Date('2026-01-15T10:00:00Z');

export const SPONSOR = 'Acme Pharma';

const FILES = {
  studies: ['S1,P-S1,Study one,Acme Pharma,NCT01234567,,Y,26,10,30', 'S2,P-S2,Study two,Acme Pharma,NCT07654321,,Y,0,0,45', 'S3,P-S3,Study three,Other Sponsor,NCT01111111,,Y,28.5,12.5,60'],
  calendar: [
    'S1,A,SCR,Screening,-7,7,0,80061,Lipid panel,SPONSOR,42.00,N,N,eligibility',
    'S1,A,SCR,Screening,-7,7,0,93000,ECG,SPONSOR,62.55,N,N,research ECG',
    'S1,A,SCR,Screening,-7,7,0,80053,Metabolic panel,SOC,,N,N,routine',
    'S1,A,V1,Visit 1,0,0,3,71260,CT chest,SPONSOR,450.00,Y,N,optional imaging',
    'S1,A,V1,Visit 1,0,0,3,85025,CBC,SPONSOR,17.35,N,N,research CBC',
    'S2,A,V1,Visit 1,0,0,3,93306,Echo,SPONSOR,540.00,N,N,research echo',
    'S3,A,V1,Visit 1,0,0,3,80061,Lipid panel,SPONSOR,0.05,N,N,rounding probe',
  ],
  invoiceables: [
    'S1,STARTUP,Start-up fee,5000.00,ONE_TIME,Y,N',
    'S1,IRB-INIT,IRB initial review,1500.00,ONE_TIME,Y,Y',
    'S1,SCRFAIL,Screen failure,850.00,SCREEN_FAILURE,N,N',
    'S1,SAE,SAE report,350.00,PER_OCCURRENCE,N,N',
    'S1,CLOSEOUT,Close-out fee,2500.00,ONE_TIME,Y,N',
  ],
  subjects: [
    'S1,001,MRN5001,A,2025-01-20,2025-02-08,,MEDICARE,ENROLLED',
    'S1,002,MRN5002,A,2025-02-20,2025-03-12,,COMMERCIAL,ENROLLED',
    'S1,003,MRN5003,,2025-03-01,,2025-03-10,MEDICARE,SCREEN_FAILED',
    'S2,201,MRN5201,A,2025-01-05,2025-01-10,,MEDICARE,ENROLLED',
    'S3,301,MRN5301,A,2025-01-05,2025-01-10,,MEDICARE,ENROLLED',
  ],
  visits: [
    'S1,001,SCR,2025-02-01,COMPLETED',
    'S1,001,V1,2025-02-08,COMPLETED',
    'S1,002,SCR,2025-03-05,COMPLETED',
    'S1,002,V1,2025-03-12,MISSED',
    'S2,201,V1,2025-01-10,COMPLETED',
    'S3,301,V1,2025-01-10,COMPLETED',
  ],
  approvals: ['S1,001,71260,2025-02-08,SPA-1'],
  invoices: ['S1,INV-S1-2025-007,001,SCR,80061,2025-02-01,42.00'],
} as const;

/** The world's package folder, optionally with files replaced. */
export function worldPackage(changes: Partial<Record<keyof typeof FILES, readonly string[]>> = {}): string {
  const files = { ...FILES, ...changes };
  return writePackage(Object.fromEntries(Object.entries(files).map(([kind, rows]) => [`${kind}.csv`, csv(kind as keyof typeof FILE_SPECS, rows)])));
}

/** A fresh in-memory store holding the world. */
export async function world(changes: Partial<Record<keyof typeof FILES, readonly string[]>> = {}): Promise<Db> {
  const db = memoryStore();
  const outcome = await importFiles(db, { type: 'folder', path: worldPackage(changes) });
  if (outcome.status !== 'imported') throw new Error(`world did not import: ${JSON.stringify(outcome).slice(0, 500)}`);
  return db;
}
