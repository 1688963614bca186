/**
 * The close-out ledger of a study: every item the sponsor owes under the CTA (each sponsor item of a
 * completed CTMS visit, each screen failure, each one-time fee) with what was invoiced, paid and is
 * outstanding, plus everything else that was billed (per-occurrence items, hand-added lines). An item
 * nobody billed is unbilled (INVC-20 for visit items, SF-30 for screen failures); a visit item that
 * needs a sponsor approval not on file is shown as awaiting approval, as INVC-20 leaves it out too.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { LedgerRow, LedgerStatus, UnbilledItem } from '../../../shared/invoicing/report-types.ts';
import { CLOSE_OUT_ITEM } from '../../invoicing/propose.ts';
import { billedItems, matchKey, type BilledItem, type IssuedHoldback } from './billed-items.ts';

/** A ledger row with the subject's key for grouping. */
export interface KeyedLedgerRow extends LedgerRow {
  readonly subjectPk: number | null;
}

export interface Ledger {
  readonly rows: KeyedLedgerRow[];
  readonly unbilled: UnbilledItem[];
  readonly holdback: IssuedHoldback;
}

interface Expected {
  subjectPk: number | null;
  subjectId: string | null;
  visitCode: string;
  visitName: string | null;
  date: string | null;
  cpt: string | null;
  description: string;
  cta: number;
  kind: UnbilledItem['kind'];
  awaitingApproval: boolean;
}

function statusOf(billed: BilledItem | undefined, awaitingApproval: boolean): LedgerStatus {
  if (!billed || billed.invoicedCents === 0) return awaitingApproval ? 'awaiting-approval' : 'unbilled';
  if (billed.netDueCents === 0 && billed.importedCents > 0) return 'invoiced-before';
  if (billed.openCents <= 0) return 'paid';
  return billed.paidCents > 0 ? 'partially-paid' : 'open';
}

function toRow(e: Expected, billed: BilledItem | undefined): KeyedLedgerRow {
  return {
    subjectPk: e.subjectPk,
    subjectId: e.subjectId,
    visitCode: e.visitCode,
    visitName: e.visitName,
    serviceDate: e.date,
    cptHcpcs: e.cpt,
    description: e.description,
    ctaCents: e.cta,
    invoicedCents: billed?.invoicedCents ?? 0,
    invoiceNumbers: billed?.numbers ?? '',
    netDueCents: billed?.netDueCents ?? 0,
    paidCents: billed?.paidCents ?? 0,
    outstandingCents: billed?.openCents ?? 0,
    status: statusOf(billed, e.awaitingApproval),
  };
}

/** Builds the ledger of a study (all subjects). */
export function buildLedger(db: Db, studyPk: number): Ledger {
  const { items: billed, holdback } = billedItems(db, studyPk);
  const rows: KeyedLedgerRow[] = [];
  const unbilled: UnbilledItem[] = [];
  const add = (e: Expected, key: string): void => {
    const b = billed.get(key);
    billed.delete(key);
    const row = toRow(e, b);
    rows.push(row);
    if (row.status === 'unbilled') {
      unbilled.push({ kind: e.kind, rule: e.kind === 'visit-item' ? 'INVC-20' : e.kind === 'screen-failure' ? 'SF-30' : null, subjectId: e.subjectId, visitCode: e.visitCode, cptHcpcs: e.cpt, description: e.description, serviceDate: e.date, amountCents: e.cta });
    }
  };

  const visitItems = db
    .prepare(
      `SELECT s.id AS subjectPk, s.subject_id AS subjectId, cv.visit_date AS date, v.visit_code AS visitCode, v.visit_name AS visitName, i.cpt_hcpcs AS cpt,
              i.procedure_name AS name, i.sponsor_price_cents AS price,
              i.requires_preapproval = 1 AND NOT EXISTS (SELECT 1 FROM approvals p WHERE p.subject_id = s.id AND p.cpt_hcpcs = i.cpt_hcpcs AND p.service_date = cv.visit_date) AS awaiting
       FROM subjects s JOIN ctms_visits cv ON cv.subject_id = s.id JOIN calendar_visits v ON v.id = cv.visit_id JOIN calendar_items i ON i.visit_id = v.id
       WHERE s.study_id = ? AND cv.status = 'COMPLETED' AND i.designation = 'SPONSOR' AND i.sponsor_price_cents IS NOT NULL`,
    )
    // No ORDER BY: every ledger row is sorted once at the end, extras included.
    .all(studyPk) as Iterable<{ subjectPk: number; subjectId: string; date: string; visitCode: string; visitName: string; cpt: string; name: string; price: number; awaiting: number }>;
  for (const r of visitItems) {
    add({ subjectPk: r.subjectPk, subjectId: r.subjectId, visitCode: r.visitCode, visitName: r.visitName, date: r.date, cpt: r.cpt, description: r.name, cta: r.price, kind: 'visit-item', awaitingApproval: r.awaiting === 1 }, matchKey(r.subjectPk, r.visitCode, r.cpt, null));
  }

  const invoiceables = db.prepare('SELECT item_code AS code, description, amount_cents AS amount, kind FROM invoiceables WHERE study_id = ? ORDER BY item_code').all(studyPk) as { code: string; description: string; amount: number; kind: string }[];
  const describe = new Map(invoiceables.map((i) => [i.code, i.description]));
  for (const item of invoiceables.filter((i) => i.kind === 'SCREEN_FAILURE')) {
    const failed = db.prepare("SELECT id, subject_id AS subjectId, coalesce(off_study_date, consent_date) AS date FROM subjects WHERE study_id = ? AND status = 'SCREEN_FAILED' ORDER BY subject_id").all(studyPk) as { id: number; subjectId: string; date: string }[];
    for (const s of failed) add({ subjectPk: s.id, subjectId: s.subjectId, visitCode: item.code, visitName: null, date: s.date, cpt: null, description: item.description, cta: item.amount, kind: 'screen-failure', awaitingApproval: false }, matchKey(s.id, item.code, null, null));
  }
  for (const item of invoiceables.filter((i) => i.kind === 'ONE_TIME')) {
    const key = matchKey(null, item.code, null, null);
    const date = billed.get(key)?.serviceDate ?? null;
    add({ subjectPk: null, subjectId: null, visitCode: item.code, visitName: null, date, cpt: null, description: `${item.description}${CLOSE_OUT_ITEM.test(`${item.code} ${item.description}`) ? ' (billed at close-out)' : ''}`, cta: item.amount, kind: 'one-time', awaitingApproval: false }, key);
  }
  // Whatever was billed beyond the expected items: per-occurrence items, hand-added lines, items of visits not completed.
  for (const b of billed.values()) {
    const e: Expected = { subjectPk: b.subjectPk, subjectId: b.subjectLabel, visitCode: b.visitCode, visitName: null, date: b.serviceDate, cpt: b.cptHcpcs, description: describe.get(b.visitCode) ?? b.description, cta: b.invoicedCents, kind: 'one-time', awaitingApproval: false };
    rows.push(toRow(e, b));
  }
  // Code-unit order (not localeCompare): identifiers and ISO dates sort the same, and 100,000 rows sort in milliseconds.
  rows.sort((a, b) => compare(a.subjectId ?? '', b.subjectId ?? '') || compare(a.serviceDate ?? '', b.serviceDate ?? '') || compare(a.visitCode, b.visitCode) || compare(a.cptHcpcs ?? '', b.cptHcpcs ?? ''));
  return { rows, unbilled, holdback };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
