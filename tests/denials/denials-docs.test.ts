/** docs/denials.md carries the current rules, code defaults, deadlines and metric definitions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, DOC_PATH, END, generatedDocs } from './denials-docs.ts';

describe('docs/denials.md', () => {
  it('is current with the code (regenerate: node tests/denials/write-denials-docs.ts)', () => {
    const text = readFileSync(DOC_PATH, 'utf8');
    const block = text.slice(text.indexOf(BEGIN), text.indexOf(END) + END.length);
    expect(block).toBe(generatedDocs());
  });
});
