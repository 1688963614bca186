/**
 * The committed demo package (assets/demo) and its oracle (tests/fixtures/demo-expected-findings.json):
 * fresh from the generator, importable without a single problem, internally consistent, and free of
 * MRNs where they must never be (sponsor invoices).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDemoDir, loadDemo, loadDemoIfEmpty } from '../../db/demo/load-demo.ts';
import { openStore } from '../../db/store/open-store.ts';
import { writeDemo } from '../../scripts/demo/build-demo.ts';

const DEMO_DIR = fileURLToPath(new URL('../../assets/demo/', import.meta.url));
const FINDINGS_FILE = fileURLToPath(new URL('../fixtures/demo-expected-findings.json', import.meta.url));

/** The rule ids of the compliance-engine issue's table, written out here rather than imported from the generator. */
const TABLE_RULES = ['QCT-01', 'RSH-02', 'DBL-03', 'ICF-04', 'FREE-05', 'MOD-08', 'DX-09', 'CC-10', 'NCT-11', 'IDE-12', 'MA-13', 'WIN-18', 'INVC-20', 'ENR-26', 'PRE-27', 'DUP-28', 'SOC-29', 'ALIGN-15'];

interface Finding {
  rule: string;
  study_id: string | null;
  subject_id: string | null;
  charge_id: string | null;
  visit_code: string | null;
  cpt_hcpcs: string;
  service_date: string | null;
}

/** Rows of a committed CSV as header-keyed records. */
function csvRecords(fileName: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(DEMO_DIR, fileName), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${fileName}: ${parsed.errors[0]?.message ?? 'CSV error'}`);
  return parsed.data;
}

const findings = JSON.parse(readFileSync(FINDINGS_FILE, 'utf8')) as Finding[];

describe('demo package', () => {
  const temp = mkdtempSync(join(tmpdir(), 'trialledger-demo-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is exactly what the generator produces (a stale demo fails here: run node scripts/demo/generate-demo.ts)', () => {
    const findingsCopy = join(temp, 'expected-findings.json');
    writeDemo(join(temp, 'demo'), findingsCopy);
    const committed = readdirSync(DEMO_DIR).sort();
    const generated = readdirSync(join(temp, 'demo')).sort();
    expect(committed).toEqual(generated);
    const stale = generated.filter((name) => !readFileSync(join(temp, 'demo', name)).equals(readFileSync(join(DEMO_DIR, name))));
    expect(stale).toEqual([]);
    expect(readFileSync(findingsCopy).equals(readFileSync(FINDINGS_FILE))).toBe(true);
  });

  it('imports into a fresh store with no problems, every row of every file loaded', async () => {
    const db = openStore({ path: ':memory:', key: null });
    try {
      const outcome = await loadDemo(db, DEMO_DIR);
      expect(outcome.status).toBe('imported');
      expect(outcome.problemCount).toBe(0);
      expect(outcome.problems).toEqual([]);
      expect(outcome.files.map((f) => f.file).sort()).toEqual(
        ['approvals.csv', 'calendar.csv', 'charges.csv', 'invoiceables.csv', 'invoices.csv', 'studies.csv', 'subjects.csv', 'visits.csv'],
      );
      for (const file of outcome.files) {
        const rows = csvRecords(file.file).length;
        expect({ file: file.file, read: file.rowsRead, inserted: file.inserted }).toEqual({ file: file.file, read: rows, inserted: rows });
      }
      expect(db.prepare('SELECT count(*) FROM charges').pluck().get()).toBe(csvRecords('charges.csv').length);
      expect(db.prepare('SELECT count(*) FROM sponsor_invoice_lines').pluck().get()).toBe(csvRecords('invoices.csv').length);
    } finally {
      db.close();
    }
  });

  it('loads only into an empty store', async () => {
    const db = openStore({ path: ':memory:', key: null });
    try {
      expect(await loadDemoIfEmpty(db, defaultDemoDir())).toBe(true);
      expect(db.prepare('SELECT count(*) FROM studies').pluck().get()).toBe(3);
      expect(await loadDemoIfEmpty(db, defaultDemoDir())).toBe(false);
    } finally {
      db.close();
    }
  });

  it('refuses loudly when the package cannot be imported', async () => {
    const db = openStore({ path: ':memory:', key: null });
    try {
      await expect(loadDemo(db, join(temp, 'no-such-folder'))).rejects.toThrow(/demo study package could not be imported/);
    } finally {
      db.close();
    }
  });

  it('resolves the default demo folder to assets/demo of this checkout', () => {
    expect(join(defaultDemoDir(), 'studies.csv')).toBe(join(DEMO_DIR, 'studies.csv'));
  });

  it('never puts an MRN on a sponsor invoice', () => {
    const mrns = new Set([...csvRecords('subjects.csv').map((r) => r.mrn), ...csvRecords('charges.csv').map((r) => r.mrn)]);
    expect(mrns.size).toBeGreaterThan(100);
    const text = readFileSync(join(DEMO_DIR, 'invoices.csv'), 'utf8');
    expect(text.split('\n')[0]).not.toMatch(/mrn/i);
    expect([...mrns].filter((mrn) => mrn !== undefined && text.includes(mrn))).toEqual([]);
    expect(text).not.toMatch(/MRN/i);
  });
});

describe('demo expected findings', () => {
  const charges = new Set(csvRecords('charges.csv').map((r) => r.charge_id));
  const subjects = new Set(csvRecords('subjects.csv').map((r) => `${r.study_id}|${r.subject_id}`));
  const studies = new Set(csvRecords('studies.csv').map((r) => r.study_id));

  it('uses only rule ids of the table, and every one of them', () => {
    expect(findings.length).toBeGreaterThan(100);
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual([...TABLE_RULES].sort());
  });

  it('references charges, studies and subjects that exist in the package', () => {
    expect(findings.filter((f) => f.charge_id !== null && !charges.has(f.charge_id))).toEqual([]);
    expect(findings.filter((f) => f.study_id !== null && !studies.has(f.study_id))).toEqual([]);
    expect(findings.filter((f) => f.subject_id !== null && !subjects.has(`${f.study_id}|${f.subject_id}`))).toEqual([]);
  });

  it('has the shape of each rule: no charge for INVC-20 and ALIGN-15, no subject or date for ALIGN-15', () => {
    for (const f of findings) {
      const recordLevel = f.rule === 'INVC-20' || f.rule === 'ALIGN-15';
      expect(f.charge_id === null).toBe(recordLevel);
      expect(f.subject_id === null).toBe(f.rule === 'ALIGN-15' || (f.rule === 'ENR-26' && f.study_id === null));
      expect(f.service_date === null).toBe(f.rule === 'ALIGN-15');
      expect(f.study_id === null).toBe(f.rule === 'ENR-26' && f.subject_id === null);
      expect(Object.keys(f)).toEqual(['rule', 'study_id', 'subject_id', 'charge_id', 'visit_code', 'cpt_hcpcs', 'service_date']);
    }
  });

  it('is sorted and holds no finding twice', () => {
    const key = (f: Finding): string => [f.rule, f.study_id, f.subject_id, f.charge_id, f.visit_code, f.cpt_hcpcs, f.service_date].map((v) => v ?? '').join('\u0001');
    const keys = findings.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
  });
});
