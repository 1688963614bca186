/**
 * Table of contents for appeal packets: the entries (title + dot leaders) are drawn where the TOC is
 * placed, but their page numbers are only known once every section and attachment has been laid out,
 * so the numbers are stamped at save time into space reserved for them. Each entry is also a link to
 * its page, which payers' reviewers use to jump between exhibits.
 */
import { PDFArray, PDFName, type PDFPage } from 'pdf-lib';
import type { PageFlow, TextStyle } from './layout.ts';
import { COLOR, GAP, SIZE } from './theme.ts';

/** One entry of a table of contents. */
export interface TocEntry {
  /** Identifier the section is marked with (`heading(..., { tocKey })`, `markSection`, `attachPdf`). */
  readonly key: string;
  /** Text shown, e.g. 'Exhibit B: Explanation of benefits'. */
  readonly title: string;
}

/** Where a TOC entry's page number goes, recorded while drawing. */
export interface TocSlot {
  readonly key: string;
  readonly page: PDFPage;
  /** Right edge of the number and its baseline. */
  readonly right: number;
  readonly baseline: number;
  /** Clickable area of the entry: bottom-left corner and size. */
  readonly area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** Room reserved for a page number (4 digits). */
const NUMBER_DIGITS = '0000';

/** Draws the entries with dot leaders and returns the slots for {@link stampToc}. */
export function drawToc(flow: PageFlow, entries: readonly TocEntry[]): TocSlot[] {
  const style: TextStyle = { face: flow.fonts.regular, size: SIZE.body, color: COLOR.text };
  const leader: TextStyle = { face: flow.fonts.regular, size: SIZE.body, color: COLOR.rule };
  const numberWidth = style.face.width(NUMBER_DIGITS, style.size);
  const right = flow.left + flow.width;
  const titleWidth = flow.width - numberWidth - 12;
  const lh = flow.lineHeight(style.size);
  const spacing = 4;
  const dotPitch = style.face.width('. ', style.size);
  const slots: TocSlot[] = [];
  for (const entry of entries) {
    const lines = style.face.wrap(entry.title, style.size, titleWidth);
    flow.ensureSpace(lines.length * lh + spacing);
    const top = flow.y;
    flow.lines(lines, style, flow.left, titleWidth);
    // Leaders run from the end of the last title line to just before the number.
    const lastLine = lines.at(-1) ?? '';
    const baseline = flow.baseline(flow.y + lh, style);
    const from = flow.left + style.face.width(lastLine, style.size) + 6;
    const to = right - numberWidth - 4;
    const dots = '. '.repeat(Math.max(0, Math.floor((to - from) / dotPitch))).trimEnd();
    // Right-aligned, so the leaders of all entries end in one column next to the numbers.
    flow.text(dots, to - style.face.width(dots, style.size), baseline, leader);
    slots.push({ key: entry.key, page: flow.page, right, baseline, area: { x: flow.left, y: flow.y, width: flow.width, height: top - flow.y } });
    flow.advance(spacing);
  }
  flow.gap(GAP.block);
  return slots;
}

/**
 * Writes each entry's page number and makes the entry a link to that page.
 * @param pages every page in output order
 * @param pageIndexOf 0-based page index of a section key
 * @throws Error naming the key when a TOC entry was never marked (a bug in the calling feature).
 */
export function stampToc(
  flow: PageFlow,
  slots: readonly TocSlot[],
  pages: readonly PDFPage[],
  pageIndexOf: (key: string) => number | undefined,
): void {
  const style: TextStyle = { face: flow.fonts.regular, size: SIZE.body, color: COLOR.text };
  for (const slot of slots) {
    const index = pageIndexOf(slot.key);
    const target = index === undefined ? undefined : pages[index];
    if (index === undefined || target === undefined) throw new Error(`table of contents entry "${slot.key}" points to no section`);
    const label = String(index + 1);
    style.face.draw(slot.page, label, { x: slot.right - style.face.width(label, style.size), y: slot.baseline, size: style.size, color: style.color });
    addLink(slot, target);
  }
}

/** Adds an invisible link annotation over a TOC entry (pdf-lib has no high-level API for it). */
function addLink(slot: TocSlot, target: PDFPage): void {
  const context = slot.page.doc.context;
  const { x, y, width, height } = slot.area;
  const link = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [x, y, x + width, y + height],
      Border: [0, 0, 0],
      Dest: [target.ref, 'Fit'],
    }),
  );
  const annots = slot.page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots === undefined) slot.page.node.set(PDFName.of('Annots'), context.obj([link]));
  else annots.push(link);
}
