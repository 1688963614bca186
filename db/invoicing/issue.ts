/**
 * Issuing a draft: it gets the next number of its study and year, the issue date, the due date
 * (issue date + the CTA's payment terms: "Net N", SiteVault's due date = invoice date + terms, SV-INV),
 * its totals (the triggers check they equal its lines) and a frozen copy of the site and bill-to
 * details; from then on it is immutable. Its billed items are written to sponsor_invoice_lines as
 * GENERATED lines (amount before overhead and holdback, like imported history), so the compliance
 * engine's INVC-20, SF-30 and DBL-03 see them on the next reconciliation run and the builder never
 * proposes them again.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { addDays, todayIso } from '../../shared/domain/dates.ts';
import { sumLines } from '../../shared/invoicing/line-math.ts';
import { UserError } from '../backend/user-error.ts';
import { takeNextNumber } from './numbering.ts';
import { requireDraft } from './drafts.ts';
import { getSiteSettings, studyBillingOf } from './site-settings.ts';
import { studyByPk } from './study-terms.ts';

interface LiveLine {
  id: number;
  source: string;
  subject_pk: number | null;
  visit_code: string;
  cpt_hcpcs: string | null;
  service_date: string;
  amount_cents: number;
  overhead_cents: number;
  holdback_cents: number;
  net_cents: number;
  overhead_bp: number;
  holdback_bp: number;
  invoiceable_kind: string | null;
}

/** Sources whose lines are services or CTA items the engine tracks (not release or free text). */
const TRACKED = new Set(['VISIT_ITEM', 'INVOICEABLE']);

/** Issues a draft invoice or release invoice; returns its number. */
export function issueInvoice(db: Db, invoiceId: number, issueDate: string | undefined, now: Date): string {
  return db.transaction(() => {
    const draft = requireDraft(db, invoiceId);
    const study = studyByPk(db, draft.study_id);
    const lines = db
      .prepare(
        `SELECT l.id, l.source, l.subject_pk, l.visit_code, l.cpt_hcpcs, l.service_date, l.amount_cents, l.overhead_cents, l.holdback_cents, l.net_cents,
                l.overhead_bp, l.holdback_bp, (SELECT kind FROM invoiceables i WHERE i.id = l.invoiceable_id) AS invoiceable_kind
         FROM invoice_lines l WHERE l.invoice_id = ? AND l.removed = 0 ORDER BY l.seq`,
      )
      .all(invoiceId) as LiveLine[];
    if (lines.length === 0) throw new UserError('NOTHING_TO_INVOICE', 'Every line of this draft was removed: there is nothing to issue.');
    assertNotBilledSince(db, study.pk, lines);
    const date = issueDate ?? todayIso(now);
    const number = takeNextNumber(db, study, 'INV', Number(date.slice(0, 4)));
    const totals = sumLines(lines.map((l) => ({ amountCents: l.amount_cents, overheadBp: l.overhead_bp, overheadCents: l.overhead_cents, holdbackBp: l.holdback_bp, holdbackCents: l.holdback_cents, netCents: l.net_cents })));
    const site = getSiteSettings(db);
    const documentJson = JSON.stringify({ site: { ...site, studies: undefined }, billing: studyBillingOf(site, study.studyId) });
    db.prepare(
      `UPDATE invoices SET status = 'ISSUED', number = ?, issue_date = ?, due_date = ?, issued_at = ?, document_json = ?,
              amount_cents = ?, overhead_cents = ?, holdback_cents = ?, net_cents = ? WHERE id = ?`,
    ).run(number, date, addDays(date, draft.payment_terms_days), now.toISOString(), documentJson, totals.amountCents, totals.overheadCents, totals.holdbackCents, totals.netCents, invoiceId);
    const history = db.prepare(
      `INSERT INTO sponsor_invoice_lines (study_id, invoice_number, subject_id, visit_code, cpt_hcpcs, service_date, amount_cents, source, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'GENERATED', NULL)`,
    );
    for (const l of lines) if (TRACKED.has(l.source)) history.run(study.pk, number, l.subject_pk, l.visit_code, l.cpt_hcpcs, l.service_date, l.amount_cents);
    return number;
  })();
}

/**
 * Refuses to issue when another invoice billed one of the lines after this draft was made (an
 * import of invoice history, or another draft issued first): the same item would be billed twice.
 */
function assertNotBilledSince(db: Db, studyPk: number, lines: readonly LiveLine[]): void {
  const visitItem = db.prepare('SELECT invoice_number FROM sponsor_invoice_lines WHERE subject_id = ? AND visit_code = ? AND cpt_hcpcs = ? LIMIT 1').pluck();
  const perSubject = db.prepare('SELECT invoice_number FROM sponsor_invoice_lines WHERE study_id = ? AND subject_id IS ? AND visit_code = ? LIMIT 1').pluck();
  const studyLevel = db.prepare('SELECT invoice_number FROM sponsor_invoice_lines WHERE study_id = ? AND visit_code = ? LIMIT 1').pluck();
  const occurrence = db.prepare('SELECT invoice_number FROM sponsor_invoice_lines WHERE study_id = ? AND subject_id IS ? AND visit_code = ? AND service_date = ? LIMIT 1').pluck();
  const clashes = lines.flatMap((l) => {
    let found: unknown;
    if (l.source === 'VISIT_ITEM') found = visitItem.get(l.subject_pk, l.visit_code, l.cpt_hcpcs);
    else if (l.source !== 'INVOICEABLE') found = undefined;
    else if (l.invoiceable_kind === 'ONE_TIME') found = studyLevel.get(studyPk, l.visit_code);
    else if (l.invoiceable_kind === 'PER_OCCURRENCE') found = occurrence.get(studyPk, l.subject_pk, l.visit_code, l.service_date);
    else found = perSubject.get(studyPk, l.subject_pk, l.visit_code);
    return found === undefined ? [] : [found as string];
  });
  if (clashes.length > 0) {
    const numbers = [...new Set(clashes)].slice(0, 3).join(', ');
    throw new UserError('ALREADY_INVOICED', `${clashes.length} line${clashes.length === 1 ? ' is' : 's are'} already billed on ${numbers}; remove ${clashes.length === 1 ? 'it' : 'them'} from this draft before issuing.`);
  }
}
