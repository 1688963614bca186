import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { UserError } from '../../db/backend/user-error.ts';
import { createPdfDocument, loadFontFiles, PdfAttachmentError, type FontFiles, type PdfDocumentBuilder } from '../../db/pdf/index.ts';
import { FIXED_NOW, TempDir, assertPopplerInstalled, makeAttachmentPdf, makeEncryptedPdf, pdfPageCount, pdfPages, pdfWords, darkestInStrip } from './helpers.ts';

let tmp: TempDir;
let fonts: FontFiles;

beforeAll(async () => {
  assertPopplerInstalled();
  tmp = new TempDir();
  fonts = await loadFontFiles();
});
afterAll(() => tmp.dispose());

const LABEL = 'Appeal · Claim CLM-88812';

/** An appeal packet: cover with TOC, letter, analysis, then two exhibits (one scanned sideways). */
async function appealPacket(): Promise<PdfDocumentBuilder> {
  const doc = await createPdfDocument({ title: 'Appeal CLM-88812', footerLabel: LABEL, now: FIXED_NOW, fonts });
  doc.heading('Appeal of claim denial', { level: 1 }).keyValues([{ key: 'Claim', value: 'CLM-88812' }]);
  doc.heading('Contents').tableOfContents([
    { key: 'letter', title: 'Appeal letter' },
    { key: 'analysis', title: 'Coverage analysis' },
    { key: 'exA', title: 'Exhibit A: Explanation of benefits' },
    { key: 'exB', title: 'Exhibit B: Signed consent (scan)' },
  ]);
  doc.pageBreak().heading('Appeal letter', { tocKey: 'letter' });
  for (let i = 0; i < 30; i++) doc.paragraph(`Paragraph ${i + 1}: the billed services are routine costs of a qualifying clinical trial and are covered under NCD 310.1.`);
  doc.heading('Coverage analysis', { tocKey: 'analysis' }).paragraph('All items are standard of care.');
  await doc.attachPdf(await makeAttachmentPdf({ pages: 2, text: 'EOB PAGE' }), { label: 'Exhibit A', tocKey: 'exA' });
  await doc.attachPdf(await makeAttachmentPdf({ pages: 1, text: 'CONSENT SCAN', rotate: 90, size: [595, 842] }), { label: 'Exhibit B', tocKey: 'exB' });
  return doc;
}

describe('appeal packets', () => {
  it('merges attachments after the generated pages and stamps the footer on them', async () => {
    const path = tmp.write(await (await appealPacket()).save());
    const pages = pdfPages(path);
    expect(pdfPageCount(path)).toBe(6); // cover, letter x2, EOB x2, consent
    expect(pages[3]).toContain('EOB PAGE 1');
    expect(pages[4]).toContain('EOB PAGE 2');
    expect(pages[5]).toContain('CONSENT SCAN 1');
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`${LABEL}\\s+Page ${i + 1} of 6`)));
  });

  it('places the footer correctly on rotated pages and on pages that leave a dirty graphics state', async () => {
    const doc = await createPdfDocument({ title: 'Odd attachments', footerLabel: 'Odd', now: FIXED_NOW, fonts });
    doc.paragraph('Cover');
    await doc.attachPdf(await makeAttachmentPdf({ pages: 1, leaveDirtyState: true }), { label: 'Exhibit 1' });
    for (const rotate of [90, 180, 270] as const) await doc.attachPdf(await makeAttachmentPdf({ pages: 1, rotate }), { label: `Exhibit ${rotate}` });
    const path = tmp.write(await doc.save());
    // pdftotext -bbox reports positions as displayed (rotation applied): every footer must sit at the
    // bottom of the displayed page, left to right, at full size.
    const footers = pdfWords(path).filter((w) => w.text === 'Page');
    expect(footers.map((w) => w.page)).toEqual([1, 2, 3, 4, 5]);
    for (const word of footers) {
      const displayedHeight = word.page === 3 || word.page === 5 ? 612 : 792;
      expect(word.yMin).toBeGreaterThan(displayedHeight - 50);
      expect(word.yMin).toBeLessThan(displayedHeight - 30);
    }
    // The footer on the dirty page is visible (grey), not drawn in the page's leftover white fill.
    expect(darkestInStrip(path, 2, 792 - 50, 20)).toBeLessThan(180);
    expect(pdfPages(path)[1]).toMatch(/Odd\s+Page 2 of 5/);
  });

  it('fills the table of contents with the page where each section and exhibit starts', async () => {
    const cover = pdfPages(tmp.write(await (await appealPacket()).save()))[0] ?? '';
    expect(cover).toMatch(/Appeal letter[ .]+2\n/);
    expect(cover).toMatch(/Coverage analysis[ .]+3\n/);
    expect(cover).toMatch(/Exhibit A: Explanation of benefits[ .]+4\n/);
    expect(cover).toMatch(/Exhibit B: Signed consent \(scan\)[ .]+6\n/);
  });

  it('links each table-of-contents entry to its page', async () => {
    const saved = await PDFDocument.load(await (await appealPacket()).save());
    const annots = saved.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    const targets = annots.asArray().map((ref) => {
      const dest = saved.context.lookup(ref, PDFDict).lookup(PDFName.of('Dest'), PDFArray);
      return saved.getPages().findIndex((p) => p.ref === dest.get(0)) + 1;
    });
    expect(targets).toEqual([2, 3, 4, 6]);
  });

  it('refuses a file that is not a PDF with a clear UserError, and still saves', async () => {
    const doc = await createPdfDocument({ title: 'Bad attachment', now: FIXED_NOW, fonts });
    doc.paragraph('Cover');
    for (const bytes of [new TextEncoder().encode('Name,MRN\nDoe,123'), new TextEncoder().encode(`%PDF-1.7\n${'junk '.repeat(50)}`), new Uint8Array(0)]) {
      const error = await doc.attachPdf(bytes, { label: 'Exhibit C' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfAttachmentError);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ code: 'pdf-attachment-not-a-pdf', message: 'Exhibit C is not a readable PDF file.' });
    }
    const truncated = (await makeAttachmentPdf({ pages: 3 })).subarray(0, 400);
    await expect(doc.attachPdf(truncated, { label: 'Exhibit D' })).rejects.toThrow(PdfAttachmentError);
    expect(pdfPageCount(tmp.write(await doc.save()))).toBe(1);
  });

  it('refuses an encrypted PDF with its own message', async () => {
    const doc = await createPdfDocument({ title: 'Encrypted attachment', now: FIXED_NOW, fonts });
    await expect(doc.attachPdf(makeEncryptedPdf(), { label: 'Exhibit E' })).rejects.toMatchObject({
      code: 'pdf-attachment-encrypted',
      message: expect.stringContaining('Exhibit E is a password-protected (encrypted) PDF'),
    });
  });

  it('reports a table-of-contents entry that no section marks', async () => {
    const doc = await createPdfDocument({ title: 'Broken TOC', now: FIXED_NOW, fonts });
    doc.tableOfContents([{ key: 'missing', title: 'Nowhere' }]);
    await expect(doc.save()).rejects.toThrow(/"missing" points to no section/);
  });

  it('rejects a section key used twice', async () => {
    const doc = await createPdfDocument({ title: 'Twice', now: FIXED_NOW, fonts });
    doc.heading('One', { tocKey: 'a' });
    expect(() => doc.heading('Two', { tocKey: 'a' })).toThrow(/used twice: a/);
  });
});
