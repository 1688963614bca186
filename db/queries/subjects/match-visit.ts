/**
 * Which calendar visit a charge belongs to, for the timeline: the same matching as the engine
 * (shared/rules/match-calendar.ts): a visit of the subject's arm listing the charge's code, whose
 * window (start date + visit day, minus/plus its window) holds the service date; the nearest expected
 * date wins, then the earlier visit.
 */
import { toDayNumber } from '../../../shared/domain/dates.ts';

export interface VisitWindow {
  readonly visitCode: string;
  readonly visitDay: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  /** Procedure codes on this visit. */
  readonly codes: ReadonlySet<string>;
}

/** The matching visit's code, or null (no start date, code not on the calendar, or outside every window). */
export function matchVisit(serviceDate: string, cpt: string, startDate: string | null, visits: readonly VisitWindow[]): string | null {
  const start = startDate === null ? null : toDayNumber(startDate);
  const day = toDayNumber(serviceDate);
  if (start === null || day === null) return null;
  let best: VisitWindow | null = null;
  let bestDistance = Infinity;
  for (const visit of visits) {
    if (!visit.codes.has(cpt)) continue;
    const offset = day - (start + visit.visitDay);
    if (offset < -visit.windowBefore || offset > visit.windowAfter) continue;
    const distance = Math.abs(offset);
    if (distance < bestDistance || (distance === bestDistance && best !== null && visit.visitDay < best.visitDay)) {
      best = visit;
      bestDistance = distance;
    }
  }
  return best?.visitCode ?? null;
}
