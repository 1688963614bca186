/**
 * The subject timeline's geometry, pure: the date range to show, dates to x, month ticks, visit
 * windows packed into as few lanes as keep them from overlapping, same-day charges stacked, and the
 * severity a charge is coloured by.
 */
import type { SubjectTimeline, TimelineCharge, TimelineFinding } from '../../../../shared/contract/subjects.ts';
import { addDays, fromDayNumber, toDayNumber } from '../../../../shared/domain/dates.ts';
import type { Severity } from '../../../../shared/rules/catalogue.ts';

export interface Extent {
  readonly from: string;
  readonly to: string;
}

/** Days of margin either side of everything on the timeline. */
const PAD_DAYS = 7;

/** Days shown after the last thing that happened, so the next expected visit windows are in view. */
const AHEAD_DAYS = 30;

/**
 * From the earliest date on the timeline to the last thing that happened (charge, visit, start or
 * off-study) plus a month, padded: windows of visits expected later are cut at the edge rather than
 * squeezing the subject's actual course into a corner.
 */
export function timelineExtent(t: SubjectTimeline, today: string): Extent {
  const valid = (d: string | null): d is string => d !== null && toDayNumber(d) !== null;
  const happened = [t.consentDate, t.startDate, t.offStudyDate, ...t.visits.map((v) => v.actualDate), ...t.charges.map((c) => c.serviceDate)].filter(valid).sort();
  const first = [happened[0] ?? today, ...t.visits.map((v) => v.windowFrom).filter(valid)].sort()[0] ?? today;
  const last = happened[happened.length - 1] ?? today;
  const end = t.offStudyDate !== null && t.offStudyDate >= last ? t.offStudyDate : addDays(last, AHEAD_DAYS);
  return { from: addDays(first, -PAD_DAYS), to: addDays(end, PAD_DAYS) };
}

/** Whether a date is inside the extent. */
export function inExtent(extent: Extent, date: string): boolean {
  return date >= extent.from && date <= extent.to;
}

/** A function from ISO date to x between `left` and `right`. */
export function dateScale(extent: Extent, left: number, right: number): (date: string) => number {
  const a = toDayNumber(extent.from) ?? 0;
  const b = toDayNumber(extent.to) ?? a + 1;
  const span = Math.max(b - a, 1);
  return (date) => left + (((toDayNumber(date) ?? a) - a) / span) * (right - left);
}

/** The first day of each month inside the extent, with a label (`Mar 2025`, or `Mar` after the first tick of a year). */
export function monthTicks(extent: Extent): { readonly date: string; readonly label: string }[] {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const ticks: { date: string; label: string }[] = [];
  let year = Number(extent.from.slice(0, 4));
  let month = Number(extent.from.slice(5, 7));
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (date > extent.to) return ticks;
    const label = months[month - 1] ?? '';
    ticks.push({ date, label: ticks.length === 0 || month === 1 ? `${label} ${year}` : label });
  }
}

/** Lane of each interval (in input order) so that no two in a lane overlap, given a minimum gap in x. */
export function packLanes(intervals: readonly { readonly x0: number; readonly x1: number }[], gap = 4): number[] {
  const laneEnds: number[] = [];
  return intervals.map(({ x0, x1 }) => {
    let lane = laneEnds.findIndex((end) => end + gap <= x0);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(x1);
    } else laneEnds[lane] = x1;
    return lane;
  });
}

/** Position of each charge in its day's stack (0 for the first charge of a date). */
export function stackSameDay(charges: readonly TimelineCharge[]): number[] {
  const seen = new Map<string, number>();
  return charges.map((c) => {
    const n = seen.get(c.serviceDate) ?? 0;
    seen.set(c.serviceDate, n + 1);
    return n;
  });
}

const ORDER: readonly Severity[] = ['critical', 'warning', 'review'];

/** The worst severity among findings still to act on (open or confirmed); null when there are none. */
export function worstOpenSeverity(findings: readonly TimelineFinding[]): Severity | null {
  const open = findings.filter((f) => f.status === 'open' || f.status === 'confirmed');
  return ORDER.find((s) => open.some((f) => f.severity === s)) ?? null;
}

/** Today's ISO date from a clock (the renderer's own). */
export function todayIso(now: Date): string {
  return fromDayNumber(Math.floor(now.getTime() / 86_400_000));
}
