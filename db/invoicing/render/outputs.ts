/**
 * Generated documents go to the backend's outbox (docs/ARCHITECTURE.md "Files from the user"): the
 * shell saves them where the user chooses, the renderer previews them. Names are derived from
 * document numbers (letters, digits, '.', '-', '_' only), never from user input, and a file is
 * written under a temporary name and renamed, so a reader never sees half a file.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvoiceDetail, OutputFile } from '../../../shared/invoicing/types.ts';
import { UserError } from '../../backend/user-error.ts';
import type { FontFiles } from '../../pdf/index.ts';
import { getInvoice } from '../../queries/invoicing/get-invoice.ts';
import { partiesOf } from './document-parties.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import { renderInvoiceXlsx } from './invoice-xlsx.ts';

const MEDIA = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Largest document the preview channel returns (base64 over IPC). */
const MAX_PREVIEW_BYTES = 25 * 1024 * 1024;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.(pdf|xlsx)$/;

/** A file-name-safe form of a study id or number. */
export function safePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Writes bytes to the outbox atomically; returns the file's descriptor. */
export function writeOutput(outboxDir: string, fileName: string, format: 'pdf' | 'xlsx', bytes: Uint8Array): OutputFile {
  if (!SAFE_NAME.test(fileName)) throw new Error(`unsafe output name ${fileName}`);
  const path = join(outboxDir, fileName);
  const temp = `${path}.${process.pid}.part`;
  writeFileSync(temp, bytes, { mode: 0o600 });
  renameSync(temp, path);
  return { fileName, mediaType: MEDIA[format], byteSize: bytes.byteLength };
}

/** The outbox name of a document: its number, or `draft-<study>-<id>` before it has one. */
export function invoiceFileName(invoice: InvoiceDetail, format: 'pdf' | 'xlsx'): string {
  return `${safePart(invoice.number ?? `draft-${invoice.study.studyId}-${invoice.id}`)}.${format}`;
}

/** The clock a document is printed with: its issue time when issued (identical reprints), else now. */
export function documentClock(invoice: InvoiceDetail, now: () => Date): () => Date {
  const issuedAt = invoice.issuedAt;
  return issuedAt === null ? now : () => new Date(issuedAt);
}

export interface RenderOptions {
  readonly outboxDir: string;
  readonly now: () => Date;
  readonly fonts?: FontFiles;
}

/** Builds one document's PDF or workbook bytes (the CLI writes them where it is told). */
export async function buildInvoiceDocument(db: Db, invoiceId: number, format: 'pdf' | 'xlsx', options: Omit<RenderOptions, 'outboxDir'>): Promise<{ invoice: InvoiceDetail; bytes: Uint8Array }> {
  const invoice = getInvoice(db, invoiceId);
  if (!invoice) throw new UserError('NO_SUCH_INVOICE', `There is no invoice ${invoiceId}.`);
  const clock = documentClock(invoice, options.now);
  const bytes =
    format === 'pdf' ? await renderInvoicePdf(invoice, partiesOf(db, invoice), { now: clock, ...(options.fonts ? { fonts: options.fonts } : {}) }) : await renderInvoiceXlsx(invoice, clock());
  return { invoice, bytes };
}

/** Renders one document's PDF or workbook into the outbox. */
export async function renderInvoiceFile(db: Db, invoiceId: number, format: 'pdf' | 'xlsx', options: RenderOptions): Promise<OutputFile> {
  const { invoice, bytes } = await buildInvoiceDocument(db, invoiceId, format, options);
  return writeOutput(options.outboxDir, invoiceFileName(invoice, format), format, bytes);
}

/** A generated document's bytes as base64, for the renderer's preview. */
export function readOutput(outboxDir: string, fileName: string): { fileName: string; mediaType: OutputFile['mediaType']; base64: string } {
  if (!SAFE_NAME.test(fileName)) throw new UserError('NO_SUCH_OUTPUT', 'That document name is not valid.');
  const path = join(outboxDir, fileName);
  const size = (() => {
    try {
      return statSync(path).size;
    } catch {
      throw new UserError('NO_SUCH_OUTPUT', `${fileName} is no longer available; generate it again.`);
    }
  })();
  if (size > MAX_PREVIEW_BYTES) throw new UserError('TOO_LARGE', `${fileName} is too large to preview; save it instead.`);
  const format = fileName.endsWith('.pdf') ? 'pdf' : 'xlsx';
  return { fileName, mediaType: MEDIA[format], base64: readFileSync(path).toString('base64') };
}
