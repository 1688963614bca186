/**
 * What the generator needs to know about one demo study: its studies.csv row, its billing grid, its
 * CTA invoiceables, and the shape of its population (how many subjects in which status, payer mix,
 * enrolment dates, diagnoses, the ordinary non-study care its patients receive).
 */
import type { Designation, PayerType, SubjectStatus } from '../../../shared/domain/codes.ts';
import { parseDollarsToCents } from '../../../shared/domain/money.ts';
import { codeInfo } from '../catalog.ts';
import type { CalendarRow, InvoiceableRow, StudyRow } from '../model.ts';

export interface StudyDef {
  readonly study: StudyRow;
  readonly calendar: readonly CalendarRow[];
  readonly invoiceables: readonly InvoiceableRow[];
  /** Subject numbers are `${prefix}001`, `${prefix}002`, ... in order of consent. */
  readonly subjectPrefix: string;
  readonly arms: readonly string[];
  readonly statusCounts: Readonly<Record<SubjectStatus, number>>;
  readonly payerCounts: Readonly<Record<PayerType, number>>;
  /** Consent dates of subjects who are or were on study. */
  readonly consentRange: readonly [string, string];
  /** Consent dates of subjects still SCREENING at the data cut. */
  readonly screeningConsentRange: readonly [string, string];
  /** Days from consent to start_date (calendar day 0). */
  readonly startAfterConsent: readonly [number, number];
  /** Days from start_date to off_study_date for OFF_STUDY subjects. */
  readonly offAfterStart: readonly [number, number];
  /** The visit done between consent and start (its charges precede randomisation), if any. */
  readonly screeningVisit: string | null;
  /** Visits that happen during an inpatient stay. */
  readonly inpatientVisits: readonly string[];
  readonly dx: {
    /** One is the subject's primary diagnosis. */
    readonly primary: readonly string[];
    /** Comorbidities added to some lines. */
    readonly secondary: readonly string[];
    /** Primary diagnosis of infusion and drug lines (Z51.11 encounter for chemotherapy). */
    readonly infusionPrimary?: string;
  };
  /** Ordinary care of the study's patients: before consent, while on study (codes on the arm's calendar are dropped), after. */
  readonly background: { readonly before: readonly string[]; readonly during: readonly string[]; readonly after: readonly string[] };
  /** Codes billed to the study account when a research charge is misrouted (ENR-26 injections). */
  readonly researchCodes: readonly string[];
  /** Calendar rows deliberately misaligned between grid and budget/ICF (ALIGN-15), as arm/visit/code. */
  readonly misalignedRows: readonly string[];
}

export interface ItemSpec {
  readonly cpt: string;
  readonly designation: Designation;
  /** Dollars as text ('62.00'), or null for no CTA price. */
  readonly price: string | null;
  readonly preapproval?: boolean;
  readonly free?: boolean;
  readonly why: string;
}

export const item = (cpt: string, designation: Designation, price: string | null, why: string, flags: { preapproval?: boolean; free?: boolean } = {}): ItemSpec => ({
  cpt,
  designation,
  price,
  why,
  ...flags,
});

export interface VisitSpec {
  readonly code: string;
  readonly name: string;
  readonly day: number;
  readonly before: number;
  readonly after: number;
  readonly items: readonly ItemSpec[];
}

export const visit = (code: string, name: string, day: number, before: number, after: number, items: readonly ItemSpec[]): VisitSpec => ({
  code,
  name,
  day,
  before,
  after,
  items,
});

/** Expands visit specs into calendar rows of one arm; procedure names come from the catalog. */
export function calendarRows(studyId: string, arm: string, visits: readonly VisitSpec[]): CalendarRow[] {
  return visits.flatMap((v) =>
    v.items.map((i) => {
      const price = i.price === null ? null : parseDollarsToCents(i.price);
      if (i.price !== null && price === null) throw new Error(`bad price ${i.price}`);
      return {
        study_id: studyId,
        arm,
        visit_code: v.code,
        visit_name: v.name,
        visit_day: v.day,
        window_before_days: v.before,
        window_after_days: v.after,
        cpt_hcpcs: i.cpt,
        procedure_name: codeInfo(i.cpt).name,
        designation: i.designation,
        sponsor_price: price,
        requires_preapproval: i.preapproval ?? false,
        promised_free: i.free ?? false,
        justification: i.why,
      };
    }),
  );
}

/** Whole percent to basis points, for the CTA terms. */
export const pct = (whole: number): number => whole * 100;

export const invoiceable = (
  studyId: string,
  code: string,
  description: string,
  dollars: string,
  kind: InvoiceableRow['kind'],
  holdbackExempt: boolean,
  overheadExempt: boolean,
): InvoiceableRow => ({
  study_id: studyId,
  item_code: code,
  description,
  amount: parseDollarsToCents(dollars) ?? 0,
  kind,
  holdback_exempt: holdbackExempt,
  overhead_exempt: overheadExempt,
});
