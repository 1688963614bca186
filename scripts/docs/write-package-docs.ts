/** Writes docs/study-package.md and assets/templates/*.csv + study-package-template.xlsx. Run: node scripts/docs/write-package-docs.ts */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_SPECS, PACKAGE_FILE_KINDS } from '../../shared/package-spec/files.ts';
import { packageDocsMarkdown, templateCsv } from './package-docs.ts';

const root = join(import.meta.dirname, '..', '..');

export function renderPackageDocs(): string {
  const prose = readFileSync(join(root, 'scripts', 'docs', 'study-package.prose.md'), 'utf8');
  const [intro = '', outro = ''] = prose.split('<!-- FILES -->');
  return packageDocsMarkdown(intro, outro);
}

export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TrialLedger';
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;
  for (const kind of PACKAGE_FILE_KINDS) {
    const sheet = workbook.addWorksheet(kind);
    sheet.addRow(FILE_SPECS[kind].columns.map((c) => c.name));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(root, 'docs', 'study-package.md'), renderPackageDocs());
  for (const kind of PACKAGE_FILE_KINDS) writeFileSync(join(root, 'assets', 'templates', FILE_SPECS[kind].fileName), templateCsv(kind));
  writeFileSync(join(root, 'assets', 'templates', 'study-package-template.xlsx'), await templateWorkbook());
  console.log('wrote docs/study-package.md and assets/templates/');
}
