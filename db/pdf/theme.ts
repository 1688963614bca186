/**
 * The one look of every TrialLedger document: US Letter, 0.75 in margins, DejaVu Sans, a sober navy
 * accent. Fixed on purpose: invoices, close-out reports and appeal packets should look like one
 * family, and a sponsor or payer comparing two of them should not see layout drift.
 * All lengths are PDF points (1/72 in).
 */
import { rgb } from 'pdf-lib';

/** US Letter, portrait. */
export const PAGE = { width: 612, height: 792 } as const;

/** Body area margins. The bottom one leaves room for the footer below it. */
export const MARGIN = { top: 54, right: 54, bottom: 66, left: 54 } as const;

/** Footer: a hairline, then the label (left) and "Page X of Y" (right) on one baseline. */
export const FOOTER = { ruleY: 50, baseline: 36, size: 8 } as const;

/** Font sizes. */
export const SIZE = { body: 10, small: 8, table: 9, h1: 18, h2: 13, h3: 11 } as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.3;

/** Vertical space after a block, in points. */
export const GAP = { paragraph: 6, block: 12 } as const;

/** Table cell padding. */
export const CELL_PAD = { x: 5, y: 3.5 } as const;

/** Colours. Greys rather than black for body text: softer on screen, still crisp when printed. */
export const COLOR = {
  text: rgb(0.12, 0.12, 0.14),
  muted: rgb(0.4, 0.42, 0.46),
  accent: rgb(0.11, 0.24, 0.4),
  rule: rgb(0.78, 0.8, 0.83),
  strongRule: rgb(0.25, 0.27, 0.3),
  headerFill: rgb(0.9, 0.93, 0.96),
  zebraFill: rgb(0.965, 0.97, 0.975),
  totalsFill: rgb(0.94, 0.95, 0.96),
} as const;
