/**
 * Claim adjustment reason codes (CARC, CAS02/05/...) that matter for research billing [BRIEF 4.3],
 * plus the ones found in the sample remittances. Descriptions are our own short summaries, not the
 * official wording (which is maintained by X12 and changes several times a year); `triage` is the
 * default reading when the group code does not decide it (see triageAdjustment in codes.ts):
 *   contractual             an expected reduction or a bookkeeping adjustment: nothing to chase
 *   patient-responsibility  the patient (or a secondary payer) owes it
 *   denial                  money was refused for a reason someone should look at: fix, rebill or appeal
 * `needsRemark` marks codes that the payer must explain with a RARC (16, 96, 125, A1... since CR 5634)
 * [XIFIN-RARC]; `retired` marks codes no longer valid for new remittances but still seen in old files.
 */

export type TriageHint = 'contractual' | 'patient-responsibility' | 'denial';

export interface CarcInfo {
  readonly code: string;
  readonly description: string;
  readonly triage: TriageHint;
  readonly needsRemark?: boolean;
  readonly retired?: boolean;
}

const c = (code: string, triage: TriageHint, description: string, extra: Partial<Pick<CarcInfo, 'needsRemark' | 'retired'>> = {}): CarcInfo => ({
  code,
  description,
  triage,
  ...extra,
});

export const CARCS: readonly CarcInfo[] = [
  c('1', 'patient-responsibility', 'Applied to the patient deductible.'),
  c('2', 'patient-responsibility', 'Patient coinsurance share.'),
  c('3', 'patient-responsibility', 'Patient copay share.'),
  c('4', 'denial', 'Modifier missing, or does not fit the procedure code.'),
  c('5', 'denial', 'Procedure or bill type does not fit the place of service.'),
  c('11', 'denial', 'Diagnosis does not support the procedure billed.'),
  c('15', 'denial', 'Authorization number missing, wrong, or not for this service.'),
  c('16', 'denial', 'Claim is missing information or has a billing error; the remark code says what (e.g. MA50 trial/IDE number). Correct and resubmit.', { needsRemark: true }),
  c('18', 'denial', 'Duplicate of a claim or service already received.'),
  c('22', 'denial', 'Another payer may be primary (coordination of benefits).'),
  c('23', 'contractual', 'Effect of what an earlier payer paid or adjusted (secondary/tertiary posting).'),
  c('24', 'contractual', 'Covered by a capitation or managed-care agreement.'),
  c('26', 'denial', 'Service date is before coverage began.'),
  c('27', 'denial', 'Service date is after coverage ended.'),
  c('29', 'denial', 'Filed after the payer\'s time limit.'),
  c('31', 'denial', 'Payer cannot identify the patient as its member.'),
  c('35', 'denial', 'Lifetime benefit maximum already reached.'),
  c('39', 'denial', 'Authorization was requested and refused.'),
  c('42', 'contractual', 'Charge above the fee schedule or maximum allowed (older code, replaced by 45).', { retired: true }),
  c('45', 'contractual', 'Charge above the fee schedule, contracted or legislated amount: the usual write-off.'),
  c('49', 'denial', 'Routine or preventive exam (or a screening done with one) that the plan excludes.'),
  c('50', 'denial', 'Payer judged the service not medically necessary; for trial routine costs, appeal under NCD 310.1.'),
  c('51', 'denial', 'Excluded as a pre-existing condition.'),
  c('55', 'denial', 'Payer considers the procedure, treatment or drug experimental or investigational.'),
  c('56', 'denial', 'Payer considers the procedure or treatment not proven effective.'),
  c('58', 'denial', 'Place of service judged inappropriate for this treatment.'),
  c('59', 'contractual', 'Reduced under multiple or concurrent procedure rules.'),
  c('66', 'patient-responsibility', 'Blood deductible.'),
  c('94', 'contractual', 'Paid or processed above the billed charge (usually a negative adjustment).'),
  c('96', 'denial', 'Charge not covered; the remark code says why.', { needsRemark: true }),
  c('97', 'denial', 'Paid as part of another service already adjudicated (bundled).'),
  c('100', 'contractual', 'Payment went to the patient, insured or employer instead of the provider.'),
  c('104', 'contractual', 'Managed-care withholding held back under the contract.'),
  c('107', 'denial', 'The related or qualifying claim or service was not identified.'),
  c('109', 'denial', 'Not this payer\'s claim: send it to the right payer or contractor (e.g. Medicare Advantage plan vs MAC).'),
  c('114', 'denial', 'Procedure or product lacks FDA approval; check IDE status and the Q0 modifier.'),
  c('119', 'denial', 'Benefit maximum for the period or occurrence reached.'),
  c('125', 'denial', 'Submission or billing error; the remark code says which.', { needsRemark: true }),
  c('130', 'contractual', 'Fee charged for submitting the claim.'),
  c('131', 'contractual', 'Negotiated discount specific to this claim.'),
  c('137', 'contractual', 'Regulatory surcharge, assessment, allowance or health-related tax.'),
  c('144', 'contractual', 'Incentive adjustment under the contract (e.g. a preferred product or service).'),
  c('146', 'denial', 'Diagnosis code not valid for the service date.'),
  c('149', 'denial', 'Lifetime maximum reached for this benefit category.'),
  c('150', 'denial', 'Information sent does not support this level of service.'),
  c('151', 'denial', 'Information sent does not support this many services or this frequency.'),
  c('161', 'contractual', 'Provider performance bonus (usually a negative adjustment, money added).'),
  c('163', 'denial', 'Attachment named on the claim never arrived.'),
  c('167', 'denial', 'Diagnosis not covered.'),
  c('170', 'denial', 'Not payable when this type of provider performs or bills it.'),
  c('181', 'denial', 'Procedure code was not valid on the service date.'),
  c('182', 'denial', 'Modifier was not valid on the service date.'),
  c('185', 'denial', 'Rendering provider not eligible to perform the service billed.'),
  c('188', 'denial', 'Covered only when used as the FDA labeling recommends.'),
  c('189', 'denial', 'Unlisted or "not otherwise classified" code used where a specific code exists.'),
  c('197', 'denial', 'Precertification, authorization or notification missing.'),
  c('198', 'denial', 'Service went beyond what was authorized.'),
  c('199', 'denial', 'Revenue code and procedure code do not match.'),
  c('204', 'denial', 'Not covered by the patient\'s current benefit plan; for commercial trial routine costs see PHSA 2709.'),
  c('226', 'denial', 'Information the payer asked the provider for was not sent, late, or incomplete.', { needsRemark: true }),
  c('234', 'denial', 'This procedure is not paid separately.', { needsRemark: true }),
  c('236', 'denial', 'Procedure or modifier combination conflicts with another service that day (NCCI).'),
  c('237', 'contractual', 'Legislated or regulatory penalty (e.g. a MIPS or EHR payment adjustment); the remark names the program.'),
  c('242', 'denial', 'Provider is out of network.'),
  c('251', 'denial', 'Documentation received was incomplete; what is missing is still needed.', { needsRemark: true }),
  c('252', 'denial', 'Documentation or an attachment is needed to decide this claim.', { needsRemark: true }),
  c('253', 'contractual', 'Federal sequestration reduction.'),
  c('272', 'denial', 'Coverage or program guidelines not met.'),
  c('276', 'denial', 'Denied by the prior payer, so not covered here either.'),
  c('A1', 'denial', 'Claim or service denied; the remark code says why.', { needsRemark: true }),
  c('A2', 'contractual', 'Contractual adjustment (older code).', { retired: true }),
  c('A7', 'denial', 'Presumptive payment adjustment (older code).', { retired: true }),
  c('B7', 'denial', 'Provider was not certified or eligible for this service on this date.'),
  c('B13', 'denial', 'Already paid, possibly in an earlier payment.'),
  c('B15', 'denial', 'Needs a qualifying service that has not been received or paid.'),
  c('B20', 'denial', 'Service was furnished, in part or whole, by another provider.'),
];
