/** Files from the outside world are hostile: every one of these must be refused cleanly or read right, never crash. */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../db/import/import-files.ts';
import { MAX_LINE_CHARS } from '../../db/import/read-csv-rows.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { tempDir, writePackage } from '../helpers/temp-dir.ts';

const STUDIES_HEADER = 'study_id,protocol_number,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days';

async function importOne(name: string, content: string | Uint8Array) {
  const db = memoryStore();
  const outcome = await importFiles(db, { type: 'file', path: join(writePackage({ [name]: content }), name) });
  return { db, outcome, problems: outcome.problems.map(formatProblem) };
}

describe('text encodings and line endings', () => {
  const row = 'S1,P-1,Étude de la Société,Hôpital Sponsor,,,N,26,10,45';
  const title = () => 'Étude de la Société';

  it('reads UTF-8 with a BOM and CRLF line endings', async () => {
    const { db, outcome } = await importOne('studies.csv', `\uFEFF${STUDIES_HEADER}\r\n${row}\r\n`);
    expect(outcome.status).toBe('imported');
    expect(db.prepare('SELECT title FROM studies').pluck().get()).toBe(title());
  });

  it('reads Windows-1252 from older Windows exports', async () => {
    const bytes = Buffer.from(`${STUDIES_HEADER}\n${row}\n`, 'latin1'); // é, ô are the same bytes in 1252 and latin1
    const { db, outcome } = await importOne('studies.csv', bytes);
    expect(outcome.status).toBe('imported');
    expect(db.prepare('SELECT title, sponsor FROM studies').get()).toEqual({ title: title(), sponsor: 'Hôpital Sponsor' });
  });

  it('reads UTF-16 LE with a BOM', async () => {
    const text = `${STUDIES_HEADER}\r\n${row}\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { db, outcome } = await importOne('studies.csv', bytes);
    expect(outcome.status).toBe('imported');
    expect(db.prepare('SELECT title FROM studies').pluck().get()).toBe(title());
  });

  it('counts physical lines when a quoted field holds newlines', async () => {
    const { problems } = await importOne('studies.csv', `${STUDIES_HEADER}\nS1,P,"A title\non two\nlines",Sp,,,N,26,10,45\nS2,P,T,Sp,,,N,26,10,bad\n`);
    expect(problems).toEqual(["studies.csv:5:10 (payment_terms_days): 'bad' is not a whole number"]);
  });

  it('skips blank lines but keeps line numbers true', async () => {
    const { problems } = await importOne('studies.csv', `${STUDIES_HEADER}\n\nS1,P,T,Sp,,,N,26,10,45\n\n\nS2,P,T,Sp,,,X,26,10,45\n`);
    expect(problems).toEqual(["studies.csv:6:7 (qualifying_trial): 'X' is not Y or N"]);
  });
});

describe('malformed input', () => {
  it('refuses binary junk as not text', async () => {
    const junk = randomBytes(64 * 1024);
    junk[10] = 0;
    const { outcome, problems } = await importOne('charges.csv', junk);
    expect(outcome.status).toBe('refused');
    expect(problems).toEqual(['charges.csv: this file contains binary data (NUL bytes); it is not a CSV text file']);
  });

  it('refuses an .xlsx renamed to .csv', async () => {
    const { problems } = await importOne('studies.csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(100)]));
    expect(problems[0]).toMatch(/zip archive \(an \.xlsx workbook\?\)/);
  });

  it('refuses an empty file and a header-only file imports nothing', async () => {
    expect((await importOne('studies.csv', '')).problems).toEqual(['studies.csv:1: the file is empty: it has no header row']);
    const headerOnly = await importOne('studies.csv', `${STUDIES_HEADER}\n`);
    expect(headerOnly.outcome.status).toBe('imported');
    expect(headerOnly.outcome.files[0]?.rowsRead).toBe(0);
  });

  it('refuses a runaway line without holding it in memory', async () => {
    const dir = tempDir();
    const path = join(dir, 'charges.csv');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1 << 20, 'a');
    for (let i = 0; i < 8; i += 1) writeSync(fd, chunk); // 8 MB without a newline
    closeSync(fd);
    const outcome = await importFiles(memoryStore(), { type: 'file', path });
    expect(outcome.status).toBe('refused');
    expect(outcome.problems.map(formatProblem)).toEqual([`charges.csv:1: line is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters: this is not a CSV file, or a quote is never closed`]);
  });

  it('reports a quote that is never closed', async () => {
    const { problems } = await importOne('studies.csv', `${STUDIES_HEADER}\nS1,P,"unterminated,Sp,,,N,26,10,45\n`);
    expect(problems.some((p) => p.startsWith('studies.csv:2: a quoted field is never closed'))).toBe(true);
  });

  it('reports a value beyond the last header column', async () => {
    const { problems } = await importOne('studies.csv', `${STUDIES_HEADER}\nS1,P,T,Sp,,,N,26,10,45,surprise\n`);
    expect(problems).toEqual(['studies.csv:2:11: row has a value beyond the last column of the header']);
  });

  it('stops reading a hopeless file after 10,000 problems but still counts them', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `S${i},P,T,Sp,,,maybe,26,10,45`).join('\n');
    const { outcome } = await importOne('studies.csv', `${STUDIES_HEADER}\n${rows}\n`);
    expect(outcome.status).toBe('refused');
    expect(outcome.problems.length).toBe(1_000);
    expect(outcome.problemCount).toBe(10_000);
    expect(outcome.truncatedProblems).toBe(true);
  });

  it('refuses a missing path without throwing', async () => {
    const outcome = await importFiles(memoryStore(), { type: 'file', path: '/nonexistent/charges.csv' });
    expect(outcome.problems.map(formatProblem)).toEqual(['charges.csv: file or folder not found']);
  });

  it('never writes an MRN into a problem message', async () => {
    const header = 'charge_id,account_id,mrn,service_date,cpt_hcpcs,modifiers,units,charge_amount,revenue_code,dx_codes,bill_to,payer_name,payer_type,claim_type,setting,nct_on_claim,ide_on_claim,condition_codes';
    const { problems } = await importOne('charges.csv', `${header}\nC1,ACCT 77,MRN 4242!,2025-01-10,80053,,1,10.00,,,INSURANCE,X,MEDICARE,PROFESSIONAL,OUTPATIENT,,,\n`);
    expect(problems.join('\n')).not.toMatch(/4242|ACCT 77/);
    expect(problems).toEqual(['charges.csv:2:3 (mrn): the value (not shown: PHI) is not a medical record number (letters, digits, -)']);
  });

  it('leaves nothing behind when cancelled mid-import', async () => {
    const db = memoryStore();
    const before = tableCounts(db);
    const rows = Array.from({ length: 5_000 }, (_, i) => `S${i},P,T,Sp,,,N,26,10,45`).join('\n');
    const path = join(writePackage({ 'studies.csv': `${STUDIES_HEADER}\n${rows}\n` }), 'studies.csv');
    let seen = 0;
    const outcome = await importFiles(db, { type: 'file', path }, { isCancelled: () => ++seen > 2_000 });
    expect(outcome.status).toBe('cancelled');
    expect(tableCounts(db)).toEqual(before);
    expect(db.inTransaction).toBe(false);
  });
});

describe('a large file', () => {
  it('streams 200,000 charge rows in one transaction with progress', async () => {
    const header = 'charge_id,account_id,mrn,service_date,cpt_hcpcs,modifiers,units,charge_amount,revenue_code,dx_codes,bill_to,payer_name,payer_type,claim_type,setting,nct_on_claim,ide_on_claim,condition_codes';
    const dir = tempDir();
    const path = join(dir, 'charges.csv');
    const lines = [header];
    for (let i = 0; i < 200_000; i += 1) lines.push(`C${i},H${i % 977},MRN${i % 5000},2025-0${(i % 9) + 1}-1${i % 10},80053,Q1,1,${(i % 500) + 10}.25,0301,C18.9;Z00.6,INSURANCE,Medicare,MEDICARE,PROFESSIONAL,OUTPATIENT,01234567,,`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const db = memoryStore();
    const progress: number[] = [];
    const outcome = await importFiles(db, { type: 'file', path }, { onProgress: (p) => progress.push(p.bytesDone / p.bytesTotal) });
    expect(outcome.status).toBe('imported');
    expect(outcome.files[0]?.inserted).toBe(200_000);
    expect(db.prepare('SELECT count(*) FROM charges').pluck().get()).toBe(200_000);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= (progress[i - 1] ?? 0))).toBe(true);
  });
});
