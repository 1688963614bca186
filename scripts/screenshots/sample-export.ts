/**
 * Files for the screenshots of the import wizard: a small hospital charge export in a layout of its
 * own (its own headers, US dates, financial-class codes), a long one, and a package with mistakes.
 * All synthetic: no real patient.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';

const HEADER = ['Transaction ID', 'HAR', 'MRN', 'Service Date', 'CPT', 'Mod', 'Qty', 'Amount', 'Rev Code', 'Dx', 'Route', 'Payer', 'Financial Class', 'Patient Class'];

const ROWS = [
  ['TX-900001', 'HAR-55012', 'MRN7001', '03/14/2025', '80053', 'Q1', '1', '212.00', '0301', 'C34.90,Z00.6', 'INS', 'Medicare Part B', 'MCR', 'O'],
  ['TX-900002', 'HAR-55012', 'MRN7001', '03/14/2025', '71260', '', '1', '1450.00', '0350', 'C34.90', 'RSH', 'Bexley Pharmaceuticals', 'MCR', 'O'],
  ['TX-900003', 'HAR-55020', 'MRN7002', '03/18/2025', '85025', 'Q1', '1', '48.00', '0305', 'C34.90,Z00.6', 'INS', 'Humana Gold Plus', 'MCR ADV', 'O'],
  ['TX-900004', 'HAR-55031', 'MRN7003', '03/21/2025', '96413', '', '1', '640.00', '0335', 'C34.90', 'INS', 'Aetna PPO', 'COMM', 'O'],
  ['TX-900005', 'HAR-55031', 'MRN7003', '03/22/2025', '99223', '', '1', '980.00', '0120', 'C34.90', 'SELF', 'Self pay', 'SP', 'I'],
];

/** Writes the export into `dir` and returns its path. */
export function writeSampleExport(dir: string, fileName = 'epic-charges-march.csv'): string {
  const path = join(dir, fileName);
  writeFileSync(path, `${[HEADER, ...ROWS].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n')}\r\n`);
  return path;
}

/** A charge export long enough (300,000 rows, charges.csv layout under another name) to show the progress bar. */
export function writeLongExport(dir: string): string {
  const path = join(dir, 'charges-2025-full-year.csv');
  const lines = [FILE_SPECS.charges.columns.map((c) => c.name).join(',')];
  for (let i = 0; i < 300_000; i += 1) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`LY-${i},HAR-${i % 700},MRN${7000 + (i % 300)},2025-0${(i % 9) + 1}-${day},80053,Q1,1,212.00,0301,C34.90;Z00.6,INSURANCE,Medicare Part B,MEDICARE,INSTITUTIONAL,OUTPATIENT,09912345,,30`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * The demo's studies, calendar and subjects with mistakes a coordinator makes (a misspelt
 * designation, a price with a stray comma, a yes/no typed out, a US date), under new study ids so
 * nothing is "already imported". Returns the paths of the files.
 */
export function writeBrokenPackage(dir: string, demoDir: string): string[] {
  const out = join(dir, 'broken-package');
  mkdirSync(out, { recursive: true });
  const rename = (text: string): string => text.replaceAll('NSCLC-301', 'NSCLC-302').replaceAll('TMVR-22', 'TMVR-23').replaceAll('HFREG-01', 'HFREG-02');
  const read = (file: string): string[] => rename(readFileSync(join(demoDir, file), 'utf8')).split('\n');
  const studies = read('studies.csv');
  studies[2] = (studies[2] ?? '').replace(/,Y,(\d)/, ',Yes please,$1');
  const calendar = read('calendar.csv');
  const sponsorLines = calendar.flatMap((line, i) => (line.includes(',SPONSOR,') ? [i] : []));
  for (const i of sponsorLines.slice(0, 3)) calendar[i] = (calendar[i] ?? '').replace(',SPONSOR,', ',SPONSER,');
  const priced = sponsorLines[5] ?? 0;
  calendar[priced] = (calendar[priced] ?? '').replace(/,(\d+)\.00,/, ',"1,$1.5",');
  const subjects = read('subjects.csv');
  subjects[4] = (subjects[4] ?? '').replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$2/$3/$1,');
  const files: Record<string, string[]> = { 'studies.csv': studies, 'calendar.csv': calendar, 'subjects.csv': subjects };
  return Object.entries(files).map(([name, lines]) => {
    writeFileSync(join(out, name), lines.join('\n'));
    return join(out, name);
  });
}
