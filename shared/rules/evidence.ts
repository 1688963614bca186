/**
 * Evidence blocks stored with each finding: the exact rows and fields it rests on, so the finding
 * explains itself (the charge as billed, the calendar row and window it matched, the study's trial
 * identifiers, the enrolment). Identifiers that are PHI (MRN, account number) are left out: the
 * subject id identifies the person inside the study, and the app can always look the charge up.
 */
import { matchDates, type CalendarMatch } from './match-calendar.ts';
import type { CalendarRow, ChargeFacts, EnrolmentFacts, StudyFacts } from './facts.ts';

export function chargeEvidence(charge: ChargeFacts): Record<string, unknown> {
  return {
    charge_id: charge.chargeId,
    service_date: charge.serviceDate,
    cpt_hcpcs: charge.cpt,
    modifiers: charge.modifiers,
    units: charge.units,
    amount_cents: charge.amountCents,
    revenue_code: charge.revenueCode,
    dx_codes: charge.dxCodes,
    bill_to: charge.billTo,
    payer_name: charge.payerName,
    payer_type: charge.payerType,
    claim_type: charge.claimType,
    setting: charge.setting,
    nct_on_claim: charge.nctOnClaim,
    ide_on_claim: charge.ideOnClaim,
    condition_codes: charge.conditionCodes,
    source: `${charge.sourceFile} line ${charge.sourceLine}`,
  };
}

export function calendarRowEvidence(row: CalendarRow): Record<string, unknown> {
  return {
    arm: row.arm,
    visit_code: row.visitCode,
    visit_name: row.visitName,
    visit_day: row.visitDay,
    window_before_days: row.windowBefore,
    window_after_days: row.windowAfter,
    cpt_hcpcs: row.cpt,
    procedure_name: row.procedureName,
    designation: row.designation,
    sponsor_price_cents: row.sponsorPriceCents,
    requires_preapproval: row.requiresPreapproval,
    promised_free: row.promisedFree,
    justification: row.justification,
    source: `calendar.csv line ${row.sourceLine}`,
  };
}

export function matchEvidence(match: CalendarMatch): Record<string, unknown> {
  const dates = matchDates(match);
  return {
    ...calendarRowEvidence(match.row),
    expected_date: dates.expectedDate,
    window: { from: dates.windowFrom, to: dates.windowTo },
    days_from_expected: match.offsetDays,
  };
}

export function studyEvidence(study: StudyFacts): Record<string, unknown> {
  return { study_id: study.studyId, qualifying_trial: study.qualifying, nct_number: study.nctNumber, ide_number: study.ideNumber, device_study: study.ideNumber !== null };
}

export function enrolmentEvidence(enrolment: EnrolmentFacts): Record<string, unknown> {
  return {
    subject_id: enrolment.subjectId,
    arm: enrolment.arm?.name ?? null,
    consent_date: enrolment.consentDate,
    start_date: enrolment.startDate,
    off_study_date: enrolment.offStudyDate,
    payer_type: enrolment.payerType,
    status: enrolment.status,
  };
}

/** A field that made a rule fire: what the claim has and what the rule expected. */
export function fired(field: string, found: unknown, expected: string): Record<string, unknown> {
  return { field, found, expected };
}
