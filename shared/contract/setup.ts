/**
 * Study set-up as the study page shows it: identifiers and CTA terms, the invoiceable items, and
 * the billing grid (coverage analysis) per arm with the ALIGN-15 set-up findings on their cells.
 */
import { z } from 'zod';
import type { Designation, InvoiceableKind } from '../domain/codes.ts';
import type { FindingStatus } from './findings.ts';
import type { StudySummary } from './studies.ts';
import { channel } from './define.ts';

/** A CTA invoiceable item (fees outside the visit schedule). */
export interface InvoiceableItem {
  readonly itemCode: string;
  readonly description: string;
  readonly amountCents: number;
  readonly kind: InvoiceableKind;
  readonly holdbackExempt: boolean;
  readonly overheadExempt: boolean;
}

/** One study with everything the study page shows above the grid. */
export interface StudyDetail extends StudySummary {
  readonly invoiceables: readonly InvoiceableItem[];
  /** Arm names in the order the grid shows them. */
  readonly arms: readonly string[];
  /** Open set-up findings (ALIGN-15) of the study, and when the checks last ran (null: never). */
  readonly checks: { readonly lastRunAt: string | null; readonly setupFindings: number };
}

/** A visit column of the grid. */
export interface GridVisit {
  readonly visitId: number;
  readonly code: string;
  readonly name: string;
  /** Days after the subject's start date; negative for screening. */
  readonly day: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
}

/** A procedure row of the grid (one CPT/HCPCS code). */
export interface GridProcedure {
  readonly cpt: string;
  readonly name: string;
}

/** An ALIGN-15 finding on a cell. */
export interface GridFinding {
  readonly id: number;
  readonly status: FindingStatus;
  /** Each disagreement of the row, one sentence each (from the finding's evidence). */
  readonly issues: readonly string[];
}

/** A calendar item: one procedure at one visit, with its designation. */
export interface GridCell {
  readonly itemId: number;
  /** Index into the arm's `visits`. */
  readonly visit: number;
  /** Index into the arm's `procedures`. */
  readonly procedure: number;
  readonly designation: Designation;
  readonly priceCents: number | null;
  readonly requiresPreapproval: boolean;
  readonly promisedFree: boolean;
  readonly justification: string | null;
  readonly findings: readonly GridFinding[];
}

/** One arm's grid: visits as columns (by visit day), procedures as rows (in calendar order), sparse cells. */
export interface BillingGridArm {
  readonly arm: string;
  readonly visits: readonly GridVisit[];
  readonly procedures: readonly GridProcedure[];
  readonly cells: readonly GridCell[];
}

export interface BillingGrid {
  readonly studyId: string;
  readonly arms: readonly BillingGridArm[];
}

const studyIdInput = z.object({ studyId: z.string().trim().min(1).max(40) });

export const setupContract = {
  /** One study with its CTA terms, invoiceables, counts and set-up check status; null when unknown. */
  'studies:get': channel<StudyDetail | null>()(studyIdInput),
  /** The study's billing grid per arm with the ALIGN-15 findings on their cells; null when unknown. */
  'studies:billing-grid': channel<BillingGrid | null>()(studyIdInput),
};
