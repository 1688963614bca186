/**
 * The billing grid as the screen draws it: a dense procedures x visits matrix built from the sparse
 * cells, per-visit sponsor totals (the CTA budget per visit), words for each cell (its accessible
 * name and tooltip), and keyboard movement between cells (the ARIA grid pattern).
 */
import type { BillingGridArm, GridCell } from '../../../../../shared/contract/setup.ts';
import { DESIGNATION_LABEL } from '../../../../../shared/domain/codes.ts';
import { applyBasisPoints, formatCents } from '../../../../../shared/domain/money.ts';

export interface GridModel {
  readonly arm: BillingGridArm;
  /** `matrix[procedure][visit]`: the calendar item, or null when the procedure is not done at that visit. */
  readonly matrix: readonly (readonly (GridCell | null)[])[];
  /** Per visit: what the sponsor pays (prices of SPONSOR items), in cents. */
  readonly visitTotals: readonly number[];
  /** What the sponsor pays for one subject who completes every visit of the arm, before overhead. */
  readonly perSubjectCents: number;
  /** Cells carrying a set-up finding. */
  readonly findingCells: number;
}

/** Lays the sparse cells of one arm out as a matrix, with the budget totals. */
export function buildGridModel(arm: BillingGridArm): GridModel {
  const matrix: (GridCell | null)[][] = arm.procedures.map(() => arm.visits.map(() => null));
  const visitTotals = arm.visits.map(() => 0);
  let findingCells = 0;
  for (const cell of arm.cells) {
    const row = matrix[cell.procedure];
    if (row === undefined || cell.visit < 0 || cell.visit >= arm.visits.length) continue;
    row[cell.visit] = cell;
    if (cell.designation === 'SPONSOR' && cell.priceCents !== null) visitTotals[cell.visit] = (visitTotals[cell.visit] ?? 0) + cell.priceCents;
    if (cell.findings.length > 0) findingCells += 1;
  }
  return { arm, matrix, visitTotals, perSubjectCents: visitTotals.reduce((a, b) => a + b, 0), findingCells };
}

/** A price as a grid cell shows it: whole dollars without cents (`$450`), otherwise exact (`$42.50`). */
export function formatCellPrice(cents: number): string {
  const text = formatCents(cents);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** What a cell says, in words: its accessible name and the tooltip. */
export function describeCell(cell: GridCell | null): string {
  if (cell === null) return 'Not done at this visit';
  const parts = [DESIGNATION_LABEL[cell.designation]];
  parts.push(cell.priceCents === null ? 'no sponsor price' : `sponsor price ${formatCents(cell.priceCents)}`);
  if (cell.requiresPreapproval) parts.push('needs sponsor pre-approval');
  if (cell.promisedFree) parts.push('promised free in the consent');
  const issues = cell.findings.flatMap((f) => f.issues);
  if (issues.length > 0) parts.push(`set-up finding: ${issues.join('; ')}`);
  return parts.join('; ');
}

/** The CTA budget of one subject: sponsor items, the overhead added to them, and the holdback rate. */
export function subjectBudget(perSubjectCents: number, overheadBp: number): { readonly items: number; readonly overhead: number; readonly total: number } {
  const overhead = applyBasisPoints(perSubjectCents, overheadBp);
  return { items: perSubjectCents, overhead, total: perSubjectCents + overhead };
}

export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

/** Where a key moves the focus in a rows x cols grid (arrows, Home/End, Ctrl+Home/End, Page keys); null for other keys. */
export function moveFocus(pos: GridPosition, key: string, ctrl: boolean, rows: number, cols: number, pageRows = 10): GridPosition | null {
  const clamp = (n: number, max: number): number => Math.max(0, Math.min(max - 1, n));
  switch (key) {
    case 'ArrowRight':
      return { row: pos.row, col: clamp(pos.col + 1, cols) };
    case 'ArrowLeft':
      return { row: pos.row, col: clamp(pos.col - 1, cols) };
    case 'ArrowDown':
      return { row: clamp(pos.row + 1, rows), col: pos.col };
    case 'ArrowUp':
      return { row: clamp(pos.row - 1, rows), col: pos.col };
    case 'PageDown':
      return { row: clamp(pos.row + pageRows, rows), col: pos.col };
    case 'PageUp':
      return { row: clamp(pos.row - pageRows, rows), col: pos.col };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row: pos.row, col: cols - 1 };
    default:
      return null;
  }
}
