/**
 * Benchmark (issue 2): import of a generated 1,000,000-row charges.csv into the encrypted store,
 * measured in the same run as the sqlite3 command line's `.import --csv` of the same file into an
 * unencrypted table. Targets: within 2x of sqlite3, peak memory under 400 MB.
 * Usage: node bench/import-charges.bench.ts [rows]   (results go to stdout as JSON and a table)
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateCharges } from './lib/generate-charges.ts';
import { measure } from './lib/measure.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = join(import.meta.dirname, '..', '.bench-data');
mkdirSync(dir, { recursive: true });
const csvDir = join(dir, `charges-${rows}`);
mkdirSync(csvDir, { recursive: true });
const csv = join(csvDir, 'charges.csv');
if (!existsSync(csv)) await generateCharges({ path: csv, rows, mrns: 5_000 });
const megabytes = statSync(csv).size / 1e6;

const baselineDb = join(dir, 'baseline.db');
const ourDb = join(dir, 'trialledger.db');
for (const f of [baselineDb, ourDb]) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });

const sqlite = await measure('sqlite3', [baselineDb, `.import --csv ${csv} charges`]);
const ours = await measure(process.execPath, [join(import.meta.dirname, 'lib', 'run-import.ts'), ourDb, csv]);
const result = JSON.parse(ours.stdout.split('\n')[0] ?? '{}') as { importSeconds: number; rows: number };

// Memory must stay flat as files grow: the same import of a file a fifth the size, for comparison.
const smallRows = Math.round(rows / 5);
const smallDir = join(dir, `charges-${smallRows}`);
mkdirSync(smallDir, { recursive: true });
const smallCsv = join(smallDir, 'charges.csv');
if (!existsSync(smallCsv)) await generateCharges({ path: smallCsv, rows: smallRows, mrns: 5_000 });
const smallDb = join(dir, 'trialledger-small.db');
for (const s of ['', '-wal', '-shm']) rmSync(`${smallDb}${s}`, { force: true });
const small = await measure(process.execPath, [join(import.meta.dirname, 'lib', 'run-import.ts'), smallDb, smallCsv]);
for (const s of ['', '-wal', '-shm']) rmSync(`${smallDb}${s}`, { force: true });

const ratio = ours.seconds / sqlite.seconds;
const report = {
  benchmark: 'import charges.csv',
  rows,
  fileMb: Number(megabytes.toFixed(1)),
  sqlite3CliSeconds: Number(sqlite.seconds.toFixed(2)),
  trialLedgerSeconds: Number(ours.seconds.toFixed(2)),
  trialLedgerImportOnlySeconds: Number(result.importSeconds.toFixed(2)),
  ratio: Number(ratio.toFixed(2)),
  peakMb: ours.peakMb === null ? null : Math.round(ours.peakMb),
  peakMbAtOneFifthTheRows: small.peakMb === null ? null : Math.round(small.peakMb),
  secondsAtOneFifthTheRows: Number(small.seconds.toFixed(2)),
  targets: { ratio: 2, peakMb: 400 },
  pass: ratio <= 2 && (ours.peakMb ?? 0) < 400,
};
console.log(JSON.stringify(report, null, 2));
for (const f of [baselineDb, ourDb]) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
