/**
 * What the rules look at, loaded by the engine from the store and handed to pure functions, so every
 * rule is testable without a database. Dates come with their day numbers precomputed.
 */
import type { BillTo, ClaimType, Designation, PayerType, Setting, SubjectStatus } from '../domain/codes.ts';

export interface StudyFacts {
  readonly pk: number;
  readonly studyId: string;
  readonly qualifying: boolean;
  /** The NCT number as registered (`NCT01234567`); the claim carries its 8 digits. */
  readonly nctNumber: string | null;
  /** Set for a device study. */
  readonly ideNumber: string | null;
}

export interface CalendarRow {
  readonly itemPk: number;
  readonly visitPk: number;
  readonly arm: string;
  readonly visitCode: string;
  readonly visitName: string;
  readonly visitDay: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  readonly cpt: string;
  readonly procedureName: string;
  readonly designation: Designation;
  readonly sponsorPriceCents: number | null;
  readonly requiresPreapproval: boolean;
  readonly promisedFree: boolean;
  readonly justification: string | null;
  readonly sourceLine: number;
}

/** One arm's calendar rows grouped by procedure code (matching looks a code up first). */
export interface ArmCalendar {
  readonly armPk: number;
  readonly studyPk: number;
  readonly name: string;
  readonly byCode: ReadonlyMap<string, readonly CalendarRow[]>;
}

export interface EnrolmentFacts {
  readonly subjectPk: number;
  readonly subjectId: string;
  readonly study: StudyFacts;
  readonly arm: ArmCalendar | null;
  readonly consentDate: string;
  readonly startDate: string | null;
  readonly offStudyDate: string | null;
  readonly consentDay: number;
  readonly startDay: number | null;
  /** Last day of the study period; null while on study. */
  readonly offDay: number | null;
  readonly payerType: PayerType;
  readonly status: SubjectStatus;
}

export interface ChargeFacts {
  readonly pk: number;
  readonly chargeId: string;
  readonly serviceDate: string;
  readonly serviceDay: number;
  readonly cpt: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly amountCents: number;
  readonly revenueCode: string | null;
  readonly dxCodes: readonly string[];
  readonly billTo: BillTo;
  readonly payerName: string | null;
  readonly payerType: PayerType;
  readonly claimType: ClaimType;
  readonly setting: Setting;
  readonly nctOnClaim: string | null;
  readonly ideOnClaim: string | null;
  readonly conditionCodes: readonly string[];
  readonly sourceFile: string;
  readonly sourceLine: number;
}

export interface InvoiceLineFacts {
  readonly invoiceNumber: string;
  readonly visitCode: string;
  readonly serviceDate: string;
  readonly amountCents: number;
}

/** Lookups the per-charge rules need beyond the charge and its enrolments. */
export interface ChargeLookups {
  /** A sponsor invoice line of this subject for this code and date, if any (DBL-03). */
  invoiceLine(subjectPk: number, cpt: string, serviceDate: string): InvoiceLineFacts | null;
  /** Whether the sponsor approved this code for this subject on this date (PRE-27). */
  hasApproval(subjectPk: number, cpt: string, serviceDate: string): boolean;
}

/** A finding as a rule produces it, before the store assigns workflow state. */
export interface FindingDraft {
  readonly rule: string;
  /** Identifies the finding across runs: rule + the rows it is about. */
  readonly fingerprint: string;
  readonly studyPk: number | null;
  readonly subjectPk: number | null;
  readonly chargePk: number | null;
  readonly calendarItemPk: number | null;
  readonly visitPk: number | null;
  readonly cpt: string | null;
  readonly serviceDate: string | null;
  readonly payerType: string | null;
  readonly amountCents: number;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}
