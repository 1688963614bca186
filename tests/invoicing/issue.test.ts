/**
 * Issuing: numbers never reused, due dates from the terms, immutability enforced by the database
 * itself, credit memos, and the compliance engine seeing generated lines (INVC-20 closes, reopens
 * after a credit).
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../db/engine/reconcile.ts';
import { issueCreditMemo } from '../../db/invoicing/credit-memo.ts';
import { createDraft, deleteDraft, updateDraft } from '../../db/invoicing/drafts.ts';
import { issueInvoice } from '../../db/invoicing/issue.ts';
import { proposeInvoice } from '../../db/invoicing/propose.ts';
import { getInvoice } from '../../db/queries/invoicing/get-invoice.ts';
import { importFiles } from '../../db/import/import-files.ts';
import { writePackage } from '../helpers/temp-dir.ts';
import { NOW, world } from './world.ts';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const activeRules = (db: Awaited<ReturnType<typeof world>>, rule: string): string[] =>
  db.prepare("SELECT s.subject_id || ' ' || coalesce(f.cpt_hcpcs, '') FROM findings f JOIN subjects s ON s.id = f.subject_id WHERE f.rule = ? AND f.active = 1 AND s.study_id = (SELECT id FROM studies WHERE study_id = 'S1') ORDER BY 1").pluck().all(rule) as string[];

describe('issuing', () => {
  it('numbers after the imported history, dates it, and sets the due date from the payment terms', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    // INV-S1-2025-007 came with the package: the 2025 sequence continues after it.
    expect(issueInvoice(db, id, '2025-12-31', NOW)).toBe('INV-S1-2025-008');
    expect(getInvoice(db, id)).toMatchObject({ status: 'ISSUED', state: 'open', issueDate: '2025-12-31', dueDate: '2026-01-30', balanceCents: 948_336, issuedAt: NOW.toISOString() });
  });

  it('never reuses a number, even after drafts are deleted', async () => {
    const db = await world();
    const numbers: string[] = [];
    for (const [from, to] of [['2025-01-01', '2025-02-28'], ['2025-03-01', '2025-03-31']] as const) {
      const scrap = createDraft(db, { studyId: 'S1', from, to }, NOW);
      deleteDraft(db, scrap);
      const id = createDraft(db, { studyId: 'S1', from, to }, NOW);
      numbers.push(issueInvoice(db, id, '2026-01-15', NOW));
    }
    const first = db.prepare("SELECT id FROM invoices WHERE number = 'INV-S1-2026-001'").pluck().get() as number;
    const memo = issueCreditMemo(db, { invoiceId: first, reason: 'Wrong period' }, NOW);
    numbers.push(getInvoice(db, memo)?.number ?? '');
    expect(numbers).toEqual(['INV-S1-2026-001', 'INV-S1-2026-002', 'CM-S1-2026-001']);
    expect(db.prepare('SELECT kind, year, last_seq FROM invoice_number_sequences ORDER BY kind').all()).toEqual([
      { kind: 'CM', year: 2026, last_seq: 1 },
      { kind: 'INV', year: 2026, last_seq: 2 },
    ]);
    // The sequence cannot be wound back or deleted, even by hand.
    expect(() => db.prepare("UPDATE invoice_number_sequences SET last_seq = 1 WHERE kind = 'INV'").run()).toThrow(/only move forward/);
    expect(() => db.prepare('DELETE FROM invoice_number_sequences').run()).toThrow(/never deleted/);
  });

  it('refuses to issue an empty draft or one whose items were billed since', async () => {
    const db = await world();
    const a = createDraft(db, { studyId: 'S1', from: '2025-03-01', to: '2025-03-31' }, NOW);
    const lines = getInvoice(db, a)?.lines ?? [];
    updateDraft(db, { invoiceId: a, changes: lines.map((l) => ({ op: 'remove' as const, lineId: l.id, reason: 'not this month' })) });
    expect(() => issueInvoice(db, a, '2026-01-15', NOW)).toThrow(/nothing to issue/);
    updateDraft(db, { invoiceId: a, changes: lines.map((l) => ({ op: 'restore' as const, lineId: l.id })) });
    // The same items arrive as imported invoice history: issuing would bill them twice.
    const history = 'study_id,invoice_number,subject_id,visit_code,cpt_hcpcs,service_date,amount\nS1,OLD-1,002,SCR,80061,2025-03-05,42.00\n';
    await importFiles(db, { type: 'file', path: `${writePackage({ 'invoices.csv': history })}/invoices.csv` });
    expect(() => issueInvoice(db, a, '2026-01-15', NOW)).toThrow(/1 line is already billed on OLD-1/);
  });
});

describe('immutability in the database', () => {
  it('refuses any change to an issued invoice or its lines, whatever code tries', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    issueInvoice(db, id, '2026-01-15', NOW);
    const lineId = db.prepare('SELECT id FROM invoice_lines WHERE invoice_id = ? LIMIT 1').pluck().get(id);
    expect(() => db.prepare('UPDATE invoices SET notes = ? WHERE id = ?').run('edited', id)).toThrow(/cannot be changed; issue a credit memo/);
    expect(() => db.prepare("UPDATE invoices SET status = 'DRAFT', number = NULL WHERE id = ?").run(id)).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM invoices WHERE id = ?').run(id)).toThrow(/cannot be deleted/);
    expect(() => db.prepare('UPDATE invoice_lines SET amount_cents = 1, net_cents = 1 - overhead_cents + holdback_cents WHERE id = ?').run(lineId)).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM invoice_lines WHERE id = ?').run(lineId)).toThrow(/cannot be deleted/);
    expect(() =>
      db
        .prepare("INSERT INTO invoice_lines (invoice_id, seq, source, line_key, visit_code, description, service_date, amount_cents, overhead_bp, overhead_cents, holdback_bp, holdback_cents, net_cents, overhead_exempt, holdback_exempt) VALUES (?, 99, 'OTHER', 'x', 'OTHER', 'x', '2026-01-01', 1, 0, 0, 0, 0, 1, 0, 0)")
        .run(id),
    ).toThrow(/cannot be added/);
  });

  it('gives numbers only at issue, checks totals against the lines, and makes documents drafts first', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    expect(() => db.prepare("UPDATE invoices SET number = 'INV-X' WHERE id = ?").run(id)).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare("UPDATE invoices SET status = 'ISSUED', number = 'INV-X', issue_date = '2026-01-01', due_date = '2026-01-31', issued_at = 'x', document_json = '{}', amount_cents = 1, overhead_cents = 0, holdback_cents = 0, net_cents = 1 WHERE id = ?")
        .run(id),
    ).toThrow(/totals do not equal the sum of its lines/);
    expect(() => db.prepare("INSERT INTO invoices (study_id, kind, status, number, payment_terms_days, overhead_bp, holdback_bp, created_at) VALUES (1, 'INVOICE', 'ISSUED', 'INV-Y', 30, 0, 0, 'x')").run()).toThrow(/created as drafts/);
    expect(() => db.prepare("UPDATE invoice_lines SET net_cents = net_cents + 1 WHERE invoice_id = ?").run(id)).toThrow(/CHECK constraint/);
  });
});

describe('credit memos', () => {
  it('reverse whole lines once, with their own number, and the invoice balance follows', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    issueInvoice(db, id, '2026-01-15', NOW);
    const ecg = getInvoice(db, id)?.lines.find((l) => l.subjectId === '002' && l.cptHcpcs === '93000');
    const memoId = issueCreditMemo(db, { invoiceId: id, lineIds: [ecg?.id ?? 0], reason: 'ECG billed in error: not done', issueDate: '2026-01-20' }, NOW);
    const memo = getInvoice(db, memoId);
    expect(memo).toMatchObject({ kind: 'CREDIT_MEMO', number: 'CM-S1-2026-001', state: 'credit-memo', reason: 'ECG billed in error: not done', credits: { id, number: 'INV-S1-2026-001' } });
    expect(memo?.totals).toEqual({ lineCount: 1, amountCents: -6255, overheadCents: -1626, grossCents: -7881, holdbackCents: -788, netCents: -7093 });
    const invoice = getInvoice(db, id);
    expect(invoice).toMatchObject({ creditedCents: -7093, balanceCents: 948_336 - 7093, creditMemos: [{ id: memoId, number: 'CM-S1-2026-001', netCents: -7093 }] });
    expect(invoice?.lines.find((l) => l.id === ecg?.id)?.creditedBy).toBe('CM-S1-2026-001');
    expect(() => issueCreditMemo(db, { invoiceId: id, lineIds: [ecg?.id ?? 0], reason: 'again' }, NOW)).toThrow(/already credited/);
    expect(() => issueCreditMemo(db, { invoiceId: memoId, reason: 'memo of a memo' }, NOW)).toThrow(/Only an issued invoice/);
    // The credited item is unbilled again: the builder proposes it once more.
    expect(proposeInvoice(db, 'S1', YEAR).lines.map((l) => `${l.subjectId} ${l.cptHcpcs}`)).toEqual(['002 93000']);
    const full = issueCreditMemo(db, { invoiceId: id, reason: 'Invoice voided: wrong sponsor contact' }, NOW);
    expect(getInvoice(db, full)?.lines).toHaveLength(7);
    expect(getInvoice(db, id)).toMatchObject({ state: 'credited', balanceCents: 0 });
  });
});

describe('the compliance engine sees generated invoices', () => {
  it('closes INVC-20 and SF-30 once the items are invoiced, and reopens INVC-20 after a credit memo', async () => {
    const db = await world();
    reconcile(db, { now: () => NOW });
    expect(activeRules(db, 'INVC-20')).toEqual(['001 71260', '001 85025', '001 93000', '002 80061', '002 93000']);
    expect(activeRules(db, 'SF-30')).toEqual(['003 ']);
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    issueInvoice(db, id, '2026-01-15', NOW);
    const run = reconcile(db, { now: () => NOW });
    expect(run.mode).toBe('full'); // sponsor_invoice_lines grew
    expect(activeRules(db, 'INVC-20')).toEqual([]);
    expect(activeRules(db, 'SF-30')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sponsor_invoice_lines WHERE source = 'GENERATED'").pluck().get()).toBe(8);
    expect(db.prepare("SELECT invoice_number, subject_id IS NOT NULL AS s, visit_code, cpt_hcpcs, service_date, amount_cents FROM sponsor_invoice_lines WHERE source = 'GENERATED' AND cpt_hcpcs = '93000' ORDER BY service_date").all()).toEqual([
      { invoice_number: 'INV-S1-2026-001', s: 1, visit_code: 'SCR', cpt_hcpcs: '93000', service_date: '2025-02-01', amount_cents: 6255 },
      { invoice_number: 'INV-S1-2026-001', s: 1, visit_code: 'SCR', cpt_hcpcs: '93000', service_date: '2025-03-05', amount_cents: 6255 },
    ]);
    const ecg = getInvoice(db, id)?.lines.find((l) => l.subjectId === '002' && l.cptHcpcs === '93000');
    issueCreditMemo(db, { invoiceId: id, lineIds: [ecg?.id ?? 0], reason: 'wrong price' }, NOW);
    // The memo removed a generated line: the next automatic run notices and is full.
    expect(reconcile(db, { now: () => NOW }).mode).toBe('full');
    expect(activeRules(db, 'INVC-20')).toEqual(['002 93000']);
  });
});
