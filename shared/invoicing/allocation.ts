/**
 * Payment application arithmetic. A sponsor payment (one check or ACH) is applied to invoices, or to
 * particular lines of an invoice; what is not applied stays as unapplied cash on the payment
 * (Clinical Conductor's overage account, CC-PAY; RealTime's unapplied sponsor payments, RT-BLOG).
 * An application never exceeds what is open on its target, so an over-payment shows as unapplied
 * cash and an under-payment as a balance left open (SiteVault: applied vs received, SV-PAY).
 *
 * For close-out, a payment applied to an invoice as a whole is spread over that invoice's lines in
 * the invoice's line order (by subject, then service date) after the payments applied to particular
 * lines: a deterministic rule, so every line's paid and outstanding amounts add up to the invoice's
 * (CRIO-GAAP: item-level reconciliation).
 */

/** A line's amount due (net of holdback and of any credit memo) and what was applied to it directly. */
export interface LineBalanceInput {
  readonly lineId: number;
  /** Net due on the line after credits (0 for a fully credited line). */
  readonly dueCents: number;
  /** Sum of payment applications made to this line. */
  readonly appliedToLineCents: number;
}

/** A line's paid and outstanding cents after allocation. */
export interface LineBalance {
  readonly lineId: number;
  readonly dueCents: number;
  readonly paidCents: number;
  readonly openCents: number;
}

/**
 * Spreads `appliedToInvoiceCents` (payments applied to the invoice as a whole) over the lines in
 * the order given, each line taking at most what remains open on it after its own applications.
 * Anything left over (only possible if the invoice was credited after being paid) stays on the last
 * line with a positive due, so paid amounts always sum to what was applied.
 */
export function allocateInvoicePayments(lines: readonly LineBalanceInput[], appliedToInvoiceCents: number): LineBalance[] {
  let pool = appliedToInvoiceCents;
  const out = lines.map((line) => {
    const openAfterOwn = Math.max(0, line.dueCents - line.appliedToLineCents);
    const take = Math.min(openAfterOwn, Math.max(0, pool));
    pool -= take;
    const paidCents = line.appliedToLineCents + take;
    return { lineId: line.lineId, dueCents: line.dueCents, paidCents, openCents: line.dueCents - paidCents };
  });
  if (pool !== 0 && out.length > 0) {
    const index = Math.max(0, out.findLastIndex((l) => l.dueCents > 0));
    const last = out[index] as LineBalance;
    out[index] = { ...last, paidCents: last.paidCents + pool, openCents: last.openCents - pool };
  }
  return out;
}

/** Why an application cannot be made, or null when it can. */
export function applicationProblem(args: { readonly amountCents: number; readonly unappliedCents: number; readonly openOnTargetCents: number }): string | null {
  if (!Number.isSafeInteger(args.amountCents) || args.amountCents <= 0) return 'the amount applied must be more than zero';
  if (args.amountCents > args.unappliedCents) return 'the amount is more than what is left unapplied on the payment';
  if (args.amountCents > args.openOnTargetCents) return 'the amount is more than what is open on the invoice or line; leave the excess unapplied';
  return null;
}

/** A payment's received, applied and unapplied cents. */
export interface PaymentBalance {
  readonly receivedCents: number;
  readonly appliedCents: number;
  readonly unappliedCents: number;
}

/** Received minus applied. */
export function paymentBalance(receivedCents: number, applications: Iterable<number>): PaymentBalance {
  let appliedCents = 0;
  for (const a of applications) appliedCents += a;
  return { receivedCents, appliedCents, unappliedCents: receivedCents - appliedCents };
}
