/**
 * Rules that are not about a single charge: set-up alignment of the grid (ALIGN-15), unbilled sponsor
 * revenue (INVC-20, SF-30) and duplicate charges (DUP-28, found by the engine in SQL). Each builds
 * the finding from rows the engine selected.
 */
import { formatCents } from '../domain/money.ts';
import { chargeFindingDraft } from './charge-finding.ts';
import { calendarRowEvidence, enrolmentEvidence, fired, studyEvidence } from './evidence.ts';
import type { CalendarMatch } from './match-calendar.ts';
import type { CalendarRow, ChargeFacts, EnrolmentFacts, FindingDraft, StudyFacts } from './facts.ts';

/** ALIGN-15 for one calendar row: one finding per row listing every disagreement it has, or null. */
export function alignmentFinding(study: StudyFacts, row: CalendarRow): FindingDraft | null {
  const issues: string[] = [];
  if (row.designation === 'SOC' && row.sponsorPriceCents !== null) issues.push(`it is routine care (SOC) yet has a sponsor price of ${formatCents(row.sponsorPriceCents)}: paid twice?`);
  if (row.designation === 'SPONSOR' && row.sponsorPriceCents === null) issues.push('it is a research item (SPONSOR) with no sponsor price: it can never be invoiced');
  if (row.promisedFree && (row.designation === 'SOC' || row.designation === 'CONDITIONAL')) issues.push(`the consent promises it free, yet the grid designates it ${row.designation}, billable to insurance`);
  if (issues.length === 0) return null;
  return {
    rule: 'ALIGN-15',
    fingerprint: `ALIGN-15|i${row.itemPk}`,
    studyPk: study.pk,
    subjectPk: null,
    chargePk: null,
    calendarItemPk: row.itemPk,
    visitPk: row.visitPk,
    cpt: row.cpt,
    serviceDate: null,
    payerType: null,
    amountCents: row.sponsorPriceCents ?? 0,
    message: `${row.procedureName} (${row.cpt}) at visit ${row.visitCode} of arm ${row.arm} in ${study.studyId}: ${issues.join('; ')}.`,
    evidence: { rule: 'Coverage analysis, budget and consent disagree', issues, calendar: calendarRowEvidence(row), study: studyEvidence(study) },
  };
}

export interface CompletedVisitItem {
  readonly enrolment: EnrolmentFacts;
  readonly row: CalendarRow;
  readonly visitDate: string;
  readonly approvalRef: string | null;
}

/** INVC-20 for one completed visit's sponsor item with no invoice line. */
export function unbilledVisitFinding(item: CompletedVisitItem): FindingDraft {
  const { enrolment: e, row } = item;
  const price = row.sponsorPriceCents ?? 0;
  return {
    rule: 'INVC-20',
    fingerprint: `INVC-20|s${e.subjectPk}|v${row.visitPk}|${row.cpt}`,
    studyPk: e.study.pk,
    subjectPk: e.subjectPk,
    chargePk: null,
    calendarItemPk: row.itemPk,
    visitPk: row.visitPk,
    cpt: row.cpt,
    serviceDate: item.visitDate,
    payerType: null,
    amountCents: price,
    message: `${row.procedureName} (${row.cpt}) at completed visit ${row.visitCode} of subject ${e.subjectId} on ${item.visitDate} is owed by the sponsor (${formatCents(price)}) and was never invoiced.`,
    evidence: {
      rule: 'Sponsor-paid item never invoiced',
      ctms_visit: { visit_code: row.visitCode, visit_date: item.visitDate, status: 'COMPLETED' },
      calendar: calendarRowEvidence(row),
      ...(item.approvalRef ? { approval: { approval_ref: item.approvalRef } } : {}),
      invoice_line: null,
      fired: [fired('invoice_line', null, `a sponsor invoice line for subject ${e.subjectId}, visit ${row.visitCode}, code ${row.cpt}`)],
      study: studyEvidence(e.study),
      enrolment: enrolmentEvidence(e),
    },
  };
}

export interface ScreenFailureItem {
  readonly enrolment: EnrolmentFacts;
  readonly itemCode: string;
  readonly description: string;
  readonly amountCents: number;
}

/** SF-30 for a screen-failed subject whose screen-failure fee was never invoiced. */
export function unbilledScreenFailureFinding(item: ScreenFailureItem): FindingDraft {
  const e = item.enrolment;
  return {
    rule: 'SF-30',
    fingerprint: `SF-30|s${e.subjectPk}|${item.itemCode}`,
    studyPk: e.study.pk,
    subjectPk: e.subjectPk,
    chargePk: null,
    calendarItemPk: null,
    visitPk: null,
    cpt: null,
    serviceDate: e.offStudyDate ?? e.consentDate,
    payerType: null,
    amountCents: item.amountCents,
    message: `Subject ${e.subjectId} failed screening; the screen-failure fee ${item.itemCode} (${formatCents(item.amountCents)}) was never invoiced to the sponsor.`,
    evidence: {
      rule: 'Screen-failure fee never invoiced',
      invoiceable: { item_code: item.itemCode, description: item.description, amount_cents: item.amountCents, kind: 'SCREEN_FAILURE' },
      fired: [fired('invoice_line', null, `a sponsor invoice line for subject ${e.subjectId}, item ${item.itemCode}`)],
      study: studyEvidence(e.study),
      enrolment: enrolmentEvidence(e),
    },
  };
}

/** DUP-28 for a charge identical to an earlier one. */
export function duplicateChargeFinding(
  charge: ChargeFacts,
  original: { chargeId: string; source: string },
  enrolment: EnrolmentFacts | null,
  match: CalendarMatch | null,
): FindingDraft {
  return chargeFindingDraft(
    'DUP-28',
    charge,
    enrolment,
    match,
    `${charge.cpt} on ${charge.serviceDate}, ${formatCents(charge.amountCents)} (${charge.chargeId}) is identical to charge ${original.chargeId} imported before it.`,
    {
      duplicate_of: { charge_id: original.chargeId, source: original.source },
      compared: ['mrn', 'service_date', 'cpt_hcpcs', 'modifiers', 'units', 'charge_amount', 'bill_to'],
      fired: [fired('charge_id', charge.chargeId, `a charge not identical to ${original.chargeId}`)],
    },
    // One finding per duplicate charge, whichever enrolment it falls in.
    `DUP-28|c${charge.pk}`,
  );
}
