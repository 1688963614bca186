/**
 * What the billing grid must show for the demo package, read from the package's calendar.csv and the
 * expected findings of the demo generator (tests/fixtures/demo-expected-findings.json) at test time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DESIGNATION_LETTER, type Designation } from '../../shared/domain/codes.ts';
import { parseDollarsToCents } from '../../shared/domain/money.ts';

export interface ExpectedCell {
  readonly arm: string;
  readonly visitCode: string;
  readonly cpt: string;
  readonly letter: string;
  /** Cents, or null when the row has no sponsor price. */
  readonly priceCents: number | null;
}

interface ExpectedFinding {
  readonly rule: string;
  readonly study_id: string;
  readonly visit_code: string | null;
  readonly cpt_hcpcs: string | null;
}

/** Every calendar row of `studyId` as the cell it must be. */
export function expectedCells(demoDir: string, studyId: string): ExpectedCell[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(demoDir, 'calendar.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
  return rows
    .filter((r) => r.study_id === studyId)
    .map((r) => ({
      arm: r.arm ?? '',
      visitCode: r.visit_code ?? '',
      cpt: r.cpt_hcpcs ?? '',
      letter: DESIGNATION_LETTER[(r.designation ?? '').toUpperCase() as Designation],
      priceCents: r.sponsor_price ? parseDollarsToCents(r.sponsor_price) : null,
    }));
}

/** The ALIGN-15 findings the demo must produce, by study. */
export function expectedSetupFindings(): Map<string, { visitCode: string; cpt: string }[]> {
  const all = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'demo-expected-findings.json'), 'utf8')) as ExpectedFinding[];
  const byStudy = new Map<string, { visitCode: string; cpt: string }[]>();
  for (const f of all.filter((x) => x.rule === 'ALIGN-15')) {
    byStudy.set(f.study_id, [...(byStudy.get(f.study_id) ?? []), { visitCode: f.visit_code ?? '', cpt: f.cpt_hcpcs ?? '' }]);
  }
  return byStudy;
}

/** How many findings in all the demo must produce. */
export function expectedFindingCount(): number {
  return (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'demo-expected-findings.json'), 'utf8')) as unknown[]).length;
}
