/**
 * Rewrites the generated part of docs/denials.md (see denials-docs.ts).
 * Run from the repository root: node tests/denials/write-denials-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BEGIN, DOC_PATH, END, generatedDocs } from './denials-docs.ts';

const text = readFileSync(DOC_PATH, 'utf8');
const from = text.indexOf(BEGIN);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`${DOC_PATH} has no generated block`);
writeFileSync(DOC_PATH, `${text.slice(0, from)}${generatedDocs()}${text.slice(to + END.length)}`);
console.log(`updated ${DOC_PATH}`);
