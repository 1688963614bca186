/**
 * Benchmark (issue 5): the close-out report of a study with 500 subjects and 20,000 visits (target
 * under 3 s), and 1,000 issued invoices rendered as PDFs in one batch with progress (target: peak
 * memory under 500 MB). The study is generated straight into a temporary encrypted store.
 * Usage: node bench/invoicing.bench.ts   (results go to stdout as JSON)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './lib/measure.ts';

const dir = mkdtempSync(join(tmpdir(), 'tl-bench-invoicing-'));
const loadBefore = loadavg()[0] ?? 0;
try {
  const db = join(dir, 'bench.db');
  const setup = await measure(process.execPath, [join(import.meta.dirname, 'invoicing-study.ts'), db]);
  const closeoutDir = mkdtempSync(join(dir, 'closeout-'));
  const closeout = await measure(process.execPath, [join(import.meta.dirname, 'invoicing-child.ts'), 'closeout', db, closeoutDir]);
  const batchDir = mkdtempSync(join(dir, 'batch-'));
  const batch = await measure(process.execPath, [join(import.meta.dirname, 'invoicing-child.ts'), 'batch', db, batchDir]);
  const c = JSON.parse(closeout.stdout.split('\n')[0] ?? '{}') as { figuresSeconds: number; pdfSeconds: number; xlsxSeconds: number };
  const b = JSON.parse(batch.stdout.split('\n')[0] ?? '{}') as { rendered: number; batchSeconds: number };
  const pdfs = readdirSync(batchDir).filter((f) => f.endsWith('.pdf'));
  const report = {
    benchmark: 'invoicing and close-out',
    // The development machines are shared: the 1-minute load average before and after says how much.
    loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) },
    setup: JSON.parse(setup.stdout.split('\n')[0] ?? '{}') as unknown,
    closeout: {
      ...JSON.parse(closeout.stdout.split('\n')[0] ?? '{}'),
      reportSeconds: Number((c.figuresSeconds + c.pdfSeconds).toFixed(2)),
      processSeconds: Number(closeout.seconds.toFixed(2)),
      pdfPagesBytes: statSync(join(closeoutDir, 'closeout.pdf')).size,
      peakMb: closeout.peakMb === null ? null : Math.round(closeout.peakMb),
    },
    batch: { ...JSON.parse(batch.stdout.split('\n')[0] ?? '{}'), pdfFiles: pdfs.length, perInvoiceMs: Number(((b.batchSeconds * 1000) / Math.max(1, b.rendered)).toFixed(1)), peakMb: batch.peakMb === null ? null : Math.round(batch.peakMb) },
    targets: { closeoutReportSeconds: 3, batchPeakMb: 500 },
    pass: c.figuresSeconds + c.pdfSeconds < 3 && (batch.peakMb ?? 0) < 500 && pdfs.length === 1_000,
  };
  console.log(JSON.stringify(report, null, 2));
  if (!report.pass) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
