import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateCsv } from '../../scripts/docs/package-docs.ts';
import { renderPackageDocs } from '../../scripts/docs/write-package-docs.ts';
import { FILE_SPECS, PACKAGE_FILE_KINDS } from '../../shared/package-spec/files.ts';

const root = join(import.meta.dirname, '..', '..');

describe('study-package documentation and templates', () => {
  it('docs/study-package.md is what the spec generates (run node scripts/docs/write-package-docs.ts)', () => {
    expect(readFileSync(join(root, 'docs', 'study-package.md'), 'utf8')).toBe(renderPackageDocs());
  });

  it('documents every column of every file', () => {
    const doc = readFileSync(join(root, 'docs', 'study-package.md'), 'utf8');
    for (const kind of PACKAGE_FILE_KINDS) {
      expect(doc).toContain(`### ${FILE_SPECS[kind].fileName}`);
      for (const column of FILE_SPECS[kind].columns) expect(doc).toContain(`| \`${column.name}\` |`);
    }
  });

  it('ships an empty CSV template of each file and a workbook with a sheet per file', async () => {
    for (const kind of PACKAGE_FILE_KINDS) {
      expect(readFileSync(join(root, 'assets', 'templates', FILE_SPECS[kind].fileName), 'utf8')).toBe(templateCsv(kind));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(root, 'assets', 'templates', 'study-package-template.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...PACKAGE_FILE_KINDS]);
    for (const kind of PACKAGE_FILE_KINDS) {
      const header = (workbook.getWorksheet(kind)?.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(FILE_SPECS[kind].columns.map((c) => c.name));
    }
  });
});

describe('rules documentation', () => {
  it('docs/rules.md is what the rule catalogue generates (run node scripts/docs/write-rules-doc.ts)', async () => {
    const { renderRulesDoc } = await import('../../scripts/docs/write-rules-doc.ts');
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesDoc());
  });
});
