/**
 * The document builder the invoice, close-out and appeal features use. Content is laid out as it is
 * added (top to bottom, new pages as needed); `save()` then stamps what depends on the final page
 * count (footers "Page X of Y", table-of-contents numbers) and returns the PDF bytes.
 *
 * No global state: every builder owns its pdf-lib document and embeds its own font subsets, so
 * documents can be built one after another (or in parallel workers) in a batch job.
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { copyAttachmentPages } from './attachments.ts';
import {
  drawAddressBlocks,
  drawHeading,
  drawKeyValues,
  drawParagraph,
  drawRule,
  type AddressBlock,
  type HeadingLevel,
  type KeyValue,
  type ParagraphOptions,
} from './blocks.ts';
import { loadFontFiles, type FontFiles } from './fonts.ts';
import { stampFooter } from './footer.ts';
import { PageFlow } from './layout.ts';
import { drawTable, type TableSpec } from './table.ts';
import { FontFace } from './text.ts';
import { drawToc, stampToc, type TocEntry, type TocSlot } from './toc.ts';

/** Options of {@link createPdfDocument}. */
export interface PdfDocumentOptions {
  /** Document title (PDF metadata, shown in the viewer's title bar). */
  readonly title: string;
  /** Left part of every page footer. Default: the title. */
  readonly footerLabel?: string;
  /**
   * Clock for the creation date (read once, at creation); inject a fixed one for byte-identical
   * output (tests, re-prints).
   */
  readonly now: () => Date;
  /** PDF metadata subject, e.g. 'Sponsor invoice'. */
  readonly subject?: string;
  /** PDF metadata keywords. */
  readonly keywords?: readonly string[];
  /** Font bytes loaded once by {@link loadFontFiles}; recommended in batches. */
  readonly fonts?: FontFiles;
  /** Where to read the fonts when `fonts` is not given (packaged app: resourcesPath/fonts). */
  readonly fontDir?: string;
}

/** Options of {@link PdfDocumentBuilder.heading}. */
export interface HeadingOptions {
  /** 1 title, 2 section (default), 3 sub-section. */
  readonly level?: HeadingLevel;
  /** Marks this heading as the start of the table-of-contents entry with this key. */
  readonly tocKey?: string;
}

/** Options of {@link PdfDocumentBuilder.attachPdf}. */
export interface AttachOptions {
  /**
   * Name of the attachment in error messages, e.g. 'Exhibit B'. Must not contain PHI (it may be
   * shown and logged); do not pass the file name.
   */
  readonly label: string;
  /** Marks the attachment's first page as the start of this table-of-contents entry. */
  readonly tocKey?: string;
}

/** Application name written as PDF author and creator. */
const APP_NAME = 'TrialLedger';

/**
 * Creates an empty US Letter document with DejaVu Sans (regular + bold) embedded as subsets.
 *
 * @example
 * const doc = await createPdfDocument({ title: 'Invoice INV-1', now: () => new Date() });
 * doc.heading('Invoice', { level: 1 }).keyValues([{ key: 'Invoice number', value: 'INV-1' }]);
 * const bytes = await doc.save();
 */
export async function createPdfDocument(options: PdfDocumentOptions): Promise<PdfDocumentBuilder> {
  const files = options.fonts ?? (await loadFontFiles(options.fontDir));
  const createdAt = options.now();
  // updateMetadata: false, or pdf-lib stamps the wall-clock time and its own name; see save().
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Ligatures off: 'fi' as one glyph would make width measurement and text extraction differ.
  const features = { liga: false, clig: false, dlig: false };
  const seed = `${options.title}\n${createdAt.toISOString()}`;
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular, { subset: true, features, customName: `${subsetTag(`${seed}\nregular`)}+DejaVuSans` }),
    doc.embedFont(files.bold, { subset: true, features, customName: `${subsetTag(`${seed}\nbold`)}+DejaVuSans-Bold` }),
  ]);
  const flow = new PageFlow(doc, { regular: new FontFace(regular), bold: new FontFace(bold) });
  return new PdfDocumentBuilder(doc, flow, options, createdAt);
}

/**
 * The six-capital-letter tag the PDF spec puts before the name of a subset font ("ABCDEF+Name"; it
 * is how viewers and pdffonts know the font is a subset). Tools that merge PDFs may treat fonts with
 * equal names as the same font, so the tag differs per document, yet derives from the title and
 * creation date instead of randomness so that output stays reproducible.
 */
function subsetTag(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/**
 * Lays out one PDF. Block methods return the builder so calls can be chained; each block starts
 * below the previous one and moves to a new page when needed. Create it with {@link createPdfDocument}.
 */
export class PdfDocumentBuilder {
  private readonly doc: PDFDocument;
  private readonly flow: PageFlow;
  private readonly options: PdfDocumentOptions;
  private readonly tocSlots: TocSlot[] = [];
  private readonly createdAt: Date;
  private saved = false;

  /** Internal: use {@link createPdfDocument}. */
  constructor(doc: PDFDocument, flow: PageFlow, options: PdfDocumentOptions, createdAt: Date) {
    this.doc = doc;
    this.flow = flow;
    this.options = options;
    this.createdAt = createdAt;
  }

  /** Pages so far (generated and attached). The last page may still be filling up. */
  get pageCount(): number {
    return this.flow.pages.length;
  }

  /** Adds a heading. A heading never ends a page: it moves down with the lines that follow. */
  heading(text: string, options: HeadingOptions = {}): this {
    this.assertOpen();
    if (options.tocKey !== undefined) this.flow.mark(options.tocKey);
    drawHeading(this.flow, text, options.level ?? 2);
    return this;
  }

  /** Adds a word-wrapped, left-aligned paragraph; '\n' breaks lines, over-long words are cut. */
  paragraph(text: string, options: ParagraphOptions = {}): this {
    this.assertOpen();
    drawParagraph(this.flow, text, options);
    return this;
  }

  /** Adds aligned "Label: value" lines (invoice number, dates, protocol, amount due). */
  keyValues(items: readonly KeyValue[]): this {
    this.assertOpen();
    drawKeyValues(this.flow, items);
    return this;
  }

  /** Adds address blocks side by side, usually two: site (left) and sponsor or payer (right). */
  addressBlocks(blocks: readonly AddressBlock[]): this {
    this.assertOpen();
    drawAddressBlocks(this.flow, blocks);
    return this;
  }

  /**
   * Adds a table that paginates, repeating its header row on each page. Cells are strings: format
   * money (`formatCents`) and dates before passing them; use `align: 'right'` for amounts.
   */
  table(spec: TableSpec): this {
    this.assertOpen();
    drawTable(this.flow, spec);
    return this;
  }

  /** Adds a full-width horizontal rule (`strong` for a darker, thicker one). */
  rule(options: { readonly strong?: boolean } = {}): this {
    this.assertOpen();
    drawRule(this.flow, options);
    return this;
  }

  /**
   * Asks for at least `points` of vertical space before the next block. It merges with the blocks'
   * own spacing (the larger wins) and is dropped at the top of a page.
   */
  space(points: number): this {
    this.assertOpen();
    this.flow.gap(points);
    return this;
  }

  /** Starts the next content on a new page (no blank page if nothing follows). */
  pageBreak(): this {
    this.assertOpen();
    this.flow.breakPage();
    return this;
  }

  /**
   * Adds a table of contents here. Entries are drawn now; their page numbers are filled in by
   * `save()`, once each key has been marked (`heading(..., { tocKey })`, {@link markSection} or
   * `attachPdf(..., { tocKey })`). Entries link to their pages.
   */
  tableOfContents(entries: readonly TocEntry[]): this {
    this.assertOpen();
    this.tocSlots.push(...drawToc(this.flow, entries));
    return this;
  }

  /** Marks the page of the next content as the start of the table-of-contents entry `key`. */
  markSection(key: string): this {
    this.assertOpen();
    this.flow.mark(key);
    return this;
  }

  /**
   * Appends every page of an existing PDF here (call it after the generated content to put the
   * attachments at the end). The footer and page numbers are stamped on these pages too; generated
   * content added afterwards starts on a new page.
   *
   * @throws PdfAttachmentError (a UserError) when the bytes are not a PDF, are encrypted, or have no
   *   page; the document is left unchanged and can still be saved.
   */
  async attachPdf(bytes: Uint8Array, options: AttachOptions): Promise<this> {
    this.assertOpen();
    if (options.tocKey !== undefined) this.flow.assertUnusedKey(options.tocKey);
    const pages = await copyAttachmentPages(this.doc, bytes, options.label);
    if (options.tocKey !== undefined) this.flow.mark(options.tocKey);
    this.flow.appendForeignPages(pages);
    return this;
  }

  /**
   * Finishes the document: stamps the footer ("label … Page X of Y") on every page, fills in the
   * table-of-contents page numbers, writes the metadata and returns the PDF bytes. Same content and
   * same clock give byte-identical output. The builder cannot be used afterwards.
   *
   * @throws Error when a table-of-contents entry or a marked section has no page (a caller bug).
   */
  async save(): Promise<Uint8Array> {
    this.assertOpen();
    this.saved = true;
    const unresolved = this.flow.unresolvedMarks;
    if (unresolved.length > 0) throw new Error(`PDF sections marked but followed by no content: ${unresolved.join(', ')}`);
    if (this.flow.pages.length === 0) this.flow.ensureSpace(0);
    const pages = this.flow.pages.map((p) => p.page);
    stampToc(this.flow, this.tocSlots, pages, (key) => this.flow.marks.get(key));
    const label = this.options.footerLabel ?? this.options.title;
    this.flow.pages.forEach((p, i) => {
      stampFooter(p.page, this.flow.fonts.regular, { label, page: i + 1, pageCount: pages.length }, p.generated);
    });
    this.writeMetadata();
    // objectsPerTick: Infinity serialises without yielding between objects: several times faster,
    // and PDFs are built in job worker threads, where blocking the event loop is harmless.
    return this.doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
  }

  private writeMetadata(): void {
    const { title, subject, keywords } = this.options;
    const date = this.createdAt;
    this.doc.setTitle(title, { showInWindowTitleBar: true });
    this.doc.setAuthor(APP_NAME);
    this.doc.setCreator(APP_NAME);
    this.doc.setProducer(`${APP_NAME} (pdf-lib)`);
    this.doc.setLanguage('en-US');
    this.doc.setCreationDate(date);
    this.doc.setModificationDate(date);
    if (subject !== undefined) this.doc.setSubject(subject);
    if (keywords !== undefined) this.doc.setKeywords([...keywords]);
  }

  private assertOpen(): void {
    if (this.saved) throw new Error('PDF document already saved; create a new one');
  }
}
