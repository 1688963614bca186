import { describe, expect, it } from 'vitest';
import { normalizeIcd10, parseCell } from '../../shared/package-spec/cell-parsers.ts';
import { applyBasisPoints, formatBasisPoints, formatCents, parseDollarsToCents, parsePercentToBasisPoints } from '../../shared/domain/money.ts';
import { addDays, addMonths, daysBetween, isIsoDate } from '../../shared/domain/dates.ts';

describe('money', () => {
  it('parses dollars to integer cents without floating point', () => {
    expect(parseDollarsToCents('1234.56')).toBe(123456);
    expect(parseDollarsToCents('0.1')).toBe(10);
    expect(parseDollarsToCents('$1,234.5')).toBe(123450);
    expect(parseDollarsToCents('.05')).toBe(5);
    expect(parseDollarsToCents('19.99')).toBe(1999); // 19.99 * 100 is 1998.9999999999998 in floating point
    expect(parseDollarsToCents('-12.00')).toBe(-1200);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.234', '12,34', '1,2345.00', '$', '.', '1e5', '999999999999']) expect(parseDollarsToCents(bad)).toBeNull();
  });
  it('formats cents', () => {
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-5)).toBe('-$0.05');
  });
  it('parses percentages to basis points', () => {
    expect(parsePercentToBasisPoints('26')).toBe(2600);
    expect(parsePercentToBasisPoints('12.5%')).toBe(1250);
    expect(parsePercentToBasisPoints('100')).toBe(10000);
    expect(parsePercentToBasisPoints('100.5')).toBeNull();
    expect(parsePercentToBasisPoints('-1')).toBeNull();
    expect(formatBasisPoints(1250)).toBe('12.5%');
  });
  it('rounds a rate to the cent half away from zero', () => {
    expect(applyBasisPoints(1005, 5000)).toBe(503); // 502.5 -> 503
    expect(applyBasisPoints(-1005, 5000)).toBe(-503);
    expect(applyBasisPoints(12345, 2600)).toBe(3210); // 3209.7
    expect(applyBasisPoints(100_000_000_000, 10_000)).toBe(100_000_000_000);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('01/02/2025')).toBe(false);
  });
  it('does day and month arithmetic in UTC days', () => {
    expect(addDays('2025-03-08', 1)).toBe('2025-03-09'); // across a US DST change
    expect(addDays('2025-01-01', -14)).toBe('2024-12-18');
    expect(daysBetween('2024-12-31', '2025-03-01')).toBe(60);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-03-15', 12)).toBe('2025-03-15');
  });
});

describe('cell parsers', () => {
  it('normalises enums, lists and ICD-10 codes', () => {
    expect(parseCell({ type: 'enum', values: ['MEDICARE_ADVANTAGE'] }, 'medicare advantage')).toEqual({ ok: true, value: 'MEDICARE_ADVANTAGE' });
    expect(parseCell({ type: 'list', item: /^[A-Z0-9]{2}$/, hint: 'a modifier' }, 'q1; rt')).toEqual({ ok: true, value: ['Q1', 'RT'] });
    expect(normalizeIcd10('z006')).toBe('Z00.6');
    expect(normalizeIcd10('C18.9')).toBe('C18.9');
    expect(normalizeIcd10('E11')).toBe('E11');
  });
  it('explains a refusal and never quotes a PHI value', () => {
    const result = parseCell({ type: 'text', maxLength: 20, pattern: /^[A-Z0-9]+$/, hint: 'a medical record number' }, 'MRN 12$', true);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).not.toContain('MRN 12$');
      expect(result.reason).toContain('not shown: PHI');
    }
  });
  it('refuses negative money and non-whole numbers', () => {
    expect(parseCell({ type: 'money' }, '-5.00')).toEqual({ ok: false, reason: "negative amount '-5.00'" });
    expect(parseCell({ type: 'int', min: 1, max: 10 }, '1.5').ok).toBe(false);
    expect(parseCell({ type: 'int', min: 1, max: 10 }, '0').ok).toBe(false);
  });
});
