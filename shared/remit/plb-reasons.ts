/**
 * PLB (provider-level adjustment) reason codes of the 5010 835 [PYX12-835] with short descriptions in
 * our words [ERA835-PLB]. Sign convention: a positive PLB amount reduces the payment (a recovery or
 * withholding), a negative one adds to it (interest, passthru) [BRIEF 4.1].
 */

export interface PlbReasonInfo {
  readonly code: string;
  readonly description: string;
}

const p = (code: string, description: string): PlbReasonInfo => ({ code, description });

export const PLB_REASONS: readonly PlbReasonInfo[] = [
  p('50', 'Late charge'),
  p('51', 'Interest penalty charge'),
  p('72', 'Authorized return of funds'),
  p('90', 'Early payment allowance'),
  p('AH', 'Origination fee'),
  p('AM', 'Applied to borrower\'s account'),
  p('AP', 'Acceleration of benefits'),
  p('B2', 'Rebate'),
  p('B3', 'Recovery allowance'),
  p('BD', 'Bad debt adjustment'),
  p('BN', 'Bonus'),
  p('C5', 'Temporary allowance'),
  p('CR', 'Capitation interest'),
  p('CS', 'General adjustment (see the reference)'),
  p('CT', 'Capitation payment'),
  p('CV', 'Capital passthrough'),
  p('CW', 'Nurse anesthetist (CRNA) passthrough'),
  p('DM', 'Direct medical education passthrough'),
  p('E3', 'Withholding'),
  p('FB', 'Balance carried forward from or to another remittance'),
  p('FC', 'Fund allocation'),
  p('GO', 'Graduate medical education passthrough'),
  p('HM', 'Hemophilia clotting factor supplement'),
  p('IP', 'Incentive premium payment'),
  p('IR', 'IRS withholding'),
  p('IS', 'Interim settlement'),
  p('J1', 'Not reimbursable'),
  p('L3', 'Penalty'),
  p('L6', 'Interest owed to the provider'),
  p('LE', 'Levy'),
  p('LS', 'Lump sum'),
  p('OA', 'Organ acquisition passthrough'),
  p('OB', 'Offset for affiliated providers'),
  p('PI', 'Periodic interim payment'),
  p('PL', 'Final payment'),
  p('RA', 'Retroactive adjustment'),
  p('RE', 'Return on equity'),
  p('SL', 'Student loan repayment'),
  p('TL', 'Third-party liability'),
  p('WO', 'Overpayment recovery (withheld from this payment)'),
  p('WU', 'Unspecified recovery'),
];
