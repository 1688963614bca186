/**
 * Hostile .xlsx workbooks, built byte by byte here (a tiny zip writer) because no spreadsheet library
 * writes broken XML: each must be refused with a clear one-line problem, quickly and in bounded memory,
 * and refusing one sheet must leave the whole import undone.
 *
 * The quadratic cases are not timed: they assert the refusal, and only a linear scan finishes them
 * within the per-test timeout below (a rescanning reader took minutes on a fraction of these inputs).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../db/import/import-files.ts';
import { readXlsxSheet } from '../../db/import/read-xlsx-rows.ts';
import { XmlElementReader, xmlElements, type XmlElement } from '../../db/import/xlsx-zip.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** The guard against quadratic scans: far below vitest.config's 60 s. */
const FAST = 5_000;

/**
 * A zip file (deflated entries) holding exactly these parts. Not db/denials/zip-writer.ts: that writer
 * stores entries uncompressed, and real workbooks are deflated, which is the streaming path under test.
 */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An .xlsx file whose sheets (name -> raw sheet XML) are given as written, plus an optional shared-string part. */
function workbook(sheets: Record<string, string>, sharedStrings?: string): string {
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {
    'xl/workbook.xml': `<workbook xmlns:r="r"><sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  names.forEach((name, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheets[name] as string));
  if (sharedStrings !== undefined) parts['xl/sharedStrings.xml'] = sharedStrings;
  const path = join(tempDir(), 'hostile.xlsx');
  writeFileSync(path, zip(parts));
  return path;
}

const sheetXml = (rows: string): string => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const column = (i: number): string => String.fromCharCode(65 + i);
const textRow = (r: number, cells: readonly string[]): string =>
  `<row r="${r}">${cells.map((text, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;

const STUDIES_HEADER = 'study_id,protocol_number,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days'.split(',');
const STUDY = 'S1,P-1,A title,Sponsor,,,N,26,10,45'.split(',');
const STUDIES = sheetXml(textRow(1, STUDIES_HEADER) + textRow(2, STUDY));

async function importWorkbook(path: string) {
  const db = memoryStore();
  const empty = tableCounts(db);
  const outcome = await importFiles(db, { type: 'file', path });
  return { outcome, problems: outcome.problems.map(formatProblem), unchanged: JSON.stringify(tableCounts(db)) === JSON.stringify(empty) };
}

/** Every row readXlsxSheet delivers from the one sheet of `path`. */
async function readRows(path: string): Promise<{ line: number; cells: string[] }[]> {
  const rows: { line: number; cells: string[] }[] = [];
  await readXlsxSheet(path, { name: 'studies', part: 'xl/worksheets/sheet1.xml' }, (cells, line) => rows.push({ line, cells }) > 0);
  return rows;
}

describe('unclosed elements are refused in one linear pass', () => {
  it(
    'refuses 50,000 <row> tags that never close, naming the sheet and row',
    async () => {
      const { outcome, problems, unchanged } = await importWorkbook(workbook({ studies: sheetXml('<row>'.repeat(50_000)) }));
      expect(outcome.status).toBe('refused');
      expect(problems).toEqual(["hostile.xlsx [studies]: row 1 of sheet 'studies' is malformed: another <row> starts before its </row>"]);
      expect(unchanged).toBe(true);
    },
    FAST,
  );

  it(
    'refuses 200,000 unclosed <si> shared strings',
    async () => {
      const sheet = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
      const { problems } = await importWorkbook(workbook({ studies: sheet }, `<sst>${'<si>'.repeat(200_000)}</sst>`));
      expect(problems).toEqual(['hostile.xlsx [studies]: shared string 1 is malformed: another <si> starts before its </si>']);
    },
    FAST,
  );

  it(
    'refuses 200,000 unclosed cells inside one closed row, and as many unclosed texts inside a shared string',
    async () => {
      const cells = await importWorkbook(workbook({ studies: sheetXml(`<row r="3">${'<c>'.repeat(200_000)}</row>`) }));
      expect(cells.problems).toEqual(["hostile.xlsx [studies]: a cell in row 3 of sheet 'studies' is malformed: another <c> starts before its </c>"]);
      const sheet = sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
      const text = await importWorkbook(workbook({ studies: sheet }, `<sst><si>${'<t>'.repeat(200_000)}</si></sst>`));
      expect(text.problems).toEqual(['hostile.xlsx [studies]: shared string 1 is malformed: another <t> starts before its </t>']);
    },
    FAST,
  );

  it('refuses a row still open at the end of the sheet, and a stray </row>', async () => {
    const open = await importWorkbook(workbook({ studies: `<worksheet><sheetData>${textRow(1, STUDIES_HEADER)}<row r="2"><c r="A2"><v>1</v></c>` }));
    expect(open.problems).toEqual(["hostile.xlsx [studies]: row 2 of sheet 'studies' is malformed: its <row> is never closed"]);
    const stray = await importWorkbook(workbook({ studies: sheetXml(`${textRow(1, STUDIES_HEADER)}</row>`) }));
    expect(stray.problems).toEqual(["hostile.xlsx [studies]: sheet 'studies' is malformed: a </row> closes no <row>"]);
  });

  it(
    'refuses a row longer than 16 MB instead of buffering it',
    async () => {
      const huge = `<row r="7"><c r="A7" t="inlineStr"><is><t>${'x'.repeat(17 * 1024 * 1024)}</t></is></c></row>`;
      const { problems } = await importWorkbook(workbook({ studies: sheetXml(textRow(1, STUDIES_HEADER) + huge) }));
      expect(problems).toEqual(["hostile.xlsx [studies]: row 7 of sheet 'studies' is implausibly long (over 16 MB)"]);
    },
    FAST * 2,
  );
});

describe("references beyond Excel's grid are refused before anything is allocated", () => {
  it.each([
    ['ZZZZZ1', "cell ZZZZZ1 of sheet 'studies' is beyond Excel's last column (XFD)"],
    ['ZZZZZZZ1', "cell ZZZZZZZ1 of sheet 'studies' is beyond Excel's last column (XFD)"],
    ['XFE1', "cell XFE1 of sheet 'studies' is beyond Excel's last column (XFD)"],
    ['A1048577', "cell A1048577 of sheet 'studies' is beyond Excel's last row (1048576)"],
    ['A0', "cell A0 of sheet 'studies' is not a valid cell reference"],
    ['1A', "cell 1A of sheet 'studies' is not a valid cell reference"],
  ])(
    'refuses a cell at %s',
    async (ref, reason) => {
      const sheet = sheetXml(`<row r="1"><c r="${ref}" t="inlineStr"><is><t>x</t></is></c></row>`);
      const { outcome, problems } = await importWorkbook(workbook({ studies: sheet }));
      expect(outcome.status).toBe('refused');
      expect(problems).toEqual([`hostile.xlsx [studies]: ${reason}`]);
    },
    FAST,
  );

  it('refuses a row number beyond 1,048,576 or not a number', async () => {
    const beyond = await importWorkbook(workbook({ studies: sheetXml(textRow(1, STUDIES_HEADER) + '<row r="1048577"><c><v>1</v></c></row>') }));
    expect(beyond.problems).toEqual(["hostile.xlsx [studies]: row '1048577' of sheet 'studies' is not a row number Excel can hold (1 to 1048576)"]);
    const junk = await importWorkbook(workbook({ studies: sheetXml('<row r="abc"><c><v>1</v></c></row>') }));
    expect(junk.problems).toEqual(["hostile.xlsx [studies]: row 'abc' of sheet 'studies' is not a row number Excel can hold (1 to 1048576)"]);
  });

  it('refuses a row with more unreferenced cells than Excel has columns', async () => {
    const { problems } = await importWorkbook(workbook({ studies: sheetXml(`<row r="2">${'<c><v>1</v></c>'.repeat(16_385)}</row>`) }));
    expect(problems).toEqual(["hostile.xlsx [studies]: row 2 of sheet 'studies' has more cells than Excel allows (16384)"]);
  });

  it('still reads a cell in the last column, XFD, and the last row', async () => {
    const rows = await readRows(workbook({ studies: sheetXml('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>last</t></is></c></row>') }));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.line).toBe(1_048_576);
    expect(rows[0]?.cells).toHaveLength(16_384);
    expect(rows[0]?.cells[16_383]).toBe('last');
  });
});

describe('one hostile sheet undoes the whole import', () => {
  it('imports nothing from a workbook whose valid studies sheet is followed by a hostile calendar sheet', async () => {
    const { outcome, problems, unchanged } = await importWorkbook(workbook({ studies: STUDIES, calendar: sheetXml('<row>'.repeat(1_000)) }));
    expect(outcome.status).toBe('refused');
    expect(problems).toEqual(["hostile.xlsx [calendar]: row 1 of sheet 'calendar' is malformed: another <row> starts before its </row>"]);
    expect(unchanged).toBe(true);
  });
});

describe('the linear scanner still reads well-formed workbooks', () => {
  it('reads prefixed, self-closing, rich-text and shared-string rows as before', async () => {
    const sheet =
      '<x:worksheet xmlns:x="m"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>in&amp;line</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"/>' +
      '<x:row r="4" spans="1:2"><x:c r="B4" t="s"><x:v>1</x:v></x:c><x:c r="C4"><x:v>212.30000000000001</x:v></x:c></x:row >' +
      '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:v>s</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const shared = '<sst><si><t>plain</t></si><si><r><t>ri</t></r><r><rPr/><t xml:space="preserve">ch </t></r><t/></si></sst>';
    expect(await readRows(workbook({ studies: sheet }, shared))).toEqual([
      { line: 1, cells: ['plain', '', 'in&line'] },
      { line: 4, cells: ['', 'rich ', '212.3'] },
      { line: 5, cells: ['TRUE', 's'] },
    ]);
  });

  it('reads a sheet of several MB, whose tags straddle the reader chunks, row for row', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => textRow(i + 1, [`study-${i}`, `${'long text '.repeat(i % 7)}${i}`]));
    const read = await readRows(workbook({ studies: sheetXml(rows.join('')) }));
    expect(read).toHaveLength(40_000);
    expect(read[39_999]).toEqual({ line: 40_000, cells: ['study-39999', `${'long text '.repeat(39_999 % 7)}39999`] });
    expect(read.every((row, i) => row.line === i + 1 && row.cells[0] === `study-${i}`)).toBe(true);
  });

  it('finds the same elements however the input is split into chunks', () => {
    const xml = '<a><x:row r="1"><c/></x:row><row/><rowBreaks/><row r="2" >b</row  ><x:row\n>c</x:row></a>';
    const place = () => 'here';
    const whole = [...xmlElements(xml, 'row', place)];
    expect(whole).toEqual([
      { attrs: ' r="1"', body: '<c/>' },
      { attrs: '', body: '' },
      { attrs: ' r="2" ', body: 'b' },
      { attrs: '\n', body: 'c' },
    ]);
    for (let size = 1; size <= 9; size += 1) {
      const reader = new XmlElementReader('row', 1_000, place);
      const found: XmlElement[] = [];
      for (let at = 0; at < xml.length; at += size) found.push(...reader.push(xml.slice(at, at + size)));
      reader.end();
      expect(found, `chunks of ${size}`).toEqual(whole);
    }
  });
});
