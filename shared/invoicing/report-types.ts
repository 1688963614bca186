/** What the payment, receivables and close-out channels return. Money in cents, dates ISO. */
import type { AgingAmounts, AgingBucket } from './aging.ts';
import type { InvoiceKind, InvoiceState, StudyTerms } from './types.ts';

export const PAYMENT_METHODS = ['CHECK', 'ACH', 'WIRE', 'CARD', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One application of a payment to an invoice (or to one of its lines). */
export interface PaymentApplication {
  readonly id: number;
  readonly invoiceId: number;
  readonly invoiceNumber: string;
  readonly studyId: string;
  /** Null when applied to the invoice as a whole. */
  readonly lineId: number | null;
  /** `101-004 C1D1 80061` style label of the line, when applied to one. */
  readonly lineLabel: string | null;
  readonly amountCents: number;
  readonly appliedAt: string;
}

/** A sponsor payment with what was applied and what is left. */
export interface PaymentRow {
  readonly id: number;
  readonly sponsor: string;
  readonly studyId: string | null;
  readonly receivedDate: string;
  readonly amountCents: number;
  readonly reference: string;
  readonly method: PaymentMethod;
  readonly note: string | null;
  readonly appliedCents: number;
  /** Received minus applied: cash not yet matched to an invoice (over-payment or not yet matched). */
  readonly unappliedCents: number;
  readonly applications: readonly PaymentApplication[];
}

/** An issued invoice with an open balance, as aged. */
export interface AgingInvoiceRow {
  readonly id: number;
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly studyId: string;
  readonly sponsor: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly netCents: number;
  readonly paidCents: number;
  readonly creditedCents: number;
  readonly balanceCents: number;
  readonly daysPastDue: number;
  readonly bucket: AgingBucket;
}

/** One sponsor's receivables. */
export interface SponsorAging {
  readonly sponsor: string;
  readonly amounts: AgingAmounts;
  /** Payments received and not applied: cash to match before chasing the sponsor. */
  readonly unappliedCents: number;
  /** Credit balances (credited after payment) owed back to the sponsor or to apply. */
  readonly creditCents: number;
  readonly openInvoices: number;
}

/** Receivables aging as of a day. */
export interface AgingReport {
  readonly asOf: string;
  readonly sponsors: readonly SponsorAging[];
  readonly totals: AgingAmounts;
  readonly invoices: readonly AgingInvoiceRow[];
}

/** A sponsor-billable item not invoiced anywhere (INVC-20 / SF-30, or a one-time fee). */
export interface UnbilledItem {
  readonly kind: 'visit-item' | 'screen-failure' | 'one-time';
  readonly rule: 'INVC-20' | 'SF-30' | null;
  readonly subjectId: string | null;
  readonly visitCode: string;
  readonly cptHcpcs: string | null;
  readonly description: string;
  readonly serviceDate: string | null;
  readonly amountCents: number;
}

/** How an item of the close-out ledger stands. */
export type LedgerStatus = 'unbilled' | 'invoiced-before' | 'open' | 'partially-paid' | 'paid' | 'credited' | 'awaiting-approval';

/** One completed-visit item or invoiceable item with its money (the close-out ledger). */
export interface LedgerRow {
  readonly subjectId: string | null;
  readonly visitCode: string;
  readonly visitName: string | null;
  readonly serviceDate: string | null;
  readonly cptHcpcs: string | null;
  readonly description: string;
  /** CTA amount owed for the item (before overhead). */
  readonly ctaCents: number;
  /** Amount on invoices (before overhead), imported or issued here. */
  readonly invoicedCents: number;
  readonly invoiceNumbers: string;
  /** Net due on TrialLedger invoices (after holdback and credits). */
  readonly netDueCents: number;
  readonly paidCents: number;
  readonly outstandingCents: number;
  readonly status: LedgerStatus;
}

/** Per-subject close-out figures. */
export interface CloseoutSubject {
  readonly subjectId: string;
  readonly status: string;
  readonly completedVisits: number;
  readonly items: number;
  readonly ctaCents: number;
  readonly invoicedCents: number;
  readonly paidCents: number;
  readonly outstandingCents: number;
  readonly unbilledCents: number;
}

/** Holdback of the study and its release. */
export interface HoldbackSummary {
  /** Withheld on lines of invoices issued here (credited lines excluded). */
  readonly trialLedgerCents: number;
  /** Of which on lines paid in full. */
  readonly onPaidLinesCents: number;
  /** Withheld on invoices sent before TrialLedger, computed from the CTA terms (their documents are not here). */
  readonly importedEstimateCents: number;
  readonly totalCents: number;
  /** The release invoice, once drafted or issued. */
  readonly release: { readonly id: number; readonly number: string | null; readonly state: InvoiceState; readonly netCents: number } | null;
}

/** Open compliance findings of the study, by rule. */
export interface CloseoutFindings {
  readonly totalOpen: number;
  readonly amountCents: number;
  readonly byRule: readonly { readonly rule: string; readonly title: string; readonly count: number; readonly amountCents: number }[];
}

/** The close-out reconciliation of a study. */
export interface CloseoutReport {
  readonly study: StudyTerms;
  readonly asOf: string;
  readonly totals: {
    readonly subjects: number;
    readonly completedVisits: number;
    readonly items: number;
    readonly ctaCents: number;
    readonly invoicedCents: number;
    readonly invoicedBeforeCents: number;
    readonly netDueCents: number;
    readonly paidCents: number;
    readonly outstandingCents: number;
    readonly unbilledCount: number;
    readonly unbilledCents: number;
    /** Visit items needing a sponsor approval that is not on file: not owed yet (PRE-27), so outside the figures above. */
    readonly awaitingApprovalCount: number;
    readonly awaitingApprovalCents: number;
    readonly unappliedCashCents: number;
  };
  readonly holdback: HoldbackSummary;
  readonly unbilled: readonly UnbilledItem[];
  readonly findings: CloseoutFindings;
  readonly subjects: readonly CloseoutSubject[];
  readonly invoices: readonly { readonly id: number; readonly number: string; readonly kind: InvoiceKind; readonly issueDate: string; readonly dueDate: string; readonly netCents: number; readonly paidCents: number; readonly balanceCents: number; readonly state: InvoiceState }[];
  /** The items of one subject (or of the study level) when asked for; empty otherwise. */
  readonly ledger: readonly LedgerRow[];
}

/** Per-study billing details printed on invoices (not in the study package). */
export interface StudyBilling {
  readonly studyId: string;
  readonly investigator: string;
  readonly billToAttention: string;
  readonly billToAddress: readonly string[];
  readonly sponsorReference: string;
}

/** The site's invoicing details (app settings), printed on every invoice. */
export interface SiteSettings {
  readonly siteName: string;
  readonly siteNumber: string;
  readonly addressLines: readonly string[];
  readonly taxId: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  /** Payee name and address for checks. */
  readonly remitTo: readonly string[];
  /** Bank / ACH instructions, printed under "Payment instructions". */
  readonly paymentInstructions: string;
  readonly studies: readonly StudyBilling[];
}

/** A StudyTerms re-export for report consumers. */
export type { StudyTerms };
