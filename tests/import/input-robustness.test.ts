/**
 * Problem messages are read on a terminal, in the UI and in a spreadsheet: they must locate the
 * problem exactly, never carry PHI, and never carry bytes that drive a terminal.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsToCsv } from '../../db/import/export-problems.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { LineBreakCounter, MAX_LINE_CHARS } from '../../db/import/read-csv-rows.ts';
import { parseCell } from '../../shared/package-spec/cell-parsers.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import { mappingProfileSchema } from '../../shared/package-spec/mapping.ts';
import { resolveHeader } from '../../shared/package-spec/parse-row.ts';
import { formatProblem, ProblemList } from '../../shared/package-spec/problems.ts';
import { memoryStore } from '../helpers/store.ts';
import { miniPackageWith, writePackage } from '../helpers/temp-dir.ts';

const CHARGES_HEADER = 'charge_id,account_id,mrn,service_date,cpt_hcpcs,modifiers,units,charge_amount,revenue_code,dx_codes,bill_to,payer_name,payer_type,claim_type,setting,nct_on_claim,ide_on_claim,condition_codes';
const STUDIES_HEADER = 'study_id,protocol_number,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days';
const SUBJECTS_HEADER = 'study_id,subject_id,mrn,arm,consent_date,start_date,off_study_date,payer_type,status';
const RUNAWAY = `line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters: this is not a CSV file, or a quote is never closed`;

/** C0 and C1 controls, DEL, and the bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function importOne(name: string, content: string | Uint8Array) {
  const outcome = await importFiles(memoryStore(), { type: 'file', path: join(writePackage({ [name]: content }), name) });
  return { outcome, problems: outcome.problems.map(formatProblem) };
}

describe('a file whose header row is missing', () => {
  it('does not echo the first data row of charges.csv, but says where and why', async () => {
    const row = 'CHG4169516,HAR65132270,MRN143560,2025-01-10,80053,,1,212.00,0301,C18.9,INSURANCE,Medicare Part B,MEDICARE,INSTITUTIONAL,OUTPATIENT,,,';
    const { outcome, problems } = await importOne('charges.csv', `${row}\n${row.replace('CHG4169516', 'CHG4169517')}\n`);
    expect(outcome.status).toBe('refused');
    const text = problems.join('\n');
    for (const phi of ['143560', '65132270', '4169516', '2025-01-10']) expect(text.toLowerCase()).not.toContain(phi);
    expect(problems[0]).toMatch(/^charges\.csv:1: the header row appears to be missing: 14 of 14 cells/);
    expect(problems).toContain(
      `charges.csv:1:3: unknown column (text not shown: it may be patient data; is the header row missing?); charges.csv has exactly: ${CHARGES_HEADER.replaceAll(',', ', ')}`,
    );
  });

  it('does not echo the first data row of subjects.csv, even where a value repeats', async () => {
    const { problems } = await importOne('subjects.csv', 'NSCLC-301,101-001,MRN167875,B,2025-01-14,2025-01-14,,MEDICARE,ENROLLED\n');
    const text = problems.join('\n').toLowerCase();
    for (const cell of ['nsclc-301', '101-001', '167875', '2025-01-14', 'medicare,', 'enrolled']) expect(text).not.toContain(cell);
    expect(problems).toContain('subjects.csv:1:6: this column header repeats column 5 (text not shown: it may be patient data; is the header row missing?)');
  });

  it('still names a misspelt column, but never a header cell shaped like an identifier or a date', () => {
    const cells = CHARGES_HEADER.split(',');
    cells[3] = 'Servce_Date';
    cells.push('MRN143560', '01/02/1950', "O'Brien");
    const { problems } = resolveHeader(FILE_SPECS.charges, cells);
    const reasons = problems.map((p) => `${p.column} ${p.columnName ?? '-'} ${p.reason.replace(/; charges\.csv has exactly: .*/, '')}`);
    expect(reasons).toEqual([
      "4 servce_date unknown column 'Servce_Date'",
      '19 - unknown column (text not shown: it does not look like a column name and may be patient data)',
      '20 - unknown column (text not shown: it does not look like a column name and may be patient data)',
      '21 - unknown column (text not shown: it does not look like a column name and may be patient data)',
      "0 service_date missing column 'service_date'",
    ]);
  });
});

describe('a PHI cell with quotes in it', () => {
  const mrn = { type: 'text', maxLength: 20, pattern: /^[A-Z0-9-]+$/, hint: 'a medical record number', upper: true } as const;

  it('is left out of the message whole, not scrubbed between quotes', () => {
    for (const value of ["O'BRIEN'JOHN", "O'BRIEN", "'X'Y'", 'SMITH JOHN']) {
      const result = parseCell(mrn, value, true);
      expect(result).toEqual({ ok: false, reason: 'the value (not shown: PHI) is not a medical record number' });
    }
    expect(parseCell({ type: 'int', min: 1, max: 10 }, '4242', true)).toEqual({ ok: false, reason: 'the value (not shown: PHI) is outside 1..10' });
  });

  it('is not shown when a package charges.csv carries it', async () => {
    const { problems } = await importOne('charges.csv', `${CHARGES_HEADER}\nC1,HAR1,O'BRIEN'JOHN,2025-01-10,80053,,1,10.00,,,INSURANCE,X,MEDICARE,PROFESSIONAL,OUTPATIENT,,,\n`);
    expect(problems).toEqual(['charges.csv:2:3 (mrn): the value (not shown: PHI) is not a medical record number (letters, digits, -)']);
  });

  it('is not shown when a mapped export carries it', async () => {
    const profile = mappingProfileSchema.parse({
      name: 'Small export',
      columns: {
        charge_id: 'Txn', account_id: 'HAR', mrn: 'MRN', service_date: 'Date', cpt_hcpcs: 'CPT', units: 'Qty', charge_amount: 'Amount',
        bill_to: 'Route', payer_name: 'Payer', payer_type: 'Class', setting: 'Setting',
      },
      constants: { claim_type: 'INSTITUTIONAL' },
    });
    const csv = "Txn,HAR,MRN,Date,CPT,Qty,Amount,Route,Payer,Class,Setting\r\nT-1,O'CONNOR'1,O'BRIEN'JOHN,2025-01-10,80053,1,10.00,INSURANCE,Medicare,MEDICARE,OUTPATIENT\r\n";
    const path = join(writePackage({ 'export.csv': csv }), 'export.csv');
    const outcome = await importFiles(memoryStore(), { type: 'file', path }, { mapping: profile });
    const problems = outcome.problems.map(formatProblem);
    expect(problems.join('\n')).not.toMatch(/BRIEN|JOHN|CONNOR/);
    expect(problems).toContain('export.csv:2:3 (MRN): the value (not shown: PHI) is not a medical record number (letters, digits, -)');
  });
});

describe('terminal control characters in a file', () => {
  it('never reach a header problem', async () => {
    const { problems } = await importOne('studies.csv', `${STUDIES_HEADER},\u001b[2J\u001b]0;owned\u0007x\u202e\nS1,P,T,Sp,,,N,26,10,45,\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^studies\.csv:1:11: unknown column \(text not shown/);
    expect(problems.join('\n')).not.toMatch(UNSAFE);
  });

  it('never reach a problem a loader reports', async () => {
    const subjects = `${SUBJECTS_HEADER}\nONC-1,001-009,MRN9009,\u001b[31mX\u0007\u202e,2025-01-14,2025-02-06,,MEDICARE,ENROLLED\n`;
    const outcome = await importFiles(memoryStore(), { type: 'folder', path: miniPackageWith({ 'subjects.csv': subjects, 'visits.csv': null, 'charges.csv': null }) });
    const problems = outcome.problems.map(formatProblem);
    expect(problems).toEqual(["subjects.csv:2:4 (arm): arm '?[31mX??' has no rows in the calendar of study ONC-1"]);
    // What the UI and the problems CSV get is clean too, not only the formatted line.
    expect(JSON.stringify(outcome.problems)).not.toMatch(/\\u001b|\\u0007|\u202e/);
  });

  it('are replaced wherever a problem is kept, printed or exported', () => {
    const raw = { file: 'a\u009b.csv', line: 2, column: 1, columnName: 'x\u2066', reason: "arm '\u001b[2J\u0000\u0085\u202d\r\n'" };
    const list = new ProblemList();
    list.add(raw);
    expect(list.items[0]).toEqual({ file: 'a?.csv', line: 2, column: 1, columnName: 'x?', reason: "arm '?[2J?????'" });
    expect(formatProblem(raw)).toBe("a?.csv:2:1 (x?): arm '?[2J?????'");
    expect(problemsToCsv([raw])).toBe("file,line,column,column_name,reason\r\na?.csv,2,1,x?,arm '?[2J?????'\r\n");
  });
});

describe('an over-long line', () => {
  it('is reported on its own line, even when the lines before it fill a read chunk', async () => {
    const long = (i: number) => `S${i},P,${'t'.repeat(300_000)},Sp,,,N,26,10,45`;
    const content = [STUDIES_HEADER, long(1), long(2), long(3), 'x'.repeat(MAX_LINE_CHARS + 200_000), 'S9,P,T,Sp,,,N,26,10,45'].join('\n');
    const { outcome, problems } = await importOne('studies.csv', content);
    expect(outcome.status).toBe('refused');
    expect(problems).toContain(`studies.csv:5: ${RUNAWAY}`);
    expect(problems.filter((p) => p.includes('line is longer'))).toHaveLength(1);
  });

  it('is reported on its own line when it follows short lines', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `S${i},P,T,Sp,,,N,26,10,45`);
    const { problems } = await importOne('studies.csv', [STUDIES_HEADER, ...rows, 'y'.repeat(MAX_LINE_CHARS + 10)].join('\r\n'));
    expect(problems).toEqual([`studies.csv:22: ${RUNAWAY}`]);
  });

  it('is not mistaken for a file whose lines end in a bare CR', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => `S${i},P,${'t'.repeat(300)},Sp,,,N,26,10,45`);
    const { outcome } = await importOne('studies.csv', `${[STUDIES_HEADER, ...rows].join('\r')}\r`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.files[0]?.rowsRead).toBe(4_000);
  });

  it('is measured with LF, CRLF and CR line breaks counted once each, across chunks', () => {
    const counter = new LineBreakCounter();
    expect(counter.push('a\r')).toBe(2);
    expect(counter.push('\nb\rc\n')).toBe(5);
    expect(counter.push('dd')).toBe(-1);
    expect(counter.push('\r\r\n')).toBe(3);
    expect(counter.breaks).toBe(5);
  });
});
