/**
 * Our own clinical-trial remittances (tests/fixtures/x12/trial-*.835): none of the public samples
 * carries trial coding [BRIEF 4.4], so these stand for the denials the product must work:
 * CO-16 + MA50/MA130 (missing NCT), CO-109 on a Medicare Advantage claim, CO-50 on a routine (Q1)
 * line and on a sponsor-billable line, CO-55 experimental, and a reversal of an earlier payment.
 * Each is balanced and carries REF*6R line control numbers in our charge id format.
 */
import { describe, expect, it } from 'vitest';
import { isMedicareAdvantageFiling } from '../../shared/remit/codes.ts';
import { cas, claimAt, onlyTransaction, parseFixture } from './sample-files.ts';

const TRIAL_FIXTURES = [
  'trial-co16-ma50-ma130.835',
  'trial-co109-medicare-advantage.835',
  'trial-co50-routine.835',
  'trial-co50-sponsor.835',
  'trial-co55-experimental.835',
  'trial-original-payment.835',
  'trial-reversal.835',
];

describe('trial fixtures', () => {
  it.each(TRIAL_FIXTURES)('%s parses, balances, and every line has a CHG- line control number', (name) => {
    const tx = onlyTransaction(parseFixture(name));
    expect(tx.imbalances).toEqual([]);
    const lines = tx.claims.flatMap((c) => c.lines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.lineControlNumber).toMatch(/^CHG-\d{6}$/);
  });

  it('CO-16 with MA50 and MA130: the trial line is unprocessable for the missing NCT number', () => {
    const claim = claimAt(onlyTransaction(parseFixture('trial-co16-ma50-ma130.835')), 1);
    expect(claim).toMatchObject({ patientControlNumber: 'ACCT-2001', statusCode: '1', totalChargeCents: 29_000, paidCents: 2_000, filingIndicator: 'MB' });
    const [denied, paid] = claim.lines;
    expect(denied).toMatchObject({ procedure: { code: '99213', modifiers: ['Q1'] }, chargeCents: 25_000, paidCents: 0, lineControlNumber: 'CHG-000123', serviceDate: '2024-03-05' });
    expect(cas(denied?.adjustments ?? [])).toEqual(['CO-16:25000']);
    expect(denied?.remarks.map((r) => r.code)).toEqual(['MA50', 'MA130']);
    expect(paid).toMatchObject({ procedure: { code: '85025', modifiers: ['Q1'] }, paidCents: 2_000, lineControlNumber: 'CHG-000124' });
  });

  it('CO-109 on a Medicare Advantage claim (filing indicator 16): the plan says it is not its claim', () => {
    const tx = onlyTransaction(parseFixture('trial-co109-medicare-advantage.835'));
    expect(tx.header.payment).toMatchObject({ handlingCode: 'H', totalPaymentCents: 0, method: 'NON' });
    const claim = claimAt(tx, 1);
    expect(claim.filingIndicator).toBe('16');
    expect(isMedicareAdvantageFiling(claim.filingIndicator)).toBe(true);
    expect(cas(claim.lines[0]?.adjustments ?? [])).toEqual(['CO-109:18000']);
    expect(claim.lines[0]?.lineControlNumber).toBe('CHG-000200');
  });

  it('CO-50 on a routine (Q1) line, with coinsurance on the paid line', () => {
    const claim = claimAt(onlyTransaction(parseFixture('trial-co50-routine.835')), 1);
    expect(claim).toMatchObject({ totalChargeCents: 50_000, paidCents: 6_000, patientResponsibilityCents: 2_000 });
    expect(claim.lines.map((l) => [l.procedure.code, l.procedure.modifiers.join(','), l.lineControlNumber, cas(l.adjustments)])).toEqual([
      ['71260', 'Q1', 'CHG-000301', ['CO-50:40000']],
      ['36415', 'Q1', 'CHG-000302', ['CO-45:2000', 'PR-2:2000']],
    ]);
    expect(claim.lines[0]?.remarks).toEqual([{ source: 'LQ', code: 'N386' }]);
  });

  it('CO-50 on a sponsor-billable line (no Q1: it should have been invoiced to the sponsor)', () => {
    const claim = claimAt(onlyTransaction(parseFixture('trial-co50-sponsor.835')), 1);
    expect(claim.lines.map((l) => [l.procedure.code, l.procedure.modifiers, l.lineControlNumber, cas(l.adjustments)])).toEqual([
      ['93000', [], 'CHG-000410', ['CO-50:7500']],
      ['99214', ['Q1'], 'CHG-000411', ['CO-45:4000']],
    ]);
  });

  it('CO-55 experimental on a commercial claim, and an interest PLB that raises the payment', () => {
    const tx = onlyTransaction(parseFixture('trial-co55-experimental.835'));
    const claim = claimAt(tx, 1);
    expect(claim).toMatchObject({ filingIndicator: 'CI', totalChargeCents: 150_000, paidCents: 25_000 });
    expect(cas(claim.lines[0]?.adjustments ?? [])).toEqual(['CO-55:120000']);
    expect(claim.lines[0]?.lineControlNumber).toBe('CHG-000520');
    expect(tx.trailer.plb[0]?.adjustments).toEqual([{ reasonCode: 'L6', reference: null, amountCents: -500 }]);
    expect(tx.header.payment.totalPaymentCents).toBe(25_500);
  });

  it('a reversal (CLP02 = 22) of the earlier payment, then the corrected payment', () => {
    const original = claimAt(onlyTransaction(parseFixture('trial-original-payment.835')), 1);
    const tx = onlyTransaction(parseFixture('trial-reversal.835'));
    const [reversal, corrected] = tx.claims;
    expect(original).toMatchObject({ patientControlNumber: 'ACCT-7788', statusCode: '1', totalChargeCents: 35_000, paidCents: 28_000, payerClaimControlNumber: 'ICN-55501' });
    expect(reversal).toMatchObject({ patientControlNumber: 'ACCT-7788', statusCode: '22', totalChargeCents: -35_000, paidCents: -28_000, payerClaimControlNumber: 'ICN-55501' });
    expect(cas(reversal?.lines[0]?.adjustments ?? [])).toEqual(['CO-45:-7000']);
    expect(reversal?.lines[0]).toMatchObject({ chargeCents: -35_000, paidCents: -28_000, units: -1 });
    expect(corrected).toMatchObject({ statusCode: '1', totalChargeCents: 35_000, paidCents: 30_000, payerClaimControlNumber: 'ICN-55502', frequencyCode: '7' });
    expect(tx.trailer.claimPaidCents).toBe(2_000);
  });
});
