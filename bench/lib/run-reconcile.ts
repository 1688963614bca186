/**
 * Child-process body of the engine benchmark, so each measured step runs in a fresh process.
 *   setup <db> <package-dir> <plain-db>   import the package; copy the tables the join needs to an
 *                                          unencrypted database for the sqlite3 command line
 *   full <db>                              full reconciliation
 *   increment <db> <charges-dir>           import more charges, then an incremental run
 * Prints one JSON line with the measured seconds, and PEAK_RSS_KB.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { reconcile } from '../../db/engine/reconcile.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { openStore } from '../../db/store/open-store.ts';

export const BENCH_KEY = { kind: 'raw', hex: 'b2'.repeat(32) } as const;

const [step, dbPath, arg, plain] = process.argv.slice(2);
if (!step || !dbPath) throw new Error('usage: run-reconcile.ts setup|full|increment <db> [...]');
const db = openStore({ path: dbPath, key: BENCH_KEY });
const timed = async <T>(fn: () => T | Promise<T>): Promise<{ seconds: number; value: T }> => {
  const started = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - started) / 1000, value };
};

if (step === 'setup') {
  const imported = await timed(() => importFiles(db, { type: 'folder', path: arg as string }));
  if (imported.value.status !== 'imported') throw new Error(`import ${imported.value.status}: ${imported.value.problems[0]?.reason ?? ''}`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${plain}${suffix}`, { force: true });
  // An unencrypted copy of exactly the tables the matching join reads (KEY '' attaches it plain).
  db.prepare("ATTACH DATABASE ? AS plain KEY ''").run(plain);
  for (const table of ['charges', 'subjects', 'calendar_visits', 'calendar_items']) db.exec(`CREATE TABLE plain.${table} AS SELECT * FROM main.${table}`);
  db.exec('CREATE INDEX plain.subjects_by_mrn ON subjects(mrn); CREATE INDEX plain.items_by_visit ON calendar_items(visit_id, cpt_hcpcs); CREATE INDEX plain.visits_by_arm ON calendar_visits(arm_id)');
  db.exec('DETACH DATABASE plain');
  console.log(JSON.stringify({ importSeconds: imported.seconds, charges: db.prepare('SELECT count(*) FROM charges').pluck().get() }));
} else if (step === 'full') {
  const run = await timed(() => reconcile(db, { mode: 'full' }));
  console.log(JSON.stringify({ seconds: run.seconds, ...run.value }));
} else if (step === 'increment') {
  const imported = await timed(() => importFiles(db, { type: 'file', path: join(arg as string, 'charges.csv') }));
  if (imported.value.status !== 'imported') throw new Error(`increment import ${imported.value.status}`);
  const run = await timed(() => reconcile(db));
  console.log(JSON.stringify({ importSeconds: imported.seconds, seconds: run.seconds, ...run.value }));
}
db.close();
console.log(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}`);
