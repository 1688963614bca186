/**
 * Child-process body of the 835 import benchmark, so the parent measures an isolated process (time
 * and peak RSS). Two modes:
 *   node bench/remit-import-child.ts import <db> <file>   our importRemittance + denial triage, into an encrypted store
 *   node bench/remit-import-child.ts split <file>         the baseline: read the file in 1 MiB chunks and split it into segments
 * Prints one JSON line, then `PEAK_RSS_KB=` (read by bench/lib/measure.ts).
 */
import { createReadStream } from 'node:fs';
import { importRemittance } from '../db/remit/import-835.ts';
import { triageRemitFile } from '../db/denials/triage-file.ts';
import { openStore } from '../db/store/open-store.ts';

const [mode, ...rest] = process.argv.slice(2);

async function splitOnly(file: string): Promise<unknown> {
  // The floor any 835 import has to pay: bytes from disk, decoded, cut at the segment terminator.
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let segments = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split('~');
    carry = parts.pop() ?? '';
    segments += parts.length;
  }
  if (carry.trim() !== '') segments += 1;
  return { segments };
}

async function importOnly(dbPath: string, file: string): Promise<unknown> {
  const db = openStore({ path: dbPath, key: { kind: 'raw', hex: 'b2'.repeat(32) } });
  const started = performance.now();
  const outcome = await importRemittance(db, file);
  const importSeconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'imported') throw new Error(`import ${outcome.status}`);
  const t = performance.now();
  const triage = triageRemitFile(db, outcome.fileId, { today: '2025-03-15' });
  const triageSeconds = (performance.now() - t) / 1000;
  db.close();
  return { importSeconds, triageSeconds, counts: outcome.counts, denials: triage.denials };
}

const result = mode === 'split' ? await splitOnly(rest[0] as string) : await importOnly(rest[0] as string, rest[1] as string);
console.log(JSON.stringify(result));
console.log(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}`);
