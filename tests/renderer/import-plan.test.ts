/** What a selection of files adds up to, and the header check of package files. */
import { describe, expect, it } from 'vitest';
import { formatBytes, headerProblems, needsMapping, planImport } from '../../renderer/src/screens/import/import-plan.ts';
import type { FilePreview } from '../../shared/contract/imports.ts';
import { FILE_SPECS, type PackageFileKind } from '../../shared/package-spec/files.ts';

const header = (kind: PackageFileKind): string[] => FILE_SPECS[kind].columns.map((c) => c.name);
const csv = (name: string, kind: PackageFileKind | null, cols: string[]): FilePreview => ({ fileId: `f${name.length}${name.charCodeAt(0)}`, name, kind, sheets: [{ sheet: null, kind, header: cols, rows: [] }] });

describe('the header check', () => {
  it('passes a package header in any order and names missing and unknown columns', () => {
    expect(headerProblems('studies', [...header('studies')].reverse())).toEqual([]);
    const problems = headerProblems('studies', ['study_id', 'title', 'sponsr']);
    expect(problems.some((p) => p.includes("unknown column 'sponsr'"))).toBe(true);
    expect(problems).toContain("missing column 'sponsor'");
  });
});

describe('planning an import', () => {
  const studies = csv('studies.csv', 'studies', header('studies'));
  const calendar = csv('calendar.csv', 'calendar', header('calendar'));
  const epic = csv('epic-march.csv', null, ['Transaction ID', 'MRN']);

  it('imports package files together', () => {
    expect(planImport([studies, calendar])).toEqual({ kind: 'package', files: [studies, calendar] });
    expect(planImport([])).toEqual({ kind: 'none' });
  });

  it('maps one export on its own, including a charges.csv in another layout', () => {
    expect(planImport([epic])).toEqual({ kind: 'export', file: epic });
    const ownLayout = csv('charges.csv', 'charges', ['Txn', 'MRN']);
    expect(needsMapping(ownLayout)).toBe(true);
    expect(needsMapping(csv('charges.csv', 'charges', header('charges')))).toBe(false);
    expect(planImport([ownLayout]).kind).toBe('export');
  });

  it('refuses a mix, two exports, and unreadable files, saying why', () => {
    expect(planImport([studies, epic])).toEqual({ kind: 'blocked', reason: expect.stringContaining('epic-march.csv is not a study-package file') });
    expect(planImport([epic, { ...epic, fileId: 'f2', name: 'other.csv' }])).toEqual({ kind: 'blocked', reason: expect.stringContaining('one at a time') });
    expect(planImport([studies, { fileId: 'f9', name: 'x.csv', kind: null, sheets: [], problem: 'This file is not text.' }])).toEqual({
      kind: 'blocked',
      reason: 'x.csv cannot be read; remove it to go on.',
    });
  });

  it('treats a workbook with package sheets as a package and one without as an export', () => {
    const book: FilePreview = { fileId: 'fb', name: 'pkg.xlsx', kind: null, sheets: [{ sheet: 'studies', kind: 'studies', header: header('studies'), rows: [] }] };
    const sheet: FilePreview = { fileId: 'fc', name: 'export.xlsx', kind: null, sheets: [{ sheet: 'Sheet1', kind: null, header: ['A'], rows: [] }] };
    expect(planImport([book]).kind).toBe('package');
    expect(planImport([sheet]).kind).toBe('export');
  });
});

describe('file sizes', () => {
  it('reads as people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_700)).toBe('12 KB');
    expect(formatBytes(3_300_000)).toBe('3.1 MB');
  });
});
