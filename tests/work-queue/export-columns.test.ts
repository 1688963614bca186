/** The export's column mapping and CSV encoding (shared by .csv and .xlsx). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../shared/contract/findings.ts';
import { EXPORT_COLUMNS, csvField, csvHeader, csvLine, neutralizeFormula } from '../../shared/findings/export-columns.ts';
import { describeFilter, describeSort } from '../../shared/findings/describe-view.ts';

const ROW: FindingRow = {
  id: 42,
  rule: 'RSH-02',
  severity: 'critical',
  category: 'exposure',
  status: 'open',
  studyId: 'NSCLC-301',
  subjectId: '101-003',
  chargeId: 'CHG1',
  visitCode: 'RS4',
  cptHcpcs: '74177',
  serviceDate: '2025-08-14',
  payerType: 'MEDICARE',
  amountCents: 398_005,
  assignee: '@admin',
  message: 'CT "abdomen", pelvis\nbilled to insurance',
};

describe('the export columns', () => {
  it('map a queue row to its cells in order, money as a plain decimal, no MRN column', () => {
    expect(EXPORT_COLUMNS.map((c) => c.header)).toEqual(['Finding', 'Rule', 'Rule title', 'Severity', 'Category', 'Status', 'Study', 'Subject', 'Charge', 'Visit', 'CPT/HCPCS', 'Service date', 'Payer type', 'Amount', 'Assignee', 'Message']);
    expect(EXPORT_COLUMNS.map((c) => c.header).join()).not.toMatch(/MRN|account/i);
    const [parsed] = Papa.parse<string[]>(csvHeader() + csvLine(ROW), { skipEmptyLines: true }).data.slice(1);
    expect(parsed).toEqual(['42', 'RSH-02', 'Research item billed to insurance or patient', 'critical', 'exposure', 'open', 'NSCLC-301', '101-003', 'CHG1', 'RS4', '74177', '2025-08-14', 'MEDICARE', '3980.05', "'@admin", 'CT "abdomen", pelvis\nbilled to insurance']);
    expect(csvLine({ ...ROW, assignee: null, visitCode: null }).split(',').includes('')).toBe(true);
    expect(csvLine(ROW).endsWith('\r\n')).toBe(true);
  });

  it('quote like papaparse and neutralize formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(neutralizeFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralizeFormula('-5')).toBe("'-5");
    expect(neutralizeFormula('MOD-08')).toBe('MOD-08');
  });

  it('describe a view in words', () => {
    expect(describeFilter({ rules: ['MOD-08'], assignee: '', amountMinCents: 10_000, payerTypes: ['MEDICARE_ADVANTAGE'] }).map((p) => `${p.label}: ${p.text}`)).toEqual([
      'Rule: MOD-08',
      'Payer: Medicare Advantage',
      'Assignee: unassigned',
      'At least: $100.00',
    ]);
    expect(describeSort({ by: 'amount', direction: 'desc' })).toBe('Amount, largest first');
  });
});
