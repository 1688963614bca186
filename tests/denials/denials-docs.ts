/**
 * The reference part of docs/denials.md, generated from the code it documents (triage rules, reason
 * code defaults, deadline defaults, metric definitions), between the markers below.
 * `node tests/denials/write-denials-docs.ts` rewrites it; denials-docs.test.ts fails when it is stale.
 */
import { join } from 'node:path';
import { CARC_DEFAULTS } from '../../shared/denials/carc-defaults.ts';
import { DEFAULT_DEADLINES } from '../../shared/denials/deadlines.ts';
import { METRIC_DEFINITIONS } from '../../shared/denials/metric-definitions.ts';
import { TRIAGE_RULES } from '../../shared/denials/triage-rules.ts';
import { ACTION_LABEL, CATEGORY_LABEL, PAYER_KINDS, PAYER_KIND_LABEL } from '../../shared/denials/vocabulary.ts';
import { lookupCarc } from '../../shared/remit/codes.ts';
import type { Source } from '../../shared/denials/sources.ts';

export const DOC_PATH = join(import.meta.dirname, '..', '..', 'docs', 'denials.md');
export const BEGIN = '<!-- generated:begin (tests/denials/denials-docs.ts) -->';
export const END = '<!-- generated:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const cite = (sources: readonly Source[]): string => (sources.length === 0 ? '(app-defined)' : sources.map((s) => `[${s.key}](${s.url})`).join(' '));

/** The generated block, markers included. */
export function generatedDocs(): string {
  const out: string[] = [BEGIN, '', '### Triage rules, in the order they apply', '', '| rule | fires when | concludes | sources |', '|---|---|---|---|'];
  for (const r of TRIAGE_RULES) out.push(`| ${r.id} | ${cell(r.firesWhen)} | ${cell(r.concludes)} | ${cite(r.sources)} |`);
  out.push('', '### Reading of a reason code alone (rule BY-REASON-CODE)', '', 'Codes not listed: category coverage and eligibility, action appeal, flagged to read by hand (never a silent write-off).', '', '| CARC | meaning (our summary) | category | action | what to do |', '|---|---|---|---|---|');
  const codes = Object.keys(CARC_DEFAULTS).sort((a, b) => (Number.isNaN(Number(a)) ? 1000 : Number(a)) - (Number.isNaN(Number(b)) ? 1000 : Number(b)) || a.localeCompare(b));
  for (const code of codes) {
    const d = CARC_DEFAULTS[code];
    if (d === undefined) continue;
    out.push(`| ${code} | ${cell(lookupCarc(code)?.description ?? '')} | ${CATEGORY_LABEL[d.category]} | ${ACTION_LABEL[d.action]} | ${cell(d.note)} |`);
  }
  out.push('', '### Deadline defaults per payer kind', '', '| payer kind | first appeal level | appeal days | timely filing | next level after upheld | sources |', '|---|---|---|---|---|---|');
  for (const kind of PAYER_KINDS) {
    const r = DEFAULT_DEADLINES[kind];
    const months = r.timelyFilingMonths === null ? 'not set (configure per payer)' : `${r.timelyFilingMonths} months from the date of service`;
    out.push(`| ${PAYER_KIND_LABEL[kind]} | ${r.appealLevel} | ${r.appealDays ?? 'not set'}${r.verified ? '' : ' (unverified)'} | ${months} | ${r.nextLevelDays === null ? '–' : `${r.nextLevelDays} days from the decision`} | ${cite(r.sources)} |`);
  }
  out.push('', '### Metric definitions', '');
  for (const m of METRIC_DEFINITIONS) {
    out.push(`**${m.title}** (\`${m.id}\`): ${m.formula}`, '', `${m.conventions} Sources: ${cite(m.sources)}.`, '');
  }
  out.push(END);
  return out.join('\n');
}
