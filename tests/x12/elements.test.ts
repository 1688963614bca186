/** Decimal and date elements: exact text-to-cents, never through floating point. */
import { describe, expect, it } from 'vitest';
import { parseX12Cents, parseX12Date, parseX12Quantity } from '../../shared/x12/elements.ts';

describe('parseX12Cents', () => {
  it.each([
    ['127.8', 12_780],
    ['-9.00', -900],
    ['6', 600],
    ['.5', 50],
    ['0', 0],
    ['-0', 0],
    ['211366.97', 21_136_697],
    ['1.500', 150],
    ['0.29', 29],
    ['1.10', 110],
    ['9999999999999.99', 999_999_999_999_999],
  ])('%s is %i cents', (text, cents) => {
    expect(parseX12Cents(text)).toBe(cents);
  });

  it.each(['', '-', '.', 'abc', '1,000.00', '1e3', '+5', '1.005', '12.3.4', ' 5', '10000000000000.00'])('%j is not an amount', (text) => {
    expect(parseX12Cents(text)).toBeNull();
  });
});

describe('parseX12Quantity and parseX12Date', () => {
  it('reads quantities as numbers', () => {
    expect(parseX12Quantity('1.00')).toBe(1);
    expect(parseX12Quantity('68')).toBe(68);
    expect(parseX12Quantity('-1')).toBe(-1);
    expect(parseX12Quantity('x')).toBeNull();
  });

  it('turns CCYYMMDD into ISO dates and rejects impossible ones', () => {
    expect(parseX12Date('20240229')).toBe('2024-02-29');
    expect(parseX12Date('20230229')).toBeNull();
    expect(parseX12Date('20002316')).toBeNull();
    expect(parseX12Date('240229')).toBeNull();
  });
});
