/**
 * Tables with declared columns that paginate: the header row is repeated at the top of every page
 * the table spans, a row moves whole to the next page when it does not fit, and a row taller than a
 * page (a cell with pages of text) is split line by line instead of overflowing. Rows are consumed
 * from an iterable one at a time, so a query cursor can feed thousands of rows without an array.
 */
import type { PageFlow, TextStyle } from './layout.ts';
import { CELL_PAD, COLOR, GAP, SIZE } from './theme.ts';

/**
 * Width of a column: `{ pt }` fixed points, or `{ fraction }` a share of what the fixed columns leave
 * (fractions are relative to each other, so `[{fraction: 2}, {fraction: 1}]` splits 2:1).
 */
export type ColumnWidth = { readonly pt: number } | { readonly fraction: number };

/** A declared table column. */
export interface TableColumn {
  /** Header text (wraps when the column is narrow). */
  readonly title: string;
  /** Default `{ fraction: 1 }`. */
  readonly width?: ColumnWidth;
  /** Use 'right' for amounts and counts. Default 'left'. */
  readonly align?: 'left' | 'right';
  /**
   * Keeps each cell on one line, shrinking its font when it is too wide, instead of wrapping:
   * for amounts and codes, where "$3,240,000." over "00" would be misread. Default false.
   */
  readonly nowrap?: boolean;
}

/** A table: header, body rows, optional totals rows. Cells are preformatted strings (money too). */
export interface TableSpec {
  readonly columns: readonly TableColumn[];
  /** Body rows; any iterable (array or generator). Missing cells are blank, extra cells ignored. */
  readonly rows: Iterable<readonly string[]>;
  /** Rows drawn bold after the body, under a strong rule (subtotal, tax, total due). */
  readonly totals?: readonly (readonly string[])[];
  /** 'zebra' shades every other row (default); 'rules' draws a hairline under every row. */
  readonly style?: 'zebra' | 'rules';
  /** Font size of the cells. Default 9. */
  readonly fontSize?: number;
}

type RowKind = 'body' | 'totals';

interface Layout {
  readonly xs: readonly number[];
  readonly widths: readonly number[];
  readonly aligns: readonly ('left' | 'right')[];
  readonly nowrap: readonly boolean[];
  readonly size: number;
  readonly lh: number;
  readonly regular: TextStyle;
  readonly bold: TextStyle;
  readonly header: TextStyle;
}

/**
 * Resolves declared widths to points for a table `total` points wide.
 * @throws Error when fixed widths exceed the page (a layout bug in the caller, caught in tests).
 */
export function resolveColumnWidths(columns: readonly TableColumn[], total: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width !== undefined && 'pt' in c.width ? c.width.pt : 0), 0);
  const fractions = columns.reduce((sum, c) => sum + (c.width === undefined ? 1 : 'fraction' in c.width ? c.width.fraction : 0), 0);
  if (fixed > total + 0.01) throw new Error(`table columns need ${fixed} pt but the page has ${total} pt`);
  const perFraction = fractions > 0 ? (total - fixed) / fractions : 0;
  return columns.map((c) => (c.width === undefined ? perFraction : 'pt' in c.width ? c.width.pt : c.width.fraction * perFraction));
}

/** Draws a table at the cursor, paginating as needed. */
export function drawTable(flow: PageFlow, spec: TableSpec): void {
  if (spec.columns.length === 0) throw new Error('a table needs at least one column');
  const size = spec.fontSize ?? SIZE.table;
  const widths = resolveColumnWidths(spec.columns, flow.width);
  const xs: number[] = [];
  let x = flow.left;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const layout: Layout = {
    xs,
    widths,
    aligns: spec.columns.map((c) => c.align ?? 'left'),
    nowrap: spec.columns.map((c) => c.nowrap === true),
    size,
    lh: flow.lineHeight(size),
    regular: { face: flow.fonts.regular, size, color: COLOR.text },
    bold: { face: flow.fonts.bold, size, color: COLOR.text },
    header: { face: flow.fonts.bold, size, color: COLOR.accent },
  };
  const headerLines = wrapCells(layout, spec.columns.map((c) => c.title), layout.bold, true);
  const headerHeight = rowHeight(layout, maxLines(headerLines));
  const zebra = (spec.style ?? 'zebra') === 'zebra';
  let headerPage = -1;
  // After breakPage() there is no current page yet (atTop), so the header counts as missing.
  const headerShown = (): boolean => headerPage === flow.pages.length - 1 && !flow.atTop;

  const place = (cells: readonly string[], kind: RowKind, shaded: boolean, firstTotal: boolean): void => {
    let lines = wrapCells(layout, cells, kind === 'totals' ? layout.bold : layout.regular);
    for (;;) {
      // The header is drawn just before a row, never alone at the bottom of a page.
      const height = rowHeight(layout, maxLines(lines)) + (headerShown() ? 0 : headerHeight);
      flow.ensureSpace(Math.min(height, flow.pageBodyHeight));
      if (!headerShown()) {
        drawCells(flow, layout, headerLines, 'header', false);
        headerPage = flow.pages.length - 1;
      }
      // Only a row that cannot fit even on a fresh page gets here too tall; it is split by lines.
      const room = Math.max(1, Math.floor((flow.remaining - 2 * CELL_PAD.y) / layout.lh));
      if (maxLines(lines) <= room) {
        drawCells(flow, layout, lines, kind, shaded, firstTotal);
        return;
      }
      drawCells(flow, layout, lines.map((cell) => cell.slice(0, room)), kind, shaded, firstTotal);
      lines = lines.map((cell) => cell.slice(room));
      flow.breakPage();
    }
  };

  let index = 0;
  for (const row of spec.rows) {
    place(row, 'body', zebra && index % 2 === 1, false);
    if (!zebra) flow.hline(flow.left, flow.left + flow.width, flow.y, 0.5, COLOR.rule);
    index++;
  }
  if (index === 0) {
    flow.ensureSpace(headerHeight);
    drawCells(flow, layout, headerLines, 'header', false);
  }
  (spec.totals ?? []).forEach((row, i) => place(row, 'totals', false, i === 0));
  flow.hline(flow.left, flow.left + flow.width, flow.y, 0.75, COLOR.strongRule);
  flow.gap(GAP.block);
}

/** Wraps every cell to its column (header titles always wrap); returns the lines of each column. */
function wrapCells(layout: Layout, cells: readonly string[], style: TextStyle, header = false): string[][] {
  return layout.widths.map((w, i) => {
    const text = cells[i] ?? '';
    if (layout.nowrap[i] === true && !header) return [style.face.clean(text).replace(/\n/g, ' ')];
    return style.face.wrap(text, layout.size, Math.max(1, w - 2 * CELL_PAD.x));
  });
}

function maxLines(cells: readonly (readonly string[])[]): number {
  return Math.max(1, ...cells.map((c) => c.length));
}

function rowHeight(layout: Layout, lines: number): number {
  return lines * layout.lh + 2 * CELL_PAD.y;
}

/** Draws one row (already known to fit) at the cursor and moves below it. */
function drawCells(
  flow: PageFlow,
  layout: Layout,
  lines: readonly (readonly string[])[],
  kind: RowKind | 'header',
  shaded: boolean,
  topRule = false,
): void {
  const height = rowHeight(layout, maxLines(lines));
  const top = flow.y;
  const left = flow.left;
  const right = flow.left + flow.width;
  if (kind === 'header') flow.rect(left, top - height, right - left, height, COLOR.headerFill);
  else if (kind === 'totals') flow.rect(left, top - height, right - left, height, COLOR.totalsFill);
  else if (shaded) flow.rect(left, top - height, right - left, height, COLOR.zebraFill);
  if (topRule) flow.hline(left, right, top, 1, COLOR.strongRule);
  const style = kind === 'header' ? layout.header : kind === 'totals' ? layout.bold : layout.regular;
  lines.forEach((cellLines, c) => {
    const x = layout.xs[c] ?? left;
    const width = layout.widths[c] ?? 0;
    cellLines.forEach((line, l) => {
      const lineTop = top - CELL_PAD.y - l * layout.lh;
      // Only nowrap cells can be too wide here; they shrink (the line box keeps its height).
      const natural = style.face.width(line, style.size);
      const room = width - 2 * CELL_PAD.x;
      const fitted = natural > room && natural > 0 ? { ...style, size: (style.size * room) / natural } : style;
      const lineWidth = fitted === style ? natural : room;
      const lx = layout.aligns[c] === 'right' ? x + width - CELL_PAD.x - lineWidth : x + CELL_PAD.x;
      flow.text(line, lx, flow.baseline(lineTop, style), fitted);
    });
  });
  flow.advance(height);
  if (kind === 'header') flow.hline(left, right, flow.y, 0.75, COLOR.strongRule);
}
