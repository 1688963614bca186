/**
 * Benchmark (issue 6): an appeal packet with 20 attached pages, built the way the app builds it
 * (buildDenialPacket: facts and letter from the store, generated exhibits, attachments merged, TOC and
 * "Page X of Y" stamped). Target: under 1 s. Set-up (demo study, demo remittance, triage, five 4-page
 * PDFs stored as the appeal's attachments) is not timed. Reports the first build of the process (cold:
 * modules, fonts, JIT) and the median of 7 warm builds.
 * Usage: node bench/appeal-packet.bench.ts
 */
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addAppealAttachment } from '../db/denials/appeals.ts';
import { buildDenialPacket } from '../db/denials/packet/export-packet.ts';
import { triageRemitFile } from '../db/denials/triage-file.ts';
import { loadDemo } from '../db/demo/load-demo.ts';
import { loadFontFiles } from '../db/pdf/index.ts';
import { importRemittance } from '../db/remit/import-835.ts';
import { openStore } from '../db/store/open-store.ts';

const RUNS = 7;
const root = join(import.meta.dirname, '..');
const now = (): Date => new Date('2025-12-20T12:00:00Z');

async function scan(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 40; line++) page.drawText(`${label} page ${i}, line ${line + 1}: clinical note text as a scanned record would hold it.`, { x: 54, y: 740 - line * 17, size: 10, font });
  }
  return doc.save();
}

const db = openStore({ path: ':memory:', key: null });
await loadDemo(db, join(root, 'assets', 'demo'));
const outcome = await importRemittance(db, join(root, 'assets', 'samples', 'demo-remittance.835'));
if (outcome.status !== 'imported') throw new Error(`demo remittance ${outcome.status}`);
triageRemitFile(db, outcome.fileId);
// Denial 1: the Medicare routine-cost appeal (NCD 310.1) with every generated exhibit.
for (const [i, title] of ['IRB approval', 'Protocol schedule of assessments', 'Clinical notes', 'Signed consent, cost section', 'Original claim and EOB'].entries()) {
  await addAppealAttachment(db, 1, { title, bytes: await scan(4, `Exhibit ${i + 1}`) }, now());
}

let t = performance.now();
const cold = await buildDenialPacket(db, 1, { now });
const coldMs = performance.now() - t;
const fonts = await loadFontFiles();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  t = performance.now();
  await buildDenialPacket(db, 1, { now, fonts });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)] as number;
const attached = cold.preview.sections.filter((s) => s.kind === 'attached').reduce((n, s) => n + s.pages, 0);
console.log(
  JSON.stringify(
    {
      benchmark: 'appeal packet with 20 attached pages',
      pages: cold.preview.pageCount,
      attachedPages: attached,
      kib: Math.round(cold.bytes.length / 1024),
      coldMs: Math.round(coldMs),
      warmMedianMs: Math.round(median),
      warmMinMs: Math.round(times[0] as number),
      warmMaxMs: Math.round(times.at(-1) as number),
      target: { ms: 1000 },
      pass: coldMs < 1000 && median < 1000,
    },
    null,
    2,
  ),
);
db.close();
