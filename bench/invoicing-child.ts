/**
 * One measured run of the invoicing benchmark, in its own process so its peak memory is its own:
 *   closeout <db> <outDir>   the close-out of the study: figures, PDF report, .xlsx ledger (each timed)
 *   batch <db> <outDir>      every issued invoice as a PDF through the batch job function, with progress
 * Prints one JSON line, then PEAK_RSS_KB= for bench/lib/measure.ts.
 */
import { join } from 'node:path';
import { renderInvoiceBatch } from '../db/invoicing/render/batch-render.ts';
import { writeCloseoutDocument } from '../db/invoicing/render/closeout-files.ts';
import { buildCloseout } from '../db/queries/invoicing/closeout.ts';
import { openStore } from '../db/store/open-store.ts';
import { BENCH_KEY, STUDY } from './invoicing-study.ts';

const [mode, dbPath, outDir] = process.argv.slice(2);
if (!mode || !dbPath || !outDir) throw new Error('usage: invoicing-child.ts closeout|batch <db> <outDir>');
const db = openStore({ path: dbPath, key: BENCH_KEY, migrate: false });
const seconds = (from: number): number => Number(((performance.now() - from) / 1000).toFixed(3));
const now = (): Date => new Date('2027-01-15T12:00:00Z');
if (mode === 'closeout') {
  const cpu = process.cpuUsage();
  let t = performance.now();
  const computed = buildCloseout(db, STUDY, '2027-01-15');
  const { report, ledger } = computed;
  const figures = seconds(t);
  t = performance.now();
  await writeCloseoutDocument(db, STUDY, '2027-01-15', 'pdf', join(outDir, 'closeout.pdf'), { now }, computed);
  const pdf = seconds(t);
  const used = process.cpuUsage(cpu);
  const reportCpuSeconds = Number(((used.user + used.system) / 1e6).toFixed(3));
  t = performance.now();
  await writeCloseoutDocument(db, STUDY, '2027-01-15', 'xlsx', join(outDir, 'closeout.xlsx'), { now }, computed);
  const xlsx = seconds(t);
  console.log(JSON.stringify({ figuresSeconds: figures, pdfSeconds: pdf, reportCpuSeconds, xlsxSeconds: xlsx, ledgerRows: ledger.length, completedVisits: report.totals.completedVisits, invoices: report.invoices.length, unbilled: report.unbilled.length }));
} else {
  let progressEvents = 0;
  const result = await renderInvoiceBatch(db, { outboxDir: outDir }, { progress: () => progressEvents++, isCancelled: () => false });
  console.log(JSON.stringify({ rendered: result.rendered, progressEvents, batchSeconds: result.elapsedMs / 1000 }));
}
db.close();
console.log(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}`);
