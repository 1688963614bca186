/**
 * Findings: run the engine, list (filtering, sorting and paging done in SQL so the queue stays fast
 * at a million findings), open one with its evidence and history, change status in bulk, summarise.
 */
import { z } from 'zod';
import { channel } from './define.ts';

export const FINDING_STATUSES = ['open', 'confirmed', 'fixed', 'dismissed', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Statuses a coordinator may set (closed is set by the engine when the cause goes away). */
export const SETTABLE_STATUSES = ['open', 'confirmed', 'fixed', 'dismissed'] as const;

export const FINDING_SORTS = ['severity', 'amount', 'service_date', 'rule', 'study', 'subject', 'status', 'created'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const shortText = z.string().trim().min(1).max(200);

export const findingFilterSchema = z.object({
  studyIds: z.array(shortText).max(200).optional(),
  rules: z.array(z.string().regex(/^[A-Z]+-\d{2}$/)).max(50).optional(),
  severities: z.array(z.enum(['critical', 'warning', 'review'])).optional(),
  categories: z.array(z.enum(['exposure', 'denial-risk', 'leakage', 'review'])).optional(),
  /** Default: every status except closed. */
  statuses: z.array(z.enum(FINDING_STATUSES)).optional(),
  payerTypes: z.array(z.enum(['MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY'])).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  /** An assignee name, or '' for unassigned. */
  assignee: z.string().max(80).optional(),
  amountMinCents: z.number().int().min(0).optional(),
  amountMaxCents: z.number().int().min(0).optional(),
  subjectId: shortText.optional(),
  /** Only findings about no subject (set-up and study-level findings); wins over subjectId. */
  withoutSubject: z.boolean().optional(),
  /** Only findings about no study (e.g. a charge of a patient enrolled nowhere). */
  withoutStudy: z.boolean().optional(),
  chargeId: shortText.optional(),
});
export type FindingFilter = z.infer<typeof findingFilterSchema>;

export const findingSortSchema = z.object({
  by: z.enum(FINDING_SORTS).default('severity'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type FindingSort = z.infer<typeof findingSortSchema>;

export interface FindingRow {
  readonly id: number;
  readonly rule: string;
  readonly severity: 'critical' | 'warning' | 'review';
  readonly category: 'exposure' | 'denial-risk' | 'leakage' | 'review';
  readonly status: FindingStatus;
  readonly studyId: string | null;
  readonly subjectId: string | null;
  readonly chargeId: string | null;
  readonly visitCode: string | null;
  readonly cptHcpcs: string | null;
  readonly serviceDate: string | null;
  readonly payerType: string | null;
  readonly amountCents: number;
  readonly assignee: string | null;
  readonly message: string;
}

export interface FindingPage {
  readonly rows: readonly FindingRow[];
  /**
   * Rows matching the filter (for the virtual scrollbar); null when the page was asked without its
   * total (`withTotal: false`) and counting would have cost more than the page (ask `findings:count`).
   */
  readonly total: number | null;
  readonly offset: number;
}

export interface FindingEvent {
  readonly at: string;
  readonly kind: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly reason: string | null;
  readonly actor: string;
}

export interface FindingDetail extends FindingRow {
  readonly title: string;
  readonly citation: string;
  readonly why: string;
  readonly action: string;
  readonly sources: readonly { readonly key: string; readonly cite: string; readonly url: string }[];
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly notes: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly events: readonly FindingEvent[];
}

export interface FindingGroup {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly amountCents: number;
  /** Added to the queue's filter, selects exactly this group's findings (to expand it). */
  readonly filter: FindingFilter;
}

export interface FindingSummaryLine {
  readonly key: string;
  readonly count: number;
  readonly amountCents: number;
}

export interface FindingSummary {
  readonly byRule: readonly (FindingSummaryLine & { readonly title: string; readonly category: string; readonly severity: string })[];
  readonly byStudy: readonly FindingSummaryLine[];
  readonly bySeverity: readonly FindingSummaryLine[];
  readonly byCategory: readonly FindingSummaryLine[];
  readonly totalOpen: number;
  readonly lastRun: { readonly id: number; readonly mode: string; readonly finishedAt: string } | null;
}

export const findingsContract = {
  /** Starts a reconciliation job (incremental when possible). */
  'findings:run': channel<{ jobId: string }>()(z.object({ mode: z.enum(['auto', 'full']).default('auto') })),
  /** One page of the work queue. */
  'findings:list': channel<FindingPage>()(
    z.object({
      filter: findingFilterSchema.default({}),
      sort: findingSortSchema.default({ by: 'severity', direction: 'asc' }),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** False: answer with the rows at once and leave an expensive total to `findings:count`. */
      withTotal: z.boolean().default(true),
    }),
  ),
  /** How many findings a filter selects (cached until the data changes). */
  'findings:count': channel<{ total: number }>()(z.object({ filter: findingFilterSchema.default({}) })),
  /** Counts and dollars per rule or subject under a filter (grouped queue). */
  'findings:groups': channel<FindingGroup[]>()(z.object({ filter: findingFilterSchema.default({}), by: z.enum(['rule', 'subject', 'study']) })),
  'findings:get': channel<FindingDetail | null>()(z.object({ id: z.number().int().positive() })),
  /** Sets the status of findings; dismissing requires a reason. */
  'findings:set-status': channel<{ updated: number }>()(
    z
      .object({ ids: z.array(z.number().int().positive()).min(1).max(10_000), status: z.enum(SETTABLE_STATUSES), reason: z.string().trim().max(500).optional(), actor: z.string().trim().min(1).max(80).default('coordinator') })
      .refine((v) => v.status !== 'dismissed' || (v.reason !== undefined && v.reason.length > 0), { message: 'a reason is required to dismiss a finding', path: ['reason'] }),
  ),
  'findings:assign': channel<{ updated: number }>()(
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000), assignee: z.string().trim().max(80).nullable(), actor: z.string().trim().min(1).max(80).default('coordinator') }),
  ),
  'findings:add-note': channel<boolean>()(z.object({ id: z.number().int().positive(), note: z.string().trim().min(1).max(2_000), actor: z.string().trim().min(1).max(80).default('coordinator') })),
  /** Open findings by rule, study, severity and category with dollars. */
  'findings:summary': channel<FindingSummary>()(z.object({ studyIds: z.array(shortText).max(200).optional() })),
};
