/**
 * The demo-linked remittance (demo-remit.ts): its committed copies are current, it balances, every
 * line links to a demo charge by REF*6R, and each denial is triaged as the scenario intends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo/load-demo.ts';
import { importRemittance } from '../../db/remit/import-835.ts';
import { triageRemitFile } from '../../db/denials/triage-file.ts';
import { memoryStore } from '../helpers/store.ts';
import { buildDemoRemit, DEMO_REMIT_PATHS } from './demo-remit.ts';

describe('the demo-linked remittance', () => {
  it('is committed, byte for byte, in tests/fixtures/x12 and assets/samples (regenerate: node tests/denials/write-demo-remit.ts)', () => {
    const text = buildDemoRemit();
    for (const path of DEMO_REMIT_PATHS) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it('links every line to a demo charge and triages each denial by the demo\'s study facts', async () => {
    const db = memoryStore();
    await loadDemo(db, join(import.meta.dirname, '..', '..', 'assets', 'demo'));
    const outcome = await importRemittance(db, DEMO_REMIT_PATHS[1] as string);
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    expect(outcome.counts).toMatchObject({ transactions: 4, claims: 23, lines: 46, linkedLines: 46, imbalances: 0, reversalsPaired: 1 });
    expect(triageRemitFile(db, outcome.fileId).denials).toBe(10);
    const rows = db.prepare('SELECT c.charge_id, d.rule, d.action, d.basis, d.rebill_to FROM denials d JOIN charges c ON c.id = d.charge_id ORDER BY d.id').all();
    expect(rows).toEqual([
      { charge_id: 'CHG4170774', rule: 'ROUTINE-COST', action: 'appeal', basis: 'NCD_310_1', rebill_to: null },
      { charge_id: 'CHG4195672', rule: 'TRIAL-NUMBER', action: 'fix-resubmit', basis: null, rebill_to: 'SAME_PAYER' },
      { charge_id: 'CHG4180445', rule: 'TRIAL-NUMBER', action: 'fix-resubmit', basis: null, rebill_to: 'SAME_PAYER' },
      { charge_id: 'CHG4201697', rule: 'SPONSOR-ITEM', action: 'move-to-sponsor', basis: null, rebill_to: null },
      { charge_id: 'CHG4173363', rule: 'ROUTINE-COST', action: 'appeal', basis: 'NCD_310_1', rebill_to: null },
      { charge_id: 'CHG4171655', rule: 'CONVENTIONAL-CARE', action: 'appeal', basis: 'MEDICAL_NECESSITY', rebill_to: null },
      { charge_id: 'CHG4171665', rule: 'TIMELY-FILING', action: 'write-off', basis: null, rebill_to: null },
      { charge_id: 'CHG4174272', rule: 'ROUTINE-COST', action: 'appeal', basis: 'PHSA_2709', rebill_to: null },
      { charge_id: 'CHG4183068', rule: 'BY-REASON-CODE', action: 'appeal', basis: 'AUTHORIZATION', rebill_to: null },
      { charge_id: 'CHG4226337', rule: 'MA-ROUTING', action: 'rebill-other-payer', basis: null, rebill_to: 'ORIGINAL_MEDICARE' },
    ]);
  });
});
