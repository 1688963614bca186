/**
 * Mapped exports that must be refused rather than misread (amounts declared in cents, a mapped column
 * repeated), paths that are not readable files (a folder, a broken link), mapping profiles saved with
 * a byte-order mark, and amounts above the maximum.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../db/cli/main.ts';
import type { CliIo } from '../../db/cli/io.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { previewFile } from '../../db/import/preview-file.ts';
import { probeFile, UnreadableFileError } from '../../db/import/probe-file.ts';
import { dollarsRefusal, parseDollarsToCents } from '../../shared/domain/money.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { mapChargeRow, mappingProfileSchema, resolveMappedHeader, type MappingProfile } from '../../shared/package-spec/mapping.ts';
import { parseSpecRow } from '../../shared/package-spec/parse-row.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { MINI_PACKAGE, tempDir, writePackage } from '../helpers/temp-dir.ts';

const HEADER = 'Transaction ID;HAR;MRN;Service Date;CPT;Qty;Amount;Route;Financial Class;Patient Class;Dx';

/** An export row with a given amount (test data only: no real patient). */
const row = (id: string, amount: string): string => `${id};HAR100;MRN200;01/02/2025;88305;1;${amount};INS;MCR;O;C34.32`;

const PROFILE_JSON = {
  name: 'Test export',
  columns: {
    charge_id: 'Transaction ID', account_id: 'HAR', mrn: 'MRN', service_date: 'Service Date', cpt_hcpcs: 'CPT',
    units: 'Qty', charge_amount: 'Amount', bill_to: 'Route', payer_type: 'Financial Class', setting: 'Patient Class', dx_codes: 'Dx',
  },
  constants: { claim_type: 'INSTITUTIONAL' },
  dateFormat: 'MM/DD/YYYY',
  listSeparator: ',',
  valueMaps: { payer_type: { MCR: 'MEDICARE' }, bill_to: { INS: 'INSURANCE' }, setting: { O: 'OUTPATIENT' } },
};
const DOLLARS: MappingProfile = mappingProfileSchema.parse(PROFILE_JSON);
const CENTS: MappingProfile = { ...DOLLARS, amountUnit: 'cents' };

async function importExport(lines: string[], mapping: MappingProfile) {
  const db = memoryStore();
  const before = tableCounts(db);
  const path = join(writePackage({ 'export.csv': lines.join('\n') }), 'export.csv');
  const outcome = await importFiles(db, { type: 'file', path }, { mapping });
  return { db, before, outcome, problems: outcome.problems.map(formatProblem) };
}

describe('a mapping profile that declares amounts in cents', () => {
  it('refuses an amount that is not a whole number of cents instead of reading it as dollars', async () => {
    const { db, before, outcome, problems } = await importExport([HEADER, row('C1', '12.5'), row('C2', '"1,234"'), row('C3', '21200')], CENTS);
    expect(outcome.status).toBe('refused');
    expect(problems).toEqual([
      `export.csv:2:7 (Amount): '12.5' is not a whole number of cents; profile 'Test export' declares amounts in cents (amountUnit "cents"), such as 21200 for $212.00`,
      `export.csv:3:7 (Amount): '1,234' is not a whole number of cents; profile 'Test export' declares amounts in cents (amountUnit "cents"), such as 21200 for $212.00`,
    ]);
    expect(tableCounts(db)).toEqual(before);
  });

  it('still reports the other problems of a refused row, once each', async () => {
    const { problems } = await importExport([HEADER, row('C1', '12.5').replace('01/02/2025', '13/45/2025')], CENTS);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^export\.csv:2:7 \(Amount\): '12\.5' is not a whole number of cents/);
    expect(problems[1]).toMatch(/^export\.csv:2:4 \(Service Date\): /);
  });

  it('converts whole cents exactly, and refuses an amount above the maximum instead of rounding it', async () => {
    const ok = await importExport([HEADER, row('C1', '21200'), row('C2', '5'), row('C3', '100000000000')], CENTS);
    expect(ok.problems).toEqual([]);
    expect(ok.db.prepare('SELECT charge_amount_cents FROM charges ORDER BY charge_id').pluck().all()).toEqual([21200, 5, 100_000_000_000]);
    const big = await importExport([HEADER, row('C1', '99999999999999999999999'), row('C2', '100000000001')], CENTS);
    expect(big.problems).toEqual([
      "export.csv:2:7 (Amount): '99999999999999999999999' cents is above the maximum amount of $1,000,000,000.00 (100000000000 cents)",
      "export.csv:3:7 (Amount): '100000000001' cents is above the maximum amount of $1,000,000,000.00 (100000000000 cents)",
    ]);
  });

  it('refuses a cents constant that is not whole cents once, on the header line', async () => {
    const columns = Object.fromEntries(Object.entries(CENTS.columns).filter(([field]) => field !== 'charge_amount'));
    const mapping: MappingProfile = { ...CENTS, columns, constants: { ...CENTS.constants, charge_amount: '1.5' } };
    const { problems } = await importExport([HEADER, row('C1', '100'), row('C2', '200')], mapping);
    expect(problems).toEqual([
      `export.csv:1 (charge_amount): the constant for charge_amount: '1.5' is not a whole number of cents; profile 'Test export' declares amounts in cents (amountUnit "cents"), such as 21200 for $212.00`,
    ]);
  });

  it('maps such a cell to a value validation refuses, so the mapping preview never shows it as dollars', () => {
    const header = resolveMappedHeader(CENTS, HEADER.split(';'));
    const amount = FILE_SPECS.charges.columns.findIndex((c) => c.name === 'charge_amount');
    for (const value of ['12.5', '1,234', '$5', '1e3', '99999999999999999999999']) {
      const parsed = parseSpecRow(FILE_SPECS.charges, mapChargeRow(CENTS, header, row('C1', value).split(';')));
      expect(parsed.problems.map((p) => p.specColumn)).toContain(amount);
    }
  });
});

describe('a mapped export with a repeated column', () => {
  it('refuses a repeated column the profile maps, naming where', async () => {
    const { db, before, outcome, problems } = await importExport([`${HEADER};Amount`, `${row('C1', '145.00')};999.00`], DOLLARS);
    expect(outcome.status).toBe('refused');
    expect(problems).toEqual([
      "export.csv:1:12 (Amount): column 'Amount' appears twice (also column 7) and profile 'Test export' maps it to charge_amount: rename or remove one of them",
    ]);
    expect(tableCounts(db)).toEqual(before);
  });

  it('matches the repeat case-insensitively and accepts a repeated column the profile does not map', async () => {
    expect((await importExport([`${HEADER};AMOUNT `, `${row('C1', '145.00')};1`], DOLLARS)).problems).toEqual([
      "export.csv:1:12 (Amount): column 'Amount' appears twice (also column 7) and profile 'Test export' maps it to charge_amount: rename or remove one of them",
    ]);
    const unmapped = await importExport([`${HEADER};Note;Note`, `${row('C1', '145.00')};a;b`], DOLLARS);
    expect(unmapped.problems).toEqual([]);
    expect(unmapped.db.prepare('SELECT charge_amount_cents FROM charges').pluck().get()).toBe(14500);
  });
});

describe('a path that is not a readable file', () => {
  const studiesCsv = (dir: string): string => join(dir, 'studies.csv');

  it('refuses a folder named like a package file or workbook in a package folder', async () => {
    const dir = tempDir();
    mkdirSync(studiesCsv(dir));
    const inFolder = await importFiles(memoryStore(), { type: 'file', path: dir });
    expect(inFolder.problems.map(formatProblem)).toEqual(['studies.csv: is a folder, not a file']);
    const workbookDir = tempDir();
    mkdirSync(join(workbookDir, 'package.xlsx'));
    expect((await importFiles(memoryStore(), { type: 'folder', path: workbookDir })).problems.map(formatProblem)).toEqual(['package.xlsx: is a folder, not a file']);
  });

  it('refuses a broken link by name, in a folder and on its own, and in a multi-file selection', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'gone', 'x.csv'), studiesCsv(dir));
    const expected = ['studies.csv: cannot be read: broken link (it points to nothing)'];
    expect((await importFiles(memoryStore(), { type: 'folder', path: dir })).problems.map(formatProblem)).toEqual(expected);
    expect((await importFiles(memoryStore(), { type: 'file', path: studiesCsv(dir) })).problems.map(formatProblem)).toEqual(expected);
    expect((await importFiles(memoryStore(), { type: 'files', paths: [studiesCsv(dir)] })).problems.map(formatProblem)).toEqual(expected);
  });

  it('ignores a folder or broken link that is not a package file name', async () => {
    const dir = writePackage({ 'studies.csv': `${FILE_SPECS.studies.columns.map((c) => c.name).join(',')}\nS1,P,T,Sp,,,N,26,10,45\n` });
    mkdirSync(join(dir, 'old exports'));
    symlinkSync(join(dir, 'nothing'), join(dir, 'notes.txt'));
    expect((await importFiles(memoryStore(), { type: 'folder', path: dir })).status).toBe('imported');
  });

  it('rejects probing a folder with a clear reason, never a raw I/O error', async () => {
    const dir = tempDir();
    await expect(probeFile(dir)).rejects.toThrow(UnreadableFileError);
    await expect(probeFile(dir)).rejects.toMatchObject({ reason: 'is a folder, not a file' });
    await expect(probeFile(join(dir, 'missing.csv'))).rejects.toMatchObject({ reason: 'cannot be read: not found' });
  });

  it('previews a folder as a problem naming it', async () => {
    const dir = tempDir();
    mkdirSync(studiesCsv(dir));
    const preview = await previewFile('f1', studiesCsv(dir), 'studies.csv', 5);
    expect(preview.problem).toBe('studies.csv is a folder, not a file.');
  });

  it('makes the check command fail with the problem, not an unexpected error', async () => {
    const dir = tempDir();
    mkdirSync(studiesCsv(dir));
    const out = io();
    expect(await runCli(['check', dir], out)).toBe(1);
    expect(out.err()).toBe('studies.csv: is a folder, not a file\ntrialledger check: the package does not import: 1 problem\n');
  });
});

function io(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: { TRIALLEDGER_DB_KEY: 'cli test key' },
    out: () => out,
    err: () => err,
  };
}

describe('a mapping profile file for --mapping', () => {
  const exportFile = (): string => join(writePackage({ 'export.csv': `${HEADER}\n${row('C1', '212.00')}\n` }), 'export.csv');

  it('reads a profile saved with a UTF-8 byte-order mark (Notepad)', async () => {
    const profile = join(tempDir(), 'profile.json');
    writeFileSync(profile, `\uFEFF${JSON.stringify(PROFILE_JSON)}`);
    const out = io();
    expect(await runCli(['import', exportFile(), '--mapping', profile, '--db', join(tempDir(), 'work.db')], out)).toBe(0);
    expect(out.out()).toMatch(/export\.csv\s+charges\s+1\s+1/);
  });

  it('reads a profile saved as UTF-16 with a byte-order mark', async () => {
    const profile = join(tempDir(), 'profile.json');
    writeFileSync(profile, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(PROFILE_JSON), 'utf16le')]));
    const out = io();
    expect(await runCli(['import', exportFile(), '--mapping', profile, '--db', join(tempDir(), 'work.db')], out)).toBe(0);
  });

  it('still refuses a profile that is not JSON, and a folder, in one line', async () => {
    const dir = tempDir();
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, '\uFEFF{not json');
    const bad = io();
    expect(await runCli(['import', MINI_PACKAGE, '--mapping', profile, '--db', join(dir, 'work.db')], bad)).toBe(1);
    expect(bad.err()).toBe(`trialledger import: cannot read mapping profile ${profile}: not valid JSON\n`);
    const folder = io();
    expect(await runCli(['import', MINI_PACKAGE, '--mapping', dir, '--db', join(dir, 'work.db')], folder)).toBe(1);
    expect(folder.err()).toBe(`trialledger import: cannot read mapping profile ${dir}: it is a folder, not a file\n`);
  });
});

describe('an amount above the maximum', () => {
  it('is told apart from text that is not an amount', () => {
    expect(parseDollarsToCents('1000000000.00')).toBe(100_000_000_000);
    expect(dollarsRefusal('1000000000.00')).toBeNull();
    for (const big of ['1000000000.01', '999999999999', '$99,999,999,999.99', '99999999999999999999999']) {
      expect(parseDollarsToCents(big)).toBeNull();
      expect(dollarsRefusal(big)).toBe('is above the maximum amount of $1,000,000,000.00');
    }
    for (const junk of ['abc', '1e308', '1.234', '(12.00)', '']) expect(dollarsRefusal(junk)).toBe('is not an amount in dollars such as 1234.56');
  });

  it('is refused as too large, stating the maximum, in a package file', async () => {
    const { problems } = await importExport([HEADER, row('C1', '99999999999999.99')], DOLLARS);
    expect(problems).toEqual(["export.csv:2:7 (Amount): '99999999999999.99' is above the maximum amount of $1,000,000,000.00"]);
  });
});
