/**
 * Linking remittance lines to charges (REF*6R first, then account + code + date) and pairing
 * reversals with the payments they take back, on a tiny charges table inserted directly.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importRemittance } from '../../db/remit/import-835.ts';
import { relinkUnlinkedLines } from '../../db/remit/link-charges.ts';
import { fixturePath, readFixture, readSample, samplePath } from '../x12/sample-files.ts';
import { FIXED_NOW, freshStore, insertCharges } from './store-helpers.ts';

let db: Db;
beforeEach(() => {
  db = freshStore();
});

const links = (): { code: string; charge: string | null; method: string }[] =>
  db
    .prepare(
      `SELECT l.procedure_code AS code, ch.charge_id AS charge, l.link_method AS method
       FROM remit_service_lines l LEFT JOIN charges ch ON ch.id = l.charge_id ORDER BY l.id`,
    )
    .all() as never;

async function importFile(path: string): Promise<void> {
  const outcome = await importRemittance(db, path, { now: FIXED_NOW });
  expect(outcome.status).toBe('imported');
}

const tempDir = mkdtempSync(join(tmpdir(), 'trialledger-835-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(tempDir, name);
  writeFileSync(path, text);
  return path;
}

describe('service line -> charge', () => {
  it('links by REF*6R = charges.charge_id', async () => {
    insertCharges(db, [
      { chargeId: 'CHG-000123', accountId: 'OTHER', serviceDate: '2020-01-01', cpt: '99999', amountCents: 1 },
      { chargeId: 'CHG-000124', accountId: 'ACCT-2001', serviceDate: '2024-03-05', cpt: '85025', amountCents: 4_000 },
    ]);
    await importFile(fixturePath('trial-co16-ma50-ma130.835'));
    expect(links()).toEqual([
      { code: '99213', charge: 'CHG-000123', method: 'REF_6R' },
      { code: '85025', charge: 'CHG-000124', method: 'REF_6R' },
    ]);
  });

  it('falls back to account + code + DTM*472 date, also when REF*6R names no known charge', async () => {
    insertCharges(db, [
      { chargeId: 'C-1', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 54_100 },
      { chargeId: 'C-2', accountId: 'ACCT-1001', serviceDate: '2024-03-01', cpt: '99213', amountCents: 10_000 },
    ]);
    await importFile(samplePath('linuxforhealth/cob-contractural-adjustment.835'));
    await importFile(fixturePath('imbalance-line.835'));
    expect(links()).toEqual([
      { code: '55669', charge: 'C-1', method: 'ACCOUNT_CODE_DATE' },
      { code: '99213', charge: 'C-2', method: 'ACCOUNT_CODE_DATE' },
    ]);
  });

  it('uses the DTM*150/151 period when a line has no DTM*472', async () => {
    insertCharges(db, [
      { chargeId: 'C-1', accountId: '5554555444', serviceDate: '2002-03-02', cpt: '99211', amountCents: 80_000 },
      { chargeId: 'C-2', accountId: '8765432112', serviceDate: '2002-03-13', cpt: '93555', amountCents: 120_000 },
    ]);
    await importFile(samplePath('linuxforhealth/managed-care.835'));
    // 2002-03-13 is outside 2002-03-10..12: the second line finds nothing.
    expect(links()).toEqual([
      { code: '99211', charge: 'C-1', method: 'ACCOUNT_CODE_PERIOD' },
      { code: '93555', charge: null, method: 'UNMATCHED' },
    ]);
  });

  it('uses the claim statement dates when the line has no date at all', async () => {
    const text = readSample('linuxforhealth/cob-contractural-adjustment.835').replace('DTM*472*20050202~\n', '').replace('SE*25*0001', 'SE*24*0001');
    insertCharges(db, [{ chargeId: 'C-1', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 54_100 }]);
    await importFile(writeTemp('no-line-date.835', text));
    expect(links()).toEqual([{ code: '55669', charge: 'C-1', method: 'ACCOUNT_CODE_STATEMENT' }]);
  });

  it('leaves a line unmatched when no charge has its account, code and date', async () => {
    insertCharges(db, [
      { chargeId: 'C-1', accountId: '0001000055', serviceDate: '2005-02-03', cpt: '55669', amountCents: 54_100 },
      { chargeId: 'C-2', accountId: '0001000056', serviceDate: '2005-02-02', cpt: '55669', amountCents: 54_100 },
      { chargeId: 'C-3', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55670', amountCents: 54_100 },
    ]);
    await importFile(samplePath('linuxforhealth/cob-contractural-adjustment.835'));
    expect(links()).toEqual([{ code: '55669', charge: null, method: 'UNMATCHED' }]);
  });

  it('prefers the charge with the same amount, and calls genuinely different candidates ambiguous', async () => {
    insertCharges(db, [
      { chargeId: 'C-1', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 10_000 },
      { chargeId: 'C-2', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 54_100 },
    ]);
    await importFile(samplePath('linuxforhealth/cob-contractural-adjustment.835'));
    expect(links()).toEqual([{ code: '55669', charge: 'C-2', method: 'ACCOUNT_CODE_DATE' }]);

    db = freshStore();
    insertCharges(db, [
      { chargeId: 'C-1', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 10_000 },
      { chargeId: 'C-2', accountId: '0001000055', serviceDate: '2005-02-02', cpt: '55669', amountCents: 20_000 },
    ]);
    await importFile(samplePath('linuxforhealth/cob-contractural-adjustment.835'));
    expect(links()).toEqual([{ code: '55669', charge: null, method: 'AMBIGUOUS' }]);
  });

  it('gives two identical lines of one claim two different identical charges', async () => {
    const text = readSample('tastypackets/profee.835');
    insertCharges(db, [
      { chargeId: 'C-1', accountId: 'PATIENT ACCOUNT NUMBER', serviceDate: '2010-01-01', cpt: 'V2020', amountCents: 600, modifiers: 'RB' },
      { chargeId: 'C-2', accountId: 'PATIENT ACCOUNT NUMBER', serviceDate: '2010-01-01', cpt: 'V2020', amountCents: 600, modifiers: 'RB' },
    ]);
    // Claim 1 carries V2020:RB once; duplicate it inside the claim to have two identical lines.
    const doubled = text.replace('SVC*HC:V2020:RB*6*6**1~\nDTM*472*20100101~\nAMT*B6*6~\n', (m) => m + m).replace('SE*65*1740', 'SE*68*1740').replace('CLP*PATIENT ACCOUNT NUMBER*1*34.25*34.25', 'CLP*PATIENT ACCOUNT NUMBER*1*40.25*40.25').replace('BPR*I*45.75', 'BPR*I*51.75');
    await importFile(writeTemp('doubled.835', doubled));
    const v2020 = links().filter((l) => l.code === 'V2020');
    expect(v2020.slice(0, 2)).toEqual([
      { code: 'V2020', charge: 'C-1', method: 'ACCOUNT_CODE_DATE' },
      { code: 'V2020', charge: 'C-2', method: 'ACCOUNT_CODE_DATE' },
    ]);
  });

  it('links lines later, once their charges have been imported', async () => {
    await importFile(fixturePath('trial-co50-routine.835'));
    expect(links().map((l) => l.method)).toEqual(['UNMATCHED', 'UNMATCHED']);
    insertCharges(db, [{ chargeId: 'CHG-000302', accountId: 'ACCT-2003', serviceDate: '2024-03-12', cpt: '36415', amountCents: 10_000 }]);
    expect(relinkUnlinkedLines(db)).toBe(1);
    expect(links()).toEqual([
      { code: '71260', charge: null, method: 'UNMATCHED' },
      { code: '36415', charge: 'CHG-000302', method: 'REF_6R' },
    ]);
  });
});

describe('reversal pairing', () => {
  const pairs = () =>
    db
      .prepare(
        `SELECT r.status_code AS reversalStatus, r.paid_cents AS reversalPaid, o.status_code AS originalStatus, o.paid_cents AS originalPaid, o.payer_claim_control_number AS icn
         FROM remit_reversals p JOIN remit_claims r ON r.id = p.reversal_claim_id JOIN remit_claims o ON o.id = p.original_claim_id`,
      )
      .all();
  const expected = [{ reversalStatus: '22', reversalPaid: -28_000, originalStatus: '1', originalPaid: 28_000, icn: 'ICN-55501' }];

  it('pairs the reversal (CLP02 = 22) with the earlier payment of the same CLP01 and CLP07', async () => {
    insertCharges(db, [{ chargeId: 'CHG-000777', accountId: 'ACCT-7788', serviceDate: '2024-03-20', cpt: '99215', amountCents: 35_000 }]);
    await importFile(fixturePath('trial-original-payment.835'));
    const outcome = await importRemittance(db, fixturePath('trial-reversal.835'), { now: FIXED_NOW });
    expect(outcome).toMatchObject({ status: 'imported', counts: { reversalsPaired: 1, linkedLines: 2 } });
    expect(pairs()).toEqual(expected);
    // The payment, its reversal and the corrected payment all pay the same charge.
    expect(links()).toEqual([
      { code: '99215', charge: 'CHG-000777', method: 'REF_6R' },
      { code: '99215', charge: 'CHG-000777', method: 'REF_6R' },
      { code: '99215', charge: 'CHG-000777', method: 'REF_6R' },
    ]);
  });

  it('pairs them too when the reversal is imported first', async () => {
    await importFile(fixturePath('trial-reversal.835'));
    expect(pairs()).toEqual([]);
    await importFile(fixturePath('trial-original-payment.835'));
    expect(pairs()).toEqual(expected);
  });

  it('does not pair a claim whose amounts are not the exact opposite', async () => {
    const original = readFixture('trial-original-payment.835')
      .replace('CLP*ACCT-7788*1*350.00*280.00', 'CLP*ACCT-7788*1*350.00*270.00')
      .replace('SVC*HC:99215:Q1*350.00*280.00', 'SVC*HC:99215:Q1*350.00*270.00')
      .replace('CAS*CO*45*70.00', 'CAS*CO*45*80.00')
      .replace('BPR*I*280.00', 'BPR*I*270.00');
    await importFile(writeTemp('other-amount.835', original));
    await importFile(fixturePath('trial-reversal.835'));
    expect(pairs()).toEqual([]);
  });
});

describe('schema', () => {
  it('the account + code + date look-up uses its index', () => {
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM charges WHERE account_id = 'A' AND cpt_hcpcs = 'X' AND service_date BETWEEN '2024-01-01' AND '2024-01-31'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('charges_by_account_code_date');
  });

  it('every remittance table is STRICT; adjustments and remarks are views over their claim and line rows', () => {
    const tables = db.prepare("SELECT name, type, strict FROM pragma_table_list WHERE name LIKE 'remit_%' ORDER BY name").all() as { name: string; type: string; strict: number }[];
    expect(tables.filter((t) => t.type === 'table')).toHaveLength(7);
    expect(tables.filter((t) => t.type === 'table').every((t) => t.strict === 1)).toBe(true);
    expect(tables.filter((t) => t.type === 'view').map((t) => t.name)).toEqual(['remit_adjustments', 'remit_remarks']);
  });

  it('the batch look-ups of linking use the charge indexes', () => {
    const plan = (sql: string): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan("SELECT id FROM charges WHERE charge_id IN (SELECT value FROM json_each('[\"X\"]'))")).toMatch(/SEARCH charges USING (COVERING )?INDEX sqlite_autoindex_charges_1/);
    expect(plan("SELECT c.id, c.units FROM json_each('[[\"A\",\"X\"]]') p CROSS JOIN charges c ON c.account_id = p.value ->> 0 AND c.cpt_hcpcs = p.value ->> 1")).toMatch(
      /SEARCH c USING INDEX charges_by_account_code_date \(account_id=\? AND cpt_hcpcs=\?\)/,
    );
  });
});
