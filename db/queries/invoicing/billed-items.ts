/**
 * Everything billed to the sponsor for a study, keyed by what it bills: imported history lines
 * (amount only: their payments are not tracked here) and lines of invoices issued here (with the
 * net due, paid and open cents after credits and payments). Credited lines are left out: an invoice
 * and its credit memo cancel, so the item counts as unbilled again (as INVC-20 sees it).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { allocateInvoicePayments } from '../../../shared/invoicing/allocation.ts';

/** What billed one item (possibly several lines). */
export interface BilledItem {
  readonly matchKey: string;
  readonly subjectPk: number | null;
  readonly subjectLabel: string | null;
  readonly visitCode: string;
  readonly cptHcpcs: string | null;
  readonly description: string;
  readonly serviceDate: string;
  importedCents: number;
  invoicedCents: number;
  netDueCents: number;
  paidCents: number;
  openCents: number;
  /** Numbers of the invoices that billed the item, ', '-joined (usually one: a string, not a Set per item, keeps 100,000 items cheap). */
  numbers: string;
}

/** The key an expected item and the lines billing it share; per-occurrence items are told apart by date. */
export function matchKey(subjectPk: number | null, visitCode: string, cpt: string | null, perOccurrenceDate: string | null): string {
  return `${subjectPk ?? 0}|${visitCode}|${cpt ?? ''}${perOccurrenceDate === null ? '' : `|${perOccurrenceDate}`}`;
}

/** Holdback withheld on the study's issued, uncredited invoice lines (and on those paid in full). */
export interface IssuedHoldback {
  cents: number;
  onPaidLinesCents: number;
}

/** Billed items of a study by match key, and the holdback of its issued lines. */
export function billedItems(db: Db, studyPk: number): { items: Map<string, BilledItem>; holdback: IssuedHoldback } {
  const perOccurrence = new Set(db.prepare("SELECT item_code FROM invoiceables WHERE study_id = ? AND kind = 'PER_OCCURRENCE'").pluck().all(studyPk) as string[]);
  const items = new Map<string, BilledItem>();
  const entry = (subjectPk: number | null, subjectLabel: string | null, visitCode: string, cpt: string | null, date: string, description: string, uniqueId: number | null): BilledItem => {
    const key = uniqueId !== null ? `line|${uniqueId}` : matchKey(subjectPk, visitCode, cpt, perOccurrence.has(visitCode) ? date : null);
    let item = items.get(key);
    if (!item) {
      item = { matchKey: key, subjectPk, subjectLabel, visitCode, cptHcpcs: cpt, description, serviceDate: date, importedCents: 0, invoicedCents: 0, netDueCents: 0, paidCents: 0, openCents: 0, numbers: '' };
      items.set(key, item);
    }
    return item;
  };

  const imported = db
    .prepare(
      `SELECT l.subject_id AS subjectPk, s.subject_id AS subjectLabel, l.visit_code AS visitCode, l.cpt_hcpcs AS cpt, l.service_date AS date, l.amount_cents AS amount, l.invoice_number AS number
       FROM sponsor_invoice_lines l LEFT JOIN subjects s ON s.id = l.subject_id WHERE l.study_id = ? AND l.source = 'IMPORTED'`,
    )
    .iterate(studyPk) as Iterable<{ subjectPk: number | null; subjectLabel: string | null; visitCode: string; cpt: string | null; date: string; amount: number; number: string }>;
  for (const r of imported) {
    const item = entry(r.subjectPk, r.subjectLabel, r.visitCode, r.cpt, r.date, r.visitCode, null);
    item.importedCents += r.amount;
    item.invoicedCents += r.amount;
    addNumber(item, r.number);
  }

  const holdback: IssuedHoldback = { cents: 0, onPaidLinesCents: 0 };
  const toInvoice = new Map(
    (
      db
        .prepare(
          `SELECT v.id, v.number, (SELECT coalesce(sum(amount_cents), 0) FROM payment_applications a WHERE a.invoice_id = v.id AND a.invoice_line_id IS NULL) AS toInvoice
           FROM invoices v WHERE v.study_id = ? AND v.status = 'ISSUED' AND v.kind = 'INVOICE'`,
        )
        .all(studyPk) as { id: number; number: string; toInvoice: number }[]
    ).map((v) => [v.id, v]),
  );
  // One pass over every issued line of the study (credit lines exist only on issued memos: a memo is issued as it is made).
  const lines = db
    .prepare(
      `SELECT l.id, l.invoice_id AS invoiceId, l.source, l.subject_pk AS subjectPk, l.subject_label AS subjectLabel, l.visit_code AS visitCode, l.cpt_hcpcs AS cpt,
              l.service_date AS date, l.description, l.amount_cents AS amount, l.holdback_cents AS held, l.net_cents AS net, c.id IS NOT NULL AS credited, coalesce(pa.applied, 0) AS applied
       FROM invoices v JOIN invoice_lines l ON l.invoice_id = v.id
       LEFT JOIN invoice_lines c ON c.credits_line_id = l.id
       LEFT JOIN (SELECT invoice_line_id, sum(amount_cents) AS applied FROM payment_applications WHERE invoice_line_id IS NOT NULL GROUP BY invoice_line_id) pa ON pa.invoice_line_id = l.id
       WHERE v.study_id = ? AND v.status = 'ISSUED' AND v.kind = 'INVOICE' AND l.removed = 0
       ORDER BY l.invoice_id, l.seq`,
    )
    .all(studyPk) as { id: number; invoiceId: number; source: string; subjectPk: number | null; subjectLabel: string | null; visitCode: string; cpt: string | null; date: string; description: string; amount: number; held: number; net: number; credited: number; applied: number }[];
  for (let start = 0; start < lines.length; ) {
    const invoiceId = lines[start]?.invoiceId;
    let end = start;
    while (end < lines.length && lines[end]?.invoiceId === invoiceId) end++;
    const mine = lines.slice(start, end);
    const invoice = toInvoice.get(invoiceId ?? 0);
    const balances = allocateInvoicePayments(mine.map((l) => ({ lineId: l.id, dueCents: l.credited === 1 ? 0 : l.net, appliedToLineCents: l.applied })), invoice?.toInvoice ?? 0);
    mine.forEach((l, i) => {
      const balance = balances[i];
      if (l.credited === 1 || balance === undefined) return;
      holdback.cents += l.held;
      if (balance.openCents <= 0) holdback.onPaidLinesCents += l.held;
      const item = entry(l.subjectPk, l.subjectLabel, l.visitCode, l.cpt, l.date, l.description, l.source === 'OTHER' ? l.id : null);
      item.invoicedCents += l.amount;
      item.netDueCents += balance.dueCents;
      item.paidCents += balance.paidCents;
      item.openCents += balance.openCents;
      addNumber(item, invoice?.number ?? '');
    });
    start = end;
  }
  return { items, holdback };
}

function addNumber(item: BilledItem, number: string): void {
  if (item.numbers === '') item.numbers = number;
  else if (!`, ${item.numbers}, `.includes(`, ${number}, `)) item.numbers = `${item.numbers}, ${number}`;
}
