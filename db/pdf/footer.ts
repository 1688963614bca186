/**
 * The footer stamped on every page once the page count is known: the document label on the left and
 * "Page X of Y" on the right. Attached pages get it too (a payer must be able to cite "page 14 of
 * 31" of a packet), so it copes with what scanned PDFs come with: any page size, a crop box not at
 * the origin, and /Rotate 90/180/270 (the text is placed along the edge the reader sees as bottom).
 */
import type { PDFPage } from 'pdf-lib';
import type { FontFace } from './text.ts';
import { COLOR, FOOTER, MARGIN } from './theme.ts';

/** What goes into every footer. */
export interface FooterText {
  /** Left part, e.g. 'Invoice INV-2025-0042 · Acme Pharma'. */
  readonly label: string;
  /** 1-based page number. */
  readonly page: number;
  readonly pageCount: number;
}

/** The label is cut with an ellipsis beyond this share of the page width, leaving room for the number. */
const LABEL_SHARE = 0.7;

/**
 * Stamps the footer on a page.
 * @param withRule draws the hairline above the footer (generated pages; attached ones keep their look)
 */
export function stampFooter(page: PDFPage, face: FontFace, text: FooterText, withRule: boolean): void {
  const box = page.getCropBox();
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const sideways = rotation === 90 || rotation === 270;
  const visualWidth = sideways ? box.height : box.width;
  // Small pages (receipts, labels) get proportionally smaller side margins.
  const side = Math.min(MARGIN.left, visualWidth * 0.09);
  const number = face.clean(`Page ${text.page} of ${text.pageCount}`);
  const label = fitWidth(face, face.clean(text.label.replace(/\n/g, ' ')), FOOTER.size, visualWidth * LABEL_SHARE - side);

  /** Draws at visual coordinates (from the bottom-left corner as displayed). */
  const draw = (s: string, vx: number, vy: number): void => {
    const p = toUserSpace(box, rotation, vx, vy);
    face.draw(page, s, { x: p.x, y: p.y, size: FOOTER.size, color: COLOR.muted, rotate: rotation });
  };
  draw(label, side, FOOTER.baseline);
  draw(number, visualWidth - side - face.width(number, FOOTER.size), FOOTER.baseline);
  if (withRule) {
    const a = toUserSpace(box, rotation, side, FOOTER.ruleY);
    const b = toUserSpace(box, rotation, visualWidth - side, FOOTER.ruleY);
    page.drawLine({ start: a, end: b, thickness: 0.5, color: COLOR.rule });
  }
}

/**
 * Maps a point given from the displayed bottom-left corner to the page's user space. /Rotate turns
 * the page clockwise for display, so e.g. at 90 the displayed bottom edge is the user-space right edge.
 */
export function toUserSpace(
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  rotation: 0 | 90 | 180 | 270,
  vx: number,
  vy: number,
): { x: number; y: number } {
  switch (rotation) {
    case 90:
      return { x: box.x + box.width - vy, y: box.y + vx };
    case 180:
      return { x: box.x + box.width - vx, y: box.y + box.height - vy };
    case 270:
      return { x: box.x + vy, y: box.y + box.height - vx };
    default:
      return { x: box.x + vx, y: box.y + vy };
  }
}

/** Shortens text with '…' to fit `maxWidth` (footers are one line). */
export function fitWidth(face: FontFace, text: string, size: number, maxWidth: number): string {
  if (face.width(text, size) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && face.width(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
