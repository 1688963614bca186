/**
 * A large synthetic study package for engine benchmarks: `studies` studies of two arms with a
 * realistic billing grid, `subjects` subjects spread over them, CTMS visits, and `charges` charges of
 * those subjects around their visits (most clean, a share with coding problems, some off-window and
 * some codes not on the calendar). Written as CSV files, streamed, deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../../shared/domain/dates.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { prng } from '../../scripts/lib/prng.ts';
import { BufferedFileWriter } from './buffered-file-writer.ts';

const CODES = ['80053', '85025', '80061', '71260', '74177', '78815', '93306', '96413', '96415', '96375', '99213', '99214', '93000', '84443', '82728', '83036', '36415', '81001', '87086', '71046'];
const DESIGNATIONS = ['SOC', 'SOC', 'SOC', 'SPONSOR', 'SPONSOR', 'CONDITIONAL', 'NOT_BILLABLE', 'INVESTIGATIONAL'];
const VISITS = 12;
const PER_VISIT = 8;

export interface TrialPackageOptions {
  readonly dir: string;
  readonly studies: number;
  readonly subjects: number;
  readonly charges: number;
  readonly seed?: number;
  /** Seed of the charges alone (an increment keeps the same studies and subjects, new charges). */
  readonly chargeSeed?: number;
  /** Charge ids start here (a later increment uses a higher start). */
  readonly chargeStart?: number;
  /** Write only charges.csv (for an increment). */
  readonly chargesOnly?: boolean;
}

const header = (kind: keyof typeof FILE_SPECS): string => `${FILE_SPECS[kind].columns.map((c) => c.name).join(',')}\n`;

interface Plan {
  readonly study: string;
  readonly arm: string;
  readonly mrn: string;
  readonly start: string;
  readonly qualifying: boolean;
  readonly visits: { code: string; day: number; items: { cpt: string; designation: string }[] }[];
}

/** The grid of one study/arm: deterministic from the study index. */
function grid(rand: () => number): Plan['visits'] {
  return Array.from({ length: VISITS }, (_, v) => ({
    code: v === 0 ? 'SCR' : `V${v}`,
    day: v === 0 ? -14 : v * 21,
    items: Array.from({ length: PER_VISIT }, (_, k) => ({ cpt: CODES[(v * 3 + k * 7) % CODES.length] as string, designation: DESIGNATIONS[Math.floor(rand() * DESIGNATIONS.length)] as string })).filter(
      (item, i, all) => all.findIndex((x) => x.cpt === item.cpt) === i,
    ),
  }));
}

export async function generateTrialPackage(o: TrialPackageOptions): Promise<void> {
  mkdirSync(o.dir, { recursive: true });
  const rand = prng(o.seed ?? 7);
  const plans: Plan[] = [];
  const studies: string[] = [];
  const calendar: string[] = [];
  const subjects: string[] = [];
  const visits: string[] = [];
  const invoices: string[] = [];
  const grids = new Map<string, Plan['visits']>();
  for (let s = 0; s < o.studies; s += 1) {
    const study = `ST${String(s).padStart(3, '0')}`;
    const qualifying = s % 5 !== 4;
    studies.push(`${study},P-${s},Benchmark study ${s},Sponsor ${s % 7},${qualifying ? `NCT${String(10_000_000 + s).padStart(8, '0')}` : ''},,${qualifying ? 'Y' : 'N'},26,10,45`);
    for (const arm of ['A', 'B']) {
      const g = grid(rand);
      grids.set(`${study}/${arm}`, g);
      for (const v of g) {
        for (const item of v.items) {
          const price = item.designation === 'SPONSOR' ? `${50 + Math.floor(rand() * 900)}.00` : '';
          calendar.push(`${study},${arm},${v.code},Visit ${v.code},${v.day},${v.code === 'SCR' ? 14 : 3},3,${item.cpt},Procedure ${item.cpt},${item.designation},${price},N,N,`);
        }
      }
    }
  }
  for (let i = 0; i < o.subjects; i += 1) {
    const study = `ST${String(i % o.studies).padStart(3, '0')}`;
    const arm = i % 2 === 0 ? 'A' : 'B';
    const start = addDays('2024-01-15', Math.floor(rand() * 300));
    const mrn = `MRN${String(i).padStart(7, '0')}`;
    const payer = rand() < 0.6 ? 'MEDICARE' : rand() < 0.5 ? 'MEDICARE_ADVANTAGE' : 'COMMERCIAL';
    subjects.push(`${study},SUB-${i},${mrn},${arm},${addDays(start, -20)},${start},,${payer},ENROLLED`);
    const g = grids.get(`${study}/${arm}`) ?? [];
    plans.push({ study, arm, mrn, start, qualifying: (i % o.studies) % 5 !== 4, visits: g });
    for (const v of g.slice(0, 6)) {
      visits.push(`${study},SUB-${i},${v.code},${addDays(start, v.day)},COMPLETED`);
      // Most sponsor items of completed visits were invoiced already; a few were forgotten (INVC-20).
      for (const item of v.items) {
        if (item.designation === 'SPONSOR' && rand() < 0.97) invoices.push(`${study},INV-${study}-${Math.floor(i / 50)},SUB-${i},${v.code},${item.cpt},${addDays(start, v.day)},100.00`);
      }
    }
  }
  if (!o.chargesOnly) {
    writeFileSync(join(o.dir, 'studies.csv'), header('studies') + studies.join('\n') + '\n');
    writeFileSync(join(o.dir, 'calendar.csv'), header('calendar') + calendar.join('\n') + '\n');
    writeFileSync(join(o.dir, 'subjects.csv'), header('subjects') + subjects.join('\n') + '\n');
    writeFileSync(join(o.dir, 'visits.csv'), header('visits') + visits.join('\n') + '\n');
    writeFileSync(join(o.dir, 'invoices.csv'), header('invoices') + invoices.join('\n') + '\n');
  }
  const crand = prng(o.chargeSeed ?? (o.seed ?? 7) + 1);
  const out = new BufferedFileWriter(join(o.dir, 'charges.csv'));
  await out.write(header('charges'));
  const start = o.chargeStart ?? 0;
  for (let i = 0; i < o.charges; i += 1) {
    const p = plans[Math.floor(crand() * plans.length)] as Plan;
    const v = p.visits[Math.floor(crand() * p.visits.length)] as Plan['visits'][number];
    const billable = v.items.filter((x) => x.designation !== 'NOT_BILLABLE');
    // Items the sponsor supplies free are almost never charged (FREE-05 when they are).
    const pool = crand() < 0.002 || billable.length === 0 ? v.items : billable;
    const item = pool[Math.floor(crand() * pool.length)] as { cpt: string; designation: string };
    const roll = crand();
    const offWindow = roll < 0.01;
    const offCalendar = roll > 0.9;
    const date = addDays(p.start, v.day + (offWindow ? 10 : Math.floor(crand() * 3)));
    const cpt = offCalendar ? '99999' : item.cpt;
    const toSponsor = item.designation === 'SPONSOR' || item.designation === 'NOT_BILLABLE';
    const billTo = toSponsor ? (crand() < 0.995 ? 'STUDY' : 'INSURANCE') : 'INSURANCE';
    const clean = crand() < 0.98;
    const modifier = item.designation === 'INVESTIGATIONAL' ? 'Q0' : 'Q1';
    const coded = p.qualifying && billTo === 'INSURANCE' && !toSponsor;
    const line = [
      `BC-${String(start + i).padStart(9, '0')}`,
      `HAR-${Math.floor(i / 4)}`,
      p.mrn,
      date,
      cpt,
      coded && clean ? modifier : '',
      '1',
      `${100 + Math.floor(crand() * 900)}.00`,
      '0300',
      coded && clean ? 'C34.90;Z00.6' : 'C34.90',
      billTo,
      'Medicare Part B',
      'MEDICARE',
      'INSTITUTIONAL',
      'OUTPATIENT',
      coded && clean ? String(10_000_000 + Number(p.study.slice(2))).padStart(8, '0') : '',
      '',
      coded && clean ? '30' : '',
    ].join(',');
    await out.write(`${line}\n`);
  }
  await out.close();
}
