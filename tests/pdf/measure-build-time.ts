/**
 * Measures (not a test) how long a 20-page appeal-like packet with 20 attached pages takes to build
 * and save. Run: `node tests/pdf/measure-build-time.ts` (Node 24). Target: under 1 s.
 * The attachments are made before the clock starts (in the app they are read from disk).
 */
import { performance } from 'node:perf_hooks';
import { createPdfDocument, loadFontFiles, type FontFiles } from '../../db/pdf/index.ts';
import { makeAttachmentPdf } from './helpers.ts';

const RUNS = 7;

async function buildPacket(fonts: FontFiles | undefined, attachments: readonly Uint8Array[]): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await createPdfDocument({ title: 'Appeal CLM-88812', footerLabel: 'Appeal · Claim CLM-88812', now: () => new Date('2025-03-01T12:00:00Z'), fonts });
  doc.heading('Appeal of claim denial', { level: 1 });
  doc.addressBlocks([
    { title: 'From (site)', name: 'Ridgeview Medical Center', lines: ['1200 Ridgeview Parkway', 'Columbus, OH 43215'] },
    { title: 'To (payer)', name: 'Northstar Health Plan', lines: ['Appeals Department', 'PO Box 4410', 'Dayton, OH 45401'] },
  ]);
  doc.keyValues([{ key: 'Claim', value: 'CLM-88812' }, { key: 'Amount in dispute', value: '$3,412.50', strong: true }]);
  doc.heading('Contents').tableOfContents([
    { key: 'letter', title: 'Appeal letter' },
    { key: 'lines', title: 'Billed lines and coverage analysis' },
    ...attachments.map((_, i) => ({ key: `ex${i}`, title: `Exhibit ${i + 1}` })),
  ]);
  doc.pageBreak().heading('Appeal letter', { tocKey: 'letter' });
  for (let i = 0; i < 40; i++) doc.paragraph(`Paragraph ${i + 1}. The services billed on this claim are routine costs of a qualifying clinical trial under Medicare NCD 310.1; the enclosed coverage analysis designates each line as standard of care, and the sponsor pays for none of them.`);
  doc.heading('Billed lines and coverage analysis', { tocKey: 'lines' });
  const rows = Array.from({ length: 300 }, (_, i) => [String(i + 1), '2025-01-15', `9${String(i).padStart(4, '0')}`, i % 9 === 0 ? 'Chemotherapy administration, intravenous infusion technique, up to 1 hour, single or initial substance' : 'Office visit, established patient', 'Standard of care', `$${(i * 37) % 4000}.00`]);
  doc.table({
    columns: [
      { title: '#', width: { pt: 28 }, align: 'right' },
      { title: 'Date', width: { pt: 62 } },
      { title: 'CPT', width: { pt: 40 } },
      { title: 'Description' },
      { title: 'Designation', width: { pt: 90 } },
      { title: 'Charge', width: { pt: 64 }, align: 'right', nowrap: true },
    ],
    rows,
  });
  const generated = doc.pageCount;
  for (const [i, bytes] of attachments.entries()) await doc.attachPdf(bytes, { label: `Exhibit ${i + 1}`, tocKey: `ex${i}` });
  const bytes = await doc.save();
  return { bytes, pages: generated };
}

const attachments = await Promise.all(Array.from({ length: 5 }, () => makeAttachmentPdf({ pages: 4, text: 'EOB' })));
const t0 = performance.now();
const cold = await buildPacket(undefined, attachments);
const coldMs = performance.now() - t0;
const fonts = await loadFontFiles();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  await buildPacket(fonts, attachments);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`pages: ${cold.pages} generated + 20 attached, ${Math.round(cold.bytes.length / 1024)} KiB`);
console.log(`first document (reads fonts, cold JIT): ${coldMs.toFixed(0)} ms`);
console.log(`warm, fonts preloaded: median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`);
