/**
 * Charges that are not calendar services: the screening tests of subjects never randomised, the
 * ordinary care of enrolled patients before consent, after going off study and (with codes that are not
 * on their arm's calendar) while on study, and the charges of patients in no study at all. All of them
 * are clean: none may fire a rule.
 */
import type { PayerType } from '../../shared/domain/codes.ts';
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import { billingLines } from './catalog.ts';
import { insuranceBilling, lineDx, NO_TRIAL_CODING, type Billing, type ChargeBook } from './charge-book.ts';
import { DATA_CUT, EXPORT_FROM, planName, type Enrolment, type MrnPool } from './population.ts';
import type { Prng } from './prng.ts';
import { addServiceLines } from './visit-charges.ts';

const GENERAL_CODES = ['99213', '99214', '99204', '80053', '80048', '85025', '85610', '80061', '84443', '71046', '71260', '74177', '93000', '93306', '36415', '81003', '82565', '70553'];
const GENERAL_DX = ['E11.9', 'I10', 'J44.9', 'M54.50', 'K21.9', 'Z00.00', 'R07.9', 'N39.0', 'E78.5', 'R10.9', 'J18.9'];

/** A random date in [from, to], or null when the range is empty. */
function dateBetween(rng: Prng, from: string, to: string): string | null {
  if (to < from) return null;
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

/** Adds the lines of one ordinary (non-study) service; silently skips one that would repeat an existing charge. */
function addOrdinary(book: ChargeBook, mrn: string, date: string, cpt: string, billingFor: (claim: 'INSTITUTIONAL' | 'PROFESSIONAL') => Billing, dx: string[], enrolment: Enrolment | null): void {
  for (const line of billingLines(cpt)) {
    const row = book.row({ mrn, date, cpt, line, setting: 'OUTPATIENT', billing: billingFor(line.claimType), dx, coding: NO_TRIAL_CODING });
    book.add({ row, enrolment, visitCode: null, item: null });
  }
}

/** Screening tests of subjects who never got an arm (screen failures, still screening): no calendar match. */
export function screeningOnlyCharges(book: ChargeBook, rng: Prng, enrolments: readonly Enrolment[]): void {
  for (const e of enrolments) {
    const code = e.def.screeningVisit;
    if (e.row.arm !== null || code === null || e.screeningDate === null) continue;
    const rows = e.def.calendar.filter((r) => r.arm === e.def.arms[0] && r.visit_code === code);
    for (const item of rows) {
      if (item.designation === 'NOT_BILLABLE' || item.designation === 'CONDITIONAL' || item.requires_preapproval) continue;
      addServiceLines(book, rng, { e, item, date: e.screeningDate, setting: 'OUTPATIENT', toStudy: item.designation === 'SPONSOR', visitCode: null });
    }
  }
}

/** Ordinary care of enrolled patients around and during their study period. */
export function ordinaryCareOfSubjects(book: ChargeBook, rng: Prng, enrolments: readonly Enrolment[]): void {
  for (const e of enrolments) {
    const { row, def } = e;
    const billing = (claim: 'INSTITUTIONAL' | 'PROFESSIONAL'): Billing => insuranceBilling(e, false, claim, 'OUTPATIENT');
    const dx = (cpt: string): string[] => lineDx(e, cpt, rng, false);
    const armCodes = new Set(def.calendar.filter((r) => r.arm === row.arm).map((r) => r.cpt_hcpcs));
    const allCodes = new Set(def.calendar.map((r) => r.cpt_hcpcs));
    // While on study, only codes that are not on the subject's calendar (any arm's, when not randomised yet).
    const during = def.background.during.filter((c) => !(row.arm === null ? allCodes : armCodes).has(c));
    const periodEnd = row.off_study_date ?? DATA_CUT;
    const episodes: { from: string; to: string; codes: readonly string[]; count: number }[] = [
      { from: EXPORT_FROM, to: addDays(row.consent_date, -1), codes: def.background.before, count: rng.int(1, 2) },
      { from: addDays(row.consent_date, 1), to: periodEnd < DATA_CUT ? periodEnd : DATA_CUT, codes: during, count: rng.int(0, 2) },
      { from: addDays(periodEnd, 1), to: DATA_CUT, codes: def.background.after, count: row.off_study_date === null ? 0 : rng.int(1, 3) },
    ];
    for (const ep of episodes) {
      for (let i = 0; i < ep.count; i += 1) {
        const date = dateBetween(rng, ep.from, ep.to);
        if (date === null || ep.codes.length === 0) break;
        for (const cpt of rng.sample(ep.codes, Math.min(ep.codes.length, rng.int(1, 3)), 'ordinary codes')) addOrdinary(book, row.mrn, date, cpt, billing, dx(cpt), e);
      }
    }
  }
}

/** Patients in no study: their charges go to insurance (or the patient) and are none of the demo's business. */
export function otherPatients(book: ChargeBook, rng: Prng, mrns: MrnPool, count: number): string[] {
  const payers: PayerType[] = ['MEDICARE', 'MEDICARE', 'MEDICARE_ADVANTAGE', 'COMMERCIAL', 'COMMERCIAL', 'MEDICAID', 'SELF_PAY'];
  const out: string[] = [];
  for (let p = 0; p < count; p += 1) {
    const mrn = mrns.next();
    out.push(mrn);
    const payer = rng.pick(payers);
    const plan = planName(rng, payer);
    const billing = (): Billing => {
      if (payer === 'SELF_PAY') return { billTo: 'PATIENT', payerType: payer, payerName: plan };
      return { billTo: 'INSURANCE', payerType: payer, payerName: payer === 'MEDICARE' ? 'Medicare Part B' : plan };
    };
    const primary = rng.pick(GENERAL_DX);
    for (let visit = rng.int(1, 3); visit > 0; visit -= 1) {
      const date = dateBetween(rng, EXPORT_FROM, DATA_CUT) as string;
      for (const cpt of rng.sample(GENERAL_CODES, rng.int(1, 3), 'general codes')) addOrdinary(book, mrn, date, cpt, billing, [primary], null);
    }
  }
  return out;
}
