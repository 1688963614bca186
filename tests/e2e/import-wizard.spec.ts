/**
 * The import wizard in Debian's Chromium against a harness with a database of its own: a package
 * imported file by file, a broken package refused with every problem, a charge export mapped and its
 * profile picked up next time, and a long import cancelled without a trace. Expectations come from
 * running the real importer and engine in-process (import-oracle.ts); nothing waits on time.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ImportBatchSummary } from '../../shared/contract/imports.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import type { StudySummary } from '../../shared/contract/studies.ts';
import { formatCount } from '../../shared/domain/format.ts';
import { FILE_SPECS } from '../../shared/package-spec/files.ts';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import { importOracle } from './import-oracle.ts';
import { callBackend, expect, importViaBackend, openApp, test } from './own-harness.ts';

const MINI = join(import.meta.dirname, '..', 'fixtures', 'mini-package');
const work = mkdtempSync(join(tmpdir(), 'tl-e2e-import-'));
const miniFiles = (): string[] => readdirSync(MINI).map((name) => join(MINI, name));

/** Opens the import screen and hands `paths` to the file chooser. */
async function chooseFiles(page: Page, paths: readonly string[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles([...paths]);
}

/** The rows of a result or problem table as text, header first. */
async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page.getByRole('table', { name }).evaluate((table) =>
    [...table.querySelectorAll('tr, [role="row"]')].map((row) => [...row.querySelectorAll('th, td, [role="cell"], [role="columnheader"]')].map((c) => (c.textContent ?? '').trim())),
  );
}

test.describe('the import wizard', () => {
  test.describe.configure({ mode: 'serial' });

  test('imports a study package file by file, then runs the checks', async ({ page, emptyHarness }) => {
    const oracle = await importOracle(miniFiles());
    expect(oracle.outcome.status).toBe('imported');
    await openApp(page, emptyHarness.url);
    await chooseFiles(page, miniFiles());

    const cards = page.getByRole('list', { name: 'Chosen files' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Remove/ }) });
    await expect(cards).toHaveCount(oracle.outcome.files.length);
    for (const f of oracle.outcome.files) {
      const card = page.getByRole('listitem', { name: f.file });
      await expect(card.getByText('Package file')).toBeVisible();
      await expect(card.getByText(`all ${FILE_SPECS[f.kind].columns.length} columns present`, { exact: false })).toBeVisible();
    }
    await page.getByRole('button', { name: `Import ${oracle.outcome.files.length} files` }).click();
    await expect(page.locator('[data-import-status="imported"]')).toBeVisible();

    const rows = await tableRows(page, 'Rows imported from each file');
    expect(rows.slice(1).sort()).toEqual(oracle.outcome.files.map((f) => [f.file, formatCount(f.rowsRead), formatCount(f.inserted), formatCount(f.updated), formatCount(f.unchanged)]).sort());

    await page.getByRole('button', { name: 'Run checks' }).click();
    const result = page.getByTestId('run-checks').getByRole('status');
    await expect(result).toContainText(`${formatCount(oracle.checks?.totalOpen ?? -1)} open in total`);
    await expect(result).toContainText(`${formatCount(oracle.checks?.opened ?? -1)} new findings`);

    await page.getByRole('button', { name: 'Open the studies' }).click();
    for (const id of ['ONC-1', 'DEV-1']) await expect(page.getByRole('button', { name: id, exact: true })).toBeVisible();
  });

  test('takes files dropped on it', async ({ page, emptyHarness }) => {
    await openApp(page, emptyHarness.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import' }).click();
    const text = readFileSync(join(MINI, 'studies.csv'), 'utf8');
    // A drop from the desktop, as the browser delivers it: a DataTransfer holding a File (and a file we do not import).
    const transfer = await page.evaluateHandle(
      `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(text)}], 'studies.csv', { type: 'text/csv' })); t.items.add(new File(['x'], 'notes.txt')); return t; })()`,
    );
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    const card = page.getByRole('listitem', { name: 'studies.csv' });
    await expect(card.getByText('Package file')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Chosen files' }).getByRole('listitem', { name: 'notes.txt' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByText('Drop files here')).toBeVisible();
  });

  test('refuses a broken package and lists every problem with file, line and column', async ({ page, emptyHarness }) => {
    const dir = join(work, 'broken');
    cpSync(MINI, dir, { recursive: true });
    const breakLine = (file: string, line: number, from: string, to: string): void => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      lines[line - 1] = (lines[line - 1] ?? '').replace(from, to);
      writeFileSync(join(dir, file), lines.join('\n'));
    };
    // Different studies than the first test's, so nothing here is an "already imported" file.
    for (const file of readdirSync(dir)) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replaceAll('ONC-1', 'BRK-1').replaceAll('DEV-1', 'BRK-2'));
    breakLine('studies.csv', 2, ',Y,26,', ',maybe,26,');
    breakLine('calendar.csv', 3, 'SPONSOR,450.00', 'SPONSR,-450.00');
    breakLine('subjects.csv', 3, '2025-01-05', '2025-13-05');
    const paths = readdirSync(dir).map((name) => join(dir, name));
    const oracle = await importOracle(paths);
    expect(oracle.outcome.status).toBe('refused');
    expect(oracle.outcome.problemCount).toBeGreaterThanOrEqual(4);

    await openApp(page, emptyHarness.url);
    await chooseFiles(page, paths);
    await page.getByRole('button', { name: `Import ${paths.length} files` }).click();
    await expect(page.locator('[data-import-status="refused"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: `${oracle.outcome.problemCount} problems` })).toBeVisible();
    const rows = await tableRows(page, 'Import problems');
    const at = (n: number): string => (n > 0 ? String(n) : '—');
    expect(rows).toEqual([['File', 'Line', 'Column', 'Column name', 'Reason'], ...oracle.outcome.problems.map((p) => [p.file, at(p.line), at(p.column), p.columnName ?? '—', p.reason])]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as CSV…' }).click();
    const saved = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
    expect(saved[0]).toBe('file,line,column,column_name,reason');
    expect(saved).toHaveLength(oracle.outcome.problems.length + 1);

    const studies = await callBackend<StudySummary[]>(page.request, emptyHarness.url, 'studies:list');
    expect(studies.map((s) => s.studyId)).not.toContain('BRK-1');
  });

  test('maps a charge export, saves the mapping, and picks it up for the next export', async ({ page, emptyHarness }) => {
    const header = 'Txn Number,Hosp Acct,Med Rec #,DOS,CPT Code,Mods,Qty,Chg Amt,Rev,Diagnoses,Route,Payer,Fin Class,Pt Type,Claim Form';
    const first = join(work, 'epic-march.csv');
    writeFileSync(
      first,
      [
        header,
        'E-1001,HAR1,MRN9001,01/10/2025,80053,Q1,1,212.00,0301,"C18.9,Z00.6",INS,Medicare Part B,MCR,O,UB',
        'E-1002,HAR1,MRN9001,01/10/2025,71260,,1,1450.00,0350,C18.9,RSH,Medicare Part B,MCR,O,UB',
        'E-1003,HAR2,MRN9002,01/25/2025,96413,,1,640.00,0335,C18.9,INS,Aetna,COMM,E,UB',
        'E-1004,HAR3,MRN9002,01/26/2025,85025,,1,48.00,0305,C18.9,INS,State Fund,WC,O,UB',
      ].join('\r\n'),
    );
    await openApp(page, emptyHarness.url);
    await chooseFiles(page, [first]);
    await expect(page.getByText('Charge export: needs column mapping')).toBeVisible();
    await page.getByRole('button', { name: 'Map columns' }).click();

    // Matched by name; the rest chosen by hand, as a coordinator would.
    await expect(page.getByLabel('service_date', { exact: true })).toHaveValue('DOS');
    await expect(page.getByLabel('payer_type', { exact: true })).toHaveValue('Fin Class');
    await page.getByLabel('charge_id', { exact: true }).selectOption('Txn Number');
    await page.getByLabel('mrn', { exact: true }).selectOption('Med Rec #');
    await page.getByLabel('charge_amount', { exact: true }).selectOption('Chg Amt');
    await page.getByLabel('setting', { exact: true }).selectOption('Pt Type');
    await expect(page.getByLabel('Date format')).toHaveValue('MM/DD/YYYY');
    await expect(page.getByRole('list', { name: 'Service dates converted with this format' })).toContainText('01/10/2025 → 2025-01-10');
    // The diagnoses column separates codes with commas: the separator is guessed from it.
    await expect(page.getByLabel('Separator in lists (modifiers, diagnoses, condition codes)')).toHaveValue(',');
    await expect(page.getByLabel('payer_type value for MCR')).toHaveValue('MEDICARE');
    await page.getByLabel('payer_type value for WC').selectOption('COMMERCIAL');
    await page.getByLabel('setting value for E').selectOption('OUTPATIENT');
    await expect(page.getByLabel('claim_type value for UB')).toHaveValue('INSTITUTIONAL');
    await expect(page.getByText('All 4 preview rows are valid.')).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('MRN9001');
    await page.getByLabel('Mapping name').fill('Epic HB export');
    await page.getByRole('button', { name: 'Import charges' }).click();
    await expect(page.locator('[data-import-status="imported"]')).toBeVisible();
    expect((await tableRows(page, 'Rows imported from each file'))[1]).toEqual(['epic-march.csv', '4', '4', '0', '0']);

    const saved = await callBackend<MappingProfile[]>(page.request, emptyHarness.url, 'mappings:list');
    const profile = saved.find((p) => p.name === 'Epic HB export');
    expect(profile?.columns).toMatchObject({ charge_id: 'Txn Number', mrn: 'Med Rec #', setting: 'Pt Type' });
    expect(profile?.valueMaps.payer_type).toEqual({ MCR: 'MEDICARE', COMM: 'COMMERCIAL', WC: 'COMMERCIAL' });

    // Next month's export: the same layout with its columns in another order.
    const second = join(work, 'epic-april.csv');
    const columns = header.split(',');
    const order = [...columns.keys()].reverse();
    const row = (cells: string[]): string => order.map((i) => cells[i] ?? '').join(',');
    writeFileSync(second, [row(columns), row('E-2001,HAR1,MRN9001,04/02/2025,80053,Q1,1,212.00,0301,Z00.6,INS,Medicare Part B,MCR,O,UB'.split(','))].join('\n'));
    await page.getByRole('button', { name: 'Import more files' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(second);
    await page.getByRole('button', { name: 'Map columns' }).click();
    await expect(page.getByText('Saved mapping “Epic HB export” fits this export and has been applied.')).toBeVisible();
    await expect(page.getByLabel('Saved mapping')).toHaveValue('Epic HB export');
    await expect(page.getByLabel('mrn', { exact: true })).toHaveValue('Med Rec #');
    await expect(page.getByText('All 1 preview rows are valid.')).toBeVisible();
    await page.getByRole('button', { name: 'Import charges' }).click();
    await expect(page.locator('[data-import-status="imported"]')).toBeVisible();
    const [latest] = await callBackend<ImportBatchSummary[]>(page.request, emptyHarness.url, 'imports:history', { limit: 1 });
    expect(latest?.source).toBe("charges via mapping 'Epic HB export'");
    expect(latest?.files).toEqual([expect.objectContaining({ file: 'epic-april.csv', rowsRead: 1, inserted: 1 })]);
  });

  test('cancels a long import and leaves nothing behind', async ({ page, emptyHarness }) => {
    test.setTimeout(180_000);
    const big = join(work, 'big-export.csv');
    const lines = [FILE_SPECS.charges.columns.map((c) => c.name).join(',')];
    for (let i = 0; i < 300_000; i += 1) lines.push(`BIG-${i},HAR-${i % 500},MRN9001,2025-02-${String((i % 28) + 1).padStart(2, '0')},80053,Q1,1,212.00,0301,C18.9;Z00.6,INSURANCE,Medicare Part B,MEDICARE,INSTITUTIONAL,OUTPATIENT,01234567,,30`);
    writeFileSync(big, lines.join('\n'));
    // The export's patient must be a study subject for the study list to count its charges (the first test imported one; a test run alone imports it here).
    expect((await importViaBackend(page.request, emptyHarness.url, miniFiles())).status).toBe('succeeded');
    const chargesBefore = (await callBackend<StudySummary[]>(page.request, emptyHarness.url, 'studies:list')).map((s) => [s.studyId, s.counts.charges]);
    expect(chargesBefore.map(([id]) => id)).toContain('ONC-1');
    const batchesBefore = (await callBackend<ImportBatchSummary[]>(page.request, emptyHarness.url, 'imports:history', { limit: 500 })).length;

    await openApp(page, emptyHarness.url);
    await chooseFiles(page, [big]);
    await page.getByRole('button', { name: 'Map columns' }).click();
    await expect(page.getByText('All 20 preview rows are valid.')).toBeVisible();
    await page.getByLabel('Save this mapping for next time').uncheck();
    await page.getByRole('button', { name: 'Import charges' }).click();

    // Cancel only once rows are really being written, so the rollback is what is tested.
    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(page.locator('.job-progress-rate')).toContainText(/[1-9][\d,]* rows · [\d,]+ rows\/s/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('[data-import-status="cancelled"]')).toBeVisible({ timeout: 60_000 });

    const jobs = await callBackend<JobState[]>(page.request, emptyHarness.url, 'jobs:list');
    expect(jobs.find((j) => j.kind === 'import')?.status).toBe('cancelled');
    expect((await callBackend<StudySummary[]>(page.request, emptyHarness.url, 'studies:list')).map((s) => [s.studyId, s.counts.charges])).toEqual(chargesBefore);
    expect(await callBackend<ImportBatchSummary[]>(page.request, emptyHarness.url, 'imports:history', { limit: 500 })).toHaveLength(batchesBefore);
  });
});
