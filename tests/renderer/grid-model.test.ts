/** The billing grid's model: matrix, budget totals, words for each cell, keyboard movement. */
import { describe, expect, it } from 'vitest';
import { buildGridModel, describeCell, formatCellPrice, moveFocus, subjectBudget } from '../../renderer/src/screens/studies/billing-grid/grid-model.ts';
import type { BillingGridArm, GridCell } from '../../shared/contract/setup.ts';

const cell = (over: Partial<GridCell> & Pick<GridCell, 'visit' | 'procedure'>): GridCell => ({
  itemId: over.visit * 10 + over.procedure,
  designation: 'SOC',
  priceCents: null,
  requiresPreapproval: false,
  promisedFree: false,
  justification: null,
  findings: [],
  ...over,
});

const ARM: BillingGridArm = {
  arm: 'A',
  visits: [
    { visitId: 1, code: 'SCR', name: 'Screening', day: -14, windowBefore: 14, windowAfter: 0 },
    { visitId: 2, code: 'C1D1', name: 'Cycle 1 Day 1', day: 0, windowBefore: 0, windowAfter: 3 },
  ],
  procedures: [
    { cpt: '80053', name: 'CMP' },
    { cpt: '71260', name: 'CT chest' },
  ],
  cells: [
    cell({ visit: 0, procedure: 0 }),
    cell({ visit: 0, procedure: 1, designation: 'SPONSOR', priceCents: 45_000, requiresPreapproval: true }),
    cell({ visit: 1, procedure: 1, designation: 'SPONSOR', priceCents: 45_050, findings: [{ id: 7, status: 'open', issues: ['paid twice?'] }] }),
    cell({ visit: 1, procedure: 0, designation: 'CONDITIONAL', priceCents: 9_900, promisedFree: true }),
  ],
};

describe('the grid model', () => {
  it('lays cells out by procedure and visit, totals sponsor items per visit, and counts flagged cells', () => {
    const model = buildGridModel(ARM);
    expect(model.matrix.map((row) => row.map((c) => c?.designation ?? null))).toEqual([
      ['SOC', 'CONDITIONAL'],
      ['SPONSOR', 'SPONSOR'],
    ]);
    // Only SPONSOR items are what the sponsor pays: the priced CONDITIONAL item is not in the budget.
    expect(model.visitTotals).toEqual([45_000, 45_050]);
    expect(model.perSubjectCents).toBe(90_050);
    expect(model.findingCells).toBe(1);
  });

  it('leaves a gap where a procedure is not done', () => {
    const model = buildGridModel({ ...ARM, cells: ARM.cells.slice(0, 2) });
    expect(model.matrix[1]?.[1]).toBeNull();
  });

  it('says each cell in words', () => {
    const model = buildGridModel(ARM);
    expect(describeCell(model.matrix[1]?.[0] ?? null)).toBe('Research (bill sponsor); sponsor price $450.00; needs sponsor pre-approval');
    expect(describeCell(model.matrix[0]?.[1] ?? null)).toBe('Routine if clinically indicated; sponsor price $99.00; promised free in the consent');
    expect(describeCell(model.matrix[1]?.[1] ?? null)).toContain('set-up finding: paid twice?');
    expect(describeCell(null)).toBe('Not done at this visit');
  });

  it('prints prices compactly and budgets with overhead', () => {
    expect(formatCellPrice(45_000)).toBe('$450');
    expect(formatCellPrice(4_250)).toBe('$42.50');
    expect(formatCellPrice(123_456_700)).toBe('$1,234,567');
    expect(subjectBudget(90_050, 2_600)).toEqual({ items: 90_050, overhead: 23_413, total: 113_463 });
  });
});

describe('moving between cells', () => {
  it('follows the ARIA grid keys and stops at the edges', () => {
    const at = { row: 1, col: 1 };
    expect(moveFocus(at, 'ArrowRight', false, 3, 3)).toEqual({ row: 1, col: 2 });
    expect(moveFocus({ row: 1, col: 2 }, 'ArrowRight', false, 3, 3)).toEqual({ row: 1, col: 2 });
    expect(moveFocus(at, 'ArrowUp', false, 3, 3)).toEqual({ row: 0, col: 1 });
    expect(moveFocus(at, 'Home', false, 3, 3)).toEqual({ row: 1, col: 0 });
    expect(moveFocus(at, 'End', true, 3, 3)).toEqual({ row: 2, col: 2 });
    expect(moveFocus(at, 'PageDown', false, 40, 3)).toEqual({ row: 11, col: 1 });
    expect(moveFocus(at, 'Enter', false, 3, 3)).toBeNull();
  });
});
