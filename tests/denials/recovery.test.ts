/**
 * Recovery of a partly denied line when the payer reprocesses the claim: a reversal (CLP02 22) takes
 * back the first payment and a correction pays again. Only money beyond the first payment is
 * recovered; a correction that keeps the denial recovers nothing and overturns nothing. A payment
 * without a reversal (a resubmitted line) is all new money. An open denial of a claim the payer
 * reversed and reprocessed is superseded by the correction's outcome.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { recoveredCents } from '../../db/denials/resolve-payments.ts';
import { setDenialStatus } from '../../db/denials/set-status.ts';
import { listDenials } from '../../db/queries/denials/list-denials.ts';
import { loadMetrics } from '../../db/queries/denials/load-metrics.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { denialWorld, FIXED_NOW, importAndTriage } from './world.ts';

/** CHG-000777 (99215-Q1 on 2024-03-20, $350.00) on claim ICN of account ACCT-7788. */
function claim(status: '1' | '22', icn: string, charge: string, paid: string, cas: string): string[] {
  return [
    `CLP*ACCT-7788*${status}*${charge}*${paid}**MB*${icn}*11*1`,
    'NM1*QC*1*TEST*PATIENT****MI*9AA9AA9AA99',
    `SVC*HC:99215:Q1*${charge}*${paid}**1`,
    'DTM*472*20240320',
    cas,
    'REF*6R*CHG-000777',
  ];
}

function remit(name: string, date: string, paid: string, claims: readonly string[][]): string {
  const body = [
    'ST*835*0001*005010X221A1',
    `BPR*I*${paid}*C*CHK************${date}`,
    `TRN*1*T${date}*1231234567`,
    `DTM*405*${date}`,
    'N1*PR*MEDICARE PART B MAC*XV*04412',
    'N1*PE*UNIVERSITY CANCER CENTER*XX*1234567893',
    'LX*1',
    ...claims.flat(),
  ];
  const path = join(tempDir('tl-recovery-'), `${name}.835`);
  writeFileSync(path, `${[...body, `SE*${body.length + 1}*0001`].map((s) => `${s}~`).join('\n')}\n`);
  return path;
}

/** First remittance: $350 billed, $200 paid, CO-45 $50, CO-50 $100 (a partial denial of $100). */
const FIRST = (): string => remit('first', '20240412', '200.00', [claim('1', 'ICN-1', '350.00', '200.00', 'CAS*CO*45*50.00**50*100.00')]);
const REVERSAL = claim('22', 'ICN-1', '-350.00', '-200.00', 'CAS*CO*45*-50.00**50*-100.00');

interface DenialRow {
  id: number;
  status: string;
  denied_cents: number;
  initial: number;
  resolution_date: string | null;
  recovered_cents: number;
}
const denials = (db: Db): DenialRow[] => db.prepare('SELECT id, status, denied_cents, initial, resolution_date, recovered_cents FROM denials ORDER BY id').all() as DenialRow[];
const appeals = (db: Db) => db.prepare('SELECT denial_id, outcome FROM appeals').all();

async function appealedPartialDenial(): Promise<Db> {
  const db = await denialWorld();
  await importAndTriage(db, FIRST());
  expect(denials(db)).toEqual([expect.objectContaining({ id: 1, status: 'open', denied_cents: 10_000 })]);
  setDenialStatus(db, { ids: [1], status: 'appealed', date: '2024-04-20', actor: 'test' }, FIXED_NOW());
  return db;
}

describe('a reprocessed claim', () => {
  it('the payer keeps its decision: nothing recovered, the appeal stays undecided, the correction is a repeat denial', async () => {
    const db = await appealedPartialDenial();
    const { triage } = await importAndTriage(db, remit('upheld', '20240620', '0.00', [REVERSAL, claim('1', 'ICN-2', '350.00', '200.00', 'CAS*CO*45*50.00**50*100.00')]));
    expect(triage.paidOnRemit).toBe(0);
    expect(denials(db)).toEqual([
      { id: 1, status: 'appealed', denied_cents: 10_000, initial: 1, resolution_date: null, recovered_cents: 0 },
      { id: 2, status: 'open', denied_cents: 10_000, initial: 0, resolution_date: null, recovered_cents: 0 },
    ]);
    expect(appeals(db)).toEqual([{ denial_id: 1, outcome: null }]);
    expect(loadMetrics(db).totals).toMatchObject({ appealsDecided: 0, recoveredCents: 0 });
  });

  it('the payer pays the denied part: only the new $100 is recovered, and the appeal is overturned', async () => {
    const db = await appealedPartialDenial();
    const { triage } = await importAndTriage(db, remit('won', '20240620', '100.00', [REVERSAL, claim('1', 'ICN-2', '350.00', '300.00', 'CAS*CO*45*50.00')]));
    expect(triage.paidOnRemit).toBe(1);
    expect(denials(db)).toEqual([{ id: 1, status: 'overturned', denied_cents: 10_000, initial: 1, resolution_date: '2024-06-20', recovered_cents: 10_000 }]);
    expect(appeals(db)).toEqual([{ denial_id: 1, outcome: 'overturned' }]);
    expect(loadMetrics(db).totals).toMatchObject({ appealsDecided: 1, appealsOverturned: 1, recoveredCents: 10_000, recoveryRate: 1 });
  });

  it('the payer pays part of the denied part: a partial overturn for what came back', async () => {
    const db = await appealedPartialDenial();
    await importAndTriage(db, remit('part', '20240620', '40.00', [REVERSAL, claim('1', 'ICN-2', '350.00', '240.00', 'CAS*CO*45*50.00**50*60.00')]));
    expect(denials(db)[0]).toMatchObject({ status: 'overturned', recovered_cents: 4_000, resolution_date: '2024-06-20' });
    expect(appeals(db)).toEqual([{ denial_id: 1, outcome: 'partially-overturned' }]);
  });
});

describe('an open denial of a reversed and reprocessed claim', () => {
  const superseded = (db: Db) => db.prepare('SELECT id, status, superseded_date, superseded_by_claim_id IS NOT NULL AS by_claim, deadline FROM denials ORDER BY id').all();

  it('is superseded when the correction denies again: one open denial remains, the repeat', async () => {
    const db = await denialWorld();
    await importAndTriage(db, FIRST());
    expect(db.prepare('SELECT deadline FROM denials WHERE id = 1').pluck().get()).not.toBeNull();
    const { triage } = await importAndTriage(db, remit('again', '20240620', '0.00', [REVERSAL, claim('1', 'ICN-2', '350.00', '200.00', 'CAS*CO*45*50.00**16*100.00')]));
    expect(triage.superseded).toBe(1);
    expect(superseded(db)).toEqual([
      { id: 1, status: 'open', superseded_date: '2024-06-20', by_claim: 1, deadline: null },
      { id: 2, status: 'open', superseded_date: null, by_claim: 0, deadline: expect.any(String) },
    ]);
    const queue = (includeResolved: boolean) => listDenials(db, { includeResolved }, { by: 'deadline', direction: 'asc' }, 0, 50, '2024-06-21').rows;
    expect(queue(false).map((r) => r.id)).toEqual([2]);
    expect(queue(true).find((r) => r.id === 1)).toMatchObject({ supersededDate: '2024-06-20', daysLeft: null });
    expect(db.prepare("SELECT note FROM denial_events WHERE denial_id = 1 AND kind = 'note'").pluck().all()).toEqual([
      'superseded: the payer reversed this claim and reprocessed it on the remittance of 2024-06-20',
    ]);
  });

  it('a later payment of the service is recovered once, on the repeat denial, not again on the superseded one', async () => {
    // Denied in full ($350, CO-50), reversed and denied in full again (CO-16), then paid $300.
    const db = await denialWorld();
    await importAndTriage(db, remit('full', '20240412', '0.00', [claim('1', 'ICN-1', '350.00', '0.00', 'CAS*CO*50*350.00')]));
    await importAndTriage(db, remit('again', '20240620', '0.00', [claim('22', 'ICN-1', '-350.00', '0.00', 'CAS*CO*50*-350.00'), claim('1', 'ICN-2', '350.00', '0.00', 'CAS*CO*16*350.00')]));
    expect(db.prepare('SELECT id, superseded_date FROM denials ORDER BY id').all()).toEqual([
      { id: 1, superseded_date: '2024-06-20' },
      { id: 2, superseded_date: null },
    ]);
    const { triage } = await importAndTriage(db, remit('paid', '20240801', '300.00', [claim('1', 'ICN-3', '350.00', '300.00', 'CAS*CO*45*50.00')]));
    expect(triage.paidOnRemit).toBe(1);
    expect(db.prepare('SELECT id, resolution_date, recovered_cents FROM denials ORDER BY id').all()).toEqual([
      { id: 1, resolution_date: null, recovered_cents: 0 },
      { id: 2, resolution_date: '2024-08-01', recovered_cents: 30_000 },
    ]);
  });

  it('is not superseded by a reversal alone, nor when the coordinator already acted on it', async () => {
    const alone = await denialWorld();
    await importAndTriage(alone, FIRST());
    expect((await importAndTriage(alone, remit('alone', '20240620', '0.00', [REVERSAL]))).triage.superseded).toBe(0);
    expect(superseded(alone)).toEqual([expect.objectContaining({ id: 1, superseded_date: null })]);

    const worked = await appealedPartialDenial();
    await importAndTriage(worked, remit('again', '20240620', '0.00', [REVERSAL, claim('1', 'ICN-2', '350.00', '200.00', 'CAS*CO*45*50.00**16*100.00')]));
    expect(superseded(worked)).toEqual([expect.objectContaining({ id: 1, status: 'appealed', superseded_date: null }), expect.objectContaining({ id: 2, superseded_date: null })]);
  });
});

describe('recoveredCents', () => {
  it('counts what is paid beyond the earlier payment, never below zero, never above the denied amount', () => {
    expect(recoveredCents(30_000, 20_000, 10_000)).toBe(10_000);
    expect(recoveredCents(20_000, 20_000, 10_000)).toBe(0);
    expect(recoveredCents(15_000, 20_000, 10_000)).toBe(0);
    expect(recoveredCents(35_000, 20_000, 10_000)).toBe(10_000);
    expect(recoveredCents(28_500, 0, 28_500)).toBe(28_500);
  });
});
