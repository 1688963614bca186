/**
 * Builds docs/study-package.md and the empty templates in assets/templates/ from the package spec
 * (shared/package-spec/files.ts), so the documentation cannot drift from what the importer accepts.
 * A test regenerates them and compares with the committed files.
 */
import { FILE_SPECS, PACKAGE_FILE_KINDS, type ColumnSpec } from '../../shared/package-spec/files.ts';
import { DATE_FORMATS } from '../../shared/package-spec/mapping.ts';

function kindText(column: ColumnSpec): string {
  const k = column.kind;
  switch (k.type) {
    case 'text':
      return `text (max ${k.maxLength})`;
    case 'enum':
      return k.values.map((v) => `\`${v}\``).join(' \\| ');
    case 'date':
      return 'date `YYYY-MM-DD`';
    case 'money':
      return 'dollars `1234.56`, not negative';
    case 'yn':
      return '`Y` or `N`';
    case 'int':
      return `whole number ${k.min}..${k.max}`;
    case 'percent':
      return 'percent `0`-`100` (up to 2 decimals)';
    case 'list':
      return `list separated by \`;\` of ${k.hint}`;
  }
}

/** The CSV template of one file: its header row. */
export function templateCsv(kind: (typeof PACKAGE_FILE_KINDS)[number]): string {
  return `${FILE_SPECS[kind].columns.map((c) => c.name).join(',')}\n`;
}

export function packageDocsMarkdown(intro: string, outro: string): string {
  const sections = PACKAGE_FILE_KINDS.map((kind) => {
    const spec = FILE_SPECS[kind];
    const rows = spec.columns.map(
      (c) => `| \`${c.name}\` | ${c.required ? 'yes' : 'no'} | ${kindText(c)} | ${c.description.replaceAll('|', '\\|')}${c.phi ? ' **PHI.**' : ''} | ${c.example ? `\`${c.example}\`` : ''} |`,
    );
    return [
      `### ${spec.fileName}: ${spec.title}`,
      '',
      spec.description,
      '',
      `Key (must be unique in the file): ${spec.key.map((k) => `\`${k}\``).join(' + ')}.`,
      '',
      '| column | required | value | meaning | example |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  });
  return `${intro.trim()}\n\n## Files and columns\n\n${sections.join('\n')}\n${outro.trim().replace('{{DATE_FORMATS}}', DATE_FORMATS.map((f) => `\`${f}\``).join(', '))}\n`;
}
