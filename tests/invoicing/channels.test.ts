/**
 * The invoicing channels through the real dispatcher (schema validation, handlers, Result), the
 * batch-rendering job with progress and cancel, and the outbox names the renderer may read.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../db/backend/backend.ts';
import { dispatch } from '../../db/backend/dispatch.ts';
import { renderInvoiceBatch } from '../../db/invoicing/render/batch-render.ts';
import type { BatchRenderResult } from '../../db/invoicing/render/batch-render.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import type { InvoiceDetail, OutputFile } from '../../shared/invoicing/types.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { NOW, SPONSOR, world } from './world.ts';

async function backend(): Promise<Backend> {
  return createBackend({ db: await world(), dbPath: ':memory:', key: null, dataDir: tempDir('tl-inv-backend-'), host: 'cli', keyProtection: 'none', version: 'test', now: () => NOW });
}

async function call<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(b, channel, input, () => undefined);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const YEAR = { studyId: 'S1', from: '2025-01-01', to: '2025-12-31' };

describe('invoicing channels', () => {
  it('validate their input before any handler runs', async () => {
    const b = await backend();
    const bad = async (channel: string, input: unknown) => (await dispatch(b, channel, input, () => undefined)) as { ok: boolean; error?: { code: string; message: string } };
    expect(await bad('invoices:propose', { ...YEAR, to: '2024-12-31' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('the period must end on or after its start') } });
    expect(await bad('invoices:propose', { ...YEAR, from: '2025-02-30' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await bad('invoices:update-draft', { invoiceId: 1, changes: [{ op: 'remove', lineId: 1, reason: 'no' }] })).toMatchObject({ error: { message: expect.stringContaining('give a reason') } });
    expect(await bad('payments:record', { sponsor: SPONSOR, receivedDate: '2026-01-01', amountCents: 0, reference: 'x' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await bad('invoices:read-output', { fileName: '../../etc/passwd.pdf' })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await bad('invoices:get', { invoiceId: -1 })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await bad('invoices:issue', { invoiceId: 999 })).toMatchObject({ error: { code: 'NO_SUCH_INVOICE', message: 'There is no invoice 999.' } });
  });

  it('run the whole flow: draft, edit, issue, render, read back, pay, age, close out', async () => {
    const b = await backend();
    const draft = await call<InvoiceDetail>(b, 'invoices:create-draft', { ...YEAR, poNumber: 'PO-1' });
    const startup = draft.lines.find((l) => l.visitCode === 'STARTUP');
    const edited = await call<InvoiceDetail>(b, 'invoices:update-draft', { invoiceId: draft.id, changes: [{ op: 'remove', lineId: startup?.id, reason: 'billed by the CRO' }], notes: 'January billing' });
    expect(edited.totals.netCents).toBe(draft.totals.netCents - 630_000);
    const issued = await call<InvoiceDetail>(b, 'invoices:issue', { invoiceId: draft.id });
    expect(issued).toMatchObject({ number: 'INV-S1-2026-001', issueDate: '2026-01-15', dueDate: '2026-02-14', poNumber: 'PO-1', notes: 'January billing' });
    const pdf = await call<OutputFile>(b, 'invoices:render', { invoiceId: draft.id, format: 'pdf' });
    expect(pdf).toMatchObject({ fileName: 'INV-S1-2026-001.pdf', mediaType: 'application/pdf' });
    const back = await call<{ base64: string }>(b, 'invoices:read-output', { fileName: pdf.fileName });
    expect(Buffer.from(back.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await call<OutputFile>(b, 'invoices:render', { invoiceId: draft.id, format: 'xlsx' })).fileName).toBe('INV-S1-2026-001.xlsx');
    // Re-printing an issued invoice gives the same bytes (its clock is its issue time).
    const again = await call<{ base64: string }>(b, 'invoices:read-output', { fileName: (await call<OutputFile>(b, 'invoices:render', { invoiceId: draft.id, format: 'pdf' })).fileName });
    expect(again.base64).toBe(back.base64);

    const payment = await call<{ unappliedCents: number }>(b, 'payments:record', { sponsor: SPONSOR, receivedDate: '2026-02-01', amountCents: 100_000, reference: 'CHK 101', applications: [{ invoiceId: draft.id, amountCents: 60_000 }] });
    expect(payment.unappliedCents).toBe(40_000);
    const aging = await call<{ totals: { d0to30: number } }>(b, 'receivables:aging', { asOf: '2026-03-01' });
    expect(aging.totals.d0to30).toBe(issued.totals.netCents - 60_000);
    const closeout = await call<{ totals: { paidCents: number; unappliedCashCents: number } }>(b, 'closeout:get', { studyId: 'S1' });
    expect(closeout.totals).toMatchObject({ paidCents: 60_000, unappliedCashCents: 40_000 });
    expect((await call<OutputFile>(b, 'closeout:render', { studyId: 'S1', format: 'pdf' })).fileName).toBe('closeout-S1-2026-01-15.pdf');
    const release = await call<InvoiceDetail>(b, 'closeout:create-release', { studyId: 'S1' });
    // The holdback of the issued invoice plus that of the imported $42.00 line: (42.00 + 10.92) x 10% = $5.29.
    expect(release).toMatchObject({ kind: 'HOLDBACK_RELEASE', status: 'DRAFT', totals: { netCents: issued.totals.holdbackCents + 529 } });
    const memo = await call<InvoiceDetail>(b, 'invoices:credit-memo', { invoiceId: draft.id, reason: 'voided' });
    expect(memo.number).toBe('CM-S1-2026-001');
    expect((await call<{ length: number }>(b, 'invoices:list', { studyId: 'S1' })).length).toBe(3);
  });

  it('save and read the site settings, dropping blank lines', async () => {
    const b = await backend();
    const saved = await call<{ addressLines: string[] }>(b, 'settings:save-site', { siteName: ' Lakeside UMC ', addressLines: ['1200 Harbor Drive', '', ' Lakeside, MI '] });
    expect(saved.addressLines).toEqual(['1200 Harbor Drive', 'Lakeside, MI']);
    expect(await call(b, 'settings:get-site', {})).toMatchObject({ siteName: 'Lakeside UMC', addressLines: ['1200 Harbor Drive', 'Lakeside, MI'], remitTo: [] });
  });

  it('start a batch PDF job that reports progress', async () => {
    const b = await backend();
    for (const studyId of ['S1', 'S2', 'S3']) {
      const d = await call<InvoiceDetail>(b, 'invoices:create-draft', { ...YEAR, studyId });
      await call(b, 'invoices:issue', { invoiceId: d.id });
    }
    const labels: string[] = [];
    b.jobs.onChange((s) => s.progress && labels.push(s.progress.label));
    const { jobId } = await call<{ jobId: string }>(b, 'invoices:render-batch', {});
    const done = await b.jobs.whenDone(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ requested: 3, rendered: 3, cancelled: false, files: ['INV-S1-2026-001.pdf', 'INV-S2-2026-001.pdf', 'INV-S3-2026-001.pdf'] });
    // The final state carries the last progress again.
    expect([...new Set(labels)]).toEqual(['1 of 3 invoices rendered', '2 of 3 invoices rendered', '3 of 3 invoices rendered']);
  });
});

describe('batch rendering', () => {
  it('deletes what it wrote when cancelled', async () => {
    const b = await backend();
    for (const studyId of ['S1', 'S2', 'S3']) {
      const d = await call<InvoiceDetail>(b, 'invoices:create-draft', { ...YEAR, studyId });
      await call(b, 'invoices:issue', { invoiceId: d.id });
    }
    const progress: JobProgress[] = [];
    const result: BatchRenderResult = await renderInvoiceBatch(b.db, { outboxDir: b.outboxDir }, { progress: (p) => progress.push(p), isCancelled: () => progress.length >= 2 });
    expect(result).toMatchObject({ requested: 3, rendered: 0, cancelled: true, files: [] });
    expect(progress.map((p) => p.fraction)).toEqual([1 / 3, 2 / 3]);
    expect(readdirSync(b.outboxDir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});
