/**
 * Holdback at close-out. The sponsor withholds a share of each invoice until the study closes
 * (CCRA-10, MKTCAP); the site then invoices the release (WASHU-PARAM, VELOS-MS, CRIO-GAAP; BRIEF
 * section 3 "Close-out reconciliation: holdback released"). The release amount is the holdback on
 * lines of issued invoices that were not credited, plus the holdback on invoices sent before
 * TrialLedger, which this store knows only as amounts: it is computed from the CTA terms (overhead
 * unless exempt, then holdback on amount + overhead unless exempt) and shown as its own line so the
 * coordinator can remove it (with a reason) if the old invoices were billed another way. The release
 * invoice carries neither overhead (already inside the holdback base) nor a new holdback.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { todayIso } from '../../shared/domain/dates.ts';
import { priceLine, releaseLine } from '../../shared/invoicing/line-math.ts';
import { UserError } from '../backend/user-error.ts';
import { insertDraftRow } from './drafts.ts';
import { insertLines } from './line-store.ts';
import { requireStudy, type StudyTermsWithPk } from './study-terms.ts';

/** Holdback withheld so far on a study. */
export interface HoldbackFigures {
  readonly trialLedgerCents: number;
  readonly trialLedgerLines: number;
  readonly importedEstimateCents: number;
  readonly importedLines: number;
}

/** Sums the holdback of a study's issued, uncredited invoice lines and estimates that of imported history. */
export function holdbackFigures(db: Db, study: StudyTermsWithPk): HoldbackFigures {
  const issued = db
    .prepare(
      `SELECT l.id, l.holdback_cents AS holdback FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id
       WHERE v.study_id = ? AND v.status = 'ISSUED' AND v.kind = 'INVOICE' AND l.removed = 0 AND l.holdback_cents <> 0
         AND NOT EXISTS (SELECT 1 FROM invoice_lines c JOIN invoices m ON m.id = c.invoice_id WHERE c.credits_line_id = l.id AND m.status = 'ISSUED')`,
    )
    .all(study.pk) as { id: number; holdback: number }[];
  const imported = importedHoldbackEstimate(db, study);
  return {
    trialLedgerCents: issued.reduce((s, l) => s + l.holdback, 0),
    trialLedgerLines: issued.length,
    importedEstimateCents: imported.cents,
    importedLines: imported.lines,
  };
}

/** Holdback on invoice lines imported from before TrialLedger, computed from the CTA terms (see the module comment). */
export function importedHoldbackEstimate(db: Db, study: StudyTermsWithPk): { cents: number; lines: number } {
  const imported = db
    .prepare(
      `SELECT l.amount_cents AS amount, coalesce(i.overhead_exempt, 0) AS overheadExempt, coalesce(i.holdback_exempt, 0) AS holdbackExempt
       FROM sponsor_invoice_lines l LEFT JOIN invoiceables i ON i.study_id = l.study_id AND i.item_code = l.visit_code
       WHERE l.study_id = ? AND l.source = 'IMPORTED'`,
    )
    .all(study.pk) as { amount: number; overheadExempt: number; holdbackExempt: number }[];
  let cents = 0;
  let lines = 0;
  for (const r of imported) {
    const held = priceLine({ amountCents: r.amount, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt: r.overheadExempt === 1, holdbackExempt: r.holdbackExempt === 1 }).holdbackCents;
    cents += held;
    if (held !== 0) lines++;
  }
  return { cents, lines };
}

/** Drafts the holdback release invoice of a study; refuses a second one while one stands. */
export function createReleaseDraft(db: Db, studyId: string, now: Date): number {
  return db.transaction(() => {
    const study = requireStudy(db, studyId);
    const existing = db
      .prepare(
        `SELECT v.number, v.status FROM invoices v WHERE v.study_id = ? AND v.kind = 'HOLDBACK_RELEASE'
           AND (v.status = 'DRAFT' OR v.net_cents + (SELECT coalesce(sum(m.net_cents), 0) FROM invoices m WHERE m.credits_invoice_id = v.id AND m.status = 'ISSUED') > 0)`,
      )
      .get(study.pk) as { number: string | null; status: string } | undefined;
    if (existing) {
      throw new UserError('RELEASE_EXISTS', existing.number ? `The holdback of ${study.studyId} was released on ${existing.number}; credit it first to release again.` : `A holdback release draft of ${study.studyId} already exists.`);
    }
    const figures = holdbackFigures(db, study);
    const date = todayIso(now);
    const base = { subjectPk: null, calendarItemPk: null, invoiceablePk: null, subjectId: null, visitCode: 'HOLDBACK', visitName: null, cptHcpcs: null, serviceDate: date, overheadExempt: true, holdbackExempt: true, note: null, source: 'HOLDBACK_RELEASE' as const };
    const lines = [
      ...(figures.trialLedgerCents > 0
        ? [{ ...base, key: `hb:${study.pk}:issued`, description: `Release of holdback withheld on ${figures.trialLedgerLines} line${figures.trialLedgerLines === 1 ? '' : 's'} of invoices issued with TrialLedger`, ...releaseLine(figures.trialLedgerCents) }]
        : []),
      ...(figures.importedEstimateCents > 0
        ? [{ ...base, key: `hb:${study.pk}:imported`, description: `Release of holdback withheld on ${figures.importedLines} line${figures.importedLines === 1 ? '' : 's'} of invoices sent before TrialLedger (computed from the CTA terms)`, ...releaseLine(figures.importedEstimateCents) }]
        : []),
    ];
    if (lines.length === 0) throw new UserError('NO_HOLDBACK', `No holdback has been withheld on ${study.studyId}: there is nothing to release.`);
    const id = insertDraftRow(db, study, { kind: 'HOLDBACK_RELEASE', from: null, to: null, notes: 'Holdback release at study close-out.' }, now);
    insertLines(db, id, lines);
    return id;
  })();
}
