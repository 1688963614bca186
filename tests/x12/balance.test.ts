/**
 * Balancing [BRIEF 4.1]: each hand-written fixture breaks exactly one equation and must report
 * exactly that one, with the expected and actual amounts in cents.
 */
import { describe, expect, it } from 'vitest';
import { checkTransactionBalance, signedPaymentCents } from '../../shared/x12/balance.ts';
import type { Payment835 } from '../../shared/x12/model.ts';
import { onlyTransaction, parseFixture } from './sample-files.ts';

describe('hand-written imbalance fixtures', () => {
  it('imbalance-line.835: SVC 100.00 - CO-45 20.00 = 80.00 but SVC03 says 85.00', () => {
    const tx = onlyTransaction(parseFixture('imbalance-line.835'));
    expect(tx.imbalances).toEqual([
      {
        level: 'line',
        transactionIndex: 1,
        transactionControlNumber: '0001',
        claimSeq: 1,
        lineSeq: 1,
        segmentNumber: 19,
        segmentId: 'SVC',
        expectedCents: 8_000,
        actualCents: 8_500,
        message:
          'transaction 0001, claim 1, line 1 (segment 19, SVC): charge 100.00 minus line adjustments 20.00 is 80.00, but the line paid amount SVC03 is 85.00 (off by 5.00)',
      },
    ]);
  });

  it('imbalance-claim.835: CLP 100.00 - 20.00 = 80.00 but CLP04 says 70.00 (the line balances)', () => {
    const tx = onlyTransaction(parseFixture('imbalance-claim.835'));
    expect(tx.imbalances).toHaveLength(1);
    expect(tx.imbalances[0]).toMatchObject({ level: 'claim', claimSeq: 1, lineSeq: null, segmentNumber: 15, segmentId: 'CLP', expectedCents: 8_000, actualCents: 7_000 });
  });

  it('imbalance-transaction.835: sum(CLP04) 80.00 - PLB 0 = 80.00 but BPR02 says 90.00', () => {
    const tx = onlyTransaction(parseFixture('imbalance-transaction.835'));
    expect(tx.imbalances).toHaveLength(1);
    expect(tx.imbalances[0]).toMatchObject({ level: 'transaction', claimSeq: null, lineSeq: null, segmentNumber: 4, segmentId: 'BPR', expectedCents: 8_000, actualCents: 9_000 });
    expect(tx.trailer.imbalance).toEqual(tx.imbalances[0]);
  });

  it('messages carry positions and amounts, never the account number or the patient', () => {
    for (const name of ['imbalance-line.835', 'imbalance-claim.835', 'imbalance-transaction.835']) {
      for (const problem of onlyTransaction(parseFixture(name)).imbalances) {
        expect(problem.message).not.toMatch(/ACCT-1001|DOE|JANE|1EG4TE5MK73/);
      }
    }
  });
});

describe('transaction balance signs', () => {
  const payment = (creditDebit: string, cents: number): Payment835 => ({
    segmentNumber: 4,
    handlingCode: 'I',
    totalPaymentCents: cents,
    creditDebit,
    method: 'ACH',
    format: null,
    paymentDate: null,
  });
  const tx = { index: 1, controlNumber: 'T1' };

  it('a positive PLB (recovery) reduces the payment, a negative one (interest) adds to it', () => {
    expect(checkTransactionBalance(tx, payment('C', 9_000), 10_000, 1_000, 4)).toBeNull();
    expect(checkTransactionBalance(tx, payment('C', 10_500), 10_000, -500, 4)).toBeNull();
  });

  it('a debit (BPR03 = D) is money taken back: BPR02 counts negative', () => {
    expect(signedPaymentCents(payment('D', 2_000))).toBe(-2_000);
    expect(checkTransactionBalance(tx, payment('D', 2_000), 0, 2_000, 4)).toBeNull();
    expect(checkTransactionBalance(tx, payment('C', 2_000), 0, 2_000, 4)).toMatchObject({ expectedCents: -2_000, actualCents: 2_000 });
  });
});
