/** The command line, run in-process: exit codes, one-line failures, the check JSON. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../db/cli/main.ts';
import type { CliIo } from '../../db/cli/io.ts';
import { MINI_PACKAGE, tempDir, writePackage } from '../helpers/temp-dir.ts';

function io(env: Record<string, string> = { TRIALLEDGER_DB_KEY: 'cli test key' }): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    out: () => out,
    err: () => err,
  };
}

describe('trialledger', () => {
  it('imports a package and lists the studies with counts', async () => {
    const db = join(tempDir(), 'work.db');
    const a = io();
    expect(await runCli(['import', MINI_PACKAGE, '--db', db], a)).toBe(0);
    expect(a.out()).toMatch(/studies\.csv\s+studies\s+2\s+2/);
    expect(a.out()).toMatch(/imported as batch 1/);
    const b = io();
    expect(await runCli(['studies', '--db', db], b)).toBe(0);
    expect(b.out()).toMatch(/ONC-1\s+BX-301/);
    const again = io();
    expect(await runCli(['import', MINI_PACKAGE, '--db', db], again)).toBe(0);
    expect(again.out()).toMatch(/nothing to do: every file was imported before/);
  });

  it('fails with a non-zero code and one-line reasons', async () => {
    const db = join(tempDir(), 'work.db');
    const noKey = io({});
    expect(await runCli(['studies', '--db', db], noKey)).toBe(1);
    expect(noKey.err()).toBe('trialledger studies: no database key: set TRIALLEDGER_DB_KEY or pass --key-file FILE (the database is always encrypted)\n');
    expect(await runCli(['import', MINI_PACKAGE, '--db', db], io())).toBe(0);
    const wrong = io({ TRIALLEDGER_DB_KEY: 'another key' });
    expect(await runCli(['studies', '--db', db], wrong)).toBe(1);
    expect(wrong.err()).toMatch(/^trialledger studies: The database could not be opened: the key is wrong/);
    const broken = io();
    const pkg = writePackage({ 'studies.csv': 'study_id,protocol_number\nS1,P\n' });
    expect(await runCli(['import', pkg, '--db', join(tempDir(), 'x.db')], broken)).toBe(1);
    expect(broken.err().trim().split('\n').at(-1)).toBe('trialledger import: import refused: 8 problems; nothing was imported');
    const unknown = io();
    expect(await runCli(['frobnicate'], unknown)).toBe(2);
    const badFlag = io();
    expect(await runCli(['studies', '--nope'], badFlag)).toBe(2);
    expect(badFlag.err()).toMatch(/^trialledger studies: Unknown option '--nope'/);
  });

  it('reads the key from a key file', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'key.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(keyFile, `${'ab'.repeat(32)}\n`);
    expect(await runCli(['import', MINI_PACKAGE, '--db', join(dir, 'k.db'), '--key-file', keyFile], io({}))).toBe(0);
    expect(await runCli(['studies', '--db', join(dir, 'k.db'), '--key-file', keyFile], io({}))).toBe(0);
  });

  it('has --help for every command', async () => {
    for (const command of ['import', 'studies', 'check', 'reconcile', 'demo']) {
      const h = io();
      expect(await runCli([command, '--help'], h)).toBe(0);
      expect(h.out()).toMatch(/^Usage: trialledger /);
    }
  });

  it('check writes the findings of a package as JSON and prints a summary by rule', async () => {
    const out = join(tempDir(), 'findings.json');
    const c = io({});
    expect(await runCli(['check', MINI_PACKAGE, '--json', out], c)).toBe(0);
    expect(c.out()).toMatch(/WIN-18\s+Service outside every visit window\s+review\s+2/);
    const { findings } = JSON.parse(readFileSync(out, 'utf8')) as { findings: Record<string, unknown>[] };
    expect(findings.map((f) => f.rule)).toEqual(['INVC-20', 'WIN-18', 'WIN-18']);
    for (const f of findings) {
      for (const field of ['rule', 'severity', 'study_id', 'subject_id', 'charge_id', 'arm', 'visit_code', 'cpt_hcpcs', 'service_date', 'amount_cents', 'message', 'evidence']) expect(f).toHaveProperty(field);
    }
    expect(findings[0]).toMatchObject({ rule: 'INVC-20', charge_id: null, arm: 'A', visit_code: 'SCR', cpt_hcpcs: '71260', amount_cents: 45000 });
  });

  it('reconcile works on a database and is incremental the second time', async () => {
    const db = join(tempDir(), 'work.db');
    await runCli(['import', MINI_PACKAGE, '--db', db], io());
    const first = io();
    expect(await runCli(['reconcile', '--db', db], first)).toBe(0);
    expect(first.out()).toMatch(/^full run: 2 charges evaluated, 3 findings opened/);
    const second = io();
    expect(await runCli(['reconcile', '--db', db], second)).toBe(0);
    expect(second.out()).toMatch(/^incremental run: 0 charges evaluated/);
  });

  it('demo builds the demo database and shows it', async () => {
    const d = io();
    expect(await runCli(['demo', '--db', join(tempDir(), 'demo.db')], d)).toBe(0);
    expect(d.out()).toMatch(/demo study package loaded/);
    expect(d.out()).toMatch(/NSCLC-301/);
  });
});
