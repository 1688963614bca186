/**
 * Subjects and their CTMS visits. Consent dates, start dates, arms and payers are drawn from the
 * study definition; visit dates are the calendar's expected dates nudged inside their windows (never
 * outside: an out-of-window charge is something the demo injects on purpose, not by accident).
 */
import type { PayerType, SubjectStatus } from '../../shared/domain/codes.ts';
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import type { CalendarRow, SubjectRow, VisitRow } from './model.ts';
import type { Prng } from './prng.ts';
import type { StudyDef } from './studies/study-def.ts';

/** The demo's data cut: the charge export, CTMS and invoice history run to this day. */
export const DATA_CUT = '2025-12-31';
/** The hospital export holds calendar-year 2025 charges only. */
export const EXPORT_FROM = '2025-01-01';

const PLAN_NAMES: Record<PayerType, readonly string[]> = {
  MEDICARE: ['Medicare'],
  MEDICARE_ADVANTAGE: ['Humana Gold Plus HMO', 'UnitedHealthcare Medicare Advantage PPO', 'Aetna Medicare Eagle PPO'],
  COMMERCIAL: ['Blue Cross Blue Shield PPO', 'Aetna Choice POS II', 'Cigna Open Access Plus', 'UnitedHealthcare Choice Plus'],
  MEDICAID: ['State Medicaid', 'Medicaid Managed Care (Amerigroup)'],
  SELF_PAY: ['Self-pay'],
};

/** One enrolment and what the generator keeps about it beyond subjects.csv. */
export interface Enrolment {
  readonly def: StudyDef;
  readonly row: SubjectRow;
  /** Name of the subject's own plan (for MA: the MA plan). */
  readonly planName: string;
  readonly primaryDx: string;
  /** Date of the screening visit's tests (also for screen failures), or null. */
  readonly screeningDate: string | null;
}

/** A visit the CTMS recorded, with the calendar rows of the subject's arm at that visit. */
export interface DemoVisit {
  readonly enrolment: Enrolment;
  readonly row: VisitRow;
  readonly items: readonly CalendarRow[];
  readonly inpatient: boolean;
}

/** Hands out distinct, obviously synthetic MRNs in random order (so an MRN says nothing about its subject). */
export class MrnPool {
  private readonly used = new Set<string>();
  private readonly rng: Prng;

  constructor(rng: Prng) {
    this.rng = rng;
  }

  next(): string {
    for (;;) {
      const mrn = `MRN${this.rng.int(100001, 199999)}`;
      if (!this.used.has(mrn)) {
        this.used.add(mrn);
        return mrn;
      }
    }
  }
}

export function planName(rng: Prng, payer: PayerType): string {
  return rng.pick(PLAN_NAMES[payer]);
}

const dateIn = (rng: Prng, from: string, to: string): string => addDays(from, rng.int(0, daysBetween(from, to)));
const minDate = (a: string, b: string): string => (a < b ? a : b);

function expand<K extends string>(counts: Readonly<Record<K, number>>): K[] {
  return (Object.keys(counts) as K[]).flatMap((k) => Array.from({ length: counts[k] }, () => k));
}

/** Builds a study's subjects (numbered in order of consent). */
export function makeEnrolments(def: StudyDef, rng: Prng, mrns: MrnPool): Enrolment[] {
  const statuses = rng.shuffle(expand<SubjectStatus>(def.statusCounts));
  const payers = rng.shuffle(expand<PayerType>(def.payerCounts));
  if (payers.length !== statuses.length) throw new Error(`${def.study.study_id}: payer and status counts differ`);
  const arms = rng.shuffle(statuses.map((_, i) => def.arms[i % def.arms.length] as string));
  const [from, to] = def.consentRange;
  const drafts = statuses.map((status, i) => {
    // Off-study subjects consented early enough to have been on study for a while.
    const consent = status === 'SCREENING' ? dateIn(rng, ...def.screeningConsentRange) : dateIn(rng, from, status === 'OFF_STUDY' ? addDays(to, -90) : to);
    return { status, consent, payer: payers[i] as PayerType, arm: arms[i] as string };
  });
  drafts.sort((a, b) => (a.consent < b.consent ? -1 : a.consent > b.consent ? 1 : 0));
  return drafts.map((d, i) => {
    const subjectId = `${def.subjectPrefix}${String(i + 1).padStart(3, '0')}`;
    const start = addDays(d.consent, rng.int(...def.startAfterConsent));
    const onStudy = d.status === 'ENROLLED' || d.status === 'OFF_STUDY';
    let screeningDate: string | null = null;
    if (def.screeningVisit !== null) {
      // Screening tests a few days after consent; for randomised subjects always before day 0.
      const latest = onStudy ? Math.max(0, daysBetween(d.consent, start) - 1) : 6;
      screeningDate = addDays(d.consent, rng.int(0, Math.min(4, latest)));
      if (screeningDate > DATA_CUT) screeningDate = null;
    }
    let off: string | null = null;
    if (d.status === 'OFF_STUDY') off = minDate(addDays(start, rng.int(...def.offAfterStart)), addDays(DATA_CUT, -10));
    if (d.status === 'SCREEN_FAILED') off = addDays(screeningDate ?? d.consent, rng.int(5, 15));
    const row: SubjectRow = {
      study_id: def.study.study_id,
      subject_id: subjectId,
      mrn: mrns.next(),
      arm: onStudy ? d.arm : null,
      consent_date: d.consent,
      start_date: onStudy ? start : null,
      off_study_date: off,
      payer_type: d.payer,
      status: d.status,
    };
    return { def, row, planName: planName(rng, d.payer), primaryDx: rng.pick(def.dx.primary), screeningDate };
  });
}

/** Unique visits of an arm, by day, each with its calendar rows. */
function armVisits(def: StudyDef, arm: string): { code: string; rows: CalendarRow[] }[] {
  const byCode = new Map<string, CalendarRow[]>();
  for (const row of def.calendar) {
    if (row.arm !== arm) continue;
    byCode.set(row.visit_code, [...(byCode.get(row.visit_code) ?? []), row]);
  }
  return [...byCode.entries()].map(([code, rows]) => ({ code, rows })).sort((a, b) => (a.rows[0]?.visit_day ?? 0) - (b.rows[0]?.visit_day ?? 0));
}

/** Jitter inside the window, usually small, as real scheduling is. */
function jitter(rng: Prng, before: number, after: number): number {
  return rng.int(-Math.min(before, 2), Math.min(after, 3));
}

/** The CTMS visits of one enrolment up to the data cut or the off-study date. */
export function makeVisits(enrolment: Enrolment, rng: Prng): DemoVisit[] {
  const { row, def } = enrolment;
  if (row.arm === null || row.start_date === null) return [];
  const out: DemoVisit[] = [];
  for (const v of armVisits(def, row.arm)) {
    const first = v.rows[0] as CalendarRow;
    const expected = addDays(row.start_date, first.visit_day);
    let date: string;
    if (v.code === def.screeningVisit) {
      if (enrolment.screeningDate === null) continue;
      date = enrolment.screeningDate;
    } else {
      date = addDays(expected, jitter(rng, first.window_before_days, first.window_after_days));
    }
    const essential = v.code === def.screeningVisit || first.visit_day === 0;
    const missed = !essential && rng.chance(0.04);
    // A missed visit is recorded on the day it was due.
    if (missed) date = expected;
    if (date > DATA_CUT || (row.off_study_date !== null && date > row.off_study_date)) continue;
    out.push({
      enrolment,
      row: { study_id: row.study_id, subject_id: row.subject_id, visit_code: v.code, visit_date: date, status: missed ? 'MISSED' : 'COMPLETED' },
      items: v.rows,
      inpatient: def.inpatientVisits.includes(v.code),
    });
  }
  return out;
}
