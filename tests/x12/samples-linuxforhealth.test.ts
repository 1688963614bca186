/**
 * The five LinuxForHealth 835 samples (Apache-2.0), figures written by hand from reading each file.
 * secondary-payment and cob-contractural-adjustment write SVC01 with '>' although ISA16 is ':'.
 */
import { describe, expect, it } from 'vitest';
import { cas, claimAt, onlyTransaction, parseSample } from './sample-files.ts';

describe('linuxforhealth/cob-contractural-adjustment.835', () => {
  const tx = onlyTransaction(parseSample('linuxforhealth/cob-contractural-adjustment.835'));

  it('reads the envelope, payment and parties', () => {
    expect(tx.header.controlNumber).toBe('0001');
    expect(tx.header.interchange).toMatchObject({ controlNumber: '000000907', version: '00501', usage: 'T' });
    expect(tx.header.group).toMatchObject({ controlNumber: '1', functionalId: 'HP', version: '005010X221A1', date: '2013-10-31' });
    // 'CHK***********20050318' has one '*' too few: the date lands in BPR15 (an account number), so BPR16 is empty.
    expect(tx.header.payment).toMatchObject({ handlingCode: 'I', totalPaymentCents: 3400, creditDebit: 'C', method: 'CHK', paymentDate: null });
    expect(tx.header.trace).toMatchObject({ traceType: '1', traceNumber: '0063158ABC', originatorId: '1566339911' });
    expect(tx.header.refs).toEqual([{ qualifier: 'EV', value: '030240928' }]);
    expect(tx.header.productionDate).toBe('2005-03-18');
    expect(tx.header.payer).toMatchObject({ name: 'YOUR TAX DOLLARS AT WORK', address: { lines: ['481A00 DEAR RUN ROAD'], city: 'WEST PALM BCH', state: 'FL', postalCode: '11114' } });
    expect(tx.header.payee).toMatchObject({ name: 'ATONEWITHHEALTH', idQualifier: 'FI', id: '3UR334563', refs: [{ qualifier: 'PQ', value: '11861' }] });
  });

  it('reads the one claim and its line, with a negative OA-94 and a > composite', () => {
    expect(tx.claims).toHaveLength(1);
    const claim = claimAt(tx, 1);
    expect(claim).toMatchObject({
      patientControlNumber: '0001000055',
      statusCode: '2',
      totalChargeCents: 54100,
      paidCents: 3400,
      patientResponsibilityCents: null,
      filingIndicator: '12',
      payerClaimControlNumber: '50650619501',
      statementFrom: '2005-02-02',
      statementTo: '2005-02-02',
    });
    expect(claim.people.map((p) => p.entityCode)).toEqual(['QC', '82']);
    expect(claim.lines).toHaveLength(1);
    const line = claim.lines[0];
    expect(line?.procedure).toEqual({ qualifier: 'HC', code: '55669', modifiers: [], description: null });
    expect(line).toMatchObject({ chargeCents: 54100, paidCents: 3400, units: 1, serviceDate: '2005-02-02', allowedCents: 55000, lineControlNumber: null });
    expect(cas(line?.adjustments ?? [])).toEqual(['OA-23:51600', 'OA-94:-900']);
    expect(line?.refs).toEqual([{ qualifier: '1B', value: '44280' }]);
  });

  it('balances: 541.00 - (516.00 - 9.00) = 34.00 = BPR02', () => {
    expect(tx.imbalances).toEqual([]);
    expect(tx.trailer).toMatchObject({ claimCount: 1, lineCount: 1, claimPaidCents: 3400, plbTotalCents: 0, imbalance: null });
  });
});

describe('linuxforhealth/managed-care.835', () => {
  const tx = onlyTransaction(parseSample('linuxforhealth/managed-care.835'));

  it('reads the ACH payment and keeps the impossible BPR16 (20002316) as a notice, not a refusal', () => {
    expect(tx.header.controlNumber).toBe('112233');
    expect(tx.header.payment).toMatchObject({ handlingCode: 'I', totalPaymentCents: 94500, creditDebit: 'C', method: 'ACH', format: 'CCP', paymentDate: null });
    expect(tx.trailer.notices).toEqual(['segment 4 (BPR): BPR16 is not a real CCYYMMDD date; it was left empty']);
    expect(tx.header.trace.traceNumber).toBe('7170066655');
    expect(tx.header.productionDate).toBe('2002-03-14');
    expect(tx.header.payer.name).toBe('RUSHMORE LIFE');
    expect(tx.header.payee).toMatchObject({ name: 'ACME MEDICAL CENTER', idQualifier: 'XX', id: '5544667733', refs: [{ qualifier: 'TJ', value: '777667755' }] });
  });

  it('reads two claims with claim-level CO-A2 and line-level PR-1 over a service period', () => {
    expect(tx.claims).toHaveLength(2);
    const first = claimAt(tx, 1);
    expect(first).toMatchObject({ patientControlNumber: '5554555444', statusCode: '1', totalChargeCents: 80000, paidCents: 45000, patientResponsibilityCents: 30000, payerClaimControlNumber: '94060555410000' });
    expect(cas(first.adjustments)).toEqual(['CO-A2:5000']);
    expect(first.lines[0]).toMatchObject({ procedure: { code: '99211' }, chargeCents: 80000, paidCents: 50000, periodStart: '2002-03-01', periodEnd: '2002-03-04', serviceDate: null });
    expect(cas(first.lines[0]?.adjustments ?? [])).toEqual(['PR-1:30000']);
    const second = claimAt(tx, 2);
    expect(second).toMatchObject({ patientControlNumber: '8765432112', totalChargeCents: 120000, paidCents: 49500, patientResponsibilityCents: 60000 });
    expect(cas(second.adjustments)).toEqual(['CO-A2:5500']);
    expect(second.lines[0]).toMatchObject({ procedure: { code: '93555' }, chargeCents: 120000, paidCents: 55000, periodStart: '2002-03-10', periodEnd: '2002-03-12' });
    expect(cas(second.lines[0]?.adjustments ?? [])).toEqual(['PR-1:60000', 'CO-45:5000']);
  });

  it('balances: 450.00 + 495.00 = 945.00', () => {
    expect(tx.imbalances).toEqual([]);
    expect(tx.trailer.claimPaidCents).toBe(94500);
  });
});

describe('linuxforhealth/medicare-part-a.835', () => {
  const tx = onlyTransaction(parseSample('linuxforhealth/medicare-part-a.835'));

  it('reads a CTX payment of 150,000.00 from a payer with REF*2U', () => {
    expect(tx.header.payment).toMatchObject({ handlingCode: 'C', totalPaymentCents: 15_000_000, method: 'ACH', format: 'CTX', paymentDate: '2002-09-13' });
    expect(tx.header.payer).toMatchObject({ name: 'INSURANCE COMPANY OF TIMBUCKTU', refs: [{ qualifier: '2U', value: '999' }] });
    expect(tx.header.payee).toMatchObject({ name: 'REGIONAL HOPE HOSPITAL', idQualifier: 'XX', id: '6543210903' });
  });

  it('reads two institutional claims without lines (MA, MB), MOA MA02 and QTY', () => {
    expect(tx.claims.map((c) => [c.patientControlNumber, c.filingIndicator, c.totalChargeCents, c.paidCents, c.facilityType])).toEqual([
      ['666123', 'MA', 21_136_697, 13_801_840, '11'],
      ['777777', 'MB', 1_500_000, 1_198_033, '13'],
    ]);
    expect(tx.claims.every((c) => c.lines.length === 0)).toBe(true);
    expect(cas(claimAt(tx, 1).adjustments)).toEqual(['CO-45:7334857']);
    expect(claimAt(tx, 1)).toMatchObject({ statementFrom: '2002-08-16', statementTo: '2002-08-24', quantities: [{ qualifier: 'CA', quantity: 8 }], remarks: [] });
    expect(cas(claimAt(tx, 2).adjustments)).toEqual(['CO-45:301967']);
    expect(claimAt(tx, 2).remarks).toEqual([{ source: 'MOA', code: 'MA02' }]);
  });

  it('reads PLB CV:CP -1.27 and balances: 149,998.73 - (-1.27) = 150,000.00', () => {
    expect(tx.trailer.plb).toEqual([
      { segmentNumber: 29, providerId: '6543210903', fiscalPeriodDate: '2002-12-31', adjustments: [{ reasonCode: 'CV', reference: 'CP', amountCents: -127 }] },
    ]);
    expect(tx.trailer).toMatchObject({ claimPaidCents: 14_999_873, plbTotalCents: -127, imbalance: null });
    expect(tx.imbalances).toEqual([]);
  });
});

describe('linuxforhealth/secondary-payment.835', () => {
  const tx = onlyTransaction(parseSample('linuxforhealth/secondary-payment.835'));

  it('reads two secondary claims, one without lines (OA-23 at claim level)', () => {
    expect(tx.header.payment.totalPaymentCents).toBe(122_200);
    expect(tx.claims).toHaveLength(2);
    expect(claimAt(tx, 1)).toMatchObject({ patientControlNumber: 'L0004828311', statusCode: '2', totalChargeCents: 1_032_364, paidCents: 91_200, frequencyCode: '1', amounts: [{ qualifier: 'AU', cents: 91_200 }] });
    expect(cas(claimAt(tx, 1).adjustments)).toEqual(['OA-23:941164']);
  });

  it("reads SVC composites written with '>' (HC>12345>26) and a CAS with two triplets", () => {
    const claim = claimAt(tx, 2);
    expect(claim).toMatchObject({ patientControlNumber: '0001000053', totalChargeCents: 75_150, paidCents: 31_000, patientResponsibilityCents: 22_000 });
    expect(claim.lines.map((l) => [l.procedure.qualifier, l.procedure.code, l.procedure.modifiers.join(','), l.chargeCents, l.paidCents, l.revenueCode, l.serviceDate])).toEqual([
      ['HC', '12345', '26', 16_650, 3_000, null, '2005-01-06'],
      ['HC', '66543', '26', 58_500, 28_000, '220', '2005-01-06'],
    ]);
    expect(cas(claim.lines[0]?.adjustments ?? [])).toEqual(['OA-23:13650']);
    expect(cas(claim.lines[1]?.adjustments ?? [])).toEqual(['PR-1:15000', 'PR-2:7000', 'CO-42:8500']);
    expect(claim.lines[1]?.allowedCents).toBe(50_000);
  });

  it('balances', () => {
    expect(tx.imbalances).toEqual([]);
    expect(tx.trailer.claimPaidCents).toBe(122_200);
  });
});

describe('linuxforhealth/tertiary-payment.835', () => {
  const tx = onlyTransaction(parseSample('linuxforhealth/tertiary-payment.835'));

  it('reads the tertiary claim', () => {
    expect(tx.claims).toHaveLength(1);
    expect(claimAt(tx, 1)).toMatchObject({ patientControlNumber: '0001000054', statusCode: '3', totalChargeCents: 176_650, paidCents: 18_750, payerClaimControlNumber: '50580155533' });
  });

  it('reads SVC*HC*24599.00*1766.50*187.50 as written: SVC01 lacks its code, so every amount sits one element late', () => {
    const line = claimAt(tx, 1).lines[0];
    expect(line).toMatchObject({ procedure: { qualifier: 'HC', code: '' }, chargeCents: 2_459_900, paidCents: 176_650, revenueCode: '187.50', units: null, originalProcedure: null });
    expect(cas(line?.adjustments ?? [])).toEqual(['OA-23:157900']);
  });

  it('reports exactly that line as unbalanced; the claim and transaction balance', () => {
    expect(tx.imbalances).toHaveLength(1);
    expect(tx.imbalances[0]).toMatchObject({ level: 'line', claimSeq: 1, lineSeq: 1, segmentNumber: 20, segmentId: 'SVC', expectedCents: 2_302_000, actualCents: 176_650 });
    expect(tx.trailer.imbalance).toBeNull();
  });
});
