/**
 * Matching a charge to the calendar (issue 3, "Matching"): within the subject's study period, the
 * charge matches a calendar row of the subject's arm with the same code whose visit window contains
 * the date; expected date = start date + visit day, window = [expected - before, expected + after].
 * When several visits match, the one whose expected date is nearest wins; on a tie, the earlier visit.
 */
import { fromDayNumber } from '../domain/dates.ts';
import type { CalendarRow, ChargeFacts, EnrolmentFacts } from './facts.ts';

export interface CalendarMatch {
  readonly row: CalendarRow;
  /** Day number of the expected date (start date + visit day). */
  readonly expectedDay: number;
  /** Days from the expected date (negative: early). */
  readonly offsetDays: number;
}

/** The ISO dates of a match, computed only when a finding needs them (matching runs per charge). */
export function matchDates(match: CalendarMatch): { expectedDate: string; windowFrom: string; windowTo: string } {
  return {
    expectedDate: fromDayNumber(match.expectedDay),
    windowFrom: fromDayNumber(match.expectedDay - match.row.windowBefore),
    windowTo: fromDayNumber(match.expectedDay + match.row.windowAfter),
  };
}

/** True when the service date is inside consent..off-study (inclusive; open-ended while on study). */
export function inStudyPeriod(charge: ChargeFacts, enrolment: EnrolmentFacts): boolean {
  return charge.serviceDay >= enrolment.consentDay && (enrolment.offDay === null || charge.serviceDay <= enrolment.offDay);
}

/** The calendar rows of the subject's arm for the charge's code (empty when none or no arm). */
export function armRowsForCode(charge: ChargeFacts, enrolment: EnrolmentFacts): readonly CalendarRow[] {
  return enrolment.arm?.byCode.get(charge.cpt) ?? [];
}

/** The matched calendar row, or null. Charges outside the study period or of a subject without a start date never match. */
export function matchCalendar(charge: ChargeFacts, enrolment: EnrolmentFacts): CalendarMatch | null {
  if (enrolment.startDay === null || !inStudyPeriod(charge, enrolment)) return null;
  let best: CalendarRow | null = null;
  let bestDistance = Infinity;
  for (const row of armRowsForCode(charge, enrolment)) {
    const expected = enrolment.startDay + row.visitDay;
    const offset = charge.serviceDay - expected;
    if (offset < -row.windowBefore || offset > row.windowAfter) continue;
    const distance = Math.abs(offset);
    if (distance < bestDistance || (distance === bestDistance && best !== null && row.visitDay < best.visitDay)) {
      best = row;
      bestDistance = distance;
    }
  }
  if (best === null) return null;
  const expectedDay = enrolment.startDay + best.visitDay;
  return { row: best, expectedDay, offsetDays: charge.serviceDay - expectedDay };
}
