/**
 * Benchmark (issue 3): 1,000,000 charges over 50 studies and 5,000 subjects.
 * - full reconcile, against a plain SQL join of the same tables (the calendar matching join: charge
 *   to subject by MRN, to calendar rows of the subject's arm by code, inside the study period and
 *   the visit window) run by the sqlite3 command line in the same run; target within 3x;
 * - 10,000 new charges imported, then an incremental run: target under 5% of the full run.
 * Usage: node bench/reconcile.bench.ts [charges] [studies] [subjects]
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateTrialPackage } from './lib/generate-trial-package.ts';
import { measure } from './lib/measure.ts';

const charges = Number(process.argv[2] ?? 1_000_000);
const studies = Number(process.argv[3] ?? 50);
const subjects = Number(process.argv[4] ?? 5_000);
const dir = join(import.meta.dirname, '..', '.bench-data', `reconcile-${charges}`);
const pkg = join(dir, 'package');
const inc = join(dir, 'increment');
if (!existsSync(join(pkg, 'charges.csv'))) await generateTrialPackage({ dir: pkg, studies, subjects, charges });
if (!existsSync(join(inc, 'charges.csv'))) await generateTrialPackage({ dir: inc, studies, subjects, charges: 10_000, chargeStart: charges, chargeSeed: 99, chargesOnly: true });

const db = join(dir, 'trialledger.db');
const plain = join(dir, 'plain.db');
for (const f of [db, plain]) for (const s of ['', '-wal', '-shm']) rmSync(`${f}${s}`, { force: true });
const runner = join(import.meta.dirname, 'lib', 'run-reconcile.ts');
const json = (stdout: string): Record<string, number> => JSON.parse(stdout.split('\n')[0] ?? '{}') as Record<string, number>;

const setup = json((await measure(process.execPath, [runner, 'setup', db, pkg, plain])).stdout);
const JOIN = `SELECT count(*), sum(c.charge_amount_cents) FROM charges c
  JOIN subjects s ON s.mrn = c.mrn
  JOIN calendar_visits v ON v.arm_id = s.arm_id
  JOIN calendar_items i ON i.visit_id = v.id AND i.cpt_hcpcs = c.cpt_hcpcs
  WHERE c.service_date BETWEEN s.consent_date AND coalesce(s.off_study_date, '9999-12-31')
    AND julianday(c.service_date) BETWEEN julianday(s.start_date) + v.visit_day - v.window_before_days
                                      AND julianday(s.start_date) + v.visit_day + v.window_after_days;`;
const sqlite = await measure('sqlite3', [plain, JOIN]);
const full = await measure(process.execPath, [runner, 'full', db]);
const fullResult = json(full.stdout);
const increment = await measure(process.execPath, [runner, 'increment', db, inc]);
const incResult = json(increment.stdout);

const report = {
  benchmark: 'reconcile',
  charges: setup.charges,
  studies,
  subjects,
  importSeconds: Number(setup.importSeconds?.toFixed(1)),
  sqlite3JoinSeconds: Number(sqlite.seconds.toFixed(2)),
  sqlite3JoinResult: sqlite.stdout.trim(),
  fullReconcileSeconds: Number(fullResult.seconds?.toFixed(2)),
  fullRatioToJoin: Number(((fullResult.seconds ?? 0) / sqlite.seconds).toFixed(2)),
  findingsOpen: fullResult.totalOpen,
  fullPeakMb: Math.round(full.peakMb ?? 0),
  incrementCharges: incResult.chargesEvaluated,
  incrementalReconcileSeconds: Number(incResult.seconds?.toFixed(3)),
  incrementalShareOfFull: Number(((incResult.seconds ?? 0) / (fullResult.seconds ?? 1)).toFixed(4)),
  targets: { fullRatioToJoin: 3, incrementalShareOfFull: 0.05 },
};
console.log(JSON.stringify(report, null, 2));
mkdirSync(dir, { recursive: true });
