/**
 * Builds docs/rules.md from the rule catalogue (shared/rules/catalogue.ts) and the prose in
 * scripts/docs/rules.prose.md, so the rules the engine runs and the rules the docs describe are the
 * same. A test fails when the committed file is stale. Run: node scripts/docs/write-rules-doc.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../shared/rules/catalogue.ts';

const root = join(import.meta.dirname, '..', '..');

export function renderRulesDoc(): string {
  const prose = readFileSync(join(root, 'scripts', 'docs', 'rules.prose.md'), 'utf8');
  const [intro = '', outro = ''] = prose.split('<!-- RULES -->');
  const table = [
    '| id | rule | severity | category |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.title}${r.added ? ' *(added)*' : ''} | ${r.severity} | ${r.category} |`),
  ].join('\n');
  const sections = RULES.map((r) =>
    [
      `### ${r.id}`,
      '',
      `**${r.title}**${r.added ? ' (added by TrialLedger beyond the issue table)' : ''}. Severity **${r.severity}**, category **${r.category}**.`,
      '',
      `- **Fires when:** ${r.firesWhen}`,
      `- **Why:** ${r.why}`,
      `- **What to do:** ${r.action}`,
      `- **Sources:** ${r.sources.map((s) => `${s.cite} [${s.key}](${s.url})`).join('; ')}`,
      '',
    ].join('\n'),
  );
  return `${intro.trim()}\n\n${table}\n\n${sections.join('\n')}\n${outro.trim()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(root, 'docs', 'rules.md'), renderRulesDoc());
  console.log('wrote docs/rules.md');
}
