/** The money arithmetic of invoices, exhaustively: rounding, exemptions, totals, credits, payments, aging, numbers. */
import { describe, expect, it } from 'vitest';
import { applyBasisPoints } from '../../shared/domain/money.ts';
import { ageBalances, agingBucket } from '../../shared/invoicing/aging.ts';
import { allocateInvoicePayments, applicationProblem, paymentBalance } from '../../shared/invoicing/allocation.ts';
import { creditOf, lineReconciles, priceLine, releaseLine, sumLines, type LineAmounts } from '../../shared/invoicing/line-math.ts';
import { formatDocumentNumber, numberPrefix, sequenceOf } from '../../shared/invoicing/numbering.ts';
import { balanceOf, invoiceState } from '../../shared/invoicing/state.ts';
import { prng } from '../../scripts/lib/prng.ts';


const terms = (amountCents: number, overheadBp = 2600, holdbackBp = 1000, overheadExempt = false, holdbackExempt = false) => ({ amountCents, overheadBp, holdbackBp, overheadExempt, holdbackExempt });

describe('pricing a line', () => {
  it('adds overhead on the amount and withholds holdback on amount plus overhead', () => {
    expect(priceLine(terms(100_00))).toEqual({ amountCents: 10000, overheadBp: 2600, overheadCents: 2600, holdbackBp: 1000, holdbackCents: 1260, netCents: 11340 });
  });

  it('applies each exemption combination', () => {
    expect(priceLine(terms(100_00, 2600, 1000, true, false))).toMatchObject({ overheadBp: 0, overheadCents: 0, holdbackCents: 1000, netCents: 9000 });
    expect(priceLine(terms(100_00, 2600, 1000, false, true))).toMatchObject({ overheadCents: 2600, holdbackBp: 0, holdbackCents: 0, netCents: 12600 });
    expect(priceLine(terms(100_00, 2600, 1000, true, true))).toMatchObject({ overheadCents: 0, holdbackCents: 0, netCents: 10000 });
    expect(priceLine(terms(100_00, 0, 0))).toMatchObject({ overheadCents: 0, holdbackCents: 0, netCents: 10000 });
  });

  it('rounds each product half away from zero, to the cent', () => {
    // 62.55 x 26% = 16.263 -> 16.26; (62.55 + 16.26) x 10% = 7.881 -> 7.88
    expect(priceLine(terms(6255))).toMatchObject({ overheadCents: 1626, holdbackCents: 788, netCents: 7093 });
    // 17.35 x 26% = 4.511 -> 4.51; 21.86 x 10% = 2.186 -> 2.19
    expect(priceLine(terms(1735))).toMatchObject({ overheadCents: 451, holdbackCents: 219, netCents: 1967 });
    // Exactly half a cent goes up: 5 cents x 10% = 0.5 cent -> 1 cent; 2 cents x 25% = 0.5 -> 1.
    expect(applyBasisPoints(5, 1000)).toBe(1);
    expect(applyBasisPoints(2, 2500)).toBe(1);
    expect(applyBasisPoints(-5, 1000)).toBe(-1);
    // 0.05 x 28.5% = 0.01425 -> 0.01; (0.05 + 0.01) x 12.5% = 0.0075 -> 0.01
    expect(priceLine(terms(5, 2850, 1250))).toMatchObject({ overheadCents: 1, holdbackCents: 1, netCents: 5 });
  });

  it('keeps amounts exact at the largest amount accepted', () => {
    const line = priceLine(terms(100_000_000_000, 10_000, 10_000));
    expect(line).toMatchObject({ overheadCents: 100_000_000_000, holdbackCents: 200_000_000_000, netCents: 0 });
    expect(Number.isSafeInteger(line.holdbackCents)).toBe(true);
  });

  it('mirrors a line exactly in a credit and releases holdback without overhead or holdback', () => {
    const line = priceLine(terms(6255));
    const credit = creditOf(line);
    expect(credit).toEqual({ amountCents: -6255, overheadBp: 2600, overheadCents: -1626, holdbackBp: 1000, holdbackCents: -788, netCents: -7093 });
    expect(sumLines([line, credit])).toEqual({ lineCount: 2, amountCents: 0, overheadCents: 0, grossCents: 0, holdbackCents: 0, netCents: 0 });
    expect(releaseLine(788)).toEqual({ amountCents: 788, overheadBp: 0, overheadCents: 0, holdbackBp: 0, holdbackCents: 0, netCents: 788 });
  });
});

describe('properties over random invoices (seeded)', () => {
  const random = prng(20_260_115);
  const cents = (max: number): number => Math.floor(random() * max);
  const randomLine = (): LineAmounts => priceLine(terms(cents(5_000_000), cents(10_001), cents(10_001), random() < 0.2, random() < 0.2));

  it('every line reconciles and totals are the sums of the lines, to the cent', () => {
    for (let invoice = 0; invoice < 2_000; invoice++) {
      const lines = Array.from({ length: 1 + cents(60) }, randomLine);
      const totals = sumLines(lines);
      expect(lines.every(lineReconciles)).toBe(true);
      expect(totals.amountCents).toBe(lines.reduce((s, l) => s + l.amountCents, 0));
      expect(totals.netCents).toBe(totals.amountCents + totals.overheadCents - totals.holdbackCents);
      expect(totals.grossCents - totals.holdbackCents).toBe(totals.netCents);
      // A credit memo of any subset plus the invoice leaves exactly the uncredited lines.
      const credited = lines.filter(() => random() < 0.3);
      const after = sumLines([...lines, ...credited.map(creditOf)]);
      expect(after.netCents).toBe(totals.netCents - sumLines(credited).netCents);
      expect(after.holdbackCents).toBe(totals.holdbackCents - sumLines(credited).holdbackCents);
    }
  });

  it('rounding per line never drifts more than half a cent per line from the exact total', () => {
    for (let invoice = 0; invoice < 500; invoice++) {
      const bp = cents(10_001);
      const amounts = Array.from({ length: 1 + cents(100) }, () => cents(1_000_000));
      const rounded = amounts.reduce((s, a) => s + applyBasisPoints(a, bp), 0);
      const exact = amounts.reduce((s, a) => s + (a * bp) / 10_000, 0);
      expect(Math.abs(rounded - exact)).toBeLessThanOrEqual(amounts.length * 0.5 + 1e-6);
    }
  });

  it('allocating payments never pays a line more than it owes and accounts for every cent applied', () => {
    for (let invoice = 0; invoice < 2_000; invoice++) {
      const dues = Array.from({ length: 1 + cents(20) }, () => cents(200_000));
      const lineApplied = dues.map((d) => (random() < 0.3 ? cents(d + 1) : 0));
      const totalDue = dues.reduce((s, d) => s + d, 0);
      const toInvoice = cents(Math.max(1, totalDue - lineApplied.reduce((s, a) => s + a, 0) + 1));
      const out = allocateInvoicePayments(dues.map((dueCents, i) => ({ lineId: i + 1, dueCents, appliedToLineCents: lineApplied[i] ?? 0 })), toInvoice);
      expect(out.reduce((s, l) => s + l.paidCents, 0)).toBe(toInvoice + lineApplied.reduce((s, a) => s + a, 0));
      for (const l of out) {
        expect(l.paidCents).toBeLessThanOrEqual(l.dueCents);
        expect(l.openCents).toBe(l.dueCents - l.paidCents);
      }
    }
  });
});

describe('payments', () => {
  it('spreads a payment to the invoice over lines in order after line payments', () => {
    const lines = [
      { lineId: 1, dueCents: 1000, appliedToLineCents: 0 },
      { lineId: 2, dueCents: 500, appliedToLineCents: 500 },
      { lineId: 3, dueCents: 700, appliedToLineCents: 200 },
    ];
    expect(allocateInvoicePayments(lines, 1200)).toEqual([
      { lineId: 1, dueCents: 1000, paidCents: 1000, openCents: 0 },
      { lineId: 2, dueCents: 500, paidCents: 500, openCents: 0 },
      { lineId: 3, dueCents: 700, paidCents: 400, openCents: 300 },
    ]);
  });

  it('keeps a payment on a credited invoice visible as a credit balance', () => {
    expect(allocateInvoicePayments([{ lineId: 1, dueCents: 0, appliedToLineCents: 0 }], 300)).toEqual([{ lineId: 1, dueCents: 0, paidCents: 300, openCents: -300 }]);
  });

  it('refuses applications beyond the payment or the open balance, and reports unapplied cash', () => {
    expect(applicationProblem({ amountCents: 0, unappliedCents: 100, openOnTargetCents: 100 })).toMatch(/more than zero/);
    expect(applicationProblem({ amountCents: 101, unappliedCents: 100, openOnTargetCents: 500 })).toMatch(/left unapplied on the payment/);
    expect(applicationProblem({ amountCents: 101, unappliedCents: 500, openOnTargetCents: 100 })).toMatch(/open on the invoice/);
    expect(applicationProblem({ amountCents: 100, unappliedCents: 100, openOnTargetCents: 100 })).toBeNull();
    expect(paymentBalance(10_000, [2_500, 7_000])).toEqual({ receivedCents: 10_000, appliedCents: 9_500, unappliedCents: 500 });
  });

  it('derives the state of a document from payments and credits', () => {
    const issued = { kind: 'INVOICE' as const, status: 'ISSUED' as const };
    expect(invoiceState({ ...issued, netCents: 1000, creditedCents: 0, paidCents: 0 })).toBe('open');
    expect(invoiceState({ ...issued, netCents: 1000, creditedCents: 0, paidCents: 400 })).toBe('partially-paid');
    expect(invoiceState({ ...issued, netCents: 1000, creditedCents: -300, paidCents: 700 })).toBe('paid');
    expect(invoiceState({ ...issued, netCents: 1000, creditedCents: -1000, paidCents: 0 })).toBe('credited');
    expect(invoiceState({ kind: 'CREDIT_MEMO', status: 'ISSUED', netCents: -1000, creditedCents: 0, paidCents: 0 })).toBe('credit-memo');
    expect(invoiceState({ ...issued, status: 'DRAFT', netCents: 1000, creditedCents: 0, paidCents: 0 })).toBe('draft');
    expect(balanceOf(1000, -300, 200)).toBe(500);
  });
});

describe('aging', () => {
  it('buckets by days past the due date, the due date itself in 0-30 but not overdue', () => {
    const due = '2026-01-31';
    expect(agingBucket(due, '2026-01-30')).toBe('notDue');
    expect(agingBucket(due, '2026-01-31')).toBe('d0to30');
    expect(agingBucket(due, '2026-03-02')).toBe('d0to30'); // 30 days
    expect(agingBucket(due, '2026-03-03')).toBe('d31to60');
    expect(agingBucket(due, '2026-04-01')).toBe('d31to60'); // 60 days
    expect(agingBucket(due, '2026-04-02')).toBe('d61to90');
    expect(agingBucket(due, '2026-05-01')).toBe('d61to90'); // 90 days
    expect(agingBucket(due, '2026-05-02')).toBe('over90');
    const aged = ageBalances(
      [
        { balanceCents: 100, dueDate: '2026-02-10' },
        { balanceCents: 200, dueDate: '2026-01-31' },
        { balanceCents: 400, dueDate: '2025-12-01' },
        { balanceCents: 800, dueDate: '2025-10-01' },
        { balanceCents: -50, dueDate: '2025-01-01' },
        { balanceCents: 0, dueDate: '2025-01-01' },
      ],
      '2026-01-31',
    );
    expect(aged).toEqual({ notDue: 100, d0to30: 200, d31to60: 0, d61to90: 400, over90: 800, totalCents: 1500, overdueCents: 1200 });
  });
});

describe('document numbers', () => {
  it('formats INV-{study}-{year}-{seq} and CM- numbers, padded to three digits', () => {
    expect(formatDocumentNumber('INV', 'NSCLC-301', 2026, 7)).toBe('INV-NSCLC-301-2026-007');
    expect(formatDocumentNumber('CM', 'S1', 2026, 1234)).toBe('CM-S1-2026-1234');
    expect(() => formatDocumentNumber('INV', 'S1', 2026, 0)).toThrow(RangeError);
  });

  it('reads the sequence of numbers of the same shape only', () => {
    const prefix = numberPrefix('INV', 'NSCLC-301', 2025);
    expect(sequenceOf('INV-NSCLC-301-2025-12', prefix)).toBe(12);
    expect(sequenceOf('INV-NSCLC-301-2025-013', prefix)).toBe(13);
    expect(sequenceOf('INV-NSCLC-301-2025-12-S', prefix)).toBeNull();
    expect(sequenceOf('INV-NSCLC-301-2024-12', prefix)).toBeNull();
  });
});
