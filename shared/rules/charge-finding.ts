/** A finding about one charge, with the fields and evidence every charge rule shares filled in. */
import { ruleById } from './catalogue.ts';
import { chargeEvidence, enrolmentEvidence, matchEvidence, studyEvidence } from './evidence.ts';
import type { ChargeFacts, EnrolmentFacts, FindingDraft } from './facts.ts';
import type { CalendarMatch } from './match-calendar.ts';

/**
 * `extra` evidence goes between the rule's title and the charge. The fingerprint names the charge and
 * the enrolment by default; a rule that fires once per charge whatever the enrolment (DUP-28) gives
 * its own.
 */
export function chargeFindingDraft(
  rule: string,
  charge: ChargeFacts,
  enrolment: EnrolmentFacts | null,
  match: CalendarMatch | null,
  message: string,
  extra: Record<string, unknown> = {},
  fingerprint = `${rule}|c${charge.pk}|s${enrolment?.subjectPk ?? ''}`,
): FindingDraft {
  return {
    rule,
    fingerprint,
    studyPk: enrolment?.study.pk ?? null,
    subjectPk: enrolment?.subjectPk ?? null,
    chargePk: charge.pk,
    calendarItemPk: match?.row.itemPk ?? null,
    visitPk: match?.row.visitPk ?? null,
    cpt: charge.cpt,
    serviceDate: charge.serviceDate,
    payerType: charge.payerType,
    amountCents: charge.amountCents,
    message,
    evidence: {
      rule: ruleById(rule).title,
      ...extra,
      charge: chargeEvidence(charge),
      ...(match ? { calendar: matchEvidence(match) } : {}),
      ...(enrolment ? { study: studyEvidence(enrolment.study), enrolment: enrolmentEvidence(enrolment) } : {}),
    },
  };
}
