/** Payments applied across invoices and lines, unapplied cash, over- and under-payment, and aging as of a fixed day. */
import { describe, expect, it } from 'vitest';
import { issueCreditMemo } from '../../db/invoicing/credit-memo.ts';
import { createDraft } from '../../db/invoicing/drafts.ts';
import { issueInvoice } from '../../db/invoicing/issue.ts';
import { applyPayment, recordPayment, unapplyPayment } from '../../db/invoicing/payments.ts';
import { agingReport } from '../../db/queries/invoicing/aging.ts';
import { getInvoice } from '../../db/queries/invoicing/get-invoice.ts';
import { listInvoices } from '../../db/queries/invoicing/list-invoices.ts';
import { getPayment, listPayments } from '../../db/queries/invoicing/list-payments.ts';
import { NOW, SPONSOR, world } from './world.ts';

/** S1 (net $9,483.36, due 2026-01-30) and S2 (net $540.00, due 2026-02-14), both Acme Pharma. */
async function twoInvoices() {
  const db = await world();
  const s1 = createDraft(db, { studyId: 'S1', from: '2025-01-01', to: '2025-12-31' }, NOW);
  issueInvoice(db, s1, '2025-12-31', NOW);
  const s2 = createDraft(db, { studyId: 'S2', from: '2025-01-01', to: '2025-12-31' }, NOW);
  issueInvoice(db, s2, '2025-12-31', NOW);
  return { db, s1, s2 };
}

const payment = (amountCents: number, applications: { invoiceId: number; lineId?: number; amountCents: number }[] = []) => ({
  sponsor: SPONSOR,
  receivedDate: '2026-02-10',
  amountCents,
  reference: 'ACH 88120',
  method: 'ACH' as const,
  applications,
});

describe('payments', () => {
  it('applies one check across invoices of two studies and keeps the rest as unapplied cash', async () => {
    const { db, s1, s2 } = await twoInvoices();
    const id = recordPayment(db, payment(1_010_000, [{ invoiceId: s1, amountCents: 948_336 }, { invoiceId: s2, amountCents: 54_000 }]), NOW);
    expect(getPayment(db, id)).toMatchObject({ amountCents: 1_010_000, appliedCents: 1_002_336, unappliedCents: 7_664 });
    expect(getPayment(db, id)?.applications.map((a) => [a.invoiceNumber, a.studyId, a.lineId, a.amountCents])).toEqual([
      ['INV-S1-2025-008', 'S1', null, 948_336],
      ['INV-S2-2025-001', 'S2', null, 54_000],
    ]);
    expect([getInvoice(db, s1)?.state, getInvoice(db, s2)?.state]).toEqual(['paid', 'paid']);
    // All or nothing: an application that does not fit leaves the payment as it was.
    expect(() => recordPayment(db, payment(100, [{ invoiceId: s1, amountCents: 100 }]), NOW)).toThrow(/more than what is open/);
    expect(listPayments(db)).toHaveLength(1);
  });

  it('over-payment stays unapplied; under-payment leaves a balance', async () => {
    const { db, s1, s2 } = await twoInvoices();
    const over = recordPayment(db, payment(60_000, [{ invoiceId: s2, amountCents: 54_000 }]), NOW);
    expect(getPayment(db, over)).toMatchObject({ appliedCents: 54_000, unappliedCents: 6_000 });
    expect(getInvoice(db, s2)).toMatchObject({ state: 'paid', balanceCents: 0 });
    expect(() => applyPayment(db, over, [{ invoiceId: s2, amountCents: 1 }], NOW)).toThrow(/more than what is open/);
    const under = recordPayment(db, payment(500_000, [{ invoiceId: s1, amountCents: 500_000 }]), NOW);
    expect(getPayment(db, under)).toMatchObject({ unappliedCents: 0 });
    expect(getInvoice(db, s1)).toMatchObject({ state: 'partially-paid', paidCents: 500_000, balanceCents: 448_336 });
    // The over-payment's unapplied cash can pay part of the other invoice.
    applyPayment(db, over, [{ invoiceId: s1, amountCents: 6_000 }], NOW);
    expect(getInvoice(db, s1)?.balanceCents).toBe(442_336);
    expect(() => applyPayment(db, over, [{ invoiceId: s1, amountCents: 1 }], NOW)).toThrow(/left unapplied on the payment/);
  });

  it('applies to lines, spreads invoice-level payments over the rest, and can take an application back', async () => {
    const { db, s1 } = await twoInvoices();
    const lines = getInvoice(db, s1)?.lines ?? [];
    const sf = lines.find((l) => l.visitCode === 'SCRFAIL');
    const id = recordPayment(db, payment(100_000, [{ invoiceId: s1, lineId: sf?.id ?? 0, amountCents: 96_390 }]), NOW);
    expect(() => applyPayment(db, id, [{ invoiceId: s1, lineId: sf?.id ?? 0, amountCents: 1 }], NOW)).toThrow(/more than what is open/);
    applyPayment(db, id, [{ invoiceId: s1, amountCents: 3_610 }], NOW);
    const after = getInvoice(db, s1);
    expect(after?.lines.find((l) => l.id === sf?.id)).toMatchObject({ paidCents: 96_390, openCents: 0 });
    // Invoice-level cash goes to the first lines in order: IRB-INIT ($1,500.00) takes all $36.10.
    expect(after?.lines[0]).toMatchObject({ visitCode: 'IRB-INIT', paidCents: 3_610, openCents: 150_000 - 3_610 });
    expect(after?.lines.reduce((s, l) => s + l.paidCents, 0)).toBe(100_000);
    const applicationId = getPayment(db, id)?.applications[1]?.id ?? 0;
    unapplyPayment(db, applicationId);
    expect(getPayment(db, id)).toMatchObject({ appliedCents: 96_390, unappliedCents: 3_610 });
    expect(getPayment(db, id)?.applications[0]).toMatchObject({ lineLabel: '003 SCRFAIL', invoiceNumber: 'INV-S1-2025-008', studyId: 'S1' });
  });

  it('refuses drafts, credit memos, another sponsor, unknown sponsors, and changes to a recorded payment', async () => {
    const { db, s1 } = await twoInvoices();
    const draft = createDraft(db, { studyId: 'S3', from: '2025-01-01', to: '2025-12-31' }, NOW);
    const id = recordPayment(db, payment(10_000), NOW);
    expect(() => applyPayment(db, id, [{ invoiceId: draft, amountCents: 1 }], NOW)).toThrow(/only to issued invoices/);
    const memo = issueCreditMemo(db, { invoiceId: s1, reason: 'void' }, NOW);
    expect(() => applyPayment(db, id, [{ invoiceId: memo, amountCents: 1 }], NOW)).toThrow(/only to issued invoices/);
    issueInvoice(db, draft, '2026-01-15', NOW);
    expect(() => applyPayment(db, id, [{ invoiceId: draft, amountCents: 1 }], NOW)).toThrow(/billed to Other Sponsor, not to Acme Pharma/);
    expect(() => recordPayment(db, { ...payment(1), sponsor: 'Nobody Inc' }, NOW)).toThrow(/No study has the sponsor/);
    expect(() => db.prepare('UPDATE payments SET amount_cents = 1').run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/cannot be deleted/);
    // The database refuses applications beyond the payment even without the service's checks.
    expect(() => db.prepare("INSERT INTO payment_applications (payment_id, invoice_id, amount_cents, applied_at) VALUES (?, (SELECT id FROM invoices WHERE number = 'INV-S2-2025-001'), 10001, 'x')").run(id)).toThrow(/exceed the payment/);
    expect(listPayments(db, SPONSOR)).toHaveLength(1);
  });
});

describe('aging', () => {
  it('ages open balances by days past due as of a fixed day, per sponsor, with unapplied cash', async () => {
    const { db, s1, s2 } = await twoInvoices();
    recordPayment(db, payment(100_000, [{ invoiceId: s1, amountCents: 90_000 }]), NOW);
    // S1 due 2026-01-30, S2 due 2026-02-14.
    const early = agingReport(db, '2026-01-20');
    expect(early.totals).toMatchObject({ notDue: 858_336 + 54_000, d0to30: 0, overdueCents: 0, totalCents: 912_336 });
    const later = agingReport(db, '2026-03-05');
    expect(later.sponsors).toEqual([
      { sponsor: SPONSOR, amounts: { notDue: 0, d0to30: 54_000, d31to60: 858_336, d61to90: 0, over90: 0, totalCents: 912_336, overdueCents: 912_336 }, unappliedCents: 10_000, creditCents: 0, openInvoices: 2 },
    ]);
    expect(later.invoices.map((i) => [i.number, i.daysPastDue, i.bucket])).toEqual([
      ['INV-S1-2025-008', 34, 'd31to60'],
      ['INV-S2-2025-001', 19, 'd0to30'],
    ]);
    expect(agingReport(db, '2026-06-01').totals.over90).toBe(912_336);
    expect(listInvoices(db, '2026-03-05').find((i) => i.id === s2)).toMatchObject({ daysPastDue: 19, balanceCents: 54_000, state: 'open' });
    expect(s2).toBeGreaterThan(0);
  });
});
