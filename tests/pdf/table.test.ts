import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfDocument, loadFontFiles, type FontFiles, type TableSpec } from '../../db/pdf/index.ts';
import { resolveColumnWidths } from '../../db/pdf/table.ts';
import { FIXED_NOW, TempDir, assertPopplerInstalled, pdfPageCount, pdfPages, pdfWords } from './helpers.ts';

let tmp: TempDir;
let fonts: FontFiles;

beforeAll(async () => {
  assertPopplerInstalled();
  tmp = new TempDir();
  fonts = await loadFontFiles();
});
afterAll(() => tmp.dispose());

const COLUMNS: TableSpec['columns'] = [
  { title: 'Line', width: { pt: 50 }, align: 'right' },
  { title: 'Service date', width: { pt: 80 } },
  { title: 'Description', width: { fraction: 1 } },
  { title: 'Amount', width: { pt: 80 }, align: 'right', nowrap: true },
];

function* lines(count: number): Generator<string[]> {
  for (let i = 1; i <= count; i++) {
    const description = i % 10 === 0 ? `Row ${i} long description that wraps inside its cell because it is much wider than the column` : `Row ${i} visit`;
    yield [String(i), '2025-01-15', description, `$${i},000.00`];
  }
}

async function tableDoc(spec: Omit<TableSpec, 'columns'>, title = 'Table test'): Promise<string> {
  const doc = await createPdfDocument({ title, now: FIXED_NOW, fonts });
  doc.heading('Billable events', { level: 1 }).table({ columns: COLUMNS, ...spec });
  return tmp.write(await doc.save());
}

/** Row numbers (the 'Line' column) found on each page, in order. */
function rowNumbersByPage(pages: readonly string[]): number[][] {
  return pages.map((page) => [...page.matchAll(/^\s*(\d+)\s+2025-01-15/gm)].map((m) => Number(m[1])));
}

describe('tables', () => {
  it('breaks across pages, repeating the header row, with every row exactly once', async () => {
    const path = await tableDoc({ rows: lines(80), totals: [['', '', 'Total', '$3,240,000.00']] });
    const pages = pdfPages(path);
    expect(pages.length).toBe(3);
    for (const page of pages) expect(page).toMatch(/Line\s+Service date\s+Description\s+Amount/);
    expect(pages[1]).toMatch(/Table test\s+Page 2 of 3/);
    const rows = rowNumbersByPage(pages);
    expect(rows.flat()).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(rows[1]?.length).toBeGreaterThan(20); // page 2 is full of rows, not just a header
    expect(pages[2]).toMatch(/Total\s+\$3,240,000\.00/);
  });

  it('paginates 500 rows from a generator', async () => {
    const path = await tableDoc({ rows: lines(500), totals: [['', '', 'Total', '$125,250,000.00']] });
    const pages = pdfPages(path);
    const count = pdfPageCount(path);
    expect(pages.length).toBe(count);
    // ~33 one-line rows fit a page; every tenth row takes two lines.
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(18);
    const rows = rowNumbersByPage(pages);
    expect(rows.flat()).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    pages.forEach((page, i) => {
      expect(page).toMatch(/Line\s+Service date\s+Description\s+Amount/);
      expect(page).toContain(`Page ${i + 1} of ${count}`);
    });
    expect(pages.at(-1)).toMatch(/Total\s+\$125,250,000\.00/);
    // Nothing runs into the footer: every row sits above the bottom margin.
    const footerTop = 792 - 66;
    for (const word of pdfWords(path)) if (!/^(Page|of|\d+|Table|test)$/.test(word.text)) expect(word.yMin).toBeLessThan(footerTop);
  });

  it('right-aligns amount cells and wraps long cells within their column', async () => {
    const path = await tableDoc({ rows: lines(12), style: 'rules' });
    const words = pdfWords(path);
    const amounts = words.filter((w) => /^\$[\d,]+\.00$/.test(w.text));
    expect(amounts).toHaveLength(12);
    const rightEdges = new Set(amounts.map((w) => w.xMax.toFixed(1)));
    expect(rightEdges.size).toBe(1);
    const text = pdfPages(path)[0] ?? '';
    expect(text).toMatch(/Row 10 long description that wraps inside its cell because it is\s+\$10,000\.00\n\s+much wider than the column/);
    const descriptionRight = 612 - 54 - 80;
    for (const w of words.filter((x) => x.text === 'is' || x.text === 'column')) expect(w.xMax).toBeLessThan(descriptionRight);
  });

  it('splits a row taller than a page instead of looping or overflowing', async () => {
    const huge = Array.from({ length: 140 }, (_, i) => `Note line ${i + 1}`).join('\n');
    const path = await tableDoc({ rows: [['1', '2025-01-15', 'short', '$1.00'], ['2', '2025-01-15', huge, '$2.00'], ['3', '2025-01-15', 'after', '$3.00']] });
    const pages = pdfPages(path);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const all = pages.join('\n');
    const found = [...all.matchAll(/Note line (\d+)/g)].map((m) => Number(m[1]));
    expect(found).toEqual(Array.from({ length: 140 }, (_, i) => i + 1));
    for (const page of pages) expect(page).toMatch(/Line\s+Service date/);
    expect(all).toMatch(/3\s+2025-01-15\s+after/);
  });

  it('draws the header alone for a table without rows', async () => {
    const text = pdfPages(await tableDoc({ rows: [] }))[0] ?? '';
    expect(text).toMatch(/Line\s+Service date\s+Description\s+Amount/);
  });

  it('never leaves a header alone at the bottom of a page', async () => {
    const doc = await createPdfDocument({ title: 'Orphan', now: FIXED_NOW, fonts });
    // One line, then space leaving 25 pt: room for the 18.7 pt header but not header + a row.
    doc.paragraph('Filler').space(792 - 54 - 13 - 66 - 25);
    doc.table({ columns: COLUMNS, rows: lines(3) });
    const pages = pdfPages(tmp.write(await doc.save()));
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('Service date');
    expect(pages[1]).toMatch(/Line\s+Service date/);
    expect(rowNumbersByPage(pages)[1]).toEqual([1, 2, 3]);
  });

  it('resolves fixed and fractional widths, and rejects columns wider than the page', () => {
    expect(resolveColumnWidths([{ title: 'a', width: { pt: 100 } }, { title: 'b', width: { fraction: 2 } }, { title: 'c' }], 400)).toEqual([100, 200, 100]);
    expect(() => resolveColumnWidths([{ title: 'a', width: { pt: 600 } }], 504)).toThrow(/600 pt/);
  });
});
