/**
 * Remittances, denials and appeals: import an 835 (a job that triages what it finds), the denial queue
 * sorted by days left, a denial with its charge, findings, calendar row and resubmission worksheet,
 * the status workflow, appeal letters with PDF attachments, packet export (one or a batch), payer
 * deadline settings and the metrics. Patient names never cross this boundary; the account number and
 * the study subject number do, the MRN never.
 */
import { z } from 'zod';
import type { Deadline, DeadlineKind, Urgency } from '../denials/deadlines.ts';
import type { MetricsReport } from '../denials/metrics.ts';
import type { Source } from '../denials/sources.ts';
import { DENIAL_ACTIONS, DENIAL_CATEGORIES, DENIAL_STATUSES, PAYER_KINDS, type AppealBasis, type DenialAction, type DenialCategory, type DenialStatus, type PayerKind, type RebillTarget } from '../denials/vocabulary.ts';
import type { Worksheet } from '../denials/worksheet.ts';
import type { RemitImportOutcome } from '../remit/import-result.ts';
import { channel } from './define.ts';
import { fileIdSchema } from './imports.ts';

export type { Deadline, Urgency };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();
const actor = z.string().trim().min(1).max(80).default('coordinator');

/** Filters of the denial queue. */
export const denialFilterSchema = z.object({
  statuses: z.array(z.enum(DENIAL_STATUSES)).max(8).optional(),
  categories: z.array(z.enum(DENIAL_CATEGORIES)).max(7).optional(),
  actions: z.array(z.enum(DENIAL_ACTIONS)).max(5).optional(),
  payerKinds: z.array(z.enum(PAYER_KINDS)).max(5).optional(),
  studyIds: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  fileId: id.optional(),
  /** Default false: the queue shows the work still to do (unresolved, not closed). */
  includeResolved: z.boolean().default(false),
  /** Only denials due within this many days (overdue included). */
  dueWithinDays: z.number().int().min(0).max(3650).optional(),
});
export type DenialFilter = z.infer<typeof denialFilterSchema>;

/** Orders of the denial queue (`deadline`: fewest days left first). */
export const DENIAL_SORTS = ['deadline', 'amount', 'denial_date', 'payer', 'status'] as const;

/** One row of the queue. `daysLeft` counts from the backend's today. */
export interface DenialRow {
  readonly id: number;
  readonly status: DenialStatus;
  readonly category: DenialCategory;
  readonly action: DenialAction;
  readonly rule: string;
  readonly primaryCarc: string;
  /** e.g. 'CO-50' (the denial adjustments' group-reason codes). */
  readonly codes: readonly string[];
  readonly remarks: readonly string[];
  readonly payerName: string;
  readonly payerKind: PayerKind;
  readonly studyId: string | null;
  readonly subjectId: string | null;
  /** Code and modifiers, e.g. '71260-Q1'. */
  readonly procedure: string;
  readonly serviceDate: string | null;
  readonly billedCents: number;
  readonly deniedCents: number;
  readonly claimNumber: string | null;
  readonly denialDate: string;
  readonly deadline: string | null;
  readonly deadlineKind: DeadlineKind | null;
  readonly daysLeft: number | null;
  readonly urgency: Urgency;
  readonly resolutionDate: string | null;
  /** The payer reversed the claim and reprocessed it on the remittance of this date: the denial no longer stands. */
  readonly supersededDate: string | null;
  readonly recoveredCents: number;
}

export interface DenialPage {
  readonly rows: readonly DenialRow[];
  readonly total: number;
  readonly offset: number;
  /** The date days left are counted from. */
  readonly today: string;
}

export interface DenialCode {
  readonly code: string;
  readonly meaning: string;
  readonly amountCents: number | null;
}

export interface DenialEvent {
  readonly at: string;
  readonly kind: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly note: string | null;
  readonly actor: string;
}

export interface DenialDetail extends DenialRow {
  readonly reason: string;
  readonly ruleTitle: string;
  readonly ruleSources: readonly Source[];
  readonly basis: AppealBasis | null;
  readonly rebillTo: RebillTarget | null;
  readonly appealable: boolean;
  readonly nextStatuses: readonly DenialStatus[];
  readonly denialCodes: readonly DenialCode[];
  readonly remarkCodes: readonly DenialCode[];
  readonly claim: { readonly patientAccount: string; readonly statusCode: string; readonly filingIndicator: string | null; readonly totalChargeCents: number; readonly paidCents: number };
  readonly remit: { readonly fileName: string; readonly traceNumber: string; readonly remitDate: string };
  readonly charge: {
    readonly chargeId: string;
    readonly serviceDate: string;
    readonly cpt: string;
    readonly modifiers: string;
    readonly dxCodes: string;
    readonly amountCents: number;
    readonly billTo: string;
    readonly payerName: string | null;
    readonly payerType: string;
    readonly claimType: string;
    readonly setting: string;
    readonly nctOnClaim: string | null;
    readonly ideOnClaim: string | null;
    readonly linkMethod: string;
  } | null;
  readonly study: { readonly studyId: string; readonly title: string; readonly qualifying: boolean; readonly nctNumber: string | null; readonly ideNumber: string | null; readonly subjectId: string; readonly arm: string | null; readonly consentDate: string; readonly subjectPayerType: string } | null;
  readonly calendar: {
    readonly rows: readonly { readonly visitCode: string; readonly visitName: string; readonly visitDay: number; readonly window: string; readonly procedureName: string; readonly designation: string; readonly justification: string; readonly matched: boolean }[];
    readonly window: { readonly visitName: string; readonly expectedDate: string; readonly windowFrom: string; readonly windowTo: string; readonly offsetDays: number } | null;
  };
  readonly findings: readonly { readonly id: number; readonly rule: string; readonly severity: string; readonly status: string; readonly message: string }[];
  readonly worksheet: Worksheet | null;
  readonly appealDate: string | null;
  readonly decidedDate: string | null;
  readonly events: readonly DenialEvent[];
}

export interface DenialSummaryLine {
  readonly key: string;
  readonly count: number;
  readonly deniedCents: number;
}

export interface DenialSummary {
  readonly open: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly openDeniedCents: number;
  readonly byCategory: readonly DenialSummaryLine[];
  readonly byAction: readonly DenialSummaryLine[];
  readonly byStatus: readonly DenialSummaryLine[];
  readonly today: string;
}

/** An imported 835 file with what its triage found. */
export interface RemitFileSummary {
  readonly fileId: number;
  readonly fileName: string;
  readonly importedAt: string;
  readonly payers: string;
  readonly transactions: number;
  readonly claims: number;
  readonly lines: number;
  readonly linkedLines: number;
  readonly totalPaidCents: number;
  readonly imbalances: number;
  readonly denials: number;
  readonly deniedCents: number;
}

/** What the remit-import job returns. */
export interface RemitImportJobResult {
  readonly outcome: RemitImportOutcome;
  readonly triage: { readonly denials: number; readonly deniedCents: number; readonly byCategory: Readonly<Record<DenialCategory, number>>; readonly byAction: Readonly<Record<DenialAction, number>>; readonly paidOnRemit: number } | null;
}

export interface AppealAttachment {
  readonly id: number;
  readonly title: string;
  readonly pageCount: number;
  readonly byteSize: number;
}

/** The appeal being prepared for a denial. */
export interface AppealDraft {
  /** Null until the letter is first saved (the text is then the template). */
  readonly appealId: number | null;
  readonly level: number;
  readonly letterText: string;
  readonly saved: boolean;
  readonly sentDate: string | null;
  readonly attachments: readonly AppealAttachment[];
  readonly appealable: boolean;
  /** e.g. 'Redetermination by the MAC'. */
  readonly appealLevel: string;
}

/** The packet as built: its sections and the pages they start on (what the PDF's contents page says). */
export interface PacketPreview {
  readonly fileName: string;
  readonly pageCount: number;
  readonly byteSize: number;
  readonly sections: readonly { readonly title: string; readonly firstPage: number; readonly pages: number; readonly kind: 'generated' | 'attached' }[];
  /** The cover's facts and the letter, as the PDF prints them. */
  readonly cover: readonly { readonly key: string; readonly value: string }[];
  readonly letterParagraphs: readonly string[];
  /** The PDF itself (base64), for the editor's embedded preview; only from appeals:preview. */
  readonly base64?: string;
}

/** What the appeal-batch job returns. */
export interface AppealBatchResult {
  readonly fileName: string | null;
  readonly packets: number;
  readonly pages: number;
  readonly failed: readonly { readonly denialId: number; readonly message: string }[];
}

/** A payer kind or a payer with its deadline rule (default or overridden). */
export interface PayerSettingRow {
  readonly payerKey: string;
  readonly label: string;
  readonly payerKind: PayerKind;
  readonly appealDays: number | null;
  readonly appealLevel: string;
  readonly timelyFilingMonths: number | null;
  readonly overridden: boolean;
  readonly verified: boolean;
  readonly sources: readonly Source[];
}

/** The channels of remittances, denials and appeals. */
export const denialsContract = {
  /** Starts a job importing one 835 file and triaging its denials. */
  'remit:import': channel<{ jobId: string }>()(z.object({ fileId: fileIdSchema })),
  /** Imported remittance files, newest first. */
  'remit:files': channel<RemitFileSummary[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) })),
  /** One page of the denial queue (default: unresolved work by days left). */
  'denials:list': channel<DenialPage>()(
    z.object({
      filter: denialFilterSchema.default({ includeResolved: false }),
      sort: z.object({ by: z.enum(DENIAL_SORTS).default('deadline'), direction: z.enum(['asc', 'desc']).default('asc') }).default({ by: 'deadline', direction: 'asc' }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  'denials:get': channel<DenialDetail | null>()(z.object({ id })),
  'denials:summary': channel<DenialSummary>()(z.object({})),
  /** Moves denials through the workflow, with the date it happened and what was recovered. */
  'denials:set-status': channel<{ updated: number }>()(
    z.object({
      ids: z.array(id).min(1).max(10_000),
      status: z.enum(DENIAL_STATUSES),
      date: isoDate.optional(),
      recoveredCents: z.number().int().min(0).max(100_000_000_000).optional(),
      partial: z.boolean().optional(),
      note: z.string().trim().max(1_000).optional(),
      actor,
    }),
  ),
  /** Links lines to charges imported since, and triages open denials again with what the engine now knows. */
  'denials:retriage': channel<{ relinked: number; retriaged: number }>()(z.object({})),
  'denials:metrics': channel<MetricsReport>()(z.object({ from: isoDate.optional(), to: isoDate.optional() })),
  'denials:payer-settings': channel<PayerSettingRow[]>()(z.object({})),
  'denials:save-payer-setting': channel<PayerSettingRow[]>()(
    z.object({
      payerKey: z.string().trim().min(3).max(200),
      label: z.string().trim().min(1).max(200),
      appealDays: z.number().int().min(1).max(3650).nullable(),
      timelyFilingMonths: z.number().int().min(1).max(120).nullable(),
    }),
  ),
  'appeals:get': channel<AppealDraft>()(z.object({ denialId: id })),
  'appeals:save-letter': channel<AppealDraft>()(z.object({ denialId: id, letterText: z.string().min(1).max(60_000) })),
  'appeals:reset-letter': channel<AppealDraft>()(z.object({ denialId: id })),
  'appeals:add-attachment': channel<AppealDraft>()(z.object({ denialId: id, fileId: fileIdSchema, title: z.string().trim().min(1).max(200).optional() })),
  'appeals:remove-attachment': channel<AppealDraft>()(z.object({ denialId: id, attachmentId: id })),
  /** Builds the packet and returns it (base64) with its sections and pages, for the editor's preview. */
  'appeals:preview': channel<PacketPreview>()(z.object({ denialId: id })),
  /** Builds the packet into the outbox; the renderer hands it to the user with saveOutput. */
  'appeals:export': channel<PacketPreview>()(z.object({ denialId: id })),
  /** Starts a job building many packets into one ZIP in the outbox. */
  'appeals:export-batch': channel<{ jobId: string }>()(z.object({ denialIds: z.array(id).min(1).max(2_000) })),
};
