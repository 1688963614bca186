/** The invoice builder: what it proposes, what it skips and why, and drafts changed by hand with reasons. */
import { describe, expect, it } from 'vitest';
import { createDraft, deleteDraft, updateDraft } from '../../db/invoicing/drafts.ts';
import { issueInvoice } from '../../db/invoicing/issue.ts';
import { proposeInvoice } from '../../db/invoicing/propose.ts';
import { getInvoice } from '../../db/queries/invoicing/get-invoice.ts';
import { NOW, world } from './world.ts';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const keysOf = (lines: readonly { visitCode: string; cptHcpcs: string | null; subjectId: string | null }[]): string[] => lines.map((l) => `${l.subjectId ?? 'study'} ${l.visitCode} ${l.cptHcpcs ?? ''}`.trim());

describe('proposing an invoice', () => {
  it('proposes sponsor items of completed visits, screen failures and one-time fees, not what was billed', async () => {
    const db = await world();
    const p = proposeInvoice(db, 'S1', YEAR);
    expect(keysOf(p.lines)).toEqual(['study IRB-INIT', 'study STARTUP', '001 SCR 93000', '001 V1 71260', '001 V1 85025', '002 SCR 80061', '002 SCR 93000', '003 SCRFAIL']);
    // 001's lipid panel was on INV-S1-2025-007; the close-out fee waits for the final invoice; 002 missed V1.
    expect(p.skipped).toEqual({ alreadyInvoiced: 1, onOtherDrafts: 0, awaitingApproval: 0, beforePeriod: { count: 0, amountCents: 0, earliestDate: null }, heldForCloseOut: 1 });
    expect(p.lines.find((l) => l.cptHcpcs === '71260')?.note).toBe('Sponsor approval SPA-1');
    expect(p.totals).toEqual({ lineCount: 8, amountCents: 798_445, overheadCents: 168_595, grossCents: 967_040, holdbackCents: 18_704, netCents: 948_336 });
    expect(p.totals.netCents).toBe(p.lines.reduce((s, l) => s + l.netCents, 0));
  });

  it('selects visits by visit date and counts the unbilled ones before the period', async () => {
    const db = await world();
    const p = proposeInvoice(db, 'S1', { from: '2025-03-01', to: '2025-03-31' });
    expect(keysOf(p.lines)).toEqual(['study IRB-INIT', 'study STARTUP', '002 SCR 80061', '002 SCR 93000', '003 SCRFAIL']);
    expect(p.skipped.beforePeriod).toEqual({ count: 3, amountCents: 6255 + 45_000 + 1735, earliestDate: '2025-02-01' });
  });

  it('counts as already invoiced only what is dated in the period, but keeps showing what awaits approval', async () => {
    // June 2025 has no visits: 001's lipid panel (invoiced in February) is not skipped from it; the
    // billed one-time fee is (it belongs to any period); the CT chest still awaiting its approval
    // (February) stays counted, since it is unbilled revenue waiting on the sponsor.
    const db = await world({ approvals: [], invoices: ['S1,INV-S1-2025-007,001,SCR,80061,2025-02-01,42.00', 'S1,INV-S1-2025-008,,STARTUP,,2025-01-31,5000.00'] });
    const p = proposeInvoice(db, 'S1', { from: '2025-06-01', to: '2025-06-30' });
    expect(keysOf(p.lines)).toEqual(['study IRB-INIT']);
    expect(p.skipped).toMatchObject({ alreadyInvoiced: 1, awaitingApproval: 1, beforePeriod: { count: 5 } });
    expect(proposeInvoice(db, 'S1', { from: '2025-02-01', to: '2025-02-28' }).skipped).toMatchObject({ alreadyInvoiced: 2, awaitingApproval: 1 });
  });

  it('holds an item that needs sponsor approval until the approval is on file', async () => {
    const db = await world({ approvals: [] });
    const p = proposeInvoice(db, 'S1', YEAR);
    expect(keysOf(p.lines)).not.toContain('001 V1 71260');
    expect(p.skipped.awaitingApproval).toBe(1);
  });

  it('bills the close-out fee only on the final invoice', async () => {
    const db = await world();
    expect(keysOf(proposeInvoice(db, 'S1', { ...YEAR, includeCloseOutItems: true }).lines)).toContain('study CLOSEOUT');
  });

  it('refuses an unknown study', async () => {
    const db = await world();
    expect(() => proposeInvoice(db, 'NOPE', YEAR)).toThrow(/There is no study NOPE/);
  });
});

describe('drafts', () => {
  it('stores the proposal, and a second draft of the same period finds nothing left', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    const draft = getInvoice(db, id);
    expect(draft).toMatchObject({ status: 'DRAFT', state: 'draft', number: null, issueDate: null, overheadBp: 2600, holdbackBp: 1000, paymentTermsDays: 30 });
    expect(draft?.totals.netCents).toBe(948_336);
    expect(proposeInvoice(db, 'S1', YEAR).skipped.onOtherDrafts).toBe(8);
    expect(() => createDraft(db, { studyId: 'S1', ...YEAR }, NOW)).toThrow(/Nothing to invoice/);
    deleteDraft(db, id);
    expect(proposeInvoice(db, 'S1', YEAR).lines).toHaveLength(8);
  });

  it('removes and restores lines with a reason, and the totals follow', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    const startup = getInvoice(db, id)?.lines.find((l) => l.visitCode === 'STARTUP');
    updateDraft(db, { invoiceId: id, changes: [{ op: 'remove', lineId: startup?.id ?? 0, reason: 'Start-up fee was paid by the CRO directly' }] });
    let draft = getInvoice(db, id);
    expect(draft?.lines.find((l) => l.id === startup?.id)).toMatchObject({ removed: true, removedReason: 'Start-up fee was paid by the CRO directly' });
    expect(draft?.totals.netCents).toBe(948_336 - 630_000);
    // A removed line goes back to being proposable elsewhere; restoring brings it back here.
    expect(proposeInvoice(db, 'S1', YEAR).lines.map((l) => l.visitCode)).toContain('STARTUP');
    updateDraft(db, { invoiceId: id, changes: [{ op: 'restore', lineId: startup?.id ?? 0 }] });
    draft = getInvoice(db, id);
    expect(draft?.totals.netCents).toBe(948_336);
  });

  it('adds per-occurrence items, visit items and free lines by hand, priced from the CTA', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', from: '2025-03-01', to: '2025-03-31' }, NOW);
    updateDraft(db, {
      invoiceId: id,
      changes: [
        { op: 'add', line: { kind: 'invoiceable', itemCode: 'SAE', subjectId: '001', serviceDate: '2025-02-20', reason: 'SAE report filed 2025-02-20' } },
        { op: 'add', line: { kind: 'invoiceable', itemCode: 'SAE', subjectId: '001', serviceDate: '2025-03-02', reason: 'Second SAE report' } },
        { op: 'add', line: { kind: 'visit-item', subjectId: '001', visitCode: 'SCR', cptHcpcs: '93000', reason: 'Missed on the February invoice' } },
        { op: 'add', line: { kind: 'other', description: 'Courier for frozen samples (sponsor approved, email 2025-03-02)', amountCents: 12_345, serviceDate: '2025-03-02', overheadApplies: false, holdbackApplies: true, reason: 'Sponsor approved the courier cost' } },
      ],
    });
    const added = getInvoice(db, id)?.lines.filter((l) => l.addedReason !== null) ?? [];
    expect(added.map((l) => [l.visitCode, l.subjectId, l.serviceDate, l.amountCents, l.overheadCents, l.holdbackCents, l.netCents])).toEqual([
      ['SAE', '001', '2025-02-20', 35_000, 9_100, 4_410, 39_690],
      ['SAE', '001', '2025-03-02', 35_000, 9_100, 4_410, 39_690],
      ['SCR', '001', '2025-02-01', 6_255, 1_626, 788, 7_093],
      ['OTHER', null, '2025-03-02', 12_345, 0, 1_235, 11_110],
    ]);
    expect(added.map((l) => l.addedReason)).toEqual(['SAE report filed 2025-02-20', 'Second SAE report', 'Missed on the February invoice', 'Sponsor approved the courier cost']);
  });

  it('refuses duplicates, items already billed, non-sponsor items and unknown references', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    const add = (line: Parameters<typeof updateDraft>[1]['changes'][number]) => () => updateDraft(db, { invoiceId: id, changes: [line] });
    expect(add({ op: 'add', line: { kind: 'visit-item', subjectId: '001', visitCode: 'SCR', cptHcpcs: '93000', reason: 'again' } })).toThrow(/already on this draft/);
    expect(add({ op: 'add', line: { kind: 'visit-item', subjectId: '001', visitCode: 'SCR', cptHcpcs: '80061', reason: 'again' } })).toThrow(/already on an invoice/);
    expect(add({ op: 'add', line: { kind: 'visit-item', subjectId: '001', visitCode: 'SCR', cptHcpcs: '80053', reason: 'routine' } })).toThrow(/not a sponsor-paid item/);
    expect(add({ op: 'add', line: { kind: 'invoiceable', itemCode: 'SCRFAIL', serviceDate: '2025-03-10', reason: 'no subject' } })).toThrow(/choose the subject/);
    expect(add({ op: 'add', line: { kind: 'invoiceable', itemCode: 'NOPE', serviceDate: '2025-03-10', reason: 'unknown' } })).toThrow(/no invoiceable item NOPE/);
    expect(add({ op: 'add', line: { kind: 'invoiceable', itemCode: 'SAE', subjectId: '999', serviceDate: '2025-03-10', reason: 'unknown' } })).toThrow(/no subject 999/);
    // All or nothing: a failing change in a batch leaves the draft as it was.
    const before = getInvoice(db, id)?.lines.length;
    expect(() =>
      updateDraft(db, {
        invoiceId: id,
        changes: [
          { op: 'add', line: { kind: 'invoiceable', itemCode: 'SAE', subjectId: '001', serviceDate: '2025-02-20', reason: 'fine' } },
          { op: 'add', line: { kind: 'invoiceable', itemCode: 'NOPE', serviceDate: '2025-03-10', reason: 'fails' } },
        ],
      }),
    ).toThrow();
    expect(getInvoice(db, id)?.lines.length).toBe(before);
  });

  it('refuses to change or delete an issued invoice through the service', async () => {
    const db = await world();
    const id = createDraft(db, { studyId: 'S1', ...YEAR }, NOW);
    issueInvoice(db, id, '2026-01-15', NOW);
    expect(() => updateDraft(db, { invoiceId: id, changes: [], notes: 'x' })).toThrow(/issued and cannot change/);
    expect(() => deleteDraft(db, id)).toThrow(/issued and cannot change/);
  });
});
