/**
 * Reference implementation of the compliance rules the demo exercises: the oracle behind
 * tests/fixtures/demo-expected-findings.json. It is deliberately plain (nested loops over the rows,
 * no indexes) and independent: it reads only the package rows as parsed back from the CSV text, and
 * shares nothing with the generator's injection logic or with the app's engine (only the row types and
 * the finding sort order), so it can be read against the rule table and trusted. Speed does not matter:
 * it runs once per generation.
 *
 * Interpretations made where the rule table leaves room (the demo is built so that, wherever a
 * reasonable engine could read a rule differently, the demo data does not depend on the choice; those
 * cases are marked "demo avoids"):
 *
 *  1. An enrolment is one row of subjects.csv. A charge is evaluated against every enrolment of its MRN
 *     independently, and each finding carries that enrolment's study_id and subject_id. (Demo avoids:
 *     no MRN is enrolled in more than one study.) The one exception is ENR-26, see 13.
 *  2. Study period = consent_date..off_study_date, both inclusive; open-ended when off_study_date is
 *     blank, whatever the status.
 *  3. Calendar match: the charge's date is in the study period, the subject has both an arm and a
 *     start_date (a subject without them, e.g. SCREENING or SCREEN_FAILED, matches no calendar item),
 *     and a calendar row of that study and arm with the same cpt_hcpcs has a window
 *     [start_date + visit_day - window_before_days, start_date + visit_day + window_after_days]
 *     containing the date. Nearest expected date wins; a tie goes to the earlier expected date, then to
 *     the earlier calendar row in file order. (Demo avoids ties: windows of one code never overlap.)
 *  4. Codes are compared after the package parsers' normalisation (upper case, ICD-10-CM with its dot).
 *     Modifiers, dx codes and condition codes are tested for membership: Z00.6 counts in any position
 *     (DX-09 does not check that it is secondary).
 *  5. "Trial-coded population" needs the charge's own payer_type MEDICARE; a Medicare Advantage
 *     enrollee whose line was correctly sent to Original Medicare is in it. MOD-08 applies to OUTPATIENT
 *     lines of both claim types; INPATIENT lines never need Q0/Q1.
 *  6. NCT-11: nct_on_claim must equal the study's NCT number without the 'NCT' prefix, as text. Blank,
 *     99999999, another study's digits and mistyped digits all fire. (Demo avoids prefixed forms such as
 *     'CT01234567', which an engine might normalise.)
 *  7. IDE-12: a device study is a study with an ide_number; ide_on_claim must equal it exactly.
 *  8. MA-13: "non-device" = no ide_number; the subject's payer_type (subjects.csv) must be
 *     MEDICARE_ADVANTAGE and the charge's payer_type too.
 *  9. DBL-03 needs no study period or calendar match: an invoice line of the enrolment's study for the
 *     same subject, cpt_hcpcs and service_date (any invoice number, any visit code). The finding's
 *     visit_code is, as for every charge finding, the charge's matched calendar visit or null. (Demo
 *     avoids a difference: every DBL-03 charge matches the visit its invoice line names.)
 * 10. QCT-01 fires on Q0 or Q1 among the modifiers or Z00.6 among the dx codes, for any bill_to;
 *     condition code 30 alone does not fire (the issue's table names only Q0/Q1/Z00.6).
 * 11. WIN-18 fires for any bill_to, only for subjects with an arm and a start_date, when the code is on
 *     the arm's calendar at any visit but no window of that code contains the date.
 * 12. INVC-20: COMPLETED visits only; a priced SPONSOR row of the subject's arm at that visit (a price of
 *     0.00 would count as a price: demo avoids); an invoice line "for that subject, visit and code" means
 *     the same study, subject_id, visit_code and cpt_hcpcs, any date; a pre-approval row counts only
 *     with an approval for the subject and code dated on the visit_date. The finding's service_date is the
 *     visit_date.
 * 13. ENR-26: a STUDY charge fires when its date lies in no study period of any enrolment of its MRN
 *     (a charge inside one study's period is that study's research billing, whatever other studies the
 *     MRN is in). It is reported once per enrolment of the MRN, or once with study_id and subject_id null
 *     when the MRN is enrolled in no study.
 * 14. PRE-27 needs an approval for exactly that subject, cpt_hcpcs and service_date; any bill_to.
 * 15. DUP-28: identity on (MRN, service_date, cpt_hcpcs, modifiers in their order, units,
 *     charge_amount, bill_to); every copy after the first in file order fires. It is reported for each
 *     enrolment whose study period contains the date: a duplicate outside every study period is ordinary
 *     hospital billing, not a research finding. (Demo avoids: no duplicate outside a study period.)
 * 16. RSH-02, ICF-04, FREE-05, PRE-27, SOC-29 and WIN-18 apply whether or not the study qualifies.
 * 17. ALIGN-15: one finding per calendar row even when several of its conditions hold, with study_id,
 *     visit_code and cpt_hcpcs (no arm in the finding; demo avoids two arms giving the same finding).
 * 18. A rule fires at most once per charge and enrolment; the expected file is therefore a set (the
 *     generator checks that no finding appears twice).
 */
import { addDays, daysBetween } from '../../shared/domain/dates.ts';
import type { CalendarRow, ChargeRow, DemoPackage, Finding, RuleId, StudyRow, SubjectRow } from './model.ts';
import { sortFindings } from './model.ts';

const TRIAL_DESIGNATIONS = new Set(['SOC', 'CONDITIONAL', 'INVESTIGATIONAL']);

function inStudyPeriod(subject: SubjectRow, date: string): boolean {
  return subject.consent_date <= date && (subject.off_study_date === null || date <= subject.off_study_date);
}

/** The calendar row a charge matches for one enrolment, or null (interpretation 3). */
function matchCalendar(calendar: readonly CalendarRow[], subject: SubjectRow, charge: ChargeRow): CalendarRow | null {
  if (!inStudyPeriod(subject, charge.service_date) || subject.arm === null || subject.start_date === null) return null;
  let best: CalendarRow | null = null;
  let bestDistance = 0;
  let bestExpected = '';
  for (const row of calendar) {
    if (row.study_id !== subject.study_id || row.arm !== subject.arm || row.cpt_hcpcs !== charge.cpt_hcpcs) continue;
    const expected = addDays(subject.start_date, row.visit_day);
    const first = addDays(expected, -row.window_before_days);
    const last = addDays(expected, row.window_after_days);
    if (charge.service_date < first || charge.service_date > last) continue;
    const distance = Math.abs(daysBetween(expected, charge.service_date));
    if (best === null || distance < bestDistance || (distance === bestDistance && expected < bestExpected)) {
      best = row;
      bestDistance = distance;
      bestExpected = expected;
    }
  }
  return best;
}

function hasApproval(pkg: DemoPackage, subject: SubjectRow, cpt: string, date: string): boolean {
  return pkg.approvals.some((a) => a.study_id === subject.study_id && a.subject_id === subject.subject_id && a.cpt_hcpcs === cpt && a.service_date === date);
}

function study(pkg: DemoPackage, studyId: string): StudyRow {
  const found = pkg.studies.find((s) => s.study_id === studyId);
  if (!found) throw new Error(`reference rules: unknown study ${studyId}`);
  return found;
}

/** Charges that repeat an earlier charge in file order (DUP-28, interpretation 15). */
function laterCopies(charges: readonly ChargeRow[]): Set<ChargeRow> {
  const seen = new Set<string>();
  const copies = new Set<ChargeRow>();
  for (const c of charges) {
    const key = JSON.stringify([c.mrn, c.service_date, c.cpt_hcpcs, c.modifiers, c.units, c.charge_amount, c.bill_to]);
    if (seen.has(key)) copies.add(c);
    else seen.add(key);
  }
  return copies;
}

/** Every rule that looks at one charge for one enrolment. */
function chargeFindings(pkg: DemoPackage, charge: ChargeRow, subject: SubjectRow, isCopy: boolean): Finding[] {
  const s = study(pkg, subject.study_id);
  const match = matchCalendar(pkg.calendar, subject, charge);
  const inPeriod = inStudyPeriod(subject, charge.service_date);
  const out: Finding[] = [];
  const fire = (rule: RuleId): void => {
    out.push({
      rule,
      study_id: subject.study_id,
      subject_id: subject.subject_id,
      charge_id: charge.charge_id,
      visit_code: match?.visit_code ?? null,
      cpt_hcpcs: charge.cpt_hcpcs,
      service_date: charge.service_date,
    });
  };
  const toInsuranceOrPatient = charge.bill_to === 'INSURANCE' || charge.bill_to === 'PATIENT';

  if (match !== null) {
    const d = match.designation;
    if (d === 'SPONSOR' && toInsuranceOrPatient) fire('RSH-02');
    if (match.promised_free && toInsuranceOrPatient) fire('ICF-04');
    if (d === 'NOT_BILLABLE') fire('FREE-05');
    const trialCoded = s.qualifying_trial && TRIAL_DESIGNATIONS.has(d) && charge.bill_to === 'INSURANCE' && charge.payer_type === 'MEDICARE';
    if (trialCoded) {
      const needed = d === 'INVESTIGATIONAL' ? 'Q0' : 'Q1';
      if (charge.setting === 'OUTPATIENT' && !charge.modifiers.includes(needed)) fire('MOD-08');
      if (!charge.dx_codes.includes('Z00.6')) fire('DX-09');
      if (charge.claim_type === 'INSTITUTIONAL' && !charge.condition_codes.includes('30')) fire('CC-10');
      if (charge.nct_on_claim !== (s.nct_number === null ? null : s.nct_number.slice(3))) fire('NCT-11');
      if (s.ide_number !== null && charge.ide_on_claim !== s.ide_number) fire('IDE-12');
    }
    if (
      subject.payer_type === 'MEDICARE_ADVANTAGE' &&
      s.qualifying_trial &&
      s.ide_number === null &&
      TRIAL_DESIGNATIONS.has(d) &&
      charge.bill_to === 'INSURANCE' &&
      charge.payer_type === 'MEDICARE_ADVANTAGE'
    ) {
      fire('MA-13');
    }
    if (match.requires_preapproval && !hasApproval(pkg, subject, charge.cpt_hcpcs, charge.service_date)) fire('PRE-27');
    if (d === 'SOC' && match.sponsor_price === null && charge.bill_to === 'STUDY') fire('SOC-29');
  }

  const invoiced = pkg.invoices.some(
    (l) => l.study_id === subject.study_id && l.subject_id === subject.subject_id && l.cpt_hcpcs === charge.cpt_hcpcs && l.service_date === charge.service_date,
  );
  if (toInsuranceOrPatient && invoiced) fire('DBL-03');

  const trialCoding = charge.modifiers.includes('Q0') || charge.modifiers.includes('Q1') || charge.dx_codes.includes('Z00.6');
  if (!s.qualifying_trial && inPeriod && trialCoding) fire('QCT-01');

  if (inPeriod && match === null && subject.arm !== null && subject.start_date !== null) {
    const onCalendar = pkg.calendar.some((r) => r.study_id === subject.study_id && r.arm === subject.arm && r.cpt_hcpcs === charge.cpt_hcpcs);
    if (onCalendar) fire('WIN-18');
  }

  if (inPeriod && isCopy) fire('DUP-28');
  return out;
}

/** ENR-26 (interpretation 13). */
function enrolmentFindings(charge: ChargeRow, enrolments: readonly SubjectRow[]): Finding[] {
  if (charge.bill_to !== 'STUDY' || enrolments.some((e) => inStudyPeriod(e, charge.service_date))) return [];
  const base = { rule: 'ENR-26' as const, charge_id: charge.charge_id, visit_code: null, cpt_hcpcs: charge.cpt_hcpcs, service_date: charge.service_date };
  if (enrolments.length === 0) return [{ ...base, study_id: null, subject_id: null }];
  return enrolments.map((e) => ({ ...base, study_id: e.study_id, subject_id: e.subject_id }));
}

/** INVC-20 (interpretation 12). */
function invoicingFindings(pkg: DemoPackage): Finding[] {
  const out: Finding[] = [];
  for (const visit of pkg.visits) {
    if (visit.status !== 'COMPLETED') continue;
    const subject = pkg.subjects.find((s) => s.study_id === visit.study_id && s.subject_id === visit.subject_id);
    if (!subject || subject.arm === null) continue;
    for (const row of pkg.calendar) {
      if (row.study_id !== visit.study_id || row.arm !== subject.arm || row.visit_code !== visit.visit_code) continue;
      if (row.designation !== 'SPONSOR' || row.sponsor_price === null) continue;
      if (row.requires_preapproval && !hasApproval(pkg, subject, row.cpt_hcpcs, visit.visit_date)) continue;
      const invoiced = pkg.invoices.some(
        (l) => l.study_id === visit.study_id && l.subject_id === visit.subject_id && l.visit_code === visit.visit_code && l.cpt_hcpcs === row.cpt_hcpcs,
      );
      if (!invoiced) {
        out.push({ rule: 'INVC-20', study_id: visit.study_id, subject_id: visit.subject_id, charge_id: null, visit_code: visit.visit_code, cpt_hcpcs: row.cpt_hcpcs, service_date: visit.visit_date });
      }
    }
  }
  return out;
}

/** ALIGN-15 (interpretation 17). */
function alignmentFindings(pkg: DemoPackage): Finding[] {
  return pkg.calendar
    .filter(
      (r) =>
        (r.designation === 'SOC' && r.sponsor_price !== null) ||
        (r.designation === 'SPONSOR' && r.sponsor_price === null) ||
        (r.promised_free && (r.designation === 'SOC' || r.designation === 'CONDITIONAL')),
    )
    .map((r) => ({ rule: 'ALIGN-15', study_id: r.study_id, subject_id: null, charge_id: null, visit_code: r.visit_code, cpt_hcpcs: r.cpt_hcpcs, service_date: null }));
}

/** Every finding the rules produce on a package, sorted. */
export function referenceFindings(pkg: DemoPackage): Finding[] {
  const copies = laterCopies(pkg.charges);
  const findings: Finding[] = [];
  for (const charge of pkg.charges) {
    const enrolments = pkg.subjects.filter((s) => s.mrn === charge.mrn);
    findings.push(...enrolmentFindings(charge, enrolments));
    for (const subject of enrolments) findings.push(...chargeFindings(pkg, charge, subject, copies.has(charge)));
  }
  findings.push(...invoicingFindings(pkg), ...alignmentFindings(pkg));
  return sortFindings(findings);
}
