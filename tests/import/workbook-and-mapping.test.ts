import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../db/import/import-files.ts';
import { mappingProfileSchema, type MappingProfile } from '../../shared/package-spec/mapping.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { MINI_PACKAGE, miniPackageFiles, tempDir, writePackage } from '../helpers/temp-dir.ts';

/** The mini package as one workbook, a sheet per file, sheets in a deliberately scrambled order. */
async function miniWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const files = miniPackageFiles();
  workbook.addWorksheet('README').addRow(['Notes for the coordinator; ignored']);
  for (const name of ['charges.csv', 'visits.csv', 'subjects.csv', 'calendar.csv', 'studies.csv']) {
    const sheet = workbook.addWorksheet(name.replace('.csv', ''));
    const lines = (files[name] ?? '').trim().split('\n');
    lines.forEach((line, i) => {
      const cells: (string | number | Date)[] = line.split(',');
      // Real workbooks hold numbers and dates as such, not text.
      if (i > 0 && name === 'subjects.csv') cells[4] = new Date(`${cells[4] as string}T00:00:00Z`);
      if (i > 0 && name === 'charges.csv') cells[7] = Number(cells[7]);
      sheet.addRow(cells);
    });
  }
  const path = join(tempDir(), 'package.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('a package as one .xlsx workbook', () => {
  it('imports the sheets in dependency order with the same result as the CSV folder', async () => {
    const fromCsv = memoryStore();
    await importFiles(fromCsv, { type: 'folder', path: MINI_PACKAGE });
    const fromXlsx = memoryStore();
    const outcome = await importFiles(fromXlsx, { type: 'file', path: await miniWorkbook() });
    expect(outcome.problems).toEqual([]);
    expect(outcome.files.map((f) => f.file)).toEqual(['package.xlsx [studies]', 'package.xlsx [calendar]', 'package.xlsx [subjects]', 'package.xlsx [visits]', 'package.xlsx [charges]']);
    const rows = (db: typeof fromCsv) => db.prepare('SELECT charge_id, mrn, charge_amount_cents, dx_codes FROM charges ORDER BY charge_id').all();
    expect(rows(fromXlsx)).toEqual(rows(fromCsv));
    expect(fromXlsx.prepare('SELECT consent_date FROM subjects ORDER BY subject_id').pluck().all()).toEqual(['2025-01-02', '2025-01-05', '2025-02-01']);
  });

  it('imports the shipped template workbook, whose shared strings come after its sheets', async () => {
    const outcome = await importFiles(memoryStore(), { type: 'file', path: join(import.meta.dirname, '..', '..', 'assets', 'templates', 'study-package-template.xlsx') });
    expect(outcome.problems).toEqual([]);
    expect(outcome.status).toBe('imported');
    expect(outcome.files.map((f) => [f.kind, f.rowsRead])).toEqual([
      ['studies', 0], ['calendar', 0], ['invoiceables', 0], ['subjects', 0], ['visits', 0], ['approvals', 0], ['invoices', 0], ['charges', 0],
    ]);
  });

  it('locates problems by sheet, row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('studies');
    sheet.addRow(miniPackageFiles()['studies.csv']?.split('\n')[0]?.split(','));
    sheet.addRow(['S1', 'P', 'T', 'Sp', '', '', 'Y', 26, 10, 45]);
    const path = join(tempDir(), 'pkg.xlsx');
    await workbook.xlsx.writeFile(path);
    const outcome = await importFiles(memoryStore(), { type: 'file', path });
    expect(outcome.problems.map(formatProblem)).toEqual(['pkg.xlsx [studies]:2:5 (nct_number): a qualifying trial needs its NCT number: Medicare requires it on every claim (CR 8401)']);
  });

  it('refuses a truncated workbook without hanging or crashing, and writes nothing', async () => {
    const full = readFileSync(await miniWorkbook());
    for (const cut of [0.3, 0.7, 0.98]) {
      const path = join(tempDir(), 'truncated.xlsx');
      writeFileSync(path, full.subarray(0, Math.floor(full.length * cut)));
      const db = memoryStore();
      const before = tableCounts(db);
      const outcome = await importFiles(db, { type: 'file', path });
      expect(outcome.status).toBe('refused');
      expect(outcome.problems.map(formatProblem)[0]).toMatch(/^truncated\.xlsx: the workbook is truncated or damaged/);
      expect(tableCounts(db)).toEqual(before);
    }
  });

  it('refuses a workbook whose bytes are damaged inside', async () => {
    const bytes = readFileSync(await miniWorkbook());
    for (let i = 200; i < bytes.length - 200; i += 37) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    const path = join(tempDir(), 'damaged.xlsx');
    writeFileSync(path, bytes);
    const outcome = await importFiles(memoryStore(), { type: 'file', path });
    expect(outcome.status).toBe('refused');
    expect(outcome.problems[0]?.file).toMatch(/^damaged\.xlsx/);
  });
});

const EPIC_EXPORT = [
  'Transaction ID;HAR;MRN;Service Date;CPT;Modifiers;Qty;Amount;Rev Code;Dx;Route;Payer;Financial Class;Patient Class;Clinical Trial #;Condition Codes;Comment',
  'T-1;HAR1;MRN9001;01/10/2025 00:00:00;80053;Q1;1;212.00;0301;C18.9,Z00.6;INS;Medicare Part B;MCR;O;01234567;30;routine',
  'T-2;HAR1;MRN9001;1/10/2025;71260;;1;1450.00;0350;C18.9;INS;Medicare Part B;MCR;O;;;',
  'T-3;HAR9;MRN9002;01/26/2025;96413;;1;900.00;0335;C18.9;RSH;Research;COMM;O;;;',
].join('\r\n');

const PROFILE: MappingProfile = mappingProfileSchema.parse({
  name: 'Epic HB export',
  columns: {
    charge_id: 'Transaction ID', account_id: 'HAR', mrn: 'MRN', service_date: 'Service Date', cpt_hcpcs: 'CPT', modifiers: 'Modifiers',
    units: 'Qty', charge_amount: 'Amount', revenue_code: 'Rev Code', dx_codes: 'Dx', bill_to: 'Route', payer_name: 'Payer',
    payer_type: 'Financial Class', setting: 'Patient Class', nct_on_claim: 'Clinical Trial #', condition_codes: 'Condition Codes',
  },
  constants: { claim_type: 'INSTITUTIONAL' },
  dateFormat: 'MM/DD/YYYY',
  listSeparator: ',',
  valueMaps: {
    payer_type: { MCR: 'MEDICARE', COMM: 'COMMERCIAL' },
    bill_to: { RSH: 'STUDY', INS: 'INSURANCE' },
    setting: { O: 'OUTPATIENT', I: 'INPATIENT' },
  },
});

describe('a charge export through a mapping profile', () => {
  it('maps columns, dates, separators and values into charges', async () => {
    const db = memoryStore();
    const path = join(writePackage({ 'epic-export.csv': EPIC_EXPORT }), 'epic-export.csv');
    const outcome = await importFiles(db, { type: 'file', path }, { mapping: PROFILE });
    expect(outcome.problems).toEqual([]);
    expect(outcome.files[0]).toMatchObject({ kind: 'charges', inserted: 3 });
    const rows = db.prepare('SELECT charge_id, service_date, dx_codes, bill_to, payer_type, setting, claim_type, condition_codes FROM charges ORDER BY charge_id').all();
    expect(rows).toEqual([
      { charge_id: 'T-1', service_date: '2025-01-10', dx_codes: 'C18.9;Z00.6', bill_to: 'INSURANCE', payer_type: 'MEDICARE', setting: 'OUTPATIENT', claim_type: 'INSTITUTIONAL', condition_codes: '30' },
      { charge_id: 'T-2', service_date: '2025-01-10', dx_codes: 'C18.9', bill_to: 'INSURANCE', payer_type: 'MEDICARE', setting: 'OUTPATIENT', claim_type: 'INSTITUTIONAL', condition_codes: '' },
      { charge_id: 'T-3', service_date: '2025-01-26', dx_codes: 'C18.9', bill_to: 'STUDY', payer_type: 'COMMERCIAL', setting: 'OUTPATIENT', claim_type: 'INSTITUTIONAL', condition_codes: '' },
    ]);
    expect(db.prepare('SELECT source FROM import_batches').pluck().get()).toBe("charges via mapping 'Epic HB export'");
  });

  it('names the export own columns in problems and refuses an unmapped required field', async () => {
    const bad = EPIC_EXPORT.replace('01/26/2025', '2025-26-01').replace(';COMM;', ';WORKERS COMP;');
    const path = join(writePackage({ 'epic-export.csv': bad }), 'epic-export.csv');
    const outcome = await importFiles(memoryStore(), { type: 'file', path }, { mapping: PROFILE });
    expect(outcome.problems.map(formatProblem)).toEqual([
      "epic-export.csv:4:4 (Service Date): '2025-26-01' is not a date in YYYY-MM-DD form",
      "epic-export.csv:4:13 (Financial Class): 'WORKERS COMP' is not one of MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, COMMERCIAL, SELF_PAY",
    ]);
    const { claim_type: _dropped, ...constants } = PROFILE.constants;
    const missing = await importFiles(memoryStore(), { type: 'file', path }, { mapping: { ...PROFILE, constants } });
    expect(missing.problems.map(formatProblem)).toEqual(["epic-export.csv:1 (claim_type): field 'claim_type' is required but profile 'Epic HB export' maps no column to it"]);
  });

  it('treats the same export under a corrected profile as a new import, not a re-import', async () => {
    const db = memoryStore();
    const path = join(writePackage({ 'epic-export.csv': EPIC_EXPORT }), 'epic-export.csv');
    await importFiles(db, { type: 'file', path }, { mapping: PROFILE });
    expect((await importFiles(db, { type: 'file', path }, { mapping: PROFILE })).status).toBe('unchanged');
    const corrected = { ...PROFILE, valueMaps: { ...PROFILE.valueMaps, bill_to: { RSH: 'STUDY', INS: 'PATIENT' } } };
    const again = await importFiles(db, { type: 'file', path }, { mapping: corrected });
    expect(again.files[0]).toMatchObject({ updated: 2, unchanged: 1 });
  });

  it('maps the first sheet of an .xlsx export with amounts in cents', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Charges Jan');
    for (const line of EPIC_EXPORT.split('\r\n')) sheet.addRow(line.split(';'));
    sheet.getCell('H2').value = 21200;
    sheet.getCell('H3').value = 145000;
    sheet.getCell('H4').value = 90000;
    const path = join(tempDir(), 'export.xlsx');
    await workbook.xlsx.writeFile(path);
    const db = memoryStore();
    const outcome = await importFiles(db, { type: 'file', path }, { mapping: { ...PROFILE, amountUnit: 'cents' } });
    expect(outcome.problems).toEqual([]);
    expect(db.prepare('SELECT charge_amount_cents FROM charges ORDER BY charge_id').pluck().all()).toEqual([21200, 145000, 90000]);
  });
});
