/**
 * The page flow: a cursor moving down US Letter pages, starting a new page when a block does not
 * fit. Blocks (blocks.ts, table.ts, toc.ts) draw through it immediately, which keeps memory flat for
 * long tables; what is only known at the end (the page count, TOC page numbers) is stamped by the
 * builder after the last page exists.
 */
import type { Color, PDFDocument, PDFPage } from 'pdf-lib';
import type { FontFace } from './text.ts';
import { LEADING, MARGIN, PAGE } from './theme.ts';

/** The two faces every document embeds. */
export interface Fonts {
  readonly regular: FontFace;
  readonly bold: FontFace;
}

/** A page of the output, in order. */
export interface FlowPage {
  readonly page: PDFPage;
  /** True for pages this toolkit laid out; false for pages copied from an attached PDF. */
  readonly generated: boolean;
}

/** Text drawing style. */
export interface TextStyle {
  readonly face: FontFace;
  readonly size: number;
  readonly color: Color;
}

/** Tolerance for floating-point sums of line heights. */
const EPSILON = 0.01;

/** Cursor over the pages of one document (internal). */
export class PageFlow {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  /** Every page in output order, generated and attached. */
  readonly pages: FlowPage[] = [];
  /** Section key → 0-based index in {@link pages} of the page where the section starts. */
  readonly marks = new Map<string, number>();
  private current: PDFPage | null = null;
  private cursor = 0;
  private pendingMarks: string[] = [];
  private pendingGap = 0;

  constructor(doc: PDFDocument, fonts: Fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /** Left edge of the body area. */
  get left(): number {
    return MARGIN.left;
  }

  /** Width of the body area. */
  get width(): number {
    return PAGE.width - MARGIN.left - MARGIN.right;
  }

  /** Height of the body area of an empty page. */
  get pageBodyHeight(): number {
    return PAGE.height - MARGIN.top - MARGIN.bottom;
  }

  /** Top of the free area on the current page (PDF y, from the bottom). */
  get y(): number {
    return this.cursor;
  }

  /** The page being drawn on; call {@link ensureSpace} first. */
  get page(): PDFPage {
    if (this.current === null) throw new Error('PageFlow: no current page; call ensureSpace first');
    return this.current;
  }

  /** True when nothing has been drawn on the current page yet (or there is no page). */
  get atTop(): boolean {
    return this.current === null || this.cursor >= PAGE.height - MARGIN.top - EPSILON;
  }

  /** Points left on the current page (0 when there is none). */
  get remaining(): number {
    return this.current === null ? 0 : this.cursor - MARGIN.bottom;
  }

  /** Whether `height` points fit below the cursor on the current page. */
  fits(height: number): boolean {
    return this.current !== null && this.remaining + EPSILON >= height;
  }

  /**
   * Makes sure the next `height` points (plus the pending gap) go on one page, starting a new page
   * when they don't fit; the gap is dropped at the top of a page. Something taller than a whole page
   * is placed at the top of a fresh page and the caller is expected to split it (tables do); it never
   * loops on new pages.
   */
  ensureSpace(height: number): void {
    const gap = this.atTop ? 0 : this.pendingGap;
    this.pendingGap = 0;
    if (!this.fits(gap + height) && !(this.current !== null && this.atTop)) this.newPage();
    else this.cursor -= gap;
    // Marks resolve here, once the page the next content lands on is known: a section marked at the
    // bottom of a page whose heading then moves to the next page points to the next page.
    for (const key of this.pendingMarks) this.marks.set(key, this.pages.length - 1);
    this.pendingMarks = [];
  }

  /** Starts a new generated page and moves the cursor to its top. */
  newPage(): void {
    this.current = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push({ page: this.current, generated: true });
    this.cursor = PAGE.height - MARGIN.top;
  }

  /** Forces the next content onto a new page, without leaving a blank page if none follows. */
  breakPage(): void {
    this.current = null;
    this.pendingGap = 0;
  }

  /** Moves the cursor down by `height` points (after drawing). */
  advance(height: number): void {
    this.cursor -= height;
  }

  /**
   * Asks for at least `height` points of space before the next content. Gaps collapse (the larger of
   * a block's space-after and the next block's space-before wins, as CSS margins do) and are dropped
   * at the top of a page, so pages start flush.
   */
  gap(height: number): void {
    this.pendingGap = Math.max(this.pendingGap, height);
  }

  /**
   * Records that section `key` starts with the next content (for the table of contents).
   * @throws Error when the key was already used (two sections cannot share an entry).
   */
  mark(key: string): void {
    this.assertUnusedKey(key);
    this.pendingMarks.push(key);
  }

  /** @throws Error when `key` already marks a section. */
  assertUnusedKey(key: string): void {
    if (this.marks.has(key) || this.pendingMarks.includes(key)) throw new Error(`PDF section key used twice: ${key}`);
  }

  /** Keys marked but not yet followed by any content. */
  get unresolvedMarks(): readonly string[] {
    return this.pendingMarks;
  }

  /**
   * Appends pages copied from an attachment. Pending marks point to its first page, and the next
   * generated content starts on a fresh page after it.
   */
  appendForeignPages(pages: readonly PDFPage[]): void {
    if (pages.length === 0) return;
    for (const key of this.pendingMarks) this.marks.set(key, this.pages.length);
    this.pendingMarks = [];
    for (const page of pages) {
      this.doc.addPage(page);
      this.pages.push({ page, generated: false });
    }
    this.current = null;
  }

  /** Line height for a font size. */
  lineHeight(size: number): number {
    return size * LEADING;
  }

  /** Baseline of a line of `style` whose line box starts at `top`, centring the glyphs in the box. */
  baseline(top: number, style: TextStyle): number {
    const glyphHeight = style.face.font.heightAtSize(style.size);
    return top - (this.lineHeight(style.size) - glyphHeight) / 2 - style.face.ascent(style.size);
  }

  /** Draws one line of cleaned text with its baseline at `y`. */
  text(text: string, x: number, y: number, style: TextStyle): void {
    style.face.draw(this.page, text, { x, y, size: style.size, color: style.color });
  }

  /** Fills a rectangle given by its bottom-left corner. */
  rect(x: number, y: number, width: number, height: number, color: Color): void {
    this.page.drawRectangle({ x, y, width, height, color });
  }

  /** Draws a horizontal line at `y` from `x1` to `x2`. */
  hline(x1: number, x2: number, y: number, thickness: number, color: Color): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
  }

  /**
   * Draws wrapped lines one by one at the cursor, breaking pages between lines.
   * @param align 'right' aligns each line to `x + width`.
   */
  lines(lines: readonly string[], style: TextStyle, x: number, width: number, align: 'left' | 'right' = 'left'): void {
    const height = this.lineHeight(style.size);
    for (const line of lines) {
      this.ensureSpace(height);
      const lx = align === 'right' ? x + width - style.face.width(line, style.size) : x;
      this.text(line, lx, this.baseline(this.cursor, style), style);
      this.advance(height);
    }
  }
}
