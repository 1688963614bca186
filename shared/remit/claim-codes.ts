/**
 * CLP02 claim status and CLP06 claim filing indicator codes [BRIEF 4.1, 4.2]. "Processed" is not
 * "paid": a fully denied claim usually comes back as status 1 with CO/PR adjustments, so denial is
 * read from CAS and remark codes, never from CLP02 alone [X12-RFI1423] [X12-RFI207].
 */

export const CLAIM_STATUSES: Readonly<Record<string, string>> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied (patient not recognized, claim not forwarded)',
  '19': 'Processed as primary, forwarded to another payer',
  '20': 'Processed as secondary, forwarded to another payer',
  '21': 'Processed as tertiary, forwarded to another payer',
  '22': 'Reversal of an earlier payment',
  '23': 'Not our claim, forwarded to another payer',
  '25': 'Priced only (predetermination), no payment',
};

/** CLP02 = 22: this claim takes back an earlier payment; it pairs with the claim it reverses. */
export const REVERSAL_STATUS = '22';

export const FILING_INDICATORS: Readonly<Record<string, string>> = {
  '11': 'Other non-federal program',
  '12': 'PPO',
  '13': 'Point of service',
  '14': 'Exclusive provider organization',
  '15': 'Indemnity',
  '16': 'HMO Medicare risk (Medicare Advantage)',
  '17': 'Dental maintenance organization',
  AM: 'Automobile medical',
  CH: 'TRICARE (CHAMPUS)',
  CI: 'Commercial insurance',
  DS: 'Disability',
  HM: 'HMO',
  LM: 'Liability medical',
  MA: 'Medicare Part A',
  MB: 'Medicare Part B',
  MC: 'Medicaid',
  OF: 'Other federal program',
  TV: 'Title V',
  VA: 'Veterans Affairs plan',
  WC: 'Workers\' compensation',
  ZZ: 'Mutually defined',
};

/** Medicare Advantage claims go to the MA plan, not the MAC, for trial routine costs too [BRIEF 1.4]. */
export function isMedicareAdvantageFiling(indicator: string | null): boolean {
  return indicator === '16';
}

export function isTraditionalMedicareFiling(indicator: string | null): boolean {
  return indicator === 'MA' || indicator === 'MB';
}
