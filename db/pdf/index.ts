/**
 * TrialLedger's PDF toolkit: US Letter documents with embedded DejaVu fonts, headings, paragraphs,
 * key/value and address blocks, paginating tables, a table of contents, merged PDF attachments and
 * "Page X of Y" footers. See docs/pdf-toolkit.md for a walkthrough.
 *
 * Import from here (`db/pdf/index.ts`), not from the files behind it.
 */
export { createPdfDocument, PdfDocumentBuilder } from './document-builder.ts';
export type { AttachOptions, HeadingOptions, PdfDocumentOptions } from './document-builder.ts';
export type { AddressBlock, HeadingLevel, KeyValue, ParagraphOptions } from './blocks.ts';
export type { ColumnWidth, TableColumn, TableSpec } from './table.ts';
export type { TocEntry } from './toc.ts';
export { PdfAttachmentError } from './attachments.ts';
export { loadForeignPdf } from './load-foreign-pdf.ts';
export type { PdfAttachmentProblem } from './attachments.ts';
export { FONT_FILE_NAMES, loadFontFiles, resolveFontDir } from './fonts.ts';
export type { FontFiles } from './fonts.ts';
