/**
 * A subject's course through a study on one time axis: consent, start and end of the study period,
 * each calendar visit's expected window against its actual date, and every charge of the period with
 * the findings about it. Never carries the MRN: the subject id identifies the person in the study.
 */
import { z } from 'zod';
import type { Severity } from '../rules/catalogue.ts';
import { channel } from './define.ts';
import type { FindingStatus } from './findings.ts';

const id = z.string().trim().min(1).max(200);

export interface SubjectSummary {
  readonly studyId: string;
  readonly subjectId: string;
  readonly arm: string | null;
  readonly status: string;
  readonly payerType: string;
  readonly consentDate: string;
  readonly startDate: string | null;
  readonly offStudyDate: string | null;
  /** Findings still to act on (open or confirmed). */
  readonly openFindings: number;
  readonly worstSeverity: Severity | null;
}

export interface TimelineFinding {
  readonly id: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly amountCents: number;
  readonly message: string;
}

export interface TimelineVisit {
  readonly visitCode: string;
  readonly visitName: string;
  readonly visitDay: number;
  /** Start date + visit day; null while the subject has no start date. */
  readonly expectedDate: string | null;
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  /** From the CTMS visit record, if any. */
  readonly actualDate: string | null;
  readonly status: 'COMPLETED' | 'MISSED' | 'NOT_RECORDED';
  /** Findings about the visit itself (a sponsor item never invoiced). */
  readonly findings: readonly TimelineFinding[];
}

export interface TimelineCharge {
  readonly chargeId: string;
  readonly serviceDate: string;
  readonly cptHcpcs: string;
  /** The procedure's name on the subject's arm calendar, when the code is on it. */
  readonly procedureName: string | null;
  readonly units: number;
  readonly amountCents: number;
  readonly billTo: string;
  readonly payerName: string | null;
  /** The visit whose window holds the charge (calendar matching), if any. */
  readonly visitCode: string | null;
  readonly findings: readonly TimelineFinding[];
}

export interface SubjectTimeline {
  readonly studyId: string;
  readonly studyTitle: string;
  readonly subjectId: string;
  readonly arm: string | null;
  readonly status: string;
  readonly payerType: string;
  readonly consentDate: string;
  readonly startDate: string | null;
  readonly offStudyDate: string | null;
  readonly visits: readonly TimelineVisit[];
  readonly charges: readonly TimelineCharge[];
  /** Active findings about the subject that name neither a charge nor a visit. */
  readonly otherFindings: readonly TimelineFinding[];
}

export const subjectsContract = {
  /** The subjects of a study, by subject id, with their open findings. */
  'subjects:list': channel<SubjectSummary[]>()(z.object({ studyId: id })),
  /** One subject's timeline; null when the study has no such subject. */
  'subjects:timeline': channel<SubjectTimeline | null>()(z.object({ studyId: id, subjectId: id })),
};
