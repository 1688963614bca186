import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfDocument, loadFontFiles, type FontFiles, type PdfDocumentBuilder } from '../../db/pdf/index.ts';
import { FIXED_NOW, TempDir, assertPopplerInstalled, pdfFonts, pdfInfo, pdfPages, pdfText, pdfWords, renderPng } from './helpers.ts';

let tmp: TempDir;
let fonts: FontFiles;

beforeAll(async () => {
  assertPopplerInstalled();
  tmp = new TempDir();
  fonts = await loadFontFiles();
});
afterAll(() => tmp.dispose());

/** A one-page invoice-like document using every simple block. */
async function invoice(now = FIXED_NOW): Promise<PdfDocumentBuilder> {
  const doc = await createPdfDocument({ title: 'Invoice INV-2025-0042', footerLabel: 'Invoice INV-2025-0042 · Acme Pharma', subject: 'Sponsor invoice', now, fonts });
  return doc
    .heading('Sponsor invoice', { level: 1 })
    .addressBlocks([
      { title: 'From (site)', name: 'Ridgeview Medical Center', lines: ['1200 Ridgeview Parkway', 'Columbus, OH 43215'] },
      { title: 'Bill to (sponsor)', name: 'Acme Pharma Inc.', lines: ['55 Harbor Street', 'Boston, MA 02110'] },
    ])
    .keyValues([
      { key: 'Invoice number', value: 'INV-2025-0042' },
      { key: 'Amount due', value: '$48,215.00', strong: true },
    ])
    .rule()
    .heading('Billable events')
    .table({
      columns: [{ title: 'Date', width: { pt: 70 } }, { title: 'Description' }, { title: 'Amount', width: { pt: 80 }, align: 'right' }],
      rows: [
        ['2025-01-02', 'Screening visit', '$863.00'],
        ['2025-01-09', 'Visit 2', '$1,019.00'],
      ],
      totals: [['', 'Total due', '$1,882.00']],
    })
    .paragraph('Payment terms: net 45 days.', { muted: true, small: true });
}

describe('document builder', () => {
  it('lays out headings, address blocks, key/values and a footer', async () => {
    const path = tmp.write(await (await invoice()).save());
    const text = pdfText(path);
    expect(pdfInfo(path).get('Pages')).toBe('1');
    for (const s of ['Sponsor invoice', 'FROM (SITE)', 'BILL TO (SPONSOR)', 'Ridgeview Medical Center', 'Acme Pharma Inc.', 'Billable events', 'Payment terms: net 45 days.']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Invoice number:\s+INV-2025-0042/);
    expect(text).toMatch(/Amount due:\s+\$48,215\.00/);
    expect(text).toMatch(/Ridgeview Medical Center\s+Acme Pharma Inc\./); // side by side
    expect(text).toMatch(/Invoice INV-2025-0042 · Acme Pharma\s+Page 1 of 1/);
  });

  it('embeds subset fonts with ToUnicode maps', async () => {
    const path = tmp.write(await (await invoice()).save());
    const fontsUsed = pdfFonts(path);
    expect(fontsUsed.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const font of fontsUsed) expect(font).toMatchObject({ emb: true, sub: true, uni: true });
  });

  it('writes the metadata, with the creation date from the injected clock', async () => {
    const path = tmp.write(await (await invoice()).save());
    const info = pdfInfo(path);
    expect(info.get('Title')).toBe('Invoice INV-2025-0042');
    expect(info.get('Author')).toBe('TrialLedger');
    expect(info.get('Subject')).toBe('Sponsor invoice');
    expect(info.get('Page size')).toContain('612 x 792');
    expect(info.get('CreationDate')).toBe('2025-03-01T12:00:00Z');
  });

  it('produces byte-identical output for the same input and clock', async () => {
    const a = await (await invoice()).save();
    const b = await (await invoice()).save();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await (await invoice(() => new Date('2025-03-02T12:00:00Z'))).save();
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
  });

  it('replaces characters the font cannot show with ? instead of crashing', async () => {
    const doc = await createPdfDocument({ title: 'Glyphs 中', footerLabel: 'Label \u{1F9EC}', now: FIXED_NOW, fonts });
    doc.heading('Heading 中文').paragraph('Patient note \u{1F9EC} end \uD800.').keyValues([{ key: 'Key 中', value: 'Value \u{1F9EC}', strong: true }]);
    doc.table({ columns: [{ title: 'Col 中' }], rows: [['cell \u{1F9EC}']] });
    const text = pdfText(tmp.write(await doc.save()));
    for (const s of ['Heading ??', 'Patient note ? end ?.', 'Key ?:', 'Value ?', 'Col ?', 'cell ?', 'Label ?']) expect(text).toContain(s);
  });

  it('wraps long words and keeps explicit newlines, inside the margins', async () => {
    const long = `${'Averyveryverylongidentifier'.repeat(8)}`;
    const doc = await createPdfDocument({ title: 'Wrap', now: FIXED_NOW, fonts });
    doc.paragraph(`Start ${long} end.\nSecond line\n\nFourth line`);
    doc.table({ columns: [{ title: 'Code', width: { pt: 60 } }, { title: 'Text' }], rows: [['CODE-1234567890-ABCDEFGHIJ', long]] });
    const path = tmp.write(await doc.save());
    const words = pdfWords(path);
    for (const word of words) expect(word.xMax).toBeLessThanOrEqual(612 - 54 + 0.5);
    const text = pdfText(path);
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines).toContain('Second line');
    expect(lines.indexOf('Fourth line') - lines.indexOf('Second line')).toBe(2); // the empty line stays
    // Cut into several lines, and nothing lost: the word comes back whole once the pieces are joined.
    expect(words.filter((w) => /^[A-Za-z]{15,}$/.test(w.text)).length).toBeGreaterThanOrEqual(3);
    expect(text.replace(/\s+/g, '')).toContain(long);
    // The narrow code cell breaks after a hyphen rather than mid-token.
    expect(text).toMatch(/CODE-\s/);
  });

  it('starts a new page on pageBreak and numbers pages "Page X of Y"', async () => {
    const doc = await createPdfDocument({ title: 'Three pages', now: FIXED_NOW, fonts });
    doc.heading('One', { level: 1 }).pageBreak().heading('Two', { level: 1 }).pageBreak().heading('Three', { level: 1 }).pageBreak();
    const path = tmp.write(await doc.save());
    const pages = pdfPages(path);
    expect(pages).toHaveLength(3); // no blank page after the trailing break
    expect(pages[1]).toContain('Two');
    expect(pages[1]).toMatch(/Three pages\s+Page 2 of 3/);
    expect(pages[2]).toMatch(/Page 3 of 3/);
  });

  it('builds documents of a batch independently (shared font bytes, no shared state)', async () => {
    const sponsors = ['Acme Pharma', 'Borealis Bio', 'Cygnus Therapeutics'];
    const built = await Promise.all(
      sponsors.map(async (sponsor) => {
        const doc = await createPdfDocument({ title: `Invoice for ${sponsor}`, now: FIXED_NOW, fonts });
        return doc.heading(sponsor, { level: 1 }).table({ columns: [{ title: 'Sponsor' }], rows: [[sponsor]] }).save();
      }),
    );
    built.forEach((bytes, i) => {
      const text = pdfText(tmp.write(bytes));
      expect(text).toContain(sponsors[i]);
      for (const other of sponsors.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  it('saves an empty document as one page with its footer', async () => {
    const doc = await createPdfDocument({ title: 'Empty', now: FIXED_NOW, fonts });
    expect(pdfText(tmp.write(await doc.save()))).toMatch(/Empty\s+Page 1 of 1/);
  });

  it('refuses to be used after save', async () => {
    const doc = await createPdfDocument({ title: 'Once', now: FIXED_NOW, fonts });
    await doc.save();
    expect(() => doc.paragraph('late')).toThrow(/already saved/);
  });

  it('renders page 1 to a non-trivial PNG', async () => {
    const png = renderPng(tmp.write(await (await invoice()).save()), tmp.path, 1, 60);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: US Letter at 60 dpi is 510 x 660 pixels.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([510, 660]);
    // A blank page compresses to ~1 kB; text, fills and rules make it several times larger.
    expect(statSync(png).size).toBeGreaterThan(8_000);
  });
});
