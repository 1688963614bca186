/**
 * The invoice builder's proposal: what the sponsor owes for a study and a period that no invoice
 * (imported from before TrialLedger, or issued here) has billed yet.
 *
 * - Sponsor items (designation SPONSOR with a CTA price) of COMPLETED CTMS visits dated in the
 *   period, at the CTA price; an item that needs sponsor pre-approval only with an approval on file
 *   for that subject, code and date (as INVC-20 and PRE-27 read it). Already billed means a sponsor
 *   invoice line for the same subject, visit code and code exists (INVC-20's test, db/engine/unbilled.ts).
 * - SCREEN_FAILURE items once per screen-failed subject, dated on the subject's last day (off-study
 *   date, else consent date), when that date is in the period (SF-30's test).
 * - ONE_TIME items once, whatever the period, if never billed; close-out fees are held for the final
 *   invoice (BRIEF section 3: close-out is a one-time fee billed at close-out, DOCEST-CHK, VELOS-CTO).
 * - PER_OCCURRENCE items (SAE reports, re-consents, IRB continuing reviews) have no source in the
 *   package that says when they happened, so the coordinator adds each occurrence by hand.
 * Lines on another draft of the study are left out too, so two drafts never bill the same item.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { priceLine, sumLines } from '../../shared/invoicing/line-math.ts';
import type { InvoiceProposal, ProposalSkips, ProposedLine } from '../../shared/invoicing/types.ts';
import { publicTerms, requireStudy, type StudyTermsWithPk } from './study-terms.ts';

/** A proposed line with the keys the database needs to store it. */
export interface CandidateLine extends ProposedLine {
  readonly subjectPk: number | null;
  readonly calendarItemPk: number | null;
  readonly invoiceablePk: number | null;
}

export interface ProposeOptions {
  readonly from: string;
  readonly to: string;
  readonly includeCloseOutItems?: boolean;
  /** A draft being rebuilt: its own lines do not count as "on another draft". */
  readonly exceptInvoiceId?: number;
}

/** One-time fees billed only at close-out, recognised by code or description. */
export const CLOSE_OUT_ITEM = /close[\s-]?(out|down)/i;

interface VisitItemRow {
  subjectPk: number;
  subjectId: string;
  visitDate: string;
  visitCode: string;
  visitName: string;
  itemPk: number;
  cpt: string;
  name: string;
  price: number;
  needsApproval: number;
  approvalRef: string | null;
  invoiced: number;
}

interface InvoiceableRow {
  itemPk: number;
  itemCode: string;
  description: string;
  amount: number;
  kind: string;
  holdbackExempt: number;
  overheadExempt: number;
}

/** Key of a calendar item of one subject: the same whether proposed or added by hand. */
export const visitItemKey = (subjectPk: number, calendarItemPk: number): string => `v:${subjectPk}:${calendarItemPk}`;
/** Key of an invoiceable item, per subject when it is per subject (screen failure). */
export const invoiceableKey = (invoiceablePk: number, subjectPk: number | null): string => `i:${invoiceablePk}:${subjectPk ?? 0}`;

/** Candidate lines and the reasons others were skipped. */
export function collectCandidates(db: Db, study: StudyTermsWithPk, options: ProposeOptions): { lines: CandidateLine[]; skipped: ProposalSkips } {
  const onDrafts = new Set(
    db
      .prepare(
        `SELECT l.line_key FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id
         WHERE v.study_id = ? AND v.status = 'DRAFT' AND l.removed = 0 AND v.id IS NOT ?`,
      )
      .pluck()
      .all(study.pk, options.exceptInvoiceId ?? null) as string[],
  );
  const lines: CandidateLine[] = [];
  const skipped = { alreadyInvoiced: 0, onOtherDrafts: 0, awaitingApproval: 0, beforeCount: 0, beforeCents: 0, earliest: null as string | null, heldForCloseOut: 0 };
  const before = (date: string, cents: number): void => {
    skipped.beforeCount++;
    skipped.beforeCents += cents;
    if (skipped.earliest === null || date < skipped.earliest) skipped.earliest = date;
  };
  const take = (line: CandidateLine): void => {
    if (onDrafts.has(line.key)) skipped.onOtherDrafts++;
    else lines.push(line);
  };

  // "Already invoiced" counts the period the coordinator asked for: items billed long ago are not
  // skipped from this invoice (a period with no visits said "103 already invoiced", the study's
  // whole history). Items still awaiting an approval count whatever their date up to the period's
  // end: they are unbilled revenue waiting on someone, which the coordinator must keep seeing.
  for (const r of visitItems(db, study.pk, options.to)) {
    const inPeriod = r.visitDate >= options.from;
    if (r.invoiced === 1) skipped.alreadyInvoiced += inPeriod ? 1 : 0;
    else if (r.needsApproval === 1 && r.approvalRef === null) skipped.awaitingApproval++;
    else if (!inPeriod) before(r.visitDate, r.price);
    else {
      take({
        key: visitItemKey(r.subjectPk, r.itemPk),
        source: 'VISIT_ITEM',
        subjectPk: r.subjectPk,
        calendarItemPk: r.itemPk,
        invoiceablePk: null,
        subjectId: r.subjectId,
        visitCode: r.visitCode,
        visitName: r.visitName,
        cptHcpcs: r.cpt,
        description: r.name,
        serviceDate: r.visitDate,
        overheadExempt: false,
        holdbackExempt: false,
        note: r.approvalRef === null ? null : `Sponsor approval ${r.approvalRef}`,
        ...priceLine({ amountCents: r.price, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt: false, holdbackExempt: false }),
      });
    }
  }

  const items = db
    .prepare('SELECT id AS itemPk, item_code AS itemCode, description, amount_cents AS amount, kind, holdback_exempt AS holdbackExempt, overhead_exempt AS overheadExempt FROM invoiceables WHERE study_id = ? ORDER BY item_code')
    .all(study.pk) as InvoiceableRow[];
  const billedStudyLevel = db.prepare('SELECT 1 FROM sponsor_invoice_lines WHERE study_id = ? AND visit_code = ? LIMIT 1').pluck();
  // A one-time fee belongs to every period (it is proposed whatever the dates), so once billed it is
  // counted as already invoiced in any period.
  for (const item of items.filter((i) => i.kind === 'ONE_TIME')) {
    if (billedStudyLevel.get(study.pk, item.itemCode) !== undefined) skipped.alreadyInvoiced++;
    else if (CLOSE_OUT_ITEM.test(`${item.itemCode} ${item.description}`) && options.includeCloseOutItems !== true) skipped.heldForCloseOut++;
    else take(invoiceableLine(study, item, null, null, options.to));
  }
  for (const item of items.filter((i) => i.kind === 'SCREEN_FAILURE')) {
    for (const s of screenFailures(db, study.pk, item.itemCode)) {
      if (s.date > options.to) continue;
      else if (s.invoiced === 1) skipped.alreadyInvoiced += s.date >= options.from ? 1 : 0;
      else if (s.date < options.from) before(s.date, item.amount);
      else take(invoiceableLine(study, item, s.subjectPk, s.subjectId, s.date));
    }
  }
  return {
    lines: sortLines(lines),
    skipped: {
      alreadyInvoiced: skipped.alreadyInvoiced,
      onOtherDrafts: skipped.onOtherDrafts,
      awaitingApproval: skipped.awaitingApproval,
      beforePeriod: { count: skipped.beforeCount, amountCents: skipped.beforeCents, earliestDate: skipped.earliest },
      heldForCloseOut: skipped.heldForCloseOut,
    },
  };
}

/** A line for an invoiceable item, priced with the item's own exemptions. */
export function invoiceableLine(study: StudyTermsWithPk, item: InvoiceableRow, subjectPk: number | null, subjectId: string | null, date: string): CandidateLine {
  const overheadExempt = item.overheadExempt === 1;
  const holdbackExempt = item.holdbackExempt === 1;
  return {
    key: invoiceableKey(item.itemPk, subjectPk),
    source: 'INVOICEABLE',
    subjectPk,
    calendarItemPk: null,
    invoiceablePk: item.itemPk,
    subjectId,
    visitCode: item.itemCode,
    visitName: null,
    cptHcpcs: null,
    description: item.description,
    serviceDate: date,
    overheadExempt,
    holdbackExempt,
    note: null,
    ...priceLine({ amountCents: item.amount, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt, holdbackExempt }),
  };
}

/** Study-level items first, then by subject, date and visit; stable for equal keys. */
export function sortLines<T extends ProposedLine>(lines: T[]): T[] {
  // Code-unit order, not localeCompare: subject numbers and ISO dates sort the same and large studies sort fast.
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return lines.sort((a, b) => cmp(a.subjectId ?? '', b.subjectId ?? '') || cmp(a.serviceDate, b.serviceDate) || cmp(a.visitCode, b.visitCode) || cmp(a.cptHcpcs ?? '', b.cptHcpcs ?? ''));
}

function visitItems(db: Db, studyPk: number, to: string): VisitItemRow[] {
  return db
    .prepare(
      `SELECT s.id AS subjectPk, s.subject_id AS subjectId, cv.visit_date AS visitDate, v.visit_code AS visitCode, v.visit_name AS visitName,
              i.id AS itemPk, i.cpt_hcpcs AS cpt, i.procedure_name AS name, i.sponsor_price_cents AS price, i.requires_preapproval AS needsApproval,
              (SELECT approval_ref FROM approvals p WHERE p.subject_id = s.id AND p.cpt_hcpcs = i.cpt_hcpcs AND p.service_date = cv.visit_date) AS approvalRef,
              EXISTS (SELECT 1 FROM sponsor_invoice_lines l WHERE l.subject_id = s.id AND l.cpt_hcpcs = i.cpt_hcpcs AND l.visit_code = v.visit_code) AS invoiced
       FROM subjects s
       JOIN ctms_visits cv ON cv.subject_id = s.id
       JOIN calendar_visits v ON v.id = cv.visit_id
       JOIN calendar_items i ON i.visit_id = v.id
       WHERE s.study_id = ? AND cv.status = 'COMPLETED' AND cv.visit_date <= ? AND i.designation = 'SPONSOR' AND i.sponsor_price_cents IS NOT NULL
       ORDER BY s.subject_id, cv.visit_date, v.visit_day, i.cpt_hcpcs`,
    )
    .all(studyPk, to) as VisitItemRow[];
}

function screenFailures(db: Db, studyPk: number, itemCode: string): { subjectPk: number; subjectId: string; date: string; invoiced: number }[] {
  return db
    .prepare(
      `SELECT s.id AS subjectPk, s.subject_id AS subjectId, coalesce(s.off_study_date, s.consent_date) AS date,
              EXISTS (SELECT 1 FROM sponsor_invoice_lines l WHERE l.subject_id = s.id AND l.visit_code = ?) AS invoiced
       FROM subjects s WHERE s.study_id = ? AND s.status = 'SCREEN_FAILED' ORDER BY s.subject_id`,
    )
    .all(itemCode, studyPk) as { subjectPk: number; subjectId: string; date: string; invoiced: number }[];
}

/** The proposal for a study and period (nothing is written). */
export function proposeInvoice(db: Db, studyId: string, options: ProposeOptions): InvoiceProposal {
  const study = requireStudy(db, studyId);
  const { lines, skipped } = collectCandidates(db, study, options);
  const publicLines: ProposedLine[] = lines.map(({ subjectPk: _s, calendarItemPk: _c, invoiceablePk: _i, ...line }) => line);
  return { study: publicTerms(study), from: options.from, to: options.to, lines: publicLines, totals: sumLines(publicLines), skipped };
}
