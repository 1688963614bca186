/**
 * The virtual window's geometry, pure. Browsers cap an element's height near 33.5 million pixels, so a
 * million 40-pixel rows cannot simply be stacked: past MAX_CONTENT_PX the scroll range is scaled, one
 * pixel of scrollbar standing for several pixels of rows, and the rendered rows are placed relative
 * to the scroll position. Below the cap the scale is 1 and this is an ordinary virtual list.
 */

/** Largest scroll content the window creates (well under every browser's limit). */
export const MAX_CONTENT_PX = 12_000_000;

export interface WindowInput {
  readonly total: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
  readonly scrollTop: number;
  readonly overscan: number;
}

export interface WindowLayout {
  /** Height of the scroll content. */
  readonly contentHeight: number;
  /** Virtual pixels per scroll pixel (1 unless the list is huge). */
  readonly scale: number;
  /** Rows to render, first..last inclusive (last < first when there are none). */
  readonly first: number;
  readonly last: number;
  /** Rows entirely or partly in view (without overscan). */
  readonly visibleFirst: number;
  readonly visibleLast: number;
  /** Where row `index` goes inside the content. */
  readonly topOf: (index: number) => number;
}

export function layoutWindow({ total, rowHeight, viewportHeight, scrollTop, overscan }: WindowInput): WindowLayout {
  const full = total * rowHeight;
  const contentHeight = Math.min(full, MAX_CONTENT_PX);
  const scale = full > contentHeight && contentHeight > viewportHeight ? (full - viewportHeight) / (contentHeight - viewportHeight) : 1;
  const virtualTop = Math.max(0, scrollTop) * scale;
  const visibleFirst = Math.min(Math.floor(virtualTop / rowHeight), Math.max(total - 1, 0));
  const visibleLast = Math.min(total - 1, Math.floor((virtualTop + viewportHeight - 1) / rowHeight));
  return {
    contentHeight,
    scale,
    first: Math.max(0, visibleFirst - overscan),
    last: Math.min(total - 1, visibleLast + overscan),
    visibleFirst,
    visibleLast,
    topOf: (index) => scrollTop + (index * rowHeight - virtualTop),
  };
}

/** The scrollTop that brings row `index` fully into view (unchanged when it already is). */
export function scrollTopFor(index: number, layout: Pick<WindowInput, 'rowHeight' | 'viewportHeight' | 'scrollTop'> & { readonly scale: number }): number {
  const virtualTop = layout.scrollTop * layout.scale;
  const rowTop = index * layout.rowHeight;
  const rowBottom = rowTop + layout.rowHeight;
  if (rowTop < virtualTop) return rowTop / layout.scale;
  if (rowBottom > virtualTop + layout.viewportHeight) return (rowBottom - layout.viewportHeight) / layout.scale;
  return layout.scrollTop;
}
