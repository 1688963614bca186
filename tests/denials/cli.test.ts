/** `trialledger remit import` and `trialledger appeal`, run in-process on the demo database. */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../db/cli/io.ts';
import { runCli } from '../../db/cli/main.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { CLEAN, writeChargesFile } from '../engine/scenario.ts';
import { assertPopplerInstalled, makeAttachmentPdf, pdfPageCount, pdfPages } from '../pdf/helpers.ts';
import { DEMO_REMIT_PATHS } from './demo-remit.ts';
import { FIXTURES } from './world.ts';

const CLI = join(import.meta.dirname, '../../db/cli/bin.ts');

function io(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: { TRIALLEDGER_DB_KEY: 'cli test key' }, out: () => out, err: () => err };
}

const DEMO_REMIT = DEMO_REMIT_PATHS[1] as string;
let db: string;

beforeAll(async () => {
  assertPopplerInstalled();
  db = join(tempDir(), 'demo.db');
  expect(await runCli(['demo', '--db', db], io())).toBe(0);
}, 60_000);

describe('trialledger remit import', () => {
  it('prints the counts, then the denials by category and action; a second import does nothing', async () => {
    const a = io();
    expect(await runCli(['remit', 'import', DEMO_REMIT, '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/segments\s+transactions\s+claims\s+lines\s+linked lines\s+reversals paired\s+paid\s+imbalances/);
    expect(a.out()).toMatch(/398\s+4\s+23\s+46\s+46\s+1\s+\$19,096\.88\s+0/);
    expect(a.out()).toMatch(/10 denials triaged \(\$8,313\.00 denied\)/);
    expect(a.out()).toMatch(/Protocol \/ trial coding\s+5/);
    expect(a.out()).toMatch(/Sponsor vs insurance\s+1/);
    expect(a.out()).toMatch(/Appeal\s+5/);
    expect(a.out()).toMatch(/Rebill another payer\s+1/);
    const again = io();
    expect(await runCli(['remit', 'import', DEMO_REMIT, '--db', db], again)).toBe(0);
    expect(again.out()).toMatch(/already imported on .* nothing to do/);
    expect(again.out()).toMatch(/0 denials triaged/);
  });

  it('a later charge import says what it changed for the remittances on file', async () => {
    const a = io();
    expect(await runCli(['import', writeChargesFile([{ ...CLEAN, charge_id: 'CLI-LATE-1' }]), '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/^denials: \d+ remittance lines? linked to a charge; \d+ open denials? triaged differently\.$/m);
  });

  it('reports imbalances without refusing the file, and refuses a malformed one', async () => {
    const a = io();
    expect(await runCli(['remit', 'import', join(FIXTURES, 'imbalance-line.835'), '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/^imbalance: transaction .* line 1 .*SVC/m);
    const bad = io();
    expect(await runCli(['remit', 'import', join(FIXTURES, 'malformed-truncated.835'), '--db', db], bad)).toBe(1);
    expect(bad.err()).toMatch(/^trialledger remit: import refused: .*malformed-truncated\.835: segment 15 \(CLP\): /);
    expect(bad.err()).toMatch(/nothing was imported\n$/);
    const missing = io();
    expect(await runCli(['remit', 'import', join(FIXTURES, 'no-such.835'), '--db', db], missing)).toBe(1);
    expect(missing.err()).toMatch(/^trialledger remit: import refused: .*no-such\.835: the file could not be read \(no such file\)/);
    const folder = io();
    expect(await runCli(['remit', 'import', FIXTURES, '--db', db], folder)).toBe(1);
    expect(folder.err()).toMatch(/import refused: .*x12: the file could not be read \(it is a folder, not a file\)/);
  });

  it('explains its usage', async () => {
    const none = io();
    expect(await runCli(['remit'], none)).toBe(2);
    expect(none.out()).toMatch(/import FILE/);
    const unknown = io();
    expect(await runCli(['remit', 'export'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/unknown subcommand 'export'/);
    const help = io();
    expect(await runCli(['remit', 'import', '--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^Usage: trialledger remit import/);
  });
});

describe('trialledger appeal', () => {
  it('writes the packet with the attached PDFs and lists the pages of each section', async () => {
    const out = join(tempDir(), 'appeal.pdf');
    const attachment = join(tempDir(), 'protocol-pages.pdf');
    writeFileSync(attachment, await makeAttachmentPdf({ pages: 4, text: 'PROTOCOL PAGE' }));
    const a = io();
    expect(await runCli(['appeal', '1', '--out', out, '--attach', attachment, '--today', '2025-12-20', '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/Exhibit E: protocol-pages\s+\d+\s+4/);
    const pages = pdfPages(out);
    expect(a.out()).toContain(`wrote ${out}: ${pages.length} pages`);
    expect(pdfPageCount(out)).toBe(pages.length);
    expect(pages[1]).toMatch(/2025-12-20/);
    expect(pages.join('\n')).toMatch(/NCT09912345/);
    expect(pages.at(-1)).toMatch(/PROTOCOL PAGE 4[\s\S]*Page \d+ of \d+/);
    expect(pages.join('\n')).not.toMatch(/MRN\d/);
  });

  it('says when a denial has no appeal rights, and fails clearly on bad input', async () => {
    const out = join(tempDir(), 'fix.pdf');
    const a = io();
    expect(await runCli(['appeal', '2', '--out', out, '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/no appeal rights; correct and resubmit instead/);
    const missing = io();
    expect(await runCli(['appeal', '9999', '--out', join(tempDir(), 'x.pdf'), '--db', db], missing)).toBe(1);
    expect(missing.err()).toBe('trialledger appeal: Denial 9999 does not exist.\n');
    const noOut = io();
    expect(await runCli(['appeal', '1', '--db', db], noOut)).toBe(2);
    expect(noOut.err()).toMatch(/--out FILE\.pdf is required/);
    expect(existsSync(join(tempDir(), 'x.pdf'))).toBe(false);
  });

  it('refuses an impossible date, an unwritable output and a damaged attachment, naming each, in one line', async () => {
    const badDate = io();
    expect(await runCli(['appeal', '1', '--out', join(tempDir(), 'a.pdf'), '--today', '2025-02-30', '--db', db], badDate)).toBe(2);
    expect(badDate.err()).toBe('trialledger appeal: --today must be a real date YYYY-MM-DD\n');
    const folder = tempDir();
    const toFolder = io();
    expect(await runCli(['appeal', '1', '--out', folder, '--db', db], toFolder)).toBe(1);
    expect(toFolder.err()).toBe(`trialledger appeal: cannot write ${folder}: it is a folder, not a file\n`);
    const noDir = io();
    expect(await runCli(['appeal', '1', '--out', join(folder, 'no', 'such', 'a.pdf'), '--db', db], noDir)).toBe(1);
    expect(noDir.err()).toMatch(/cannot write .*a\.pdf: no such file or folder\n$/);

    // Half a PDF: pdf-lib's lenient parser skips its broken objects with console.warn noise.
    const whole = await makeAttachmentPdf({ pages: 2, text: 'CUT' });
    const cut = join(tempDir(), 'cut-in-half.pdf');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    // A real process, so that what reaches stderr is what a user sees (vitest captures console).
    const run = spawnSync(process.execPath, [CLI, 'appeal', '1', '--out', join(tempDir(), 'b.pdf'), '--attach', cut, '--db', db], { encoding: 'utf8', env: { ...process.env, TRIALLEDGER_DB_KEY: 'cli test key' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^trialledger appeal: The attachment ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*\n$`));
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});
