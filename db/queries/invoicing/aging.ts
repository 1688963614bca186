/** Receivables aging: issued invoices with an open balance, by sponsor and days past due. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { ageBalances, agingBucket, daysPastDue } from '../../../shared/invoicing/aging.ts';
import type { AgingInvoiceRow, AgingReport, SponsorAging } from '../../../shared/invoicing/report-types.ts';
import { balanceOf } from '../../../shared/invoicing/state.ts';
import { INVOICE_SELECT, type InvoiceRow } from './invoice-rows.ts';
import { unappliedBySponsor } from './list-payments.ts';

/** Aging as of `asOf` (ISO date), for one sponsor or all. */
export function agingReport(db: Db, asOf: string, sponsor?: string): AgingReport {
  const where = `WHERE v.status = 'ISSUED' AND v.kind <> 'CREDIT_MEMO'${sponsor === undefined ? '' : ' AND s.sponsor = ?'}`;
  const rows = (sponsor === undefined ? db.prepare(`${INVOICE_SELECT} ${where}`).all() : db.prepare(`${INVOICE_SELECT} ${where}`).all(sponsor)) as InvoiceRow[];
  const open: AgingInvoiceRow[] = [];
  const credits = new Map<string, number>();
  for (const r of rows) {
    const balance = balanceOf(r.net, r.credited, r.paid);
    if (balance < 0) credits.set(r.sponsor, (credits.get(r.sponsor) ?? 0) - balance);
    if (balance <= 0 || r.due_date === null || r.issue_date === null || r.number === null) continue;
    open.push({
      id: r.id,
      number: r.number,
      kind: r.kind,
      studyId: r.study_id,
      sponsor: r.sponsor,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      netCents: r.net,
      paidCents: r.paid,
      creditedCents: r.credited,
      balanceCents: balance,
      daysPastDue: daysPastDue(r.due_date, asOf),
      bucket: agingBucket(r.due_date, asOf),
    });
  }
  open.sort((a, b) => b.daysPastDue - a.daysPastDue || a.number.localeCompare(b.number));
  const unapplied = unappliedBySponsor(db);
  const sponsors = [...new Set([...open.map((r) => r.sponsor), ...credits.keys(), ...[...unapplied].filter(([, c]) => c > 0).map(([s]) => s)])]
    .filter((s) => sponsor === undefined || s === sponsor)
    .sort();
  const bySponsor: SponsorAging[] = sponsors.map((name) => {
    const mine = open.filter((r) => r.sponsor === name);
    return { sponsor: name, amounts: ageBalances(mine, asOf), unappliedCents: unapplied.get(name) ?? 0, creditCents: credits.get(name) ?? 0, openInvoices: mine.length };
  });
  return { asOf, sponsors: bySponsor, totals: ageBalances(open, asOf), invoices: open };
}
