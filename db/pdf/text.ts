/**
 * Text measuring, cleaning and wrapping for one embedded font. Everything drawn goes through
 * {@link FontFace.clean} first, so text the font cannot show becomes '?' instead of an invisible
 * .notdef box (or, with other fonts, a crash), and widths are measured on exactly what is drawn.
 */
import { degrees, drawText, PDFHexString, type Color, type PDFFont, type PDFName, type PDFPage } from 'pdf-lib';

/**
 * Invisible formatting characters that come in with copy-pasted names and notes: soft hyphen,
 * zero-width space/joiners, word joiner, BOM. Dropped rather than shown as '?'.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Characters after which a word too long for its line is preferably broken (URLs, codes, paths). */
const SOFT_BREAK_AFTER = new Set(['-', '/', '\\', '_', '.', ',', ';', ':', '@', '&', '=', '?']);

/** Where and how {@link FontFace.draw} puts a line of text. */
export interface DrawTextOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: Color;
  /** Counter-clockwise, in degrees (footers on rotated attachment pages). Default 0. */
  readonly rotate?: number;
}

/** One embedded font with a cache of glyph widths; internal to a single document. */
export class FontFace {
  readonly font: PDFFont;
  private readonly supported: Set<number>;
  /** Advance width of each code point at size 1, filled on demand. */
  private readonly widths = new Map<number, number>();
  /** Hex glyph code (in the subset) of each code point, filled on demand. */
  private readonly codes = new Map<number, string>();
  /** This font's resource name on each page it is used on. */
  private readonly pageKeys = new WeakMap<PDFPage, PDFName>();

  constructor(font: PDFFont) {
    this.font = font;
    this.supported = new Set(font.getCharacterSet());
  }

  /**
   * Normalises text for drawing: NFC (so 'e' + combining accent becomes one glyph the font has),
   * line breaks to '\n', tabs to a space, control and invisible characters removed, and any code
   * point the font lacks (emoji, CJK, lone surrogates) replaced by '?'. Keeps '\n' for the wrapper.
   */
  clean(text: string): string {
    const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '');
    let out = '';
    for (const ch of normalized) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === '\n') out += ch;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
      else out += this.supported.has(cp) ? ch : '?';
    }
    return out;
  }

  /**
   * Width of already-cleaned text in points. Summing cached per-glyph advances matches what pdf-lib
   * draws (it applies no kerning, and ligatures are turned off when the font is embedded) and avoids
   * a full shaping pass per measurement, which dominates the cost of wrapping large tables.
   */
  width(text: string, size: number): number {
    let total = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let w = this.widths.get(cp);
      if (w === undefined) {
        w = this.font.widthOfTextAtSize(ch, 1);
        this.widths.set(cp, w);
      }
      total += w;
    }
    return total * size;
  }

  /**
   * Draws one line of cleaned text. Replaces pdf-lib's `page.drawText`, which runs full OpenType
   * shaping on every string (70% of the time of a 20-page packet) and adds a new font entry to the
   * page resources on every call. Here each code point is encoded once per document through the
   * font's own encoder (which also adds the glyph to the subset), and the font gets one resource
   * name per page. Per-code-point encoding equals what shaping gives with ligatures off, for text
   * already composed by {@link clean}.
   */
  draw(page: PDFPage, text: string, options: DrawTextOptions): void {
    if (text === '') return;
    let key = this.pageKeys.get(page);
    if (key === undefined) {
      // Before getting the content stream, as pdf-lib does: this normalises an attached page
      // (wraps its content in q/Q) so our operators start from a clean graphics state.
      key = page.node.newFontDictionary(this.font.name, this.font.ref);
      this.pageKeys.set(page, key);
    }
    const angle = degrees(options.rotate ?? 0);
    page.pushOperators(
      ...drawText(this.encode(text), { x: options.x, y: options.y, size: options.size, color: options.color, font: key, rotate: angle, xSkew: degrees(0), ySkew: degrees(0) }),
    );
  }

  private encode(text: string): PDFHexString {
    let hex = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      let code = this.codes.get(cp);
      if (code === undefined) {
        code = this.font.encodeText(ch).asString();
        this.codes.set(cp, code);
      }
      hex += code;
    }
    return PDFHexString.of(hex);
  }

  /** Distance from the baseline to the top of the tallest glyphs, in points. */
  ascent(size: number): number {
    return this.font.heightAtSize(size, { descender: false });
  }

  /** Cleans then wraps text to lines no wider than `maxWidth` points (see {@link wrapText}). */
  wrap(text: string, size: number, maxWidth: number): string[] {
    return wrapText(this.clean(text), maxWidth, (s) => this.width(s, size));
  }
}

/**
 * Greedy left-aligned word wrap. Explicit '\n' starts a new line (an empty line stays empty); runs of
 * spaces collapse; a word wider than the line is cut, preferably after punctuation such as '-' or
 * '/', otherwise at the last character that fits. Always returns at least one line.
 *
 * @param measure width in points of a string, for the font and size in use
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const wordWidth = measure(word);
      // Widths are added rather than re-measured: O(words) per paragraph even for 500-row tables.
      if (line !== '' && lineWidth + space + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = breakWord(word, maxWidth, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

/** Cuts a word wider than `maxWidth` into pieces that fit (at least one character per piece). */
function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let width = 0;
    while (end < chars.length) {
      const w = measure(chars[end] ?? '');
      if (end > start && width + w > maxWidth) break;
      width += w;
      end++;
    }
    if (end < chars.length) {
      // Prefer a cut after punctuation in the second half of the piece, so "ABC-123" codes and
      // URLs break where a reader expects; never a cut that leaves a tiny first piece.
      for (let i = end - 1; i >= start + Math.ceil((end - start) / 2); i--) {
        if (SOFT_BREAK_AFTER.has(chars[i] ?? '')) {
          end = i + 1;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}
