/** Close-out on the demo data: figures that reconcile with the engine and the invoice history, holdback and its release. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo/load-demo.ts';
import { reconcile } from '../../db/engine/reconcile.ts';
import { createDraft } from '../../db/invoicing/drafts.ts';
import { createReleaseDraft } from '../../db/invoicing/holdback.ts';
import { issueInvoice } from '../../db/invoicing/issue.ts';
import { recordPayment } from '../../db/invoicing/payments.ts';
import { buildCloseout, getCloseout } from '../../db/queries/invoicing/closeout.ts';
import { getInvoice } from '../../db/queries/invoicing/get-invoice.ts';
import { priceLine } from '../../shared/invoicing/line-math.ts';
import { memoryStore } from '../helpers/store.ts';
import { E2E_DEMO_DIR } from '../e2e/e2e-env.ts';

const NOW = new Date('2026-01-15T10:00:00Z');
const AS_OF = '2026-01-15';

async function demo(): Promise<Db> {
  const db = memoryStore();
  await loadDemo(db, E2E_DEMO_DIR);
  reconcile(db, { now: () => NOW });
  return db;
}

describe('close-out of the demo studies', () => {
  let db: Db;
  beforeAll(async () => {
    db = await demo();
  });

  it.each(['NSCLC-301', 'TMVR-22', 'HFREG-01'])('%s: unbilled visit items are exactly the open INVC-20 findings', (studyId) => {
    const report = getCloseout(db, studyId, AS_OF);
    const fromEngine = (
      db
        .prepare("SELECT s.subject_id || ' ' || f.cpt_hcpcs || ' ' || f.service_date FROM findings f JOIN subjects s ON s.id = f.subject_id JOIN studies t ON t.id = f.study_id WHERE f.rule = 'INVC-20' AND f.active = 1 AND t.study_id = ?")
        .pluck()
        .all(studyId) as string[]
    ).sort();
    const fromCloseout = report.unbilled.filter((u) => u.rule === 'INVC-20').map((u) => `${u.subjectId} ${u.cptHcpcs} ${u.serviceDate}`).sort();
    expect(fromCloseout).toEqual(fromEngine);
    expect(report.unbilled.filter((u) => u.rule === 'SF-30')).toEqual([]);
    // The close-out fee is the one-time item still owed.
    expect(report.unbilled.filter((u) => u.kind === 'one-time').map((u) => u.visitCode)).toEqual(['CLOSEOUT']);
  });

  it('NSCLC-301: totals reconcile with the imported history, the subjects and the CTA terms', () => {
    const { report, ledger } = buildCloseout(db, 'NSCLC-301', AS_OF);
    const t = report.totals;
    const imported = db.prepare("SELECT l.amount_cents AS amount, coalesce(i.overhead_exempt, 0) AS oe, coalesce(i.holdback_exempt, 0) AS he FROM sponsor_invoice_lines l JOIN studies s ON s.id = l.study_id LEFT JOIN invoiceables i ON i.study_id = l.study_id AND i.item_code = l.visit_code WHERE s.study_id = 'NSCLC-301'").all() as { amount: number; oe: number; he: number }[];
    expect(t.invoicedBeforeCents).toBe(imported.reduce((s, l) => s + l.amount, 0));
    expect(t.invoicedCents).toBe(t.invoicedBeforeCents);
    expect(t).toMatchObject({ subjects: 40, completedVisits: 273, netDueCents: 0, paidCents: 0, outstandingCents: 0 });
    expect(t.unbilledCents).toBe(report.unbilled.reduce((s, u) => s + u.amountCents, 0));
    expect(t.items + t.awaitingApprovalCount).toBe(ledger.length);
    expect(t.ctaCents + t.awaitingApprovalCents).toBe(ledger.reduce((s, r) => s + r.ctaCents, 0));
    const bySubject = report.subjects.reduce((s, x) => s + x.invoicedCents, 0);
    const studyLevel = ledger.filter((r) => r.subjectId === null).reduce((s, r) => s + r.invoicedCents, 0);
    expect(bySubject + studyLevel).toBe(t.invoicedCents);
    const estimate = imported.reduce((s, l) => s + priceLine({ amountCents: l.amount, overheadBp: 2600, holdbackBp: 1000, overheadExempt: l.oe === 1, holdbackExempt: l.he === 1 }).holdbackCents, 0);
    expect(report.holdback).toMatchObject({ trialLedgerCents: 0, importedEstimateCents: estimate, totalCents: estimate, release: null });
    expect(report.findings.totalOpen).toBe(db.prepare("SELECT count(*) FROM findings f JOIN studies s ON s.id = f.study_id WHERE s.study_id = 'NSCLC-301' AND f.active = 1 AND f.status IN ('open', 'confirmed')").pluck().get());
  });

  it('returns the ledger of one subject on request', () => {
    const report = getCloseout(db, 'NSCLC-301', AS_OF, '101-001');
    expect(report.ledger.length).toBeGreaterThan(0);
    expect(report.ledger.every((r) => r.subjectId === '101-001')).toBe(true);
    expect(getCloseout(db, 'NSCLC-301', AS_OF, '').ledger.every((r) => r.subjectId === null)).toBe(true);
    expect(getCloseout(db, 'NSCLC-301', AS_OF).ledger).toEqual([]);
  });
});

describe('closing a study out', () => {
  it('invoices what is left, records the payment, releases the holdback and ends with nothing outstanding but the release', async () => {
    const db = await demo();
    const final = createDraft(db, { studyId: 'TMVR-22', from: '2024-01-01', to: '2026-01-15', includeCloseOutItems: true }, NOW);
    issueInvoice(db, final, '2026-01-15', NOW);
    const invoice = getInvoice(db, final);
    expect(invoice?.lines.map((l) => l.visitCode)).toContain('CLOSEOUT');
    recordPayment(db, { sponsor: 'Corvant Medical, Inc.', receivedDate: '2026-02-20', amountCents: invoice?.totals.netCents ?? 0, reference: 'WIRE 5521', method: 'WIRE', applications: [{ invoiceId: final, amountCents: invoice?.totals.netCents ?? 0 }] }, NOW);
    reconcile(db, { now: () => NOW });
    const before = getCloseout(db, 'TMVR-22', '2026-03-01');
    expect(before.unbilled).toEqual([]);
    expect(before.totals).toMatchObject({ outstandingCents: 0, unbilledCount: 0, paidCents: invoice?.totals.netCents });
    expect(before.holdback.trialLedgerCents).toBe(invoice?.totals.holdbackCents);
    expect(before.holdback.onPaidLinesCents).toBe(invoice?.totals.holdbackCents);

    const releaseId = createReleaseDraft(db, 'TMVR-22', NOW);
    const release = getInvoice(db, releaseId);
    expect(release?.kind).toBe('HOLDBACK_RELEASE');
    expect(release?.totals).toMatchObject({ amountCents: before.holdback.totalCents, overheadCents: 0, holdbackCents: 0, netCents: before.holdback.totalCents });
    expect(release?.lines.map((l) => l.key)).toEqual([expect.stringMatching(/^hb:\d+:issued$/), expect.stringMatching(/^hb:\d+:imported$/)]);
    expect(() => createReleaseDraft(db, 'TMVR-22', NOW)).toThrow(/release draft of TMVR-22 already exists/);
    issueInvoice(db, releaseId, '2026-03-01', NOW);
    expect(() => createReleaseDraft(db, 'TMVR-22', NOW)).toThrow(/was released on INV-TMVR-22-2026-002/);
    const after = getCloseout(db, 'TMVR-22', '2026-03-01');
    expect(after.holdback.release).toMatchObject({ number: 'INV-TMVR-22-2026-002', state: 'open', netCents: before.holdback.totalCents });
    // Releasing does not change what was withheld, and the release is not itself held back.
    expect(after.holdback.totalCents).toBe(before.holdback.totalCents);
    expect(after.invoices.map((i) => i.kind)).toEqual(['HOLDBACK_RELEASE', 'INVOICE']);
    expect(() => createReleaseDraft(db, 'HFREG-01', NOW)).not.toThrow();
  });
});
