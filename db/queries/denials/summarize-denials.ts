/** Counts for the Denials header: open work, overdue and due soon, and open denials by category, action and status. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DenialSummary, DenialSummaryLine } from '../../../shared/contract/denials.ts';
import { DUE_SOON_DAYS } from '../../../shared/denials/deadlines.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { denialWhere } from './list-denials.ts';

/** The summary as of `today`. */
export function summarizeDenials(db: Db, today: string): DenialSummary {
  const open = denialWhere({ includeResolved: false }, today);
  const from = `FROM denials d LEFT JOIN studies s ON s.id = d.study_id ${open.sql}`;
  const totals = db
    .prepare(`SELECT count(*) AS open, coalesce(sum(d.denied_cents), 0) AS cents, coalesce(sum(d.deadline < ?), 0) AS overdue, coalesce(sum(d.deadline >= ? AND d.deadline < ?), 0) AS dueSoon ${from}`)
    .get(today, today, addDays(today, DUE_SOON_DAYS), ...open.params) as { open: number; cents: number; overdue: number; dueSoon: number };
  const by = (column: string, where: string, params: unknown[]): DenialSummaryLine[] =>
    db.prepare(`SELECT ${column} AS key, count(*) AS count, sum(d.denied_cents) AS deniedCents FROM denials d LEFT JOIN studies s ON s.id = d.study_id ${where} GROUP BY ${column} ORDER BY count(*) DESC, ${column}`).all(...params) as DenialSummaryLine[];
  return {
    open: totals.open,
    overdue: totals.overdue,
    dueSoon: totals.dueSoon,
    openDeniedCents: totals.cents,
    byCategory: by('d.category', open.sql, open.params),
    byAction: by('d.action', open.sql, open.params),
    byStatus: by('d.status', '', []),
    today,
  };
}
