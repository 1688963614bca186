/** What the coordinator sees of a document's standing, from its stored status, payments and credits. */
import type { InvoiceKind, InvoiceState, InvoiceStatus } from './types.ts';

/** Balance of an issued invoice: net + credited (credits are negative) - paid. */
export function balanceOf(netCents: number, creditedCents: number, paidCents: number): number {
  return netCents + creditedCents - paidCents;
}

/**
 * Draft; credit memo; credited (credit memos took the whole amount back); open (nothing paid);
 * partially paid; paid. A credited invoice that had been paid shows a negative balance: a credit
 * owed to the sponsor.
 */
export function invoiceState(args: { readonly kind: InvoiceKind; readonly status: InvoiceStatus; readonly netCents: number; readonly creditedCents: number; readonly paidCents: number }): InvoiceState {
  if (args.status === 'DRAFT') return 'draft';
  if (args.kind === 'CREDIT_MEMO') return 'credit-memo';
  if (args.creditedCents !== 0 && args.netCents + args.creditedCents <= 0) return 'credited';
  if (args.paidCents === 0) return 'open';
  return balanceOf(args.netCents, args.creditedCents, args.paidCents) > 0 ? 'partially-paid' : 'paid';
}

/** Labels of the states for screens and documents. */
export const STATE_LABELS: Readonly<Record<InvoiceState, string>> = {
  draft: 'Draft',
  open: 'Issued',
  'partially-paid': 'Partially paid',
  paid: 'Paid',
  credited: 'Credited',
  'credit-memo': 'Credit memo',
};
