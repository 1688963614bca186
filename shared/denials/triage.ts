/**
 * Denial triage: what a denied remittance line means and what to do about it. Pure: the caller
 * supplies the denial adjustments, remark codes, payer kind and (when the line is linked to a charge
 * of an enrolled subject) the study facts the compliance engine knows. The rules and their sources are
 * catalogued in triage-rules.ts and applied in that order; the first that fires decides.
 */
import type { Designation, PayerType } from '../domain/codes.ts';
import { carcDefault } from './carc-defaults.ts';
import { isMedicareFamily } from './payer-kind.ts';
import type { TriageRuleId } from './triage-rules.ts';
import type { AppealBasis, DenialAction, DenialCategory, PayerKind, RebillTarget } from './vocabulary.ts';

/** One CAS triplet read as a denial (shared/remit triageAdjustment says 'denial'). */
export interface DenialAdjustment {
  readonly group: string;
  readonly reason: string;
  readonly amountCents: number;
}

/** What the engine knows of the denied line's charge: its study, its calendar row, its subject. */
export interface TrialContext {
  readonly studyId: string;
  readonly qualifying: boolean;
  readonly nctNumber: string | null;
  /** Set for a device (IDE) study. */
  readonly ideNumber: string | null;
  readonly subjectPayerType: PayerType;
  /** Designation of the calendar row the service matched; null when it matched none. */
  readonly designation: Designation | null;
  /** The consent form promises this item free. */
  readonly promisedFree: boolean;
  /** The calendar row carries a sponsor price (the CTA budget pays for it). */
  readonly sponsorPriced: boolean;
}

export interface DenialCase {
  /** The denial adjustments of the line (and of its claim, for a claim-level denial); at least one. */
  readonly adjustments: readonly DenialAdjustment[];
  /** RARCs of the line and of its claim (LQ*HE, MOA, MIA). */
  readonly remarks: readonly string[];
  readonly payerKind: PayerKind;
  readonly trial: TrialContext | null;
}

export interface TriageResult {
  readonly rule: TriageRuleId;
  readonly category: DenialCategory;
  readonly action: DenialAction;
  /** The reason code carrying the largest denied amount. */
  readonly primaryCarc: string;
  /** Whether an appeal is open at all (unprocessable claims have no appeal rights [FCSO-16]). */
  readonly appealable: boolean;
  /** The ground of an appeal; null unless the action is appeal. */
  readonly basis: AppealBasis | null;
  /** Where a fix or rebill goes; null for appeal, sponsor and write-off. */
  readonly rebillTo: RebillTarget | null;
  /** One sentence for the queue: why this conclusion. */
  readonly reason: string;
}

/** Reasons that dispute coverage itself, which the study facts can answer (BRIEF 4.3). */
const COVERAGE_REASONS = new Set(['50', '55', '56', '96', '114', '188', '204', '272', 'A1']);
const TRIAL_NUMBER_REMARKS = ['MA50', 'MA128'];
const TRIAL_APPROVAL_REMARKS = ['M61', 'MA123'];
const NO_APPEAL_REMARKS = ['MA130', 'N211'];
const ROUTINE: ReadonlySet<Designation> = new Set(['SOC', 'CONDITIONAL']);

/** The reason code with the largest denied amount (the first on a tie). */
export function primaryReason(adjustments: readonly DenialAdjustment[]): string {
  let best: DenialAdjustment | null = null;
  for (const a of adjustments) if (best === null || a.amountCents > best.amountCents) best = a;
  return best?.reason ?? '';
}

type Conclusion = Omit<TriageResult, 'primaryCarc' | 'appealable'> & { readonly appealable?: boolean };

const conclude = (
  rule: TriageRuleId,
  category: DenialCategory,
  action: DenialAction,
  reason: string,
  extra: { basis?: AppealBasis; rebillTo?: RebillTarget; appealable?: boolean } = {},
): Conclusion => ({ rule, category, action, reason, basis: extra.basis ?? null, rebillTo: extra.rebillTo ?? null, ...(extra.appealable === undefined ? {} : { appealable: extra.appealable }) });

/** Triage of one denied line (or claim). */
export function triageDenial(denial: DenialCase): TriageResult {
  const primaryCarc = primaryReason(denial.adjustments);
  const noAppeal = denial.remarks.some((code) => NO_APPEAL_REMARKS.includes(code));
  const found = researchRule(denial, primaryCarc) ?? codeRule(denial, primaryCarc);
  const appealable = !noAppeal && primaryCarc !== '16' && (found.appealable ?? true);
  return { ...found, primaryCarc, appealable, basis: found.action === 'appeal' ? found.basis : null };
}

function researchRule(denial: DenialCase, carc: string): Conclusion | null {
  const { trial, payerKind, remarks } = denial;
  if (trial !== null) {
    if (trial.designation === 'SPONSOR' || (!trial.qualifying && trial.designation === 'INVESTIGATIONAL')) {
      return conclude('SPONSOR-ITEM', 'sponsor-vs-insurance', 'move-to-sponsor', `The coverage analysis of ${trial.studyId} makes this a sponsor-paid item: invoice the sponsor, do not appeal.`, { appealable: false });
    }
    if (trial.designation === 'NOT_BILLABLE' || trial.promisedFree) {
      return conclude('NOT-BILLABLE', 'sponsor-vs-insurance', 'write-off', `${trial.studyId} supplies this item free or its consent promises it free: it may not be billed to anyone.`, { appealable: false });
    }
  }
  // Before the coding rules: a Medicare Advantage plan that denies a routine cost of a drug trial
  // (missing NCT number, unprocessable, anything) was the wrong payer in the first place; fixing
  // the claim for the plan would only be denied again.
  if (trial !== null) {
    const routing = maRoutingRule(trial, payerKind, carc);
    if (routing !== null) return routing;
  }
  if (remarks.some((code) => TRIAL_NUMBER_REMARKS.includes(code))) {
    const number = trial?.ideNumber ? `IDE number ${trial.ideNumber} and NCT number` : 'NCT number';
    return conclude('TRIAL-NUMBER', 'protocol', 'fix-resubmit', `The payer could not find the clinical-trial ${number} on the claim: add it and submit a new claim (no appeal rights).`, {
      rebillTo: 'SAME_PAYER',
      appealable: false,
    });
  }
  if (remarks.some((code) => TRIAL_APPROVAL_REMARKS.includes(code))) {
    return conclude('TRIAL-APPROVAL', 'protocol', 'appeal', 'The payer does not recognise the study\'s approval or the site\'s participation: appeal with the approval documents.', { basis: 'QUALIFYING_TRIAL' });
  }
  if (carc === '16' || remarks.some((code) => NO_APPEAL_REMARKS.includes(code))) {
    return conclude('UNPROCESSABLE', 'documentation', 'fix-resubmit', 'Unprocessable claim: correct what the remark codes name and submit a new claim (no appeal rights).', { rebillTo: 'SAME_PAYER', appealable: false });
  }
  if (trial !== null) {
    const device = maDeviceRule(trial, payerKind, carc);
    if (device !== null) return device;
  }
  if (carc === '109') {
    return conclude('WRONG-PAYER', 'coordination-of-benefits', 'rebill-other-payer', 'Not this payer\'s claim: bill the payer or contractor the remark names.', { rebillTo: 'CORRECT_PAYER' });
  }
  if (carc === '29') return conclude('TIMELY-FILING', 'timely-filing', 'write-off', 'Filed after the payer\'s time limit: write off unless proof of timely submission exists.');
  if (carc === '22' || carc === '276') {
    return conclude('COB', 'coordination-of-benefits', 'rebill-other-payer', 'Another payer is primary: bill it first, then send this payer its remittance.', { rebillTo: 'PRIMARY_PAYER' });
  }
  if (trial !== null && COVERAGE_REASONS.has(carc)) return coverageRule(trial, payerKind);
  return null;
}

/** Whether the subject is a Medicare Advantage enrollee of a qualifying trial (by enrolment or by the payer that answered). */
function maEnrolleeOfQualifyingTrial(trial: TrialContext, payerKind: PayerKind): boolean {
  return (trial.subjectPayerType === 'MEDICARE_ADVANTAGE' || payerKind === 'MEDICARE_ADVANTAGE') && trial.qualifying;
}

/** Medicare Advantage routing of a drug/non-IDE trial [BRIEF 1.4]: its routine costs go to Original Medicare. */
function maRoutingRule(trial: TrialContext, payerKind: PayerKind, carc: string): Conclusion | null {
  if (!maEnrolleeOfQualifyingTrial(trial, payerKind) || trial.ideNumber !== null) return null;
  const routineLine = trial.designation !== null && (ROUTINE.has(trial.designation) || trial.designation === 'INVESTIGATIONAL');
  if (payerKind === 'MEDICARE_ADVANTAGE' && (carc === '109' || carc === '22' || routineLine)) {
    return conclude('MA-ROUTING', 'coordination-of-benefits', 'rebill-other-payer', `Routine costs of ${trial.studyId} (a qualifying trial) for a Medicare Advantage enrollee are billed to Original Medicare, not the MA plan.`, {
      rebillTo: 'ORIGINAL_MEDICARE',
    });
  }
  if (payerKind === 'MEDICARE' && carc === '109') {
    return conclude('MA-ROUTING', 'protocol', 'fix-resubmit', `The MAC pays ${trial.studyId}'s routine costs for Medicare Advantage enrollees: resubmit with Q1, Z00.6 and the NCT number so it recognises the trial claim.`, {
      rebillTo: 'SAME_PAYER',
    });
  }
  return null;
}

/** Medicare Advantage enrollee of an IDE device study [BRIEF 1.4]: the MA plan is responsible. */
function maDeviceRule(trial: TrialContext, payerKind: PayerKind, carc: string): Conclusion | null {
  if (!maEnrolleeOfQualifyingTrial(trial, payerKind) || trial.ideNumber === null) return null;
  const routineLine = trial.designation !== null && (ROUTINE.has(trial.designation) || trial.designation === 'INVESTIGATIONAL');
  if (payerKind === 'MEDICARE' && carc === '109') {
    return conclude('MA-DEVICE', 'coordination-of-benefits', 'rebill-other-payer', `${trial.studyId} is an IDE study: its covered claims for a Medicare Advantage enrollee go to the MA plan, not the MAC.`, { rebillTo: 'MA_PLAN' });
  }
  if (payerKind === 'MEDICARE_ADVANTAGE' && (carc === '109' || (routineLine && COVERAGE_REASONS.has(carc)))) {
    return conclude('MA-DEVICE', 'protocol', 'appeal', `${trial.studyId} is an IDE study: the MA plan is responsible for its covered claims.`, { basis: 'MA_IDE' });
  }
  return null;
}

/** A coverage denial of a line the coverage analysis knows. */
function coverageRule(trial: TrialContext, payerKind: PayerKind): Conclusion | null {
  if (trial.designation === 'INVESTIGATIONAL') {
    if (isMedicareFamily(payerKind)) {
      return conclude('INVESTIGATIONAL-ITEM', 'protocol', 'appeal', `Medicare covers the investigational item of ${trial.studyId} when it is covered outside the trial: appeal.`, { basis: 'INVESTIGATIONAL_ITEM' });
    }
    const sponsor = trial.sponsorPriced;
    return conclude('INVESTIGATIONAL-EXCLUDED', 'sponsor-vs-insurance', sponsor ? 'move-to-sponsor' : 'write-off', `PHSA §2709 does not cover the investigational item itself: ${sponsor ? 'invoice the sponsor (the budget prices it)' : 'write it off unless the contract says who pays'}.`, {
      appealable: false,
    });
  }
  if (trial.designation === null || !ROUTINE.has(trial.designation)) return null;
  if (!trial.qualifying) {
    return conclude('CONVENTIONAL-CARE', 'coverage-eligibility', 'appeal', `${trial.studyId} is not a qualifying trial, but conventional care stays billable as if the patient were not enrolled: appeal on medical necessity.`, {
      basis: 'MEDICAL_NECESSITY',
    });
  }
  const basis: AppealBasis = isMedicareFamily(payerKind) ? 'NCD_310_1' : payerKind === 'COMMERCIAL' ? 'PHSA_2709' : 'QUALIFYING_TRIAL';
  const law = basis === 'NCD_310_1' ? 'under NCD 310.1' : basis === 'PHSA_2709' ? 'under PHSA §2709' : 'as a routine cost of a qualifying trial';
  return conclude('ROUTINE-COST', 'protocol', 'appeal', `A routine cost of ${trial.studyId}, a qualifying trial: appeal ${law}.`, { basis });
}

function codeRule(denial: DenialCase, carc: string): Conclusion {
  const fallback = carcDefault(carc);
  const rebillTo: RebillTarget | undefined = fallback.action === 'fix-resubmit' ? 'SAME_PAYER' : fallback.action === 'rebill-other-payer' ? 'CORRECT_PAYER' : undefined;
  const trialNote = denial.trial !== null && denial.trial.designation === null ? ' (the service matched no row of the study calendar)' : '';
  return conclude('BY-REASON-CODE', fallback.category, fallback.action, `${fallback.note}${trialNote}`, {
    ...(fallback.basis ? { basis: fallback.basis } : {}),
    ...(rebillTo ? { rebillTo } : {}),
  });
}
