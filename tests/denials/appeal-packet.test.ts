/**
 * Appeal packets checked with poppler: identifiers and codes with their meaning on the cover, the
 * argument that fits the case (NCD 310.1 for a Medicare routine cost, PHSA 2709 for a commercial
 * plan), the exhibit index's page numbers, "Page X of Y" on every page including attached ones, the
 * attachments merged, the coordinator's edits, the minimum necessary PHI (no MRN; names only for
 * Medicare), and the batch ZIP.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppealBatchResult, PacketPreview } from '../../shared/contract/denials.ts';
import { assertPopplerInstalled, makeAttachmentPdf, pdfPageCount, pdfPages } from '../pdf/helpers.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { call, jobResult, testBackend } from './backend.ts';
import { writeRemit } from './remit-text.ts';
import { denialWorld, FIXED_NOW, FIXTURES } from './world.ts';

beforeAll(() => assertPopplerInstalled());

async function world() {
  const db = await denialWorld();
  const backend = testBackend(db, FIXED_NOW);
  const importFile = async (path: string): Promise<void> => {
    const { jobId } = await call(backend, 'remit:import', { fileId: backend.files.register(path).fileId });
    await jobResult(backend, jobId);
  };
  await importFile(join(FIXTURES, 'trial-co50-routine.835')); // denial 1: Medicare routine cost
  await importFile(
    writeRemit({
      payer: 'ACME COMMERCIAL HEALTH PLAN',
      payerId: '60054',
      filing: 'CI',
      production: '2024-04-12',
      claims: [{ account: 'ACCT-2005', icn: 'ICN-3005', patient: ['KOE', 'CARLA', 'W123456789'], lines: [{ chargeId: 'CHG-000521', code: '96413', modifiers: 'Q1', date: '2024-03-18', chargeCents: 30_000, deny: 'CO-55', remarks: ['N130'] }] }],
    }),
  ); // denial 2: commercial routine cost
  return backend;
}

function pagesOf(backend: Awaited<ReturnType<typeof world>>, preview: PacketPreview): { path: string; pages: string[] } {
  const path = join(backend.outboxDir, preview.fileName);
  return { path, pages: pdfPages(path) };
}

describe('an appeal packet', () => {
  it('Medicare routine cost: cover, codes with meaning, NCD 310.1 argument, exhibits, page numbers, no MRN', async () => {
    const backend = await world();
    const preview = await call(backend, 'appeals:export', { denialId: 1 });
    const { path, pages } = pagesOf(backend, preview);
    const all = pages.join('\n');
    const flat = all.replace(/\s+/g, ' ');
    expect(pdfPageCount(path)).toBe(preview.pageCount);
    // Cover: payer, claim number, account, beneficiary name and Medicare number (a redetermination needs them).
    expect(pages[0]).toMatch(/Appeal: Redetermination by the MAC/);
    expect(pages[0]).toMatch(/Claim number:\s+ICN-2003/);
    expect(pages[0]).toMatch(/Patient account:\s+ACCT-2003/);
    expect(pages[0]).toMatch(/Beneficiary:\s+LOE, ANNA/);
    expect(pages[0]).toMatch(/Medicare number:\s+4EG4TE5MK76/);
    expect(pages[0]).toMatch(/Service \(code, modifiers\):\s+71260-Q1/);
    expect(flat).toMatch(/CO-50 Payer judged the service not medically necessary\. \(contractual obligation\)/);
    expect(pages[0]).toMatch(/N386\s+Decision based on a National Coverage Determination/);
    expect(pages[0]).toMatch(/Clinical trial:\s+QT · NCT01234567/);
    // The argument fits the case.
    expect(flat).toMatch(/qualifying clinical trial under Medicare National Coverage Determination 310\.1/);
    expect(flat).toMatch(/not the investigational item itself, not an item or service provided solely to satisfy data collection/);
    expect(all).not.toMatch(/Public Health Service Act/);
    // The exhibit index gives the page each exhibit starts on.
    const index = [...(pages[0] ?? '').matchAll(/^(Appeal letter|Exhibit [A-Z]: [^.\n]+?)\s*[ .]+\s(\d+)$/gm)].map((m) => [m[1]?.trim(), Number(m[2])] as const);
    expect(index.map(([title]) => title)).toEqual(['Appeal letter', 'Exhibit A: Coverage analysis of 71260 (QT, arm A)', 'Exhibit B: Visit window of this service (Visit 1)', 'Exhibit C: Enrolment and consent', 'Exhibit D: Remittance advice for this line']);
    for (const [title, page] of index) expect(pages[page - 1], `${title} on page ${page}`).toContain(title as string);
    // Every page numbered; no MRN anywhere.
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Appeal · Claim ICN-2003\\s+Page ${i + 1} of ${pages.length}`)));
    expect(all).not.toMatch(/MRN/);
    // The preview reports the same pages as the printed index.
    for (const [title, page] of index) expect(preview.sections).toContainEqual(expect.objectContaining({ title, firstPage: page }));
  });

  it('commercial plan: PHSA 2709 argument, member id but no patient name', async () => {
    const backend = await world();
    const { pages } = pagesOf(backend, await call(backend, 'appeals:export', { denialId: 2 }));
    const all = pages.join('\n');
    const flat = all.replace(/\s+/g, ' ');
    expect(pages[0]).toMatch(/Appeal: Internal appeal/);
    expect(pages[0]).toMatch(/Member ID:\s+W123456789/);
    expect(flat).toMatch(/CO-55 Payer considers the procedure, treatment or drug experimental or /);
    expect(flat).toMatch(/section 2709 of the Public Health Service Act \(42 U\.S\.C\. 300gg-8\)/);
    expect(flat).toMatch(/routine patient cost/);
    expect(all).not.toMatch(/NCD 310\.1 is binding/);
    expect(all).not.toMatch(/KOE|CARLA/);
  });

  it('merges attachments after the exhibits, numbers their pages, and prints the edited letter', async () => {
    const backend = await world();
    const before = await call(backend, 'appeals:preview', { denialId: 1 });
    const dir = tempDir('tl-att-');
    const irb = join(dir, 'irb-approval.pdf');
    writeFileSync(irb, await makeAttachmentPdf({ pages: 2, text: 'IRB APPROVAL' }));
    const notes = join(dir, 'clinical-notes.pdf');
    writeFileSync(notes, await makeAttachmentPdf({ pages: 3, text: 'CLINICAL NOTE', rotate: 90 }));
    await call(backend, 'appeals:add-attachment', { denialId: 1, fileId: backend.files.register(irb).fileId, title: 'IRB approval letter' });
    const draft = await call(backend, 'appeals:add-attachment', { denialId: 1, fileId: backend.files.register(notes).fileId });
    expect(draft.attachments.map((a) => [a.title, a.pageCount])).toEqual([['IRB approval letter', 2], ['clinical-notes', 3]]);
    const edited = draft.letterText.replace('Dear Appeals Reviewer:', 'Dear Dr. Reviewer, Appeals Unit:');
    await call(backend, 'appeals:save-letter', { denialId: 1, letterText: edited });

    const preview = await call(backend, 'appeals:export', { denialId: 1 });
    const { path, pages } = pagesOf(backend, preview);
    const attached = preview.sections.filter((s) => s.kind === 'attached');
    expect(attached.map((s) => [s.title, s.pages])).toEqual([['Exhibit E: IRB approval letter', 2], ['Exhibit F: clinical-notes', 3]]);
    expect(pdfPageCount(path)).toBe(before.pageCount + 5);
    expect(pages[(attached[0]?.firstPage ?? 0) - 1]).toContain('IRB APPROVAL 1');
    expect(pages[(attached[1]?.firstPage ?? 0) + 1]).toContain('CLINICAL NOTE 3');
    expect(pages[0]).toMatch(new RegExp(`Exhibit F: clinical-notes[ .]+${attached[1]?.firstPage}\\n`));
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}`)));
    expect(pages.join('\n')).toContain('Dear Dr. Reviewer, Appeals Unit:');
    expect(preview.letterParagraphs).toContain('Dear Dr. Reviewer, Appeals Unit:');

    // Removing an attachment and resetting the letter.
    const after = await call(backend, 'appeals:remove-attachment', { denialId: 1, attachmentId: draft.attachments[0]?.id as number });
    expect(after.attachments.map((a) => a.title)).toEqual(['clinical-notes']);
    expect((await call(backend, 'appeals:reset-letter', { denialId: 1 })).letterText).toContain('Dear Appeals Reviewer:');
  });

  it('refuses an attachment that is not a PDF, without naming the file (its name may hold PHI)', async () => {
    const backend = await world();
    const bogus = join(tempDir('tl-att-'), 'notes.pdf');
    writeFileSync(bogus, 'Name,MRN\nDoe,MRN123\n');
    await expect(call(backend, 'appeals:add-attachment', { denialId: 1, fileId: backend.files.register(bogus).fileId, title: 'Clinical notes' })).rejects.toMatchObject({
      code: 'pdf-attachment-not-a-pdf',
      message: 'The chosen file is not a readable PDF file.',
    });
  });

  it('batch export: one ZIP with a packet per denial', async () => {
    const backend = await world();
    const { jobId } = await call(backend, 'appeals:export-batch', { denialIds: [1, 2, 999] });
    const result = (await jobResult(backend, jobId)) as AppealBatchResult;
    expect(result).toMatchObject({ packets: 2, failed: [{ denialId: 999, message: 'Denial 999 does not exist.' }] });
    const entries = readZip(readFileSync(join(backend.outboxDir, result.fileName as string)));
    expect(entries.map((e) => e.name)).toEqual(['appeal-ICN-2003-d1.pdf', 'appeal-ICN-3005-d2.pdf']);
    for (const e of entries) expect(Buffer.from(e.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(entries.reduce((n, e) => n + pdfPageCount(writeTemp(e.bytes)), 0)).toBe(result.pages);
  });
});

function writeTemp(bytes: Uint8Array): string {
  const path = join(tempDir('tl-zip-'), 'entry.pdf');
  writeFileSync(path, bytes);
  return path;
}

/** Reads a stored (uncompressed) ZIP through its central directory, checking each CRC. */
function readZip(zip: Buffer): { name: string; bytes: Uint8Array }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26);
    const bytes = zip.subarray(dataAt, dataAt + size);
    expect(crc32(bytes)).toBe(crc);
    out.push({ name, bytes });
    at += 46 + nameLength;
  }
  return out;
}
