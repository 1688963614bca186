/**
 * The default reading of a denial from its reason code alone (BRIEF 4.3, "typical action"), used when
 * none of the research-aware rules of triage.ts applies (no trial context, or a reason the study facts
 * do not change). The wording of each note is ours; the code meanings are summarised in
 * shared/remit/carc.ts.
 */
import { DENIAL_SOURCES as S, type Source } from './sources.ts';
import type { AppealBasis, DenialAction, DenialCategory } from './vocabulary.ts';

export interface CarcDefault {
  readonly category: DenialCategory;
  readonly action: DenialAction;
  readonly basis: AppealBasis | null;
  /** What to do, in one sentence for the queue. */
  readonly note: string;
}

const d = (category: DenialCategory, action: DenialAction, note: string, basis: AppealBasis | null = null): CarcDefault => ({ category, action, note, basis });

const MEDICAL_NECESSITY = d('coverage-eligibility', 'appeal', 'Appeal with the clinical notes that show medical necessity.', 'MEDICAL_NECESSITY');
const CODING = d('documentation', 'fix-resubmit', 'Correct the code, modifier or diagnosis the remark names and submit a corrected claim.');
const SEND_RECORDS = d('documentation', 'fix-resubmit', 'Send the documentation the payer asked for with the resubmitted claim.');
const NOT_COVERED_PLAN = d('coverage-eligibility', 'write-off', 'The plan excludes or has exhausted this benefit: write off (the CO group bars billing the patient).');
const CREDENTIALING = d('coverage-eligibility', 'fix-resubmit', 'Check the rendering provider\'s enrolment and credentialing, then resubmit.');

/** CARC -> default category and action. */
export const CARC_DEFAULTS: Readonly<Record<string, CarcDefault>> = {
  '4': CODING,
  '5': CODING,
  '11': CODING,
  '15': d('authorization', 'fix-resubmit', 'Add the authorization number that covers this service and resubmit.'),
  '16': d('documentation', 'fix-resubmit', 'Unprocessable: correct what the remark code names and submit a new claim (no appeal rights).'),
  '18': d('documentation', 'write-off', 'Duplicate: confirm the original claim was adjudicated, then close this line.'),
  '22': d('coordination-of-benefits', 'rebill-other-payer', 'Bill the primary payer first; send this payer the primary\'s remittance.'),
  '26': d('coverage-eligibility', 'rebill-other-payer', 'Coverage had not started on the date of service: bill the payer that covered that date.'),
  '27': d('coverage-eligibility', 'rebill-other-payer', 'Coverage had ended on the date of service: bill the payer that covered that date.'),
  '29': d('timely-filing', 'write-off', 'Filed too late: write off unless proof of timely submission exists (then appeal with it).'),
  '31': d('coverage-eligibility', 'rebill-other-payer', 'The payer does not know the patient as a member: verify insurance and bill the right payer.'),
  '35': NOT_COVERED_PLAN,
  '39': d('authorization', 'appeal', 'Authorization was refused: appeal with the clinical justification.', 'AUTHORIZATION'),
  '49': NOT_COVERED_PLAN,
  '50': MEDICAL_NECESSITY,
  '51': NOT_COVERED_PLAN,
  '55': d('coverage-eligibility', 'appeal', 'Experimental/investigational per the payer: appeal with FDA status and guideline support.', 'MEDICAL_NECESSITY'),
  '56': d('coverage-eligibility', 'appeal', 'Not proven effective per the payer: appeal with literature and guideline support.', 'MEDICAL_NECESSITY'),
  '58': CODING,
  '96': MEDICAL_NECESSITY,
  '97': d('documentation', 'write-off', 'Bundled into another service: write off unless a modifier for a distinct service applies (then correct and resubmit).'),
  '107': CODING,
  '109': d('coordination-of-benefits', 'rebill-other-payer', 'Not this payer\'s claim: bill the payer or contractor the remark names.'),
  '114': d('protocol', 'appeal', 'Not FDA approved: check IDE status and the Q0 modifier; appeal with the IDE letter when covered.', 'INVESTIGATIONAL_ITEM'),
  '119': NOT_COVERED_PLAN,
  '125': d('documentation', 'fix-resubmit', 'Submission error: correct what the remark code names and submit a corrected claim.'),
  '146': CODING,
  '149': NOT_COVERED_PLAN,
  '150': MEDICAL_NECESSITY,
  '151': MEDICAL_NECESSITY,
  '163': SEND_RECORDS,
  '167': CODING,
  '170': CREDENTIALING,
  '181': CODING,
  '182': CODING,
  '185': CREDENTIALING,
  '188': d('coverage-eligibility', 'appeal', 'Covered only as the FDA labeling recommends: appeal with compendium or guideline support for this use.', 'MEDICAL_NECESSITY'),
  '189': CODING,
  '197': d('authorization', 'appeal', 'Precertification missing: appeal with the authorization or a retro-authorization.', 'AUTHORIZATION'),
  '198': d('authorization', 'appeal', 'Beyond what was authorized: appeal with an updated authorization.', 'AUTHORIZATION'),
  '199': CODING,
  '204': d('coverage-eligibility', 'appeal', 'Not covered by the current benefit plan: appeal.', 'MEDICAL_NECESSITY'),
  '226': SEND_RECORDS,
  '234': d('documentation', 'write-off', 'Not paid separately: write off unless billed in error (then correct and resubmit).'),
  '236': CODING,
  '242': d('coverage-eligibility', 'appeal', 'Out of network: appeal when an exception applies.', 'GENERIC'),
  '251': SEND_RECORDS,
  '252': SEND_RECORDS,
  '272': MEDICAL_NECESSITY,
  '276': d('coordination-of-benefits', 'rebill-other-payer', 'Denied by the prior payer: settle that denial first, then rebill.'),
  A1: MEDICAL_NECESSITY,
  B7: CREDENTIALING,
  B13: d('documentation', 'write-off', 'Paid before: confirm the earlier payment, then close this line.'),
  B15: CODING,
  B20: d('documentation', 'write-off', 'Furnished by another provider: confirm, then close this line.'),
};

/** For a reason code this table does not know: read it by hand (appeal is the safe default, never a silent write-off). */
export const UNKNOWN_CARC: CarcDefault = d('coverage-eligibility', 'appeal', 'Unfamiliar reason code: read the remark codes and decide by hand.', 'GENERIC');

/** The default reading of a CARC. */
export function carcDefault(code: string): CarcDefault {
  return CARC_DEFAULTS[code] ?? UNKNOWN_CARC;
}

/** Sources of the code-based defaults. */
export const CARC_DEFAULT_SOURCES: readonly Source[] = [S.OEMR_CARC, S.OEMR_RARC, S.XIFIN_RARC];
