/**
 * Triage in the store: the trial 835 fixtures imported into a world whose charges they pay or deny
 * (linked by REF*6R), each denied line triaged with the engine's facts; paid lines, contractual
 * reductions and reversals are not denials; later payments resolve earlier denials; re-triage after
 * charges arrive late (by hand, and by itself after an import); repeat denials are not initial.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { retriageOpenDenials } from '../../db/denials/retriage.ts';
import { setDenialStatus } from '../../db/denials/set-status.ts';
import { triageRemitFile } from '../../db/denials/triage-file.ts';
import { CLEAN, importCharges, world, writeChargesFile } from '../engine/scenario.ts';
import { JOB_KINDS } from '../../db/jobs/job-kinds.ts';
import type { ImportOutcome } from '../../shared/package-spec/import-result.ts';
import { writeRemit } from './remit-text.ts';
import { denialWorld, FIXED_NOW, importAndTriage, TRIAL_CHARGES, WORLD_FILES } from './world.ts';

interface Row {
  rule: string;
  category: string;
  action: string;
  basis: string | null;
  rebill_to: string | null;
  charge: string | null;
  study: string | null;
  designation: string | null;
  payer_kind: string;
  denied_cents: number;
  deadline: string | null;
  deadline_kind: string | null;
  initial: number;
  status: string;
  resolution_date: string | null;
  recovered_cents: number;
}

const rows = (db: Db): Row[] =>
  db
    .prepare(
      `SELECT d.rule, d.category, d.action, d.basis, d.rebill_to, ch.charge_id AS charge, s.study_id AS study, d.designation, d.payer_kind, d.denied_cents,
              d.deadline, d.deadline_kind, d.initial, d.status, d.resolution_date, d.recovered_cents
       FROM denials d LEFT JOIN charges ch ON ch.id = d.charge_id LEFT JOIN studies s ON s.id = d.study_id ORDER BY d.id`,
    )
    .all() as Row[];

describe('triage of the trial fixtures', () => {
  it.each([
    ['trial-co16-ma50-ma130.835', { charge: 'CHG-000123', rule: 'TRIAL-NUMBER', category: 'protocol', action: 'fix-resubmit', rebill_to: 'SAME_PAYER', deadline: '2025-03-05', deadline_kind: 'timely-filing', denied_cents: 25_000 }],
    ['trial-co109-medicare-advantage.835', { charge: 'CHG-000200', rule: 'MA-ROUTING', category: 'coordination-of-benefits', action: 'rebill-other-payer', rebill_to: 'ORIGINAL_MEDICARE', payer_kind: 'MEDICARE_ADVANTAGE', deadline: '2025-03-10', deadline_kind: 'timely-filing' }],
    ['trial-co50-routine.835', { charge: 'CHG-000301', rule: 'ROUTINE-COST', category: 'protocol', action: 'appeal', basis: 'NCD_310_1', designation: 'SOC', deadline: '2024-08-10', deadline_kind: 'appeal', denied_cents: 40_000 }],
    ['trial-co50-sponsor.835', { charge: 'CHG-000410', rule: 'SPONSOR-ITEM', category: 'sponsor-vs-insurance', action: 'move-to-sponsor', designation: 'SPONSOR', deadline: null }],
    ['trial-co55-experimental.835', { charge: 'CHG-000520', rule: 'INVESTIGATIONAL-EXCLUDED', category: 'sponsor-vs-insurance', action: 'write-off', designation: 'INVESTIGATIONAL', payer_kind: 'COMMERCIAL' }],
  ])('%s: one denial, linked and triaged with the study facts', async (file, expected) => {
    const db = await denialWorld();
    const { triage } = await importAndTriage(db, file);
    expect(triage.denials).toBe(1);
    expect(rows(db)).toEqual([expect.objectContaining({ study: 'QT', initial: 1, status: 'open', ...expected })]);
  });

  it('paid lines, contractual reductions, coinsurance and reversals are not denials', async () => {
    const db = await denialWorld();
    expect((await importAndTriage(db, 'trial-original-payment.835')).triage.denials).toBe(0);
    expect((await importAndTriage(db, 'trial-reversal.835')).triage.denials).toBe(0);
    expect(rows(db)).toEqual([]);
  });

  it('a commercial plan\'s CO-55 on a routine line: appeal under PHSA 2709', async () => {
    const db = await denialWorld();
    const path = writeRemit({ payer: 'ACME COMMERCIAL HEALTH PLAN', payerId: '60054', filing: 'CI', production: '2024-04-12', claims: [{ account: 'ACCT-2005', icn: 'ICN-3005', lines: [{ chargeId: 'CHG-000521', code: '96413', modifiers: 'Q1', date: '2024-03-18', chargeCents: 30_000, deny: 'CO-55', remarks: ['N130'] }] }] });
    await importAndTriage(db, path);
    expect(rows(db)).toEqual([expect.objectContaining({ charge: 'CHG-000521', rule: 'ROUTINE-COST', basis: 'PHSA_2709', payer_kind: 'COMMERCIAL', deadline: '2024-10-09' })]);
  });

  it('triaging a file twice adds nothing', async () => {
    const db = await denialWorld();
    const { fileId } = await importAndTriage(db, 'trial-co50-routine.835');
    expect(triageRemitFile(db, fileId, { now: FIXED_NOW }).denials).toBe(0);
    expect(rows(db)).toHaveLength(1);
  });
});

describe('later remittances', () => {
  const repaid = (icn: string, paidCents: number, production = '2024-06-20'): string =>
    writeRemit({ production, claims: [{ account: 'ACCT-2003', icn, frequency: '7', lines: [{ chargeId: 'CHG-000301', code: '71260', modifiers: 'Q1', date: '2024-03-12', chargeCents: 40_000, paidCents }] }] });

  it('a later payment of the service resolves the open denial with what it paid', async () => {
    const db = await denialWorld();
    await importAndTriage(db, 'trial-co50-routine.835');
    const { triage } = await importAndTriage(db, repaid('ICN-2003B', 32_000));
    expect(triage.paidOnRemit).toBe(1);
    expect(rows(db)[0]).toMatchObject({ status: 'open', resolution_date: '2024-06-20', recovered_cents: 32_000, deadline: null });
  });

  it('under appeal, the payment overturns it (in part when less came back) and decides the appeal', async () => {
    const db = await denialWorld();
    await importAndTriage(db, 'trial-co50-routine.835');
    setDenialStatus(db, { ids: [1], status: 'appealed', date: '2024-04-25', actor: 'test' }, FIXED_NOW());
    await importAndTriage(db, repaid('ICN-2003B', 32_000));
    expect(rows(db)[0]).toMatchObject({ status: 'overturned', resolution_date: '2024-06-20', recovered_cents: 32_000 });
    expect(db.prepare('SELECT level, sent_date, decided_date, outcome FROM appeals').all()).toEqual([{ level: 1, sent_date: '2024-04-25', decided_date: '2024-06-20', outcome: 'partially-overturned' }]);
  });

  it('a repeat denial of the same service is not initial', async () => {
    const db = await denialWorld();
    await importAndTriage(db, 'trial-co50-routine.835');
    await importAndTriage(db, writeRemit({ production: '2024-06-20', claims: [{ account: 'ACCT-2003', icn: 'ICN-2003B', frequency: '7', lines: [{ chargeId: 'CHG-000301', code: '71260', modifiers: 'Q1', date: '2024-03-12', chargeCents: 40_000, deny: 'CO-50' }] }] }));
    expect(rows(db).map((r) => r.initial)).toEqual([1, 0]);
  });
});

describe('re-triage', () => {
  it('lines imported before their charges are linked and triaged again when the charges arrive', async () => {
    const db = await world([], WORLD_FILES);
    await importAndTriage(db, 'trial-co50-routine.835');
    expect(rows(db)[0]).toMatchObject({ charge: null, study: null, rule: 'BY-REASON-CODE', action: 'appeal', basis: 'MEDICAL_NECESSITY' });
    await importCharges(db, TRIAL_CHARGES.filter((c) => c.charge_id === 'CHG-000301').map((c) => ({ ...CLEAN, ...c })));
    expect(retriageOpenDenials(db, FIXED_NOW())).toEqual({ relinked: 1, retriaged: 1 });
    expect(rows(db)[0]).toMatchObject({ charge: 'CHG-000301', study: 'QT', rule: 'ROUTINE-COST', basis: 'NCD_310_1' });
    expect(db.prepare("SELECT kind, note FROM denial_events WHERE kind = 'retriaged'").all()).toEqual([{ kind: 'retriaged', note: 'BY-REASON-CODE -> ROUTINE-COST: protocol, appeal' }]);
  });

  it('a later import through the import job relinks and re-triages by itself; the same file again does nothing', async () => {
    const db = await world([], WORLD_FILES);
    await importAndTriage(db, 'trial-co50-routine.835');
    const path = writeChargesFile(TRIAL_CHARGES.filter((c) => c.charge_id === 'CHG-000301').map((c) => ({ ...CLEAN, ...c })));
    const ctx = { progress: () => undefined, isCancelled: () => false };
    const outcome = (await JOB_KINDS.import(db, { paths: [path] }, ctx)) as ImportOutcome;
    expect(outcome).toMatchObject({ status: 'imported', denials: { relinked: 1, retriaged: 1 } });
    expect(rows(db)[0]).toMatchObject({ charge: 'CHG-000301', study: 'QT', rule: 'ROUTINE-COST', basis: 'NCD_310_1' });
    const again = (await JOB_KINDS.import(db, { paths: [path] }, ctx)) as ImportOutcome;
    expect(again.status).toBe('unchanged');
    expect(again.denials).toBeUndefined();
  });

  it('an import with no remittance on file leaves the denials alone', async () => {
    const db = await world([], WORLD_FILES);
    const path = writeChargesFile(TRIAL_CHARGES.map((c) => ({ ...CLEAN, ...c })));
    const outcome = (await JOB_KINDS.import(db, { paths: [path] }, { progress: () => undefined, isCancelled: () => false })) as ImportOutcome;
    expect(outcome.status).toBe('imported');
    expect(outcome.denials).toBeUndefined();
  });

  it('a denial the coordinator acted on keeps its conclusion', async () => {
    const db = await denialWorld();
    await importAndTriage(db, 'trial-co50-routine.835');
    setDenialStatus(db, { ids: [1], status: 'written-off', actor: 'test' }, FIXED_NOW());
    db.prepare("UPDATE calendar_items SET designation = 'SPONSOR' WHERE cpt_hcpcs = '71260'").run();
    expect(retriageOpenDenials(db, FIXED_NOW()).retriaged).toBe(0);
    expect(rows(db)[0]).toMatchObject({ rule: 'ROUTINE-COST', status: 'written-off' });
  });
});

