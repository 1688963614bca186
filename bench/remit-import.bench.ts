/**
 * Benchmark (issue 6): import of an 835 with 100,000 claims into the encrypted store, triage
 * included, against the raw read of the same file split into segments, both in child processes of the
 * same run. Targets: peak memory under 300 MB; time within 3x of the raw split.
 * Also reported, to show where the time goes: a second baseline that splits every segment into its
 * elements too (the least any X12 reader must do), our parse alone (no store), and the store floor:
 * the same number of claim, line and adjustment rows inserted with constant values into the same
 * encrypted tables, with no parsing or linking at all.
 * Usage: node bench/remit-import.bench.ts [claims]   (the file is generated into .bench-data/)
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './lib/measure.ts';
import { generate835 } from './remit-generate.ts';

const claims = Number(process.argv[2] ?? 100_000);
const dir = join(import.meta.dirname, '..', '.bench-data');
mkdirSync(dir, { recursive: true });
const file = join(dir, `remit-${claims}.835`);
if (!existsSync(file)) await generate835({ path: file, claims });
const db = join(dir, 'remit-bench.db');
const clean = (): void => {
  for (const s of ['', '-wal', '-shm']) rmSync(`${db}${s}`, { force: true });
};
clean();

const child = join(import.meta.dirname, 'remit-import-child.ts');
// Warm the page cache so neither side pays for the first disk read.
await measure(process.execPath, [child, 'split', file]);
const split = await measure(process.execPath, [child, 'split', file]);
const elements = await measure(process.execPath, [child, 'elements', file]);
const parse = await measure(process.execPath, [child, 'parse', file]);
const ours = await measure(process.execPath, [child, 'import', db, file]);
const result = JSON.parse(ours.stdout.split('\n')[0] ?? '{}') as { importSeconds: number; triageSeconds: number; denials: number; adjustments: number; counts: { segments: number; claims: number; lines: number } };
clean();
const floor = await measure(process.execPath, [child, 'floor', db, String(result.counts.claims), String(result.counts.lines), String(result.adjustments)]);
clean();

const ratio = ours.seconds / split.seconds;
const report = {
  benchmark: 'import 835 remittance + triage',
  claims,
  lines: result.counts.lines,
  segments: result.counts.segments,
  fileMb: Number((statSync(file).size / 1e6).toFixed(1)),
  baselineSplitSeconds: Number(split.seconds.toFixed(2)),
  baselineSplitElementsSeconds: Number(elements.seconds.toFixed(2)),
  parseOnlySeconds: Number(parse.seconds.toFixed(2)),
  storeFloorSeconds: Number(floor.seconds.toFixed(2)),
  trialLedgerSeconds: Number(ours.seconds.toFixed(2)),
  importSeconds: Number(result.importSeconds.toFixed(2)),
  triageSeconds: Number(result.triageSeconds.toFixed(2)),
  denials: result.denials,
  ratioToSplit: Number(ratio.toFixed(2)),
  ratioToSplitElements: Number((ours.seconds / elements.seconds).toFixed(2)),
  peakMb: ours.peakMb === null ? null : Math.round(ours.peakMb),
  baselinePeakMb: split.peakMb === null ? null : Math.round(split.peakMb),
  targets: { ratio: 3, peakMb: 300 },
  pass: { ratio: ratio <= 3, peakMb: (ours.peakMb ?? Infinity) < 300 },
};
console.log(JSON.stringify(report, null, 2));
