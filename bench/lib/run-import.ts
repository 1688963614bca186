/**
 * Child-process body for import benchmarks: imports one file into an encrypted store and prints the
 * outcome and its own peak RSS, so the parent measures an isolated process.
 * Usage: node bench/lib/run-import.ts <db> <file>
 */
import { importFiles } from '../../db/import/import-files.ts';
import { openStore } from '../../db/store/open-store.ts';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) throw new Error('usage: run-import.ts <db> <file>');
const db = openStore({ path: dbPath, key: { kind: 'raw', hex: 'a1'.repeat(32) } });
const started = performance.now();
const outcome = await importFiles(db, { type: 'file', path: file });
const importSeconds = (performance.now() - started) / 1000;
db.close();
if (outcome.status !== 'imported') throw new Error(`import ${outcome.status}: ${outcome.problems[0]?.reason ?? ''}`);
console.log(JSON.stringify({ importSeconds, rows: outcome.files[0]?.rowsRead, inserted: outcome.files[0]?.inserted, updated: outcome.files[0]?.updated }));
console.log(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}`);
