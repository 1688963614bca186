/** The payer kind of a remitted claim: the filing indicator first, except that private-plan indicators do not overrule a Medicare Advantage charge. */
import { describe, expect, it } from 'vitest';
import { payerKindOf } from '../../shared/denials/payer-kind.ts';

describe('payerKindOf', () => {
  it.each([
    ['16', null, 'MEDICARE_ADVANTAGE'],
    ['MB', 'COMMERCIAL', 'MEDICARE'],
    ['MA', null, 'MEDICARE'],
    ['MC', 'MEDICARE', 'MEDICAID'],
    ['CI', 'COMMERCIAL', 'COMMERCIAL'],
    ['CI', null, 'COMMERCIAL'],
    ['12', 'MEDICARE', 'COMMERCIAL'],
    // An MA PPO filing as a private plan: the charge's MA payer type stands.
    ['12', 'MEDICARE_ADVANTAGE', 'MEDICARE_ADVANTAGE'],
    ['CI', 'MEDICARE_ADVANTAGE', 'MEDICARE_ADVANTAGE'],
    ['HM', 'MEDICARE_ADVANTAGE', 'MEDICARE_ADVANTAGE'],
    // A Medicare indicator is specific: the MAC answered, whatever the charge says.
    ['MB', 'MEDICARE_ADVANTAGE', 'MEDICARE'],
    [null, 'MEDICARE_ADVANTAGE', 'MEDICARE_ADVANTAGE'],
    ['ZZ', 'COMMERCIAL', 'COMMERCIAL'],
    [null, 'SELF_PAY', 'OTHER'],
    [null, null, 'OTHER'],
  ] as const)('CLP06 %s, charge billed to %s: %s', (indicator, chargePayerType, kind) => {
    expect(payerKindOf(indicator, chargePayerType)).toBe(kind);
  });
});
