/**
 * Findings beyond the queue itself: the dashboard's dollars at risk, ageing and monthly trend, the
 * export of a queue view to a spreadsheet, and the names findings are assigned to.
 */
import { z } from 'zod';
import type { Category, Severity } from '../rules/catalogue.ts';
import { channel } from './define.ts';
import { findingFilterSchema, findingSortSchema } from './findings.ts';

const studyIds = z.array(z.string().trim().min(1).max(200)).max(200).optional();

/** "At risk" means still to act on: open or confirmed (fixed and dismissed are decided). */
export const AT_RISK_STATUSES = ['open', 'confirmed'] as const;

/** Age buckets of open findings, in days since the finding was opened. */
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '91-180', '181+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface AtRiskByRule {
  readonly rule: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly count: number;
  readonly amountCents: number;
}

export interface AtRiskByStudy {
  /** '' for findings about no study. */
  readonly studyId: string;
  readonly category: Category;
  readonly count: number;
  readonly amountCents: number;
}

export interface AgeingLine {
  readonly bucket: AgeBucket;
  readonly severity: Severity;
  readonly count: number;
  readonly amountCents: number;
}

export interface AtRiskSummary {
  readonly byRule: readonly AtRiskByRule[];
  readonly byStudy: readonly AtRiskByStudy[];
  readonly ageing: readonly AgeingLine[];
  readonly totals: readonly { readonly category: Category; readonly count: number; readonly amountCents: number }[];
  /** The day ages are counted to (the backend's today). */
  readonly asOf: string;
}

export interface TrendPoint {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly category: Category;
  readonly count: number;
  readonly amountCents: number;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export job produced: a file in the backend's outbox, handed to the user with saveOutput. */
export interface FindingsExportOutcome {
  readonly fileName: string;
  readonly format: ExportFormat;
  readonly rows: number;
}

export const findingsInsightsContract = {
  /** Dollars at risk by rule and by study and category, and open findings by age and severity. */
  'findings:at-risk': channel<AtRiskSummary>()(z.object({ studyIds })),
  /**
   * Findings per month and category: by the month they were opened (`opened`) or by the month of
   * the service they are about (`service`).
   */
  'findings:trend': channel<TrendPoint[]>()(z.object({ studyIds, basis: z.enum(['opened', 'service']).default('opened') })),
  /** Starts an `export-findings` job writing the rows of a queue view (same filter and order) to .csv or .xlsx. */
  'findings:export': channel<{ jobId: string }>()(
    z.object({ filter: findingFilterSchema.default({}), sort: findingSortSchema.default({ by: 'severity', direction: 'asc' }), format: z.enum(EXPORT_FORMATS) }),
  ),
  /** Every name findings are assigned to, alphabetically. */
  'findings:assignees': channel<string[]>()(z.object({})),
};
