import { describe, expect, it } from 'vitest';
import { importFiles } from '../../db/import/import-files.ts';
import { formatProblem } from '../../shared/package-spec/problems.ts';
import { memoryStore, tableCounts } from '../helpers/store.ts';
import { MINI_PACKAGE, miniPackageFiles, miniPackageWith, writePackage } from '../helpers/temp-dir.ts';

describe('importing a study package', () => {
  it('imports a package written by hand from docs/study-package.md with the counts reported', async () => {
    const db = memoryStore();
    const outcome = await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    expect(outcome.status).toBe('imported');
    expect(outcome.problems).toEqual([]);
    const counts = Object.fromEntries(outcome.files.map((f) => [f.kind, [f.rowsRead, f.inserted]]));
    expect(counts).toEqual({ studies: [2, 2], calendar: [5, 5], subjects: [3, 3], visits: [2, 2], charges: [2, 2] });
    expect(db.prepare('SELECT count(*) FROM calendar_visits').pluck().get()).toBe(3);
    const study = db.prepare('SELECT qualifying_trial, overhead_bp, holdback_bp, ide_number FROM studies WHERE study_id = ?').get('DEV-1');
    expect(study).toEqual({ qualifying_trial: 1, overhead_bp: 2600, holdback_bp: 1000, ide_number: 'G123456' });
    const charge = db.prepare('SELECT modifiers, dx_codes, charge_amount_cents, condition_codes, source_line FROM charges WHERE charge_id = ?').get('C1');
    expect(charge).toEqual({ modifiers: 'Q1', dx_codes: 'C18.9;Z00.6', charge_amount_cents: 21200, condition_codes: '30', source_line: 2 });
    const batch = db.prepare('SELECT rows_read, rows_inserted FROM import_batches').get();
    expect(batch).toEqual({ rows_read: 14, rows_inserted: 14 });
  });

  it('recognises a re-import by hash and changes nothing', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const before = tableCounts(db);
    const again = await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    expect(again.status).toBe('unchanged');
    expect(again.batchId).toBeNull();
    expect(again.files.every((f) => f.alreadyImported?.batchId === 1)).toBe(true);
    expect(tableCounts(db)).toEqual(before);
  });

  it('imports only the new files of a package whose other files were imported before', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const files = miniPackageFiles();
    const dir = miniPackageWith({ 'approvals.csv': 'study_id,subject_id,cpt_hcpcs,service_date,approval_ref\nONC-1,001-001,71260,2025-01-10,SPA-1\n' });
    expect(files['approvals.csv']).toBeUndefined();
    const outcome = await importFiles(db, { type: 'folder', path: dir });
    expect(outcome.status).toBe('imported');
    expect(outcome.files.find((f) => f.kind === 'approvals')?.inserted).toBe(1);
    expect(outcome.files.filter((f) => f.alreadyImported).length).toBe(5);
  });

  it('updates a charge whose charge_id exists and records the change', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const header = miniPackageFiles()['charges.csv']?.split('\n')[0];
    const changed = `${header}\nC1,HAR1,MRN9001,2025-01-10,80053,Q1,1,250.00,0301,C18.9;Z00.6,INSURANCE,Medicare Part B,MEDICARE,INSTITUTIONAL,OUTPATIENT,01234567,,30\nC3,HAR2,MRN9002,2025-01-26,96413,,1,900.00,0335,C18.9,INSURANCE,Aetna,COMMERCIAL,INSTITUTIONAL,OUTPATIENT,,,\n`;
    const outcome = await importFiles(db, { type: 'file', path: `${writePackage({ 'charges.csv': changed })}/charges.csv` });
    expect(outcome.files[0]).toMatchObject({ rowsRead: 2, inserted: 1, updated: 1, unchanged: 0 });
    const row = db.prepare('SELECT charge_amount_cents, revision, batch_id FROM charges WHERE charge_id = ?').get('C1');
    expect(row).toEqual({ charge_amount_cents: 25000, revision: 2, batch_id: outcome.batchId });
    const revision = db.prepare('SELECT changed_fields, previous_json, revision FROM charge_revisions').get() as { changed_fields: string; previous_json: string; revision: number };
    expect(revision.changed_fields).toBe('charge_amount_cents');
    expect(JSON.parse(revision.previous_json).charge_amount_cents).toBe(21200);
    expect(revision.revision).toBe(1);
  });

  it('counts an identical re-sent charge as unchanged', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const text = `${miniPackageFiles()['charges.csv']}\n`; // different bytes, same rows
    const outcome = await importFiles(db, { type: 'file', path: `${writePackage({ 'charges.csv': text })}/charges.csv` });
    expect(outcome.files[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(db.prepare('SELECT count(*) FROM charge_revisions').pluck().get()).toBe(0);
  });

  it('imports a package file alone later, resolving references against the store', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const visits = 'study_id,subject_id,visit_code,visit_date,status\nONC-1,001-002,SCR,2025-01-12,COMPLETED\n';
    const outcome = await importFiles(db, { type: 'file', path: `${writePackage({ 'visits.csv': visits })}/visits.csv` });
    expect(outcome.status).toBe('imported');
  });
});

describe('a broken package', () => {
  const broken = {
    'studies.csv':
      'study_id,protocol_number,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days\n' +
      'ONC-1,BX-301,Drug X,Bexley,NCT0123456,,Y,26,10,45\n' + // NCT with 7 digits
      'ONC-2,BX-302,Drug Z,Bexley,,,Y,twenty,10,45\n', // qualifying without NCT is only checked when cells are valid; overhead bad
    'calendar.csv':
      'study_id,arm,visit_code,visit_name,visit_day,window_before_days,window_after_days,cpt_hcpcs,procedure_name,designation,sponsor_price,requires_preapproval,promised_free,justification\n' +
      'ONC-1,A,SCR,Screening,-14,14,0,80053,CMP,SOC,,N,N,\n' +
      'ONC-9,A,SCR,Screening,-14,14,0,80053,CMP,SOC,,N,N,\n' + // unknown study
      'ONC-1,A,C1D1,Cycle 1,0,0,3,96413,Chemo,ROUTINE,,N,N,\n' + // bad designation
      'ONC-1,A,C1D1,Cycle 1,0,0,3,J9999,Drug,SPONSOR,-5.00,N,N,\n', // negative price
    'subjects.csv':
      'study_id,subject_id,mrn,arm,consent_date,start_date,off_study_date,payer_type,status\n' +
      'ONC-1,001,MRN1,A,2025-02-30,2025-03-01,,MEDICARE,ENROLLED\n' + // bad date
      'ONC-1,001,MRN2,A,2025-01-01,2025-01-10,,MEDICARE,ENROLLED\n' + // duplicate key
      'ONC-1,002,MRN3,B,2025-01-01,2025-01-10,,MEDICARE,ENROLLED\n', // unknown arm
    'charges.csv':
      'charge_id,account_id,mrn,service_date,cpt_hcpcs,modifiers,units,charge_amount,revenue_code,dx_codes,bill_to,payer_name,payer_type,claim_type,setting,nct_on_claim,ide_on_claim,condition_codes\n' +
      'C1,H1,MRN1,2025-01-10,80053,Q1,1,212.00,0301,Z00.6,INSURANCE,Medicare,MEDICARE,INSTITUTIONAL,OUTPATIENT,01234567,,30\n' +
      'C1,H1,MRN1,2025-01-11,80053,Q1,1,212.00,0301,Z00.6,INSURANCE,Medicare,MEDICARE,INSTITUTIONAL,OUTPATIENT,01234567,,30\n', // duplicate charge_id
  };

  it('reports every problem with file, line and column, and leaves the database unchanged', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const before = tableCounts(db);
    const outcome = await importFiles(db, { type: 'folder', path: writePackage(broken) });
    expect(outcome.status).toBe('refused');
    expect(tableCounts(db)).toEqual(before);
    const lines = outcome.problems.map(formatProblem);
    expect(lines).toEqual([
      "studies.csv:2:5 (nct_number): 'NCT0123456' is not 'NCT' followed by 8 digits",
      "studies.csv:3:8 (overhead_pct): 'twenty' is not a percentage between 0 and 100 such as 26 or 12.5",
      "calendar.csv:3:1 (study_id): unknown study 'ONC-9': not in studies.csv of this package and not imported before",
      "calendar.csv:4:10 (designation): 'ROUTINE' is not one of SOC, SPONSOR, NOT_BILLABLE, INVESTIGATIONAL, CONDITIONAL",
      "calendar.csv:5:11 (sponsor_price): negative amount '-5.00'",
      "subjects.csv:2:5 (consent_date): '2025-02-30' is not a date in YYYY-MM-DD form",
      'subjects.csv:3: duplicate study_id + subject_id: the same key is on line 2',
      "subjects.csv:4:4 (arm): arm 'B' has no rows in the calendar of study ONC-1",
      "charges.csv:3:1 (charge_id): charge_id 'C1' appears twice in this import (first in charges.csv line 2)",
    ]);
    expect(outcome.problemCount).toBe(9);
  });

  it('does not pile "unknown study" on rows whose study row was itself refused', async () => {
    const db = memoryStore();
    const files = {
      'studies.csv': 'study_id,protocol_number,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days\nS1,P,T,Sp,NCT01234567,,Y,26,ten,45\n',
      'invoiceables.csv': 'study_id,item_code,description,amount,kind,holdback_exempt,overhead_exempt\nS1,STARTUP,Start-up fee,5000.00,ONE_TIME,Y,N\n',
    };
    const outcome = await importFiles(db, { type: 'folder', path: writePackage(files) });
    expect(outcome.problems.map(formatProblem)).toEqual(["studies.csv:2:9 (holdback_pct): 'ten' is not a percentage between 0 and 100 such as 26 or 12.5"]);
  });

  it('reports header problems once instead of on every row', async () => {
    const outcome = await importFiles(memoryStore(), {
      type: 'folder',
      path: writePackage({
        'studies.csv': 'study_id,protocol_no,title,sponsor,nct_number,ide_number,qualifying_trial,overhead_pct,holdback_pct,payment_terms_days,title\nS1,P,T,Sp,,,N,26,10,45,T\nS2,P,T,Sp,,,N,26,10,45,T\n',
      }),
    });
    expect(outcome.problems.map(formatProblem)).toEqual([
      "studies.csv:1:2 (protocol_no): unknown column 'protocol_no'; studies.csv has exactly: study_id, protocol_number, title, sponsor, nct_number, ide_number, qualifying_trial, overhead_pct, holdback_pct, payment_terms_days",
      'studies.csv:1:11 (title): column \'title\' appears twice (also column 3)',
      "studies.csv:1 (protocol_number): missing column 'protocol_number'",
    ]);
  });

  it('checks what spans columns: start before consent, off-study without date, qualifying without NCT', async () => {
    const files = miniPackageFiles();
    const outcome = await importFiles(memoryStore(), {
      type: 'folder',
      path: writePackage({
        'studies.csv': `${files['studies.csv']}ONC-2,BX-302,Drug Z,Bexley,,,Y,26,10,45\n`,
        'calendar.csv': files['calendar.csv'] ?? '',
        'subjects.csv':
          'study_id,subject_id,mrn,arm,consent_date,start_date,off_study_date,payer_type,status\n' +
          'ONC-1,001,MRN1,A,2025-02-01,2025-01-20,,MEDICARE,ENROLLED\n' +
          'ONC-1,002,MRN2,A,2025-01-01,2025-01-20,,MEDICARE,OFF_STUDY\n' +
          'ONC-1,003,MRN3,,2025-01-01,,,MEDICARE,ENROLLED\n' +
          'ONC-1,004,MRN1,A,2025-01-01,2025-01-20,,MEDICARE,SCREENING\n',
      }),
    });
    expect(outcome.problems.map(formatProblem)).toEqual([
      'studies.csv:4:5 (nct_number): a qualifying trial needs its NCT number: Medicare requires it on every claim (CR 8401)',
      'subjects.csv:2:6 (start_date): start_date 2025-01-20 is before consent_date 2025-02-01',
      'subjects.csv:3:7 (off_study_date): off_study_date is required for a subject who is OFF_STUDY',
      'subjects.csv:4:4 (arm): arm is required for a subject who is ENROLLED',
      'subjects.csv:4:6 (start_date): start_date (calendar day 0) is required for a subject who is ENROLLED',
    ]);
  });

  it('refuses a visit that is not on the subject arm calendar and an invoice line for an unknown code', async () => {
    const db = memoryStore();
    await importFiles(db, { type: 'folder', path: MINI_PACKAGE });
    const outcome = await importFiles(db, {
      type: 'folder',
      path: writePackage({
        'visits.csv': 'study_id,subject_id,visit_code,visit_date,status\nONC-1,001-001,C9D1,2025-05-01,COMPLETED\nONC-1,001-999,SCR,2025-01-10,COMPLETED\n',
        'invoices.csv': 'study_id,invoice_number,subject_id,visit_code,cpt_hcpcs,service_date,amount\nONC-1,INV-1,001-001,NOPE,,2025-01-10,10.00\n',
      }),
    });
    expect(outcome.problems.map(formatProblem)).toEqual([
      "visits.csv:2:3 (visit_code): visit C9D1 is not on the calendar of subject 001-001's arm",
      "visits.csv:3:2 (subject_id): unknown subject '001-999' in this study: not in subjects.csv and not imported before",
      "invoices.csv:2:4 (visit_code): 'NOPE' is neither a calendar visit nor an invoiceable item of study ONC-1",
    ]);
  });

  it('refuses inconsistent repeats of one visit in the calendar', async () => {
    const files = miniPackageFiles();
    const calendar = `${files['calendar.csv']}ONC-1,A,C1D1,Cycle 1 Day 1,1,0,3,85025,CBC,SOC,,N,N,\n`;
    const outcome = await importFiles(memoryStore(), { type: 'folder', path: writePackage({ 'studies.csv': files['studies.csv'] ?? '', 'calendar.csv': calendar }) });
    expect(outcome.problems.map(formatProblem)).toEqual(['calendar.csv:7:5 (visit_day): visit C1D1 of arm A has visit_day 0 on line 4 but 1 here']);
  });

  it('names unknown files and refuses an empty folder', async () => {
    const outcome = await importFiles(memoryStore(), { type: 'folder', path: writePackage({ 'charge.csv': 'x\n', 'notes.txt': 'hello' }) });
    expect(outcome.problems.map(formatProblem)[0]).toMatch(/^charge\.csv: not a study-package file name; a package holds: studies\.csv, calendar\.csv/);
    const empty = await importFiles(memoryStore(), { type: 'folder', path: writePackage({}) });
    expect(empty.problems.map(formatProblem)[0]).toMatch(/no study-package files found/);
  });
});
