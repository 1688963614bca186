/**
 * Reading attached PDFs (EOBs, medical-record excerpts, protocol pages) and copying their pages into
 * a document. Attachments come from users, so a file that is not a PDF, is password-protected or has
 * no pages is an expected failure: it becomes a {@link PdfAttachmentError} with a message the UI can
 * show, never a pdf-lib stack trace.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { loadForeignPdf } from './load-foreign-pdf.ts';
import { UserError } from '../backend/user-error.ts';

/** Why an attachment was refused. */
export type PdfAttachmentProblem = 'not-a-pdf' | 'encrypted' | 'no-pages';

/**
 * An attachment that cannot be merged. A {@link UserError}, so the dispatcher passes the message
 * through to the UI. The message names the attachment by its caller-given label only (never its file
 * name, which may contain a patient's name).
 */
export class PdfAttachmentError extends UserError {
  readonly problem: PdfAttachmentProblem;

  constructor(problem: PdfAttachmentProblem, label: string) {
    super(`pdf-attachment-${problem}`, messageFor(problem, label));
    this.name = 'PdfAttachmentError';
    this.problem = problem;
  }
}

function messageFor(problem: PdfAttachmentProblem, label: string): string {
  switch (problem) {
    case 'encrypted':
      return `${label} is a password-protected (encrypted) PDF and cannot be merged. Save an unprotected copy and attach that instead.`;
    case 'no-pages':
      return `${label} is a PDF without any page.`;
    default:
      return `${label} is not a readable PDF file.`;
  }
}

/** '%PDF-' must appear near the start; viewers tolerate up to 1 KiB of junk before it. */
const HEADER_WINDOW = 1024;

/**
 * Loads an attachment and copies all its pages into `target` (not yet added to its page list).
 * Copying right away, rather than at save time, surfaces a bad file at the call that added it and
 * lets the source document be garbage-collected.
 *
 * @throws PdfAttachmentError for bytes that are not a PDF, an encrypted PDF, or a PDF without pages.
 */
export async function copyAttachmentPages(target: PDFDocument, bytes: Uint8Array, label: string): Promise<PDFPage[]> {
  if (!hasPdfHeader(bytes)) throw new PdfAttachmentError('not-a-pdf', label);
  let source: PDFDocument;
  try {
    // Encryption is detected below and said clearly: pdf-lib cannot decrypt, so an encrypted file's
    // pages would be copied as unreadable garbage.
    source = await loadForeignPdf(bytes);
  } catch {
    throw new PdfAttachmentError('not-a-pdf', label);
  }
  if (source.isEncrypted) throw new PdfAttachmentError('encrypted', label);
  let count: number;
  try {
    count = source.getPageCount();
  } catch {
    throw new PdfAttachmentError('not-a-pdf', label);
  }
  if (count === 0) throw new PdfAttachmentError('no-pages', label);
  try {
    return await target.copyPages(source, source.getPageIndices());
  } catch {
    // A damaged page tree or object the lenient parser let through.
    throw new PdfAttachmentError('not-a-pdf', label);
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, HEADER_WINDOW)).toString('latin1');
  return head.includes('%PDF-');
}
