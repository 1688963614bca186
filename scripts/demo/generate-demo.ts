/**
 * Regenerates the demo study package (assets/demo/) and the oracle of the compliance engine's tests
 * (tests/fixtures/demo-expected-findings.json). No npm needed:
 *
 *     node scripts/demo/generate-demo.ts
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeDemo } from './build-demo.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const demo = writeDemo(join(repo, 'assets', 'demo'), join(repo, 'tests', 'fixtures', 'demo-expected-findings.json'));
const rows = Object.entries(demo.pkg).map(([kind, list]) => `${kind} ${(list as readonly unknown[]).length}`);
console.log(`demo package written to assets/demo: ${rows.join(', ')}`);
console.log(`expected findings: ${demo.findings.length} (${[...demo.ruleCounts].map(([r, n]) => `${r} ${n}`).join(', ')})`);
