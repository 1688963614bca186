/**
 * The three balancing equations of the 835 [BRIEF 4.1] [X12-RFI2348] [X12-RFI2601] [EDIACAD]:
 *   line         SVC02 - sum(line CAS) = SVC03
 *   claim        CLP03 - sum(claim CAS) - sum(every line's CAS) = CLP04
 *   transaction  sum(CLP04) - sum(PLB amounts) = BPR02 (negated when BPR03 = D, a debit)
 * A positive CAS or PLB amount reduces the payment, a negative one increases it. What is NOT part of
 * balancing, by the RFIs: AMT (allowed B6, AU coverage, interest I...), QTY, CLP05 patient
 * responsibility (it restates PR adjustments), MIA/MOA amounts, TS3/TS2 provider summaries, and
 * SVC02 summed against CLP03 (institutional claims may report only some lines).
 *
 * An imbalance is a finding, not a syntax error: payers do send unbalanced files and the coordinator
 * must see exactly where (messages carry positions and amounts only, never PHI).
 */
import { centsToDecimalString } from '../domain/money.ts';
import { quoteIdentifier } from './errors.ts';
import type { Adjustment835, Claim835, Imbalance835, Payment835, ServiceLine835 } from './model.ts';

export interface TransactionRef {
  readonly index: number;
  readonly controlNumber: string;
}

const sumAdjustments = (adjustments: readonly Adjustment835[]): number => adjustments.reduce((sum, a) => sum + a.amountCents, 0);
const money = centsToDecimalString;

function offBy(expected: number, actual: number): string {
  return `off by ${money(Math.abs(actual - expected))}`;
}

/** SVC02 - sum(line CAS) = SVC03 for one line. */
export function checkLineBalance(tx: TransactionRef, claim: Claim835, line: ServiceLine835): Imbalance835 | null {
  const adjusted = sumAdjustments(line.adjustments);
  const expected = line.chargeCents - adjusted;
  if (expected === line.paidCents) return null;
  return {
    level: 'line',
    transactionIndex: tx.index,
    transactionControlNumber: tx.controlNumber,
    claimSeq: claim.seq,
    lineSeq: line.seq,
    segmentNumber: line.segmentNumber,
    segmentId: 'SVC',
    expectedCents: expected,
    actualCents: line.paidCents,
    message:
      `transaction ${quoteIdentifier(tx.controlNumber)}, claim ${claim.seq}, line ${line.seq} (segment ${line.segmentNumber}, SVC): charge ${money(line.chargeCents)} ` +
      `minus line adjustments ${money(adjusted)} is ${money(expected)}, but the line paid amount SVC03 is ${money(line.paidCents)} (${offBy(expected, line.paidCents)})`,
  };
}

/** CLP03 - sum(claim CAS + line CAS) = CLP04 for one claim (with or without lines). */
export function checkClaimBalance(tx: TransactionRef, claim: Claim835): Imbalance835 | null {
  const claimLevel = sumAdjustments(claim.adjustments);
  const lineLevel = claim.lines.reduce((sum, line) => sum + sumAdjustments(line.adjustments), 0);
  const expected = claim.totalChargeCents - claimLevel - lineLevel;
  if (expected === claim.paidCents) return null;
  return {
    level: 'claim',
    transactionIndex: tx.index,
    transactionControlNumber: tx.controlNumber,
    claimSeq: claim.seq,
    lineSeq: null,
    segmentNumber: claim.segmentNumber,
    segmentId: 'CLP',
    expectedCents: expected,
    actualCents: claim.paidCents,
    message:
      `transaction ${quoteIdentifier(tx.controlNumber)}, claim ${claim.seq} (segment ${claim.segmentNumber}, CLP): charge ${money(claim.totalChargeCents)} minus claim adjustments ` +
      `${money(claimLevel)} and line adjustments ${money(lineLevel)} is ${money(expected)}, but the claim paid amount CLP04 is ${money(claim.paidCents)} (${offBy(expected, claim.paidCents)})`,
  };
}

/** Every line and claim imbalance of one claim, lines first. */
export function checkClaim(tx: TransactionRef, claim: Claim835): Imbalance835[] {
  const found: Imbalance835[] = [];
  for (const line of claim.lines) {
    const problem = checkLineBalance(tx, claim, line);
    if (problem) found.push(problem);
  }
  const claimProblem = checkClaimBalance(tx, claim);
  if (claimProblem) found.push(claimProblem);
  return found;
}

/** BPR02 as a signed amount: a debit (BPR03 = D) takes money back from the payee. */
export function signedPaymentCents(payment: Payment835): number {
  return payment.creditDebit === 'D' ? -payment.totalPaymentCents : payment.totalPaymentCents;
}

/** sum(CLP04) - sum(PLB) = BPR02 for one transaction. */
export function checkTransactionBalance(
  tx: TransactionRef,
  payment: Payment835,
  claimPaidCents: number,
  plbTotalCents: number,
  segmentNumber: number,
): Imbalance835 | null {
  const expected = claimPaidCents - plbTotalCents;
  const actual = signedPaymentCents(payment);
  if (expected === actual) return null;
  return {
    level: 'transaction',
    transactionIndex: tx.index,
    transactionControlNumber: tx.controlNumber,
    claimSeq: null,
    lineSeq: null,
    segmentNumber,
    segmentId: 'BPR',
    expectedCents: expected,
    actualCents: actual,
    message:
      `transaction ${quoteIdentifier(tx.controlNumber)} (BPR at segment ${segmentNumber}): claim payments ${money(claimPaidCents)} minus provider adjustments (PLB) ${money(plbTotalCents)} ` +
      `is ${money(expected)}, but the total payment BPR02 is ${money(actual)} (${offBy(expected, actual)})`,
  };
}
