/**
 * Writes the demo-linked remittance (see demo-remit.ts) to its two committed copies.
 * Run from the repository root: node tests/denials/write-demo-remit.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildDemoRemit, DEMO_REMIT_PATHS } from './demo-remit.ts';

const text = buildDemoRemit();
for (const path of DEMO_REMIT_PATHS) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
