/**
 * The pyx12 sample (BSD) and the tastypackets samples (MIT): the same professional 835 in three
 * layouts, and a 283 KB file of 156 interchanges. Figures written by hand from reading the files.
 */
import { describe, expect, it } from 'vitest';
import type { Claim835 } from '../../shared/x12/model.ts';
import { cas, claimAt, onlyTransaction, parseSample } from './sample-files.ts';

describe('pyx12/835_mult_loops.835', () => {
  const tx = onlyTransaction(parseSample('pyx12/835_mult_loops.835'));

  it('reads a notification-only payment (BPR01 = H, 0, NON) with a billing contact', () => {
    expect(tx.header.interchange).toMatchObject({ controlNumber: '000238388', usage: 'P', senderId: 'D00000' });
    expect(tx.header.payment).toMatchObject({ handlingCode: 'H', totalPaymentCents: 0, creditDebit: 'C', method: 'NON', paymentDate: '2004-10-28' });
    expect(tx.header.payer.contacts).toEqual([{ functionCode: 'BL', name: 'JOHN WAYNE', channels: [{ qualifier: 'TE', value: '9995551212' }] }]);
    expect(tx.header.payee).toMatchObject({ name: 'UNKNOWN', idQualifier: 'FI', id: '444313000' });
  });

  it('reads the denied claim (CLP02 = 4) with three T1005 lines, CO-16 / OA-A7 and LQ*HE*N14', () => {
    const claim = claimAt(tx, 1);
    expect(claim).toMatchObject({ patientControlNumber: '2005555A', statusCode: '4', totalChargeCents: 91_539, paidCents: 0, filingIndicator: 'MC', payerClaimControlNumber: '4276512332' });
    expect(claim.lines.map((l) => [l.procedure.code, l.chargeCents, l.paidCents, l.units, l.periodStart, l.periodEnd])).toEqual([
      ['T1005', 50_004, 0, 68, '2003-11-29', '2003-11-29'],
      ['T1005', 12_780, 0, 16, '2003-10-30', '2003-10-30'],
      ['T1005', 28_755, 0, 36, '2003-10-31', '2003-10-31'],
    ]);
    expect(claim.lines.map((l) => cas(l.adjustments))).toEqual([['CO-16:50004'], ['OA-A7:12780'], ['OA-A7:28755']]);
    expect(claim.lines.map((l) => l.remarks)).toEqual([[{ source: 'LQ', code: 'N14' }], [{ source: 'LQ', code: 'N14' }], [{ source: 'LQ', code: 'N14' }]]);
  });

  it('balances at zero', () => {
    expect(tx.imbalances).toEqual([]);
    expect(tx.trailer).toMatchObject({ claimCount: 1, lineCount: 3, claimPaidCents: 0 });
  });
});

/** The hand-read figures of the tastypackets professional 835 (one transaction, ST02 = 1740). */
function expectProfee(claims: readonly Claim835[]): void {
  expect(claims.map((c) => [c.statusCode, c.totalChargeCents, c.paidCents, c.filingIndicator, c.payerClaimControlNumber, c.lines.length])).toEqual([
    ['1', 3_425, 3_425, 'MC', '1000210000000030', 4],
    ['2', 3_400, 0, 'MC', '1000220000000020', 2],
    ['2', 3_425, 1_150, 'MC', '1000230000000020', 4],
  ]);
  const line = (c: number, l: number) => claims[c - 1]?.lines[l - 1];
  expect(line(1, 1)).toMatchObject({ procedure: { qualifier: 'HC', code: 'V2020', modifiers: ['RB'] }, chargeCents: 600, paidCents: 600, units: 1, serviceDate: '2010-01-01', allowedCents: 600 });
  expect(line(1, 4)).toMatchObject({ procedure: { code: 'S0580', modifiers: [] }, chargeCents: 2_000, paidCents: 2_000, units: 2 });
  expect(cas(line(2, 1)?.adjustments ?? [])).toEqual(['CO-29:1200']);
  expect(cas(line(2, 2)?.adjustments ?? [])).toEqual(['CO-29:2200']);
  expect(line(3, 2)).toMatchObject({ procedure: { code: 'V2103', modifiers: ['RB'] }, serviceDate: '2013-09-17' });
  expect(cas(line(3, 3)?.adjustments ?? [])).toEqual(['CO-251:275']);
  expect(line(3, 3)?.remarks).toEqual([{ source: 'LQ', code: 'N206' }]);
  expect(cas(line(3, 4)?.adjustments ?? [])).toEqual(['CO-251:2000']);
  expect(claims[0]?.people.map((p) => p.entityCode)).toEqual(['QC', '74']);
  expect(claims[0]?.refs).toEqual([{ qualifier: 'EA', value: 'PATIENT ACCOUNT NUMBER' }]);
}

describe('tastypackets: one 835, three layouts', () => {
  const layouts = ['tastypackets/profee.835', 'tastypackets/profee-one-line.835', 'tastypackets/multi-line-not-delimited.835'];
  const parsed = layouts.map((name) => parseSample(name));

  it.each(layouts)('%s holds the hand-read figures', (name) => {
    const file = parseSample(name);
    const tx = onlyTransaction(file);
    expect(tx.header).toMatchObject({ controlNumber: '1740', interchange: { controlNumber: '006000600' }, group: { controlNumber: '6000600' } });
    expect(tx.header.payment).toMatchObject({ totalPaymentCents: 4_575, method: 'ACH', format: 'CCP', paymentDate: '2010-01-01' });
    expect(tx.header.trace.traceNumber).toBe('10100000000');
    expect(tx.header.payer.name).toBe('NYSDOH');
    expect(tx.header.payer.address?.lines).toEqual(['OFFICE OF HEALTH INSURANCE PROGRAMS', 'CORNING TOWER, EMPIRE STATE PLAZA']);
    expect(tx.header.payer.contacts[0]?.channels).toEqual([
      { qualifier: 'TE', value: '8003439000' },
      { qualifier: 'UR', value: 'www.emedny.org' },
    ]);
    expect(tx.header.payee).toMatchObject({ name: 'MAJOR MEDICAL PROVIDER', idQualifier: 'XX', id: '9999999995' });
    expectProfee(tx.claims);
    expect(tx.imbalances).toEqual([]);
    expect(tx.trailer.claimPaidCents).toBe(4_575);
    expect(file.segmentCount).toBe(69);
  });

  it('gives identical parsed results whatever the layout', () => {
    expect(parsed[1]).toEqual(parsed[0]);
    expect(parsed[2]).toEqual(parsed[0]);
  });
});

describe('tastypackets/profee-multiple.835 (283 KB)', () => {
  const parsed = parseSample('tastypackets/profee-multiple.835');

  it('holds 156 transactions, 468 claims and 1,560 service lines', () => {
    expect(parsed.transactions).toHaveLength(156);
    expect(parsed.transactions.reduce((n, t) => n + t.claims.length, 0)).toBe(468);
    expect(parsed.transactions.reduce((n, t) => n + t.claims.reduce((m, c) => m + c.lines.length, 0), 0)).toBe(1_560);
    expect(parsed.segmentCount).toBe(156 * 69);
  });

  it('repeats the same interchange 156 times, each balanced, paying 156 x 45.75', () => {
    for (const tx of parsed.transactions) expectProfee(tx.claims);
    expect(parsed.transactions.map((t) => t.header.index)).toEqual(Array.from({ length: 156 }, (_, i) => i + 1));
    expect(parsed.transactions.flatMap((t) => t.imbalances)).toEqual([]);
    expect(parsed.transactions.reduce((sum, t) => sum + t.header.payment.totalPaymentCents, 0)).toBe(713_700);
  });
});
