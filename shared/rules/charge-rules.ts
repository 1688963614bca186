/**
 * The per-charge rules (issue 3 table), evaluated for one charge against every enrolment of its
 * patient. Pure: the engine supplies the facts and lookups.
 *
 * Several enrolments (one patient in several studies): each enrolment is evaluated on its own for the
 * rules about a study's calendar and coding, so a charge can produce findings in two studies. Three
 * rules look across enrolments instead, because they are about the patient rather than one study:
 * ENR-26 fires only when the charge is outside every study period; QCT-01 is not raised when the same
 * charge lies in the period of a qualifying-trial enrolment (its trial coding may belong there); and
 * MODX-32 fires only when the patient is in no study period at all.
 */
import { formatCents } from '../domain/money.ts';
import { citationOf } from './catalogue.ts';
import { chargeFindingDraft as draft } from './charge-finding.ts';
import { fired } from './evidence.ts';
import type { ChargeFacts, ChargeLookups, EnrolmentFacts, FindingDraft } from './facts.ts';
import { armRowsForCode, inStudyPeriod, matchCalendar, type CalendarMatch } from './match-calendar.ts';

const ROUTINE_OR_INVESTIGATIONAL = new Set(['SOC', 'CONDITIONAL', 'INVESTIGATIONAL']);
const TO_PAYER_OR_PATIENT = new Set(['INSURANCE', 'PATIENT']);

export { citationOf };

function hasTrialCoding(charge: ChargeFacts): boolean {
  return charge.modifiers.includes('Q0') || charge.modifiers.includes('Q1') || charge.dxCodes.includes('Z00.6');
}

function describe(charge: ChargeFacts, match: CalendarMatch | null): string {
  const name = match ? `${match.row.procedureName} (${charge.cpt})` : charge.cpt;
  return `${name} on ${charge.serviceDate}, ${formatCents(charge.amountCents)}`;
}

/** Rules on a charge matched to a calendar row of one enrolment. */
function matchedRules(charge: ChargeFacts, e: EnrolmentFacts, m: CalendarMatch, lookups: ChargeLookups, out: FindingDraft[]): void {
  const row = m.row;
  const what = describe(charge, m);
  const where = `visit ${row.visitCode} of arm ${row.arm} in ${e.study.studyId}`;
  const billedTo = `${charge.billTo.toLowerCase()}${charge.payerName ? ` (${charge.payerName})` : ''}`;
  if (row.designation === 'SPONSOR' && TO_PAYER_OR_PATIENT.has(charge.billTo)) {
    out.push(draft('RSH-02', charge, e, m, `${what} is a research item the sponsor pays for (${where}) but was billed to ${billedTo}.`, { fired: [fired('bill_to', charge.billTo, 'STUDY'), fired('designation', row.designation, 'SOC for a payer to be billed')] }));
  }
  if (row.promisedFree && TO_PAYER_OR_PATIENT.has(charge.billTo)) {
    out.push(draft('ICF-04', charge, e, m, `${what} is promised at no cost in the consent (${where}) but was billed to ${billedTo}.`, { fired: [fired('promised_free', true, 'not billed to insurance or patient'), fired('bill_to', charge.billTo, 'STUDY')] }));
  }
  if (row.designation === 'NOT_BILLABLE') {
    out.push(draft('FREE-05', charge, e, m, `${what} is supplied free by the sponsor (${where}) but was charged (billed to ${billedTo}).`, { fired: [fired('designation', row.designation, 'no charge at all')] }));
  }
  if (row.designation === 'SOC' && row.sponsorPriceCents === null && charge.billTo === 'STUDY') {
    out.push(draft('SOC-29', charge, e, m, `${what} is routine care billable to insurance (${where}) but was charged to the research account.`, { fired: [fired('bill_to', 'STUDY', 'INSURANCE')] }));
  }
  if (row.requiresPreapproval && !lookups.hasApproval(e.subjectPk, charge.cpt, charge.serviceDate)) {
    out.push(draft('PRE-27', charge, e, m, `${what} requires sponsor pre-approval (${where}) and no approval is on file for subject ${e.subjectId} on that date.`, { fired: [fired('approval', null, 'an approval for this subject, code and date')] }));
  }
  if (!ROUTINE_OR_INVESTIGATIONAL.has(row.designation) || !e.study.qualifying || charge.billTo !== 'INSURANCE') return;
  if (e.payerType === 'MEDICARE_ADVANTAGE' && charge.payerType === 'MEDICARE_ADVANTAGE' && e.study.ideNumber === null) {
    out.push(draft('MA-13', charge, e, m, `${what} is a routine cost of a qualifying trial for a Medicare Advantage enrollee; it goes to Original Medicare, not the MA plan (${charge.payerName ?? 'MA plan'}).`, { fired: [fired('payer_type', charge.payerType, 'MEDICARE (Original Medicare)')] }));
  }
  if (e.payerType === 'MEDICARE_ADVANTAGE' && charge.payerType === 'MEDICARE' && e.study.ideNumber !== null) {
    out.push(draft('MA-33', charge, e, m, `${what} belongs to the Medicare Advantage plan for this device-study enrollee but was billed to Original Medicare.`, { fired: [fired('payer_type', charge.payerType, 'MEDICARE_ADVANTAGE (the MA plan)')] }));
  }
  if (charge.payerType !== 'MEDICARE') return;
  // The trial-coded population: a routine or investigational line of a qualifying trial billed to Medicare.
  const modifier = row.designation === 'INVESTIGATIONAL' ? 'Q0' : 'Q1';
  if (charge.setting === 'OUTPATIENT' && !charge.modifiers.includes(modifier)) {
    out.push(draft('MOD-08', charge, e, m, `${what}: outpatient ${row.designation === 'INVESTIGATIONAL' ? 'investigational' : 'routine'} line of a qualifying trial without modifier ${modifier}.`, { fired: [fired('modifiers', charge.modifiers, modifier)] }));
  }
  if (!charge.dxCodes.includes('Z00.6')) {
    out.push(draft('DX-09', charge, e, m, `${what}: qualifying-trial line without diagnosis Z00.6.`, { fired: [fired('dx_codes', charge.dxCodes, 'Z00.6 (secondary)')] }));
  } else if (charge.dxCodes[0] === 'Z00.6') {
    out.push(draft('DXP-31', charge, e, m, `${what}: Z00.6 is the primary diagnosis; on a treated patient it belongs second.`, { fired: [fired('dx_codes', charge.dxCodes, 'the treated condition first, Z00.6 after it')] }));
  }
  if (charge.claimType === 'INSTITUTIONAL' && !charge.conditionCodes.includes('30')) {
    out.push(draft('CC-10', charge, e, m, `${what}: institutional qualifying-trial claim without condition code 30.`, { fired: [fired('condition_codes', charge.conditionCodes, '30')] }));
  }
  const digits = e.study.nctNumber?.slice(3) ?? null;
  if (digits !== null && (charge.nctOnClaim ?? '').trim() !== digits) {
    out.push(draft('NCT-11', charge, e, m, `${what}: the claim's clinical-trial number is ${charge.nctOnClaim ? `'${charge.nctOnClaim}'` : 'missing'}; it must be ${digits} (${e.study.nctNumber}).`, { fired: [fired('nct_on_claim', charge.nctOnClaim, digits)] }));
  }
  const ide = e.study.ideNumber;
  if (ide !== null && (charge.ideOnClaim ?? '').trim().toUpperCase() !== ide) {
    out.push(draft('IDE-12', charge, e, m, `${what}: device-study claim with IDE number ${charge.ideOnClaim ? `'${charge.ideOnClaim}'` : 'missing'}; it must be ${ide}.`, { fired: [fired('ide_on_claim', charge.ideOnClaim, ide)] }));
  }
}

/** Every finding of one charge (all rules except DUP-28, which compares charges with each other). */
export function evaluateCharge(charge: ChargeFacts, enrolments: readonly EnrolmentFacts[], lookups: ChargeLookups): FindingDraft[] {
  const out: FindingDraft[] = [];
  const inPeriod = enrolments.filter((e) => inStudyPeriod(charge, e));
  const trialCoded = hasTrialCoding(charge);
  const hasModifierQ = charge.modifiers.includes('Q0') || charge.modifiers.includes('Q1');

  if (charge.billTo === 'STUDY' && inPeriod.length === 0) {
    const nearest = nearestEnrolment(charge, enrolments);
    out.push(
      draft('ENR-26', charge, nearest, null, nearest ? `${describe(charge, null)} was charged to the research account outside subject ${nearest.subjectId}'s study period (${nearest.consentDate} to ${nearest.offStudyDate ?? 'on study'}).` : `${describe(charge, null)} was charged to the research account for a patient enrolled in no study.`, {
        fired: [fired('bill_to', 'STUDY', nearest ? `a date within ${nearest.consentDate}..${nearest.offStudyDate ?? 'on study'}` : 'an enrolled patient')],
      }),
    );
  }
  if (hasModifierQ && (charge.setting === 'INPATIENT' || inPeriod.length === 0)) {
    const reason = charge.setting === 'INPATIENT' ? 'an inpatient line (Q0/Q1 are outpatient modifiers)' : 'a patient in no study period';
    out.push(draft('MODX-32', charge, inPeriod[0] ?? nearestEnrolment(charge, enrolments), null, `${describe(charge, null)} carries ${charge.modifiers.filter((x) => x === 'Q0' || x === 'Q1').join('/')} on ${reason}.`, { fired: [fired('modifiers', charge.modifiers, 'no Q0/Q1 here')] }));
  }
  const qualifyingInPeriod = inPeriod.some((e) => e.study.qualifying);
  for (const e of enrolments) {
    const billedToPayer = TO_PAYER_OR_PATIENT.has(charge.billTo);
    const line = billedToPayer ? lookups.invoiceLine(e.subjectPk, charge.cpt, charge.serviceDate) : null;
    if (line) {
      out.push(draft('DBL-03', charge, e, matchCalendar(charge, e), `${describe(charge, null)} was billed to ${charge.billTo.toLowerCase()} and also invoiced to the sponsor on ${line.invoiceNumber} (${formatCents(line.amountCents)}).`, { invoice_line: { invoice_number: line.invoiceNumber, visit_code: line.visitCode, service_date: line.serviceDate, amount_cents: line.amountCents }, fired: [fired('bill_to', charge.billTo, 'not both a payer and the sponsor')] }));
    }
    if (!inStudyPeriod(charge, e)) continue;
    const match = matchCalendar(charge, e);
    if (!e.study.qualifying && trialCoded && !qualifyingInPeriod) {
      out.push(draft('QCT-01', charge, e, match, `${describe(charge, null)} carries clinical-trial coding (Q0/Q1 or Z00.6) but ${e.study.studyId} is not a qualifying trial.`, { fired: [fired('modifiers/dx_codes', { modifiers: charge.modifiers, dx_codes: charge.dxCodes }, 'no Q0, Q1 or Z00.6')] }));
    }
    if (match) matchedRules(charge, e, match, lookups, out);
    else if (armRowsForCode(charge, e).length > 0) {
      const windows = armRowsForCode(charge, e).map((row) => `${row.visitCode} day ${row.visitDay} (-${row.windowBefore}/+${row.windowAfter})`);
      const why = e.startDay === null ? `subject ${e.subjectId} has no start date, so no visit window can be placed` : `it falls in no visit window (${windows.join(', ')})`;
      out.push(draft('WIN-18', charge, e, null, `${describe(charge, null)} is on the calendar of arm ${e.arm?.name ?? ''} but ${why}.`, { calendar_windows: windows, fired: [fired('service_date', charge.serviceDate, 'a date inside a visit window')] }));
    }
  }
  return out;
}

/** The enrolment whose study period is closest to the service date (for findings outside every period). */
function nearestEnrolment(charge: ChargeFacts, enrolments: readonly EnrolmentFacts[]): EnrolmentFacts | null {
  let best: EnrolmentFacts | null = null;
  let bestGap = Infinity;
  for (const e of enrolments) {
    const gap = charge.serviceDay < e.consentDay ? e.consentDay - charge.serviceDay : e.offDay !== null ? charge.serviceDay - e.offDay : 0;
    if (gap < bestGap) {
      best = e;
      bestGap = gap;
    }
  }
  return best;
}
