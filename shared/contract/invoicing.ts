/**
 * Sponsor invoicing and close-out (issue 5): the builder, invoice documents, credit memos, payments,
 * receivables aging, the close-out reconciliation and the site's invoicing settings. Decisions are
 * documented in docs/invoicing.md. Money crosses as integer cents; the renderer parses dollars.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { MAX_CENTS } from '../domain/money.ts';
import type { AgingReport, CloseoutReport, PaymentRow, SiteSettings } from '../invoicing/report-types.ts';
import { PAYMENT_METHODS } from '../invoicing/report-types.ts';
import type { DraftOptions, InvoiceDetail, InvoiceListRow, InvoiceProposal, OutputFile } from '../invoicing/types.ts';
import { channel } from './define.ts';

const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
const studyId = z.string().trim().min(1).max(40);
const id = z.number().int().positive();
const cents = z.number().int().min(1).max(MAX_CENTS);
/** A reason is mandatory for every hand change of a draft: it is the audit trail. */
const reason = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(500);
const line = z.string().trim().max(120);
const optionalText = (max: number) => z.string().trim().max(max).optional();

const period = z
  .object({ studyId, from: isoDate, to: isoDate, includeCloseOutItems: z.boolean().default(false) })
  .refine((p) => p.from <= p.to, { message: 'the period must end on or after its start', path: ['to'] });

/** A line added by hand to a draft: an invoiceable occurrence, a calendar item of a visit, or free text. */
export const manualLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invoiceable'), itemCode: z.string().trim().min(1).max(40), subjectId: optionalText(40), serviceDate: isoDate, reason }),
  z.object({ kind: z.literal('visit-item'), subjectId: z.string().trim().min(1).max(40), visitCode: z.string().trim().min(1).max(40), cptHcpcs: z.string().trim().min(1).max(5), serviceDate: isoDate.optional(), reason }),
  z.object({
    kind: z.literal('other'),
    description: z.string().trim().min(3).max(200),
    amountCents: cents,
    serviceDate: isoDate,
    subjectId: optionalText(40),
    overheadApplies: z.boolean().default(true),
    holdbackApplies: z.boolean().default(true),
    reason,
  }),
]);
export type ManualLineInput = z.infer<typeof manualLineSchema>;

export const draftChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('remove'), lineId: id, reason }),
  z.object({ op: z.literal('restore'), lineId: id }),
  z.object({ op: z.literal('add'), line: manualLineSchema }),
]);
export type DraftChange = z.infer<typeof draftChangeSchema>;

const lines = (max: number) => z.array(line).max(max).default([]);
export const siteSettingsSchema = z.object({
  siteName: z.string().trim().max(200).default(''),
  siteNumber: z.string().trim().max(40).default(''),
  addressLines: lines(6),
  taxId: z.string().trim().max(40).default(''),
  contactName: z.string().trim().max(120).default(''),
  contactEmail: z.string().trim().max(120).default(''),
  contactPhone: z.string().trim().max(40).default(''),
  remitTo: lines(6),
  paymentInstructions: z.string().trim().max(2_000).default(''),
  studies: z
    .array(z.object({ studyId, investigator: z.string().trim().max(120).default(''), billToAttention: z.string().trim().max(120).default(''), billToAddress: lines(6), sponsorReference: z.string().trim().max(80).default('') }))
    .max(1_000)
    .default([]),
});

const application = z.object({ invoiceId: id, lineId: id.optional(), amountCents: cents });
export type PaymentApplicationInput = z.infer<typeof application>;

const outputName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.(pdf|xlsx)$/, 'must be a generated document name');

export const invoicingContract = {
  /** Proposes the lines of an invoice for a study and a period of visit dates (nothing is stored). */
  'invoices:propose': channel<InvoiceProposal>()(period),
  /** Stores a draft with the proposed lines (recomputed here, never taken from the renderer). */
  'invoices:create-draft': channel<InvoiceDetail>()(period.and(z.object({ poNumber: optionalText(60), notes: optionalText(1_000) }))),
  /** Removes, restores or adds lines of a draft (each with a reason) and edits its PO number and notes. */
  'invoices:update-draft': channel<InvoiceDetail>()(
    z.object({ invoiceId: id, changes: z.array(draftChangeSchema).max(500).default([]), poNumber: z.string().trim().max(60).nullable().optional(), notes: z.string().trim().max(1_000).nullable().optional() }),
  ),
  /** The invoiceable items, subjects and priced calendar items a coordinator may add to a study's drafts. */
  'invoices:draft-options': channel<DraftOptions>()(z.object({ studyId })),
  /** Deletes a draft (its lines go back to being proposed; no number was used). */
  'invoices:delete-draft': channel<boolean>()(z.object({ invoiceId: id })),
  /** Issues a draft: gives it the next number, dates it, and makes it immutable. */
  'invoices:issue': channel<InvoiceDetail>()(z.object({ invoiceId: id, issueDate: isoDate.optional() })),
  'invoices:get': channel<InvoiceDetail | null>()(z.object({ invoiceId: id })),
  /** Invoices, release invoices and credit memos, newest first, with balances as of a day. */
  'invoices:list': channel<InvoiceListRow[]>()(z.object({ studyId: studyId.optional(), asOf: isoDate.optional() })),
  /** Issues a credit memo reversing whole lines of an issued invoice (all of its uncredited lines by default). */
  'invoices:credit-memo': channel<InvoiceDetail>()(z.object({ invoiceId: id, lineIds: z.array(id).max(10_000).optional(), reason, issueDate: isoDate.optional() })),
  /** Writes the PDF or .xlsx of an invoice or memo to the outbox. */
  'invoices:render': channel<OutputFile>()(z.object({ invoiceId: id, format: z.enum(['pdf', 'xlsx']) })),
  /** Renders many issued invoices as PDFs in a background job (progress, cancel). */
  'invoices:render-batch': channel<{ jobId: string }>()(z.object({ studyId: studyId.optional(), invoiceIds: z.array(id).max(100_000).optional() })),
  /** The bytes (base64) of a generated document, for the in-app preview. */
  'invoices:read-output': channel<{ fileName: string; mediaType: OutputFile['mediaType']; base64: string }>()(z.object({ fileName: outputName })),
  /** Records a sponsor payment, optionally applying it at once. */
  'payments:record': channel<PaymentRow>()(
    z.object({
      sponsor: z.string().trim().min(1).max(200),
      studyId: studyId.optional(),
      receivedDate: isoDate,
      amountCents: cents,
      reference: z.string().trim().min(1).max(80),
      method: z.enum(PAYMENT_METHODS).default('ACH'),
      note: optionalText(500),
      applications: z.array(application).max(1_000).default([]),
    }),
  ),
  /** Applies (part of) a payment's unapplied cash to invoices or lines. */
  'payments:apply': channel<PaymentRow>()(z.object({ paymentId: id, applications: z.array(application).min(1).max(1_000) })),
  /** Takes back one application (a mistake); the cash becomes unapplied again. */
  'payments:unapply': channel<PaymentRow>()(z.object({ applicationId: id })),
  'payments:list': channel<PaymentRow[]>()(z.object({ sponsor: z.string().trim().max(200).optional() })),
  /** Open balances by days past due, per sponsor. */
  'receivables:aging': channel<AgingReport>()(z.object({ asOf: isoDate.optional(), sponsor: z.string().trim().max(200).optional() })),
  /** The close-out reconciliation of a study (with one subject's ledger when `subjectId` is given; '' for study-level items). */
  'closeout:get': channel<CloseoutReport>()(z.object({ studyId, asOf: isoDate.optional(), subjectId: z.string().trim().max(40).optional() })),
  /** Writes the close-out report (PDF) or ledger (.xlsx) to the outbox. */
  'closeout:render': channel<OutputFile>()(z.object({ studyId, format: z.enum(['pdf', 'xlsx']), asOf: isoDate.optional() })),
  /** Drafts the holdback release invoice of a study. */
  'closeout:create-release': channel<InvoiceDetail>()(z.object({ studyId })),
  'settings:get-site': channel<SiteSettings>()(z.object({})),
  'settings:save-site': channel<SiteSettings>()(siteSettingsSchema),
};
