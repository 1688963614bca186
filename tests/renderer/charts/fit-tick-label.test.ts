import { describe, expect, it } from 'vitest';
import { TICK_CHAR_WIDTH_PX, fitTickLabel } from '../../../renderer/src/components/charts/fit-tick-label.ts';

/** A slot wide enough for exactly `chars` characters. */
const slot = (chars: number) => chars * TICK_CHAR_WIDTH_PX;

describe('fitTickLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(fitTickLabel('AETNA', slot(10))).toEqual(['AETNA']);
    expect(fitTickLabel('2025-03', slot(7))).toEqual(['2025-03']);
  });

  it('wraps at spaces onto a second line', () => {
    expect(fitTickLabel('NOVITAS SOLUTIONS', slot(10))).toEqual(['NOVITAS', 'SOLUTIONS']);
  });

  it('cuts what does not fit in two lines with an ellipsis inside the slot', () => {
    const lines = fitTickLabel('NOVITAS SOLUTIONS MEDICARE PART B', slot(12));
    expect(lines).toEqual(['NOVITAS', 'SOLUTIONS M…']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(12);
  });

  it('never returns more lines than asked, nor a line wider than the slot', () => {
    const names = ['UNITEDHEALTHCARE MEDICARE ADVANTAGE', 'A B C D E F G H I J', 'SUPERCALIFRAGILISTICEXPIALIDOCIOUS', 'X'];
    for (const name of names) {
      for (const chars of [3, 5, 8, 13, 40]) {
        const lines = fitTickLabel(name, slot(chars));
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(chars);
      }
    }
  });

  it('cuts a word longer than the slot on its own line and goes on with the next words', () => {
    expect(fitTickLabel('UNITEDHEALTHCARE', slot(10))).toEqual(['UNITEDHEA…']);
    expect(fitTickLabel('UNITEDHEALTHCARE MEDICARE', slot(10))).toEqual(['UNITEDHEA…', 'MEDICARE']);
    expect(fitTickLabel('UNITEDHEALTHCARE MEDICARE ADVANTAGE', slot(10))).toEqual(['UNITEDHEA…', 'MEDICARE…']);
  });

  it('one line when asked for one', () => {
    expect(fitTickLabel('NOVITAS SOLUTIONS', slot(10), 1)).toEqual(['NOVITAS S…']);
  });
});
