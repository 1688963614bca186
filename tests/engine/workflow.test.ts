/** Re-running keeps decisions, closes what went away, reopens what came back, and is incremental. */
import { describe, expect, it } from 'vitest';
import { planRun, reconcile } from '../../db/engine/reconcile.ts';
import { getFinding } from '../../db/queries/findings/get-finding.ts';
import { listFindings } from '../../db/queries/findings/list-findings.ts';
import { setFindingStatus } from '../../db/queries/findings/update-findings.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { CLEAN, importCharges, world } from './scenario.ts';
import { writePackage } from '../helpers/temp-dir.ts';
import { join } from 'node:path';

const NOW = new Date('2026-01-15T10:00:00Z');
const idOf = (db: Awaited<ReturnType<typeof world>>, rule: string, chargeId: string): number =>
  db.prepare('SELECT f.id FROM findings f JOIN charges c ON c.id = f.charge_id WHERE f.rule = ? AND c.charge_id = ?').pluck().get(rule, chargeId) as number;

describe('re-running the engine', () => {
  it('keeps a decision on an unchanged finding', async () => {
    const db = await world([{ modifiers: '' }]);
    reconcile(db);
    const id = idOf(db, 'MOD-08', 'C1');
    setFindingStatus(db, { ids: [id], status: 'dismissed', reason: 'Q1 added on the corrected claim in the billing system', actor: 'ana' }, NOW);
    const second = reconcile(db, { mode: 'full' });
    expect(second.opened).toBe(0);
    const finding = getFinding(db, id);
    expect(finding?.status).toBe('dismissed');
    expect(finding?.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.reason, e.actor])).toEqual([['status', 'open', 'dismissed', 'Q1 added on the corrected claim in the billing system', 'ana']]);
  });

  it('refuses to dismiss without a reason', async () => {
    const db = await world([{ modifiers: '' }]);
    reconcile(db);
    expect(() => setFindingStatus(db, { ids: [idOf(db, 'MOD-08', 'C1')], status: 'dismissed', actor: 'ana' }, NOW)).toThrow(/reason is required/);
  });

  it('closes a finding whose cause went away (incrementally) and reopens it when the cause comes back', async () => {
    const db = await world([{ modifiers: '' }]);
    reconcile(db);
    const id = idOf(db, 'MOD-08', 'C1');
    setFindingStatus(db, { ids: [id], status: 'confirmed', actor: 'ana' }, NOW);
    await importCharges(db, [{ ...CLEAN, charge_id: 'C1' }]); // the corrected charge arrives with Q1
    const fixedRun = reconcile(db);
    expect(fixedRun).toMatchObject({ mode: 'incremental', chargesEvaluated: 1, closed: 1 });
    expect(getFinding(db, id)?.status).toBe('closed');
    await importCharges(db, [{ ...CLEAN, charge_id: 'C1', modifiers: '', charge_amount: '213.00' }]);
    const againRun = reconcile(db);
    expect(againRun).toMatchObject({ mode: 'incremental', reopened: 1 });
    const finding = getFinding(db, id);
    expect(finding?.status).toBe('open');
    expect(finding?.events.map((e) => e.kind)).toEqual(['status', 'closed-by-run', 'reopened-by-run']);
  });

  it('reopens a dismissed finding when its evidence changes, and keeps a confirmed one confirmed', async () => {
    const db = await world([{ modifiers: '' }, { dx_codes: 'C18.9', charge_amount: '300.00' }]);
    reconcile(db);
    const dismissed = idOf(db, 'MOD-08', 'C1');
    const confirmed = idOf(db, 'DX-09', 'C2');
    setFindingStatus(db, { ids: [dismissed], status: 'dismissed', reason: 'billed correctly on paper', actor: 'ana' }, NOW);
    setFindingStatus(db, { ids: [confirmed], status: 'confirmed', actor: 'ana' }, NOW);
    await importCharges(db, [
      { ...CLEAN, charge_id: 'C1', modifiers: '', charge_amount: '999.00' },
      { ...CLEAN, charge_id: 'C2', dx_codes: 'C18.9', charge_amount: '301.00' },
    ]);
    reconcile(db);
    expect(getFinding(db, dismissed)?.status).toBe('open');
    expect(getFinding(db, dismissed)?.events.at(-1)).toMatchObject({ kind: 'evidence-changed', fromStatus: 'dismissed', toStatus: 'open' });
    expect(getFinding(db, confirmed)?.status).toBe('confirmed');
    expect(getFinding(db, confirmed)?.amountCents).toBe(30100);
  });

  it('evaluates only new charges incrementally, and runs full after set-up data changes', async () => {
    const db = await world([{}, { modifiers: '' }]);
    expect(reconcile(db).mode).toBe('full');
    await importCharges(db, [{ ...CLEAN, charge_id: 'C9', service_date: '2025-02-07', charge_amount: '99.00', modifiers: '' }]);
    expect(planRun(db, 'auto').mode).toBe('incremental');
    expect(reconcile(db)).toMatchObject({ mode: 'incremental', chargesEvaluated: 1, opened: 1 });
    const approvals = 'study_id,subject_id,cpt_hcpcs,service_date,approval_ref\nQT,S1,78815,2025-01-11,SPA-2\n';
    await importFiles(db, { type: 'file', path: join(writePackage({ 'approvals.csv': approvals }), 'approvals.csv') });
    expect(planRun(db, 'auto').mode).toBe('full');
    expect(reconcile(db)).toMatchObject({ mode: 'full', chargesEvaluated: 3 });
  });

  it('runs full after sponsor invoice lines were added or removed (a new invoice or a credit memo)', async () => {
    const db = await world([{}]);
    reconcile(db);
    expect(planRun(db, 'auto').mode).toBe('incremental');
    const line = db.prepare("INSERT INTO sponsor_invoice_lines (study_id, invoice_number, subject_id, visit_code, cpt_hcpcs, service_date, amount_cents, source) SELECT study_id, 'INV-X', id, 'V1', '93000', '2025-01-10', 5000, 'GENERATED' FROM subjects WHERE subject_id = 'S1'").run();
    expect(planRun(db, 'auto').mode).toBe('full');
    reconcile(db);
    db.prepare('DELETE FROM sponsor_invoice_lines WHERE id = ?').run(line.lastInsertRowid);
    expect(planRun(db, 'auto').mode).toBe('full');
  });

  it('finds a new duplicate of an old charge incrementally, and drops it when the original changes', async () => {
    const db = await world([{ charge_id: 'C1' }]);
    reconcile(db);
    await importCharges(db, [{ ...CLEAN, charge_id: 'C2' }]);
    expect(reconcile(db)).toMatchObject({ mode: 'incremental', opened: 1 });
    const dup = idOf(db, 'DUP-28', 'C2');
    await importCharges(db, [{ ...CLEAN, charge_id: 'C1', units: '2' }]); // the original changes: C2 is no longer a copy
    const summary = reconcile(db);
    expect(summary).toMatchObject({ mode: 'incremental', chargesEvaluated: 1, closed: 1 });
    expect(getFinding(db, dup)?.status).toBe('closed');
    // The incremental run derives its total from the last run: it must equal a count.
    expect(summary.totalOpen).toBe(db.prepare('SELECT count(*) FROM findings WHERE active = 1').pluck().get());
  });

  it('rolls back a cancelled run', async () => {
    const db = await world([{ modifiers: '' }]);
    const summary = reconcile(db, { isCancelled: () => true });
    expect(summary.cancelled).toBe(true);
    expect(db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM reconcile_runs').pluck().get()).toBe(0);
  });
});

describe('findings that are not about one charge', () => {
  it('INVC-20: completed visits with sponsor items never invoiced; an item needing approval only with one', async () => {
    const db = await world([{}]);
    reconcile(db);
    const rows = db.prepare("SELECT su.subject_id, f.cpt_hcpcs, f.amount_cents FROM findings f JOIN subjects su ON su.id = f.subject_id WHERE f.rule = 'INVC-20' ORDER BY 1, 2").all();
    // S1: 71260 invoiced; 93000 not; 78815 approved on the visit date. S3: 71260 and 93000 invoiced; 78815 not approved.
    expect(rows).toEqual([
      { subject_id: 'S1', cpt_hcpcs: '78815', amount_cents: 120000 },
      { subject_id: 'S1', cpt_hcpcs: '93000', amount_cents: 5000 },
    ]);
  });

  it('SF-30 (added): a screen failure whose fee was never invoiced; not once invoiced', async () => {
    const first = await world([{}]);
    reconcile(first);
    expect(first.prepare("SELECT count(*) FROM findings WHERE rule = 'SF-30'").pluck().get()).toBe(1);
    const invoiced = await world([{}], { invoices: ['QT,INV-1,S1,V1,71260,2025-01-10,450.00', 'QT,INV-2,SF1,SCRFAIL,,2025-01-05,500.00'] });
    reconcile(invoiced);
    expect(invoiced.prepare("SELECT count(*) FROM findings WHERE rule = 'SF-30'").pluck().get()).toBe(0);
  });

  it('ALIGN-15: one finding per disagreeing calendar row, none for consistent rows', async () => {
    const calendar = [
      'QT,A,V1,Visit 1,0,0,3,80053,CMP,SOC,45.00,N,N,',
      'QT,A,V1,Visit 1,0,0,3,71260,CT,SPONSOR,,N,N,',
      'QT,A,V1,Visit 1,0,0,3,85025,CBC,CONDITIONAL,,N,Y,',
      'QT,A,V1,Visit 1,0,0,3,93000,ECG,SPONSOR,50.00,N,Y,',
      'QT,A,V2,Visit 2,28,2,2,80061,Lipids,SOC,,N,N,',
      'DV,A,IMP,Implant,0,0,0,93306,Echo,SOC,,N,N,',
      'NQ,A,BASE,Baseline,0,0,7,80053,CMP,SOC,,N,N,',
    ];
    const db = await world([{}], { calendar, visits: [], approvals: [], invoices: [] });
    reconcile(db);
    const messages = db.prepare("SELECT cpt_hcpcs, message FROM findings WHERE rule = 'ALIGN-15' ORDER BY cpt_hcpcs").all() as { cpt_hcpcs: string; message: string }[];
    expect(messages.map((m) => m.cpt_hcpcs)).toEqual(['71260', '80053', '85025']);
    expect(messages[1]?.message).toMatch(/routine care \(SOC\) yet has a sponsor price of \$45\.00/);
  });
});

describe('the work queue', () => {
  it('filters, sorts and pages in SQL, with the total', async () => {
    const db = await world([{ modifiers: '' }, { dx_codes: 'C18.9', charge_amount: '999.00' }, { cpt_hcpcs: '71260', service_date: '2025-01-11', modifiers: '', dx_codes: 'C18.9', nct_on_claim: '', condition_codes: '', charge_amount: '450.00' }]);
    reconcile(db);
    const all = listFindings(db, {}, { by: 'severity', direction: 'asc' }, 0, 100);
    expect(all.rows[0]?.rule).toBe('RSH-02'); // critical first
    expect(all.total).toBe(all.rows.length);
    const warnings = listFindings(db, { severities: ['warning'] }, { by: 'amount', direction: 'desc' }, 0, 2);
    expect(warnings.rows.map((r) => r.amountCents)).toEqual([...warnings.rows.map((r) => r.amountCents)].sort((a, b) => b - a));
    expect(warnings.rows.length).toBe(2);
    expect(warnings.total).toBeGreaterThan(2);
    const page2 = listFindings(db, { severities: ['warning'] }, { by: 'amount', direction: 'desc' }, 2, 2);
    expect(page2.rows[0]?.id).not.toBe(warnings.rows[0]?.id);
    expect(listFindings(db, { rules: ['DX-09'], chargeId: 'C2' }, { by: 'severity', direction: 'asc' }, 0, 10).rows.map((r) => [r.rule, r.chargeId, r.subjectId, r.visitCode])).toEqual([['DX-09', 'C2', 'S1', 'V1']]);
  });
});
