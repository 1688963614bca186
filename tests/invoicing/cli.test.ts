/** `trialledger invoice` and `trialledger closeout`, run in-process: files written, exit codes, one-line failures. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../db/cli/io.ts';
import { runCli } from '../../db/cli/main.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { pdfText } from '../pdf/helpers.ts';

function io(env: Record<string, string> = { TRIALLEDGER_DB_KEY: 'cli invoice key' }): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env, out: () => out, err: () => err };
}

describe('trialledger invoice and closeout', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'demo.db');
    expect(await runCli(['demo', '--db', db], io())).toBe(0);
  });

  it('previews a draft without storing it, then issues and writes the PDF and workbook', async () => {
    const preview = io();
    expect(await runCli(['invoice', '--study', 'TMVR-22', '--from', '2025-01-01', '--to', '2025-12-31', '--db', db, '--out', join(dir, 'draft.pdf')], preview)).toBe(0);
    expect(preview.out()).toMatch(/^draft \(not stored\): 9 lines, amount \$2,376\.00, overhead \$665\.28, holdback -\$304\.12, due \$2,737\.16\n/);
    expect(pdfText(join(dir, 'draft.pdf'))).toContain('Draft invoice: not for payment');

    const issue = io();
    const args = ['invoice', '--study', 'TMVR-22', '--from', '2025-01-01', '--to', '2025-12-31', '--issue', '--date', '2026-01-05', '--db', db, '--out', join(dir, 'inv.pdf'), '--xlsx', join(dir, 'inv.xlsx')];
    expect(await runCli([...args, '--site-name', 'Lakeside UMC', '--site-address', '1200 Harbor Drive', '--site-address', 'Lakeside, MI 49001', '--remit-to', 'PO Box 7781'], issue)).toBe(0);
    expect(issue.out()).toContain('site details saved');
    expect(issue.out()).toContain('INV-TMVR-22-2026-001: 9 lines, amount $2,376.00, overhead $665.28, holdback -$304.12, due $2,737.16 by 2026-03-06');
    expect(existsSync(join(dir, 'inv.xlsx'))).toBe(true);
    const text = pdfText(join(dir, 'inv.pdf'));
    for (const s of ['INV-TMVR-22-2026-001', 'Lakeside UMC', '1200 Harbor Drive', 'PO Box 7781', 'NCT09923456', 'IDE:', 'G123456']) expect(text).toContain(s);

    const again = io();
    expect(await runCli(args, again)).toBe(1);
    expect(again.err()).toBe('trialledger invoice: Nothing to invoice for TMVR-22 from 2025-01-01 to 2025-12-31: every billable item is already invoiced or on another draft.\n');
  });

  it('writes the close-out report and ledger', async () => {
    const c = io();
    expect(await runCli(['closeout', '--study', 'TMVR-22', '--out', join(dir, 'co.pdf'), '--xlsx', join(dir, 'co.xlsx'), '--as-of', '2026-03-01', '--db', db], c)).toBe(0);
    expect(c.out()).toMatch(/^TMVR-22 as of 2026-03-01: \d+ items, invoiced \$[\d,.]+, paid \$0\.00, outstanding \$2,737\.16, never invoiced 1 \(\$2,500\.00\)/);
    expect(pdfText(join(dir, 'co.pdf'))).toContain('Study close-out reconciliation');
    expect(existsSync(join(dir, 'co.xlsx'))).toBe(true);
  });

  it('fails with one line and the right exit code', async () => {
    const cases: [string[], number, RegExp][] = [
      [['invoice', '--from', '2025-01-01', '--to', '2025-12-31', '--db', db], 2, /^trialledger invoice: --study is required/],
      [['invoice', '--study', 'TMVR-22', '--from', '2025-02-30', '--to', '2025-12-31', '--db', db], 2, /--from must be a date YYYY-MM-DD, not '2025-02-30'/],
      [['invoice', '--study', 'TMVR-22', '--from', '2025-12-31', '--to', '2025-01-01', '--db', db], 2, /--to must be on or after --from/],
      [['invoice', '--study', 'NOPE', '--from', '2025-01-01', '--to', '2025-12-31', '--db', db], 1, /^trialledger invoice: There is no study NOPE\.\n$/],
      [['closeout', '--study', 'TMVR-22', '--db', db], 2, /give --out FILE/],
      [['closeout', '--study', 'NOPE', '--out', join(dir, 'x.pdf'), '--db', db], 1, /There is no study NOPE/],
      [['invoice', '--study', 'TMVR-22', '--bogus'], 2, /Unknown option '--bogus'/],
    ];
    for (const [args, code, message] of cases) {
      const r = io();
      expect(await runCli(args, r), args.join(' ')).toBe(code);
      expect(r.err().trim().split('\n')).toHaveLength(1);
      expect(r.err()).toMatch(message);
    }
    for (const command of ['invoice', 'closeout']) {
      const h = io();
      expect(await runCli([command, '--help'], h)).toBe(0);
      expect(h.out()).toMatch(/^Usage: trialledger /);
    }
  });
});
