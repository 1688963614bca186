/**
 * The simple blocks of a document: headings, paragraphs, key/value lists, address columns, rules.
 * Each is a function of the page flow and a plain spec; the builder exposes them as methods.
 */
import type { PageFlow, TextStyle } from './layout.ts';
import { COLOR, GAP, SIZE } from './theme.ts';

/** Heading level: 1 document title, 2 section, 3 sub-section. */
export type HeadingLevel = 1 | 2 | 3;

/** Options of a paragraph. */
export interface ParagraphOptions {
  /** Bold face. Default false. */
  readonly bold?: boolean;
  /** Grey text for notes and fine print. Default false. */
  readonly muted?: boolean;
  /** Font size in points. Default 10 (8 when `small`). */
  readonly size?: number;
  /** Small print (8 pt). Default false. */
  readonly small?: boolean;
  /** Right-aligned lines (e.g. a date line). Default left. */
  readonly align?: 'left' | 'right';
}

/** One line of a key/value block, e.g. `{ key: 'Invoice number', value: 'INV-2025-0042' }`. */
export interface KeyValue {
  readonly key: string;
  readonly value: string;
  /** Draws the value in bold (an amount due, a status). */
  readonly strong?: boolean;
}

/** One column of an address block. */
export interface AddressBlock {
  /** Small caption above the block, e.g. 'Site' or 'Bill to (sponsor)'. */
  readonly title: string;
  /** First line, in bold: the organisation or person. */
  readonly name: string;
  /** Further lines (street, city, contact); '\n' inside a line also breaks it. */
  readonly lines?: readonly string[];
}

const HEADING = {
  1: { size: SIZE.h1, before: 4, after: 10, color: COLOR.accent },
  2: { size: SIZE.h2, before: 14, after: 6, color: COLOR.accent },
  3: { size: SIZE.h3, before: 10, after: 4, color: COLOR.text },
} as const;

/** Body lines a heading keeps with it, so a heading never ends a page alone. */
const KEEP_WITH_NEXT_LINES = 3;

/** Draws a heading; level 1 and 2 get a rule below. */
export function drawHeading(flow: PageFlow, text: string, level: HeadingLevel): void {
  const spec = HEADING[level];
  const style: TextStyle = { face: flow.fonts.bold, size: spec.size, color: spec.color };
  const lines = style.face.wrap(text, spec.size, flow.width);
  const ruleSpace = level === 3 ? 0 : 4;
  const height = lines.length * flow.lineHeight(spec.size) + ruleSpace;
  flow.gap(spec.before);
  flow.ensureSpace(height + KEEP_WITH_NEXT_LINES * flow.lineHeight(SIZE.body));
  flow.lines(lines, style, flow.left, flow.width);
  if (level !== 3) {
    flow.advance(2);
    flow.hline(flow.left, flow.left + flow.width, flow.y, level === 1 ? 1.25 : 0.5, level === 1 ? COLOR.accent : COLOR.rule);
    flow.advance(ruleSpace - 2);
  }
  flow.gap(spec.after);
}

/** Draws a left-aligned, word-wrapped paragraph; it may continue on the next page. */
export function drawParagraph(flow: PageFlow, text: string, options: ParagraphOptions = {}): void {
  const size = options.size ?? (options.small === true ? SIZE.small : SIZE.body);
  const style: TextStyle = {
    face: options.bold === true ? flow.fonts.bold : flow.fonts.regular,
    size,
    color: options.muted === true ? COLOR.muted : COLOR.text,
  };
  flow.lines(style.face.wrap(text, size, flow.width), style, flow.left, flow.width, options.align);
  flow.gap(GAP.paragraph);
}

/**
 * Draws label/value pairs in two aligned columns ("Invoice number:  INV-..."). The label column is as
 * wide as the longest label, up to 40% of the page; long values wrap under themselves.
 */
export function drawKeyValues(flow: PageFlow, items: readonly KeyValue[]): void {
  const size = SIZE.body;
  const label: TextStyle = { face: flow.fonts.regular, size, color: COLOR.muted };
  const gutter = 12;
  const labels = items.map((item) => label.face.clean(`${item.key}:`));
  const widest = Math.max(0, ...labels.map((l) => label.face.width(l, size)));
  const labelWidth = Math.min(widest, flow.width * 0.4);
  const valueX = flow.left + labelWidth + gutter;
  const valueWidth = flow.width - labelWidth - gutter;
  const lh = flow.lineHeight(size);
  items.forEach((item, i) => {
    const value: TextStyle = { face: item.strong === true ? flow.fonts.bold : flow.fonts.regular, size, color: COLOR.text };
    const keyLines = label.face.wrap(labels[i] ?? '', size, labelWidth);
    const valueLines = value.face.wrap(item.value, size, valueWidth);
    const rows = Math.max(keyLines.length, valueLines.length);
    flow.ensureSpace(Math.min(rows * lh, flow.pageBodyHeight));
    for (let r = 0; r < rows; r++) {
      flow.ensureSpace(lh);
      flow.text(keyLines[r] ?? '', flow.left, flow.baseline(flow.y, label), label);
      flow.text(valueLines[r] ?? '', valueX, flow.baseline(flow.y, value), value);
      flow.advance(lh);
    }
  });
  flow.gap(GAP.block);
}

/**
 * Draws address blocks side by side in equal columns (site on the left, sponsor or payer on the
 * right). The whole block moves to the next page when it does not fit.
 */
export function drawAddressBlocks(flow: PageFlow, blocks: readonly AddressBlock[]): void {
  if (blocks.length === 0) return;
  const gutter = 24;
  const colWidth = (flow.width - gutter * (blocks.length - 1)) / blocks.length;
  const caption: TextStyle = { face: flow.fonts.bold, size: SIZE.small, color: COLOR.muted };
  const name: TextStyle = { face: flow.fonts.bold, size: SIZE.body, color: COLOR.text };
  const body: TextStyle = { face: flow.fonts.regular, size: SIZE.body, color: COLOR.text };
  // Each column as styled lines, so rows can be drawn across columns (and across a page break).
  const columns = blocks.map((block) => [
    ...caption.face.wrap(block.title.toUpperCase(), caption.size, colWidth).map((t) => ({ t, s: caption })),
    ...name.face.wrap(block.name, name.size, colWidth).map((t) => ({ t, s: name })),
    ...(block.lines ?? []).flatMap((line) => body.face.wrap(line, body.size, colWidth).map((t) => ({ t, s: body }))),
  ]);
  const rows = Math.max(...columns.map((c) => c.length));
  const lh = flow.lineHeight(SIZE.body);
  flow.ensureSpace(Math.min(rows * lh, flow.pageBodyHeight));
  for (let r = 0; r < rows; r++) {
    flow.ensureSpace(lh);
    columns.forEach((column, c) => {
      const cell = column[r];
      if (cell !== undefined) flow.text(cell.t, flow.left + c * (colWidth + gutter), flow.baseline(flow.y, cell.s), cell.s);
    });
    flow.advance(lh);
  }
  flow.gap(GAP.block);
}

/** Draws a full-width horizontal rule with some space around it. */
export function drawRule(flow: PageFlow, options: { readonly strong?: boolean } = {}): void {
  flow.gap(4);
  flow.ensureSpace(1);
  const strong = options.strong === true;
  flow.hline(flow.left, flow.left + flow.width, flow.y, strong ? 1 : 0.5, strong ? COLOR.strongRule : COLOR.rule);
  flow.advance(1);
  flow.gap(GAP.block - 4);
}
