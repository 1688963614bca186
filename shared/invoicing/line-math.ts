/**
 * The arithmetic of an invoice line, in integer cents and basis points, and of an invoice's totals.
 *
 * How the CTA terms combine (docs/invoicing.md, "Overhead and holdback"):
 *   overhead = amount x overhead rate, unless the item is overhead-exempt    (F&A added to the item:
 *              studies.csv overhead_pct "added to invoiced items"; UNC-FA, WISC-INV, SV-FEES)
 *   holdback = (amount + overhead) x holdback rate, unless holdback-exempt   (the sponsor withholds a
 *              share of what it owes for the item until close-out; CCRA-10, WASHU-PARAM, VELOS-MS)
 *   net due  = amount + overhead - holdback
 * Each product is rounded to the cent, half away from zero (applyBasisPoints), on the line; every
 * total is the sum of rounded lines, so the invoice, the PDF, the spreadsheet and the ledger agree to
 * the cent (a total computed from unrounded products could differ from the sum of its lines).
 */
import { applyBasisPoints } from '../domain/money.ts';

/** What a line is priced from: the CTA amount and the study's terms with the item's exemptions. */
export interface LineTerms {
  /** CTA amount in cents (negative only on a credit memo, which mirrors an issued line). */
  readonly amountCents: number;
  readonly overheadBp: number;
  readonly holdbackBp: number;
  readonly overheadExempt: boolean;
  readonly holdbackExempt: boolean;
}

/** A priced line: the rates actually applied (0 when exempt) and each rounded amount. */
export interface LineAmounts {
  readonly amountCents: number;
  /** Rate applied: the study's overhead rate, or 0 when the item is exempt. */
  readonly overheadBp: number;
  readonly overheadCents: number;
  readonly holdbackBp: number;
  readonly holdbackCents: number;
  /** amount + overhead - holdback: what the sponsor owes now for this line. */
  readonly netCents: number;
}

/** Prices one line from the CTA terms (see the module comment for the order and the rounding). */
export function priceLine(terms: LineTerms): LineAmounts {
  const overheadBp = terms.overheadExempt ? 0 : terms.overheadBp;
  const holdbackBp = terms.holdbackExempt ? 0 : terms.holdbackBp;
  const overheadCents = applyBasisPoints(terms.amountCents, overheadBp);
  const holdbackCents = applyBasisPoints(terms.amountCents + overheadCents, holdbackBp);
  return {
    amountCents: terms.amountCents,
    overheadBp,
    overheadCents,
    holdbackBp,
    holdbackCents,
    netCents: terms.amountCents + overheadCents - holdbackCents,
  };
}

/**
 * The credit-memo mirror of an issued line: every amount negated, the rates kept. A credit memo
 * credits whole lines, so an invoice plus its credit memos sums to exactly zero for credited lines.
 */
export function creditOf(line: LineAmounts): LineAmounts {
  return {
    amountCents: negate(line.amountCents),
    overheadBp: line.overheadBp,
    overheadCents: negate(line.overheadCents),
    holdbackBp: line.holdbackBp,
    holdbackCents: negate(line.holdbackCents),
    netCents: negate(line.netCents),
  };
}

/** -cents without producing -0 (which JSON, spreadsheets and equality checks treat differently from 0). */
export function negate(cents: number): number {
  return 0 - cents;
}

/**
 * A holdback release line: the withheld cents become an amount owed now, with neither overhead
 * (already added on the original lines, inside the holdback base) nor a new holdback.
 */
export function releaseLine(withheldCents: number): LineAmounts {
  return { amountCents: withheldCents, overheadBp: 0, overheadCents: 0, holdbackBp: 0, holdbackCents: 0, netCents: withheldCents };
}

/** Totals of an invoice: sums of its (rounded) lines. */
export interface InvoiceTotals {
  readonly lineCount: number;
  readonly amountCents: number;
  readonly overheadCents: number;
  /** amount + overhead: what the items cost the sponsor before the holdback. */
  readonly grossCents: number;
  readonly holdbackCents: number;
  /** gross - holdback: the amount due on the invoice. */
  readonly netCents: number;
}

/** Sums lines into totals; an empty list gives zeros. */
export function sumLines(lines: Iterable<LineAmounts>): InvoiceTotals {
  let lineCount = 0;
  let amountCents = 0;
  let overheadCents = 0;
  let holdbackCents = 0;
  let netCents = 0;
  for (const line of lines) {
    lineCount++;
    amountCents += line.amountCents;
    overheadCents += line.overheadCents;
    holdbackCents += line.holdbackCents;
    netCents += line.netCents;
  }
  return { lineCount, amountCents, overheadCents, grossCents: amountCents + overheadCents, holdbackCents, netCents };
}

/** True when a line's parts add up (amount + overhead - holdback = net); used by tests and the issue check. */
export function lineReconciles(line: LineAmounts): boolean {
  return line.amountCents + line.overheadCents - line.holdbackCents === line.netCents;
}
