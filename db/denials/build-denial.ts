/**
 * Turns a denial candidate into the row the denials table stores: the charge it is about with the
 * engine's facts (subject, study, calendar row), the payer kind, the triage conclusion and the
 * deadline. Used by the triage after an import and by the re-triage of open denials.
 */
import { payerKeyOf, payerKindOf } from '../../shared/denials/payer-kind.ts';
import { triageDenial, type TriageResult } from '../../shared/denials/triage.ts';
import type { PayerKind } from '../../shared/denials/vocabulary.ts';
import type { Deadline } from '../../shared/denials/deadlines.ts';
import type { DeadlineCalculator } from './deadline-calculator.ts';
import type { DenialCandidate } from './denial-candidates.ts';
import { trialContextOf, type TrialFactsLoader } from './trial-facts.ts';

export interface DenialRecord {
  readonly fileId: number;
  readonly claimId: number;
  readonly lineId: number | null;
  readonly chargePk: number | null;
  readonly subjectPk: number | null;
  readonly studyPk: number | null;
  readonly calendarItemPk: number | null;
  readonly visitPk: number | null;
  readonly designation: string | null;
  readonly payerKey: string;
  readonly payerName: string;
  readonly payerKind: PayerKind;
  readonly procedureCode: string | null;
  readonly modifiers: string;
  readonly serviceDate: string | null;
  readonly billedCents: number;
  readonly paidCents: number;
  readonly deniedCents: number;
  readonly adjustments: string;
  readonly remarks: string;
  readonly identityKey: string;
  readonly denialDate: string;
  readonly triage: TriageResult;
  readonly deadline: Deadline | null;
}

/** 'c:<charge>' when linked, else account + code + date of service (PHI stays inside the encrypted store). */
export function identityKeyOf(candidate: DenialCandidate): string {
  const chargePk = candidate.line?.chargePk ?? null;
  if (chargePk !== null) return `c:${chargePk}`;
  const line = candidate.line;
  return `a:${candidate.claim.patientControlNumber}|${line?.procedureCode ?? '*'}|${line?.serviceDate ?? candidate.claim.statementFrom ?? ''}`;
}

/** Builds the stored row of a new denial (status open). */
export function buildDenial(candidate: DenialCandidate, trial: TrialFactsLoader, deadlines: DeadlineCalculator): DenialRecord {
  const { claim, line } = candidate;
  const chargePk = line?.chargePk ?? null;
  const link = chargePk !== null ? trial.load(chargePk) : null;
  const context = trialContextOf(link);
  const payerKind = payerKindOf(claim.filingIndicator, link?.payerType ?? null);
  const payerKey = payerKeyOf(claim.payerId, claim.payerName);
  const triage = triageDenial({ adjustments: candidate.adjustments, remarks: candidate.remarks, payerKind, trial: context });
  const serviceDate = line?.serviceDate ?? claim.statementFrom;
  const deadline = deadlines.deadline({
    status: 'open',
    action: triage.action,
    rebillTo: triage.rebillTo,
    payerKey,
    payerKind,
    denialDate: claim.remitDate,
    serviceDate,
    decidedDate: null,
    resolutionDate: null,
    supersededDate: null,
  });
  return {
    fileId: claim.fileId,
    claimId: claim.claimId,
    lineId: line?.lineId ?? null,
    chargePk: link?.charge.pk ?? null,
    subjectPk: link?.enrolment?.subjectPk ?? null,
    studyPk: link?.enrolment?.study.pk ?? null,
    calendarItemPk: link?.match?.row.itemPk ?? null,
    visitPk: link?.match?.row.visitPk ?? null,
    designation: link?.match?.row.designation ?? null,
    payerKey,
    payerName: claim.payerName,
    payerKind,
    procedureCode: line?.procedureCode ?? null,
    modifiers: line?.modifiers.join(';') ?? '',
    serviceDate,
    billedCents: line?.chargeCents ?? claim.totalChargeCents,
    paidCents: line?.paidCents ?? claim.paidCents,
    deniedCents: candidate.adjustments.reduce((sum, a) => sum + a.amountCents, 0),
    adjustments: candidate.adjustments.map((a) => `${a.group}-${a.reason}:${a.amountCents}`).join(';'),
    remarks: candidate.remarks.join(';'),
    identityKey: identityKeyOf(candidate),
    denialDate: claim.remitDate,
    triage,
    deadline,
  };
}
