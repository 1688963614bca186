/**
 * What the compliance engine knows of a denied line's charge: the subject whose study period holds
 * the service date, that study, and the calendar row the service matched (issue 3 matching, reused
 * as is). Reference facts (studies, calendars, enrolments) load once per triage run; charges are read
 * one at a time by row id.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import type { TrialContext } from '../../shared/denials/triage.ts';
import type { ChargeFacts, EnrolmentFacts } from '../../shared/rules/facts.ts';
import { inStudyPeriod, matchCalendar, type CalendarMatch } from '../../shared/rules/match-calendar.ts';
import { CHARGE_FACT_COLUMNS, toChargeFacts, type ChargeRow } from '../engine/charge-rows.ts';
import { loadReferenceFacts, type ReferenceFacts } from '../engine/load-facts.ts';

/** A charge with the enrolment and calendar match it belongs to (either may be missing). */
export interface ChargeTrialLink {
  readonly charge: ChargeFacts;
  readonly payerType: ChargeRow['payer_type'];
  readonly enrolment: EnrolmentFacts | null;
  readonly match: CalendarMatch | null;
}

/** Loads the reference facts once, then a charge with its enrolment and calendar match per call. */
export class TrialFactsLoader {
  readonly #reference: ReferenceFacts;
  readonly #charge: Statement;

  constructor(db: Db) {
    this.#reference = loadReferenceFacts(db);
    this.#charge = db.prepare(`SELECT ${CHARGE_FACT_COLUMNS} FROM charges WHERE id = ?`);
  }

  /**
   * The charge with its enrolment: among the patient's enrolments whose study period holds the date,
   * the one whose calendar the service matches, else the first. Null when the charge is gone.
   */
  load(chargePk: number): ChargeTrialLink | null {
    const row = this.#charge.get(chargePk) as ChargeRow | undefined;
    if (!row) return null;
    const charge = toChargeFacts(row);
    const enrolments = (this.#reference.enrolmentsByMrn.get(row.mrn) ?? []).filter((e) => inStudyPeriod(charge, e));
    let chosen: { enrolment: EnrolmentFacts; match: CalendarMatch | null } | null = null;
    for (const enrolment of enrolments) {
      const match = matchCalendar(charge, enrolment);
      if (match !== null) {
        chosen = { enrolment, match };
        break;
      }
      chosen ??= { enrolment, match: null };
    }
    return { charge, payerType: row.payer_type, enrolment: chosen?.enrolment ?? null, match: chosen?.match ?? null };
  }
}

/** The triage's view of a linked charge; null when the charge is not in any study period. */
export function trialContextOf(link: ChargeTrialLink | null): TrialContext | null {
  if (link === null || link.enrolment === null) return null;
  const { enrolment, match } = link;
  return {
    studyId: enrolment.study.studyId,
    qualifying: enrolment.study.qualifying,
    nctNumber: enrolment.study.nctNumber,
    ideNumber: enrolment.study.ideNumber,
    subjectPayerType: enrolment.payerType,
    designation: match?.row.designation ?? null,
    promisedFree: match?.row.promisedFree ?? false,
    sponsorPriced: (match?.row.sponsorPriceCents ?? null) !== null,
  };
}
