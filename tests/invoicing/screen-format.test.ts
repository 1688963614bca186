/** The invoicing screens' parsing and formatting helpers (pure; the screens themselves are covered by Playwright). */
import { describe, expect, it } from 'vitest';
import { dueText, localToday, parseAmountInput, previousMonth } from '../../renderer/src/screens/invoices/format.ts';

describe('invoicing screen helpers', () => {
  it('parses what a coordinator types as dollars into cents, refusing zero and junk', () => {
    expect(parseAmountInput('1,234.56')).toBe(123_456);
    expect(parseAmountInput('$12')).toBe(1_200);
    expect(parseAmountInput('.5')).toBe(50);
    expect(parseAmountInput('0')).toBeNull();
    expect(parseAmountInput('-5')).toBeNull();
    expect(parseAmountInput('12.345')).toBeNull();
    expect(parseAmountInput('twelve')).toBeNull();
  });

  it('proposes the previous calendar month as the invoicing period', () => {
    expect(previousMonth('2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousMonth('2024-03-01')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousMonth('2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('says how a balance stands against its due date', () => {
    expect(dueText(12)).toBe('12 days overdue');
    expect(dueText(1)).toBe('1 day overdue');
    expect(dueText(0)).toBe('due today');
    expect(dueText(-1)).toBe('due in 1 day');
    expect(dueText(-30)).toBe('due in 30 days');
    expect(dueText(null)).toBe('');
  });
});
