/**
 * The demo package's findings, checked exactly against the oracle the demo generator computed with an
 * independent reference implementation of the rules (tests/fixtures/demo-expected-findings.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDemoDir } from '../../db/demo/load-demo.ts';
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { exportFindings } from '../../db/queries/findings/export-findings.ts';
import { memoryStore } from '../helpers/store.ts';

interface Expected {
  rule: string;
  study_id: string | null;
  subject_id: string | null;
  charge_id: string | null;
  visit_code: string | null;
  cpt_hcpcs: string | null;
  service_date: string | null;
}

const key = (f: Expected): string => [f.rule, f.study_id, f.subject_id, f.charge_id, f.visit_code, f.cpt_hcpcs, f.service_date].join('|');

describe('the demo study package', () => {
  it('produces exactly the expected findings, no more and no fewer', async () => {
    const db = memoryStore();
    expect((await importFiles(db, { type: 'folder', path: defaultDemoDir() })).status).toBe('imported');
    const run = reconcile(db);
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'demo-expected-findings.json'), 'utf8')) as Expected[];
    const actual = [...exportFindings(db)];
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
    expect(run.totalOpen).toBe(expected.length);
    // Every finding explains itself: a message, a citation and evidence naming the charge or calendar row.
    for (const f of actual) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.citation).toMatch(/\[[A-Z0-9-]+\]/);
      const evidence = f.evidence as Record<string, unknown>;
      expect(evidence.charge ?? evidence.calendar ?? evidence.invoiceable).toBeDefined();
      expect(JSON.stringify(evidence)).not.toMatch(/MRN1\d{5}/); // no MRN in evidence
    }
  });
});
