/**
 * What the invoicing channels return: proposals, invoices and their lines. Money is integer cents,
 * rates basis points, dates ISO `YYYY-MM-DD`. Subjects appear only by their study subject number
 * (subjects.csv subject_id), never by MRN or name: these shapes feed sponsor documents.
 */
import type { InvoiceTotals, LineAmounts } from './line-math.ts';

/** INVOICE: items of a period; HOLDBACK_RELEASE: the close-out invoice of withheld amounts; CREDIT_MEMO: reverses lines of an issued invoice. */
export type InvoiceKind = 'INVOICE' | 'HOLDBACK_RELEASE' | 'CREDIT_MEMO';

/**
 * Where a line comes from: a sponsor item of a completed CTMS visit, an invoiceable item (one-time,
 * per-occurrence, screen failure), a coordinator's free-text line, a holdback release, or a credit.
 */
export type LineSource = 'VISIT_ITEM' | 'INVOICEABLE' | 'OTHER' | 'HOLDBACK_RELEASE' | 'CREDIT';

/** Stored status: a draft can change; an issued document never does (database triggers). */
export type InvoiceStatus = 'DRAFT' | 'ISSUED';

/** What the coordinator sees: stored status plus what payments and credits made of it. */
export type InvoiceState = 'draft' | 'open' | 'partially-paid' | 'paid' | 'credited' | 'credit-memo';

/** The CTA terms and identifiers of a study that invoices use. */
export interface StudyTerms {
  readonly studyId: string;
  readonly protocolNumber: string;
  readonly title: string;
  readonly sponsor: string;
  readonly nctNumber: string | null;
  readonly ideNumber: string | null;
  readonly overheadBp: number;
  readonly holdbackBp: number;
  readonly paymentTermsDays: number;
}

/** A line the builder proposes (or a line of a draft before it is stored). */
export interface ProposedLine extends LineAmounts {
  /** Stable identity of what is billed, e.g. `v:12:34:80061` (subject, calendar item) or `i:7:12` (invoiceable, subject). */
  readonly key: string;
  readonly source: LineSource;
  /** Study subject number; null for a study-level item such as a start-up fee. */
  readonly subjectId: string | null;
  /** Calendar visit code, or the invoiceable item code. */
  readonly visitCode: string;
  readonly visitName: string | null;
  readonly cptHcpcs: string | null;
  readonly description: string;
  readonly serviceDate: string;
  readonly overheadExempt: boolean;
  readonly holdbackExempt: boolean;
  /** A remark printed with the line, e.g. the sponsor approval reference. */
  readonly note: string | null;
}

/** Why items were not proposed, so the coordinator can see nothing was lost. */
export interface ProposalSkips {
  /** Items dated in the period (and one-time fees) already on an earlier invoice (imported or issued here). */
  readonly alreadyInvoiced: number;
  /** Items on another draft of the study. */
  readonly onOtherDrafts: number;
  /** Items up to the period's end needing sponsor pre-approval without an approval on file (PRE-27). */
  readonly awaitingApproval: number;
  /** Uninvoiced items dated before the period: widen the period to bill them. */
  readonly beforePeriod: { readonly count: number; readonly amountCents: number; readonly earliestDate: string | null };
  /** One-time close-out fees held for the final invoice. */
  readonly heldForCloseOut: number;
}

/** The builder's proposal for a study and period. */
export interface InvoiceProposal {
  readonly study: StudyTerms;
  readonly from: string;
  readonly to: string;
  readonly lines: readonly ProposedLine[];
  readonly totals: InvoiceTotals;
  readonly skipped: ProposalSkips;
}

/** A stored line of a draft or issued document. */
export interface InvoiceLine extends ProposedLine {
  readonly id: number;
  readonly seq: number;
  /** Removed by hand from a draft (kept, with the reason, for the audit trail; not billed). */
  readonly removed: boolean;
  readonly removedReason: string | null;
  /** Why a coordinator added the line by hand; null for proposed lines. */
  readonly addedReason: string | null;
  /** On a credit memo: the line it reverses. */
  readonly creditsLineId: number | null;
  /** On an invoice: the credit memo that reversed this line, if any. */
  readonly creditedBy: string | null;
  /** Payments allocated to the line (see allocation.ts); 0 on drafts and credit memos. */
  readonly paidCents: number;
  /** Net due after credits minus paid. */
  readonly openCents: number;
}

/** A reference to another document (the invoice a memo credits, the memos of an invoice). */
export interface DocumentRef {
  readonly id: number;
  readonly number: string;
  readonly netCents: number;
}

/** An invoice, holdback release invoice or credit memo with its lines and balances. */
export interface InvoiceDetail {
  readonly id: number;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly state: InvoiceState;
  /** Null until issued: drafts have no number. */
  readonly number: string | null;
  readonly study: StudyTerms;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly issueDate: string | null;
  readonly dueDate: string | null;
  readonly paymentTermsDays: number;
  /** The terms applied, as they were when the draft was made. */
  readonly overheadBp: number;
  readonly holdbackBp: number;
  readonly poNumber: string | null;
  readonly notes: string | null;
  /** On a credit memo: why, and what it credits. */
  readonly reason: string | null;
  readonly credits: DocumentRef | null;
  readonly creditMemos: readonly DocumentRef[];
  readonly lines: readonly InvoiceLine[];
  /** Sums of the lines not removed. */
  readonly totals: InvoiceTotals;
  readonly paidCents: number;
  /** Credit memos against this invoice (a negative number, or 0). */
  readonly creditedCents: number;
  /** net + credited - paid. */
  readonly balanceCents: number;
  readonly createdAt: string;
  readonly issuedAt: string | null;
}

/** One row of the invoice list. */
export interface InvoiceListRow {
  readonly id: number;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly state: InvoiceState;
  readonly number: string | null;
  readonly studyId: string;
  readonly sponsor: string;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly issueDate: string | null;
  readonly dueDate: string | null;
  readonly lineCount: number;
  readonly netCents: number;
  readonly paidCents: number;
  readonly creditedCents: number;
  readonly balanceCents: number;
  /** Days past the due date as of the list's date (negative before it); null for drafts and memos. */
  readonly daysPastDue: number | null;
}

/** A generated document in the outbox, for the shell to save or the renderer to preview. */
export interface OutputFile {
  readonly fileName: string;
  readonly mediaType: 'application/pdf' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  readonly byteSize: number;
}

/** What a coordinator can add by hand to a draft of a study: its invoiceable items, subjects and priced calendar items. */
export interface DraftOptions {
  readonly invoiceables: readonly { readonly itemCode: string; readonly description: string; readonly amountCents: number; readonly kind: 'ONE_TIME' | 'PER_OCCURRENCE' | 'SCREEN_FAILURE' }[];
  readonly subjects: readonly { readonly subjectId: string; readonly status: string }[];
  /** Sponsor-priced calendar items, across arms (a visit code and procedure code pair). */
  readonly calendarItems: readonly { readonly visitCode: string; readonly cptHcpcs: string; readonly description: string; readonly priceCents: number }[];
}
