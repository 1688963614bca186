/**
 * Writes a synthetic charges.csv of any size, deterministically (seeded), streaming to disk so a
 * million rows never sit in memory. The rows look like a hospital export: varied codes, payers,
 * modifiers, diagnosis lists and amounts.
 */
import { centsToDecimalString } from '../../shared/domain/money.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { prng } from '../../scripts/lib/prng.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';


const CODES = ['80053', '85025', '80061', '71260', '74177', '78815', '93306', '96413', '96415', '96375', '99213', '99214', '99215', '93000', 'J9035', 'J1100', '36415', '84443', '82728', '83036'];
const PAYERS = [
  ['Medicare Part B', 'MEDICARE'],
  ['Humana Medicare Advantage', 'MEDICARE_ADVANTAGE'],
  ['Aetna', 'COMMERCIAL'],
  ['Blue Cross', 'COMMERCIAL'],
  ['State Medicaid', 'MEDICAID'],
] as const;

export interface GenerateChargesOptions {
  readonly path: string;
  readonly rows: number;
  readonly mrns: number;
  readonly seed?: number;
  /** First charge number (so "new" increments do not collide with earlier files). */
  readonly startId?: number;
}

export async function generateCharges(options: GenerateChargesOptions): Promise<void> {
  const rand = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out = new BufferedFileWriter(options.path);
  await out.write(`${FILE_SPECS.charges.columns.map((c) => c.name).join(',')}\n`);
  const start = options.startId ?? 0;
  for (let i = 0; i < options.rows; i += 1) {
    const [payerName, payerType] = pick(PAYERS);
    const institutional = rand() < 0.5;
    const trial = rand() < 0.3;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const cents = 1_000 + Math.floor(rand() * 500_000);
    const line = [
      `CHG-${String(start + i).padStart(9, '0')}`,
      `HAR-${Math.floor(rand() * options.rows * 0.3)}`,
      `MRN${String(Math.floor(rand() * options.mrns)).padStart(6, '0')}`,
      `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      pick(CODES),
      trial ? 'Q1' : rand() < 0.1 ? '25;59' : '',
      String(1 + Math.floor(rand() * 3)),
      centsToDecimalString(cents),
      institutional ? `0${300 + Math.floor(rand() * 60)}` : '',
      trial ? 'C18.9;Z00.6' : pick(['I10', 'E11.9;I10', 'C50.911', 'J44.9;I10;E78.5']),
      rand() < 0.9 ? 'INSURANCE' : rand() < 0.5 ? 'STUDY' : 'PATIENT',
      payerName,
      payerType,
      institutional ? 'INSTITUTIONAL' : 'PROFESSIONAL',
      rand() < 0.9 ? 'OUTPATIENT' : 'INPATIENT',
      trial ? '01234567' : '',
      '',
      trial && institutional ? '30' : '',
    ].join(',');
    await out.write(`${line}\n`);
  }
  await out.close();
}
