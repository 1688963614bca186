/**
 * Moves denials through the workflow (shared/denials/vocabulary.ts), recording the dates the metrics
 * need: appealed sets the appeal date (and marks the appeal request sent); overturned and upheld set
 * the decision date and the appeal's outcome; overturned, written-off and moved-to-sponsor resolve
 * the denial; a recovered amount may be recorded with any step. Every change is an event.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { canMove, type DenialStatus } from '../../shared/denials/vocabulary.ts';
import { UserError } from '../backend/user-error.ts';
import { ensureDraftAppeal } from './appeals.ts';
import { refreshDeadlines } from './deadline-calculator.ts';

export interface StatusChange {
  readonly ids: readonly number[];
  readonly status: DenialStatus;
  /** The date it happened (appeal sent, decision received...), default today. */
  readonly date?: string | undefined;
  /** Dollars recovered (overturned: what the payer agreed to pay). */
  readonly recoveredCents?: number | undefined;
  /** Overturned in part only (counts as overturned for the rate [NCQA-OVT]). */
  readonly partial?: boolean | undefined;
  readonly note?: string | undefined;
  readonly actor: string;
}

const RESOLVING: readonly DenialStatus[] = ['overturned', 'written-off', 'moved-to-sponsor'];

/** Applies a status change to every listed denial; refuses the whole change if any step is not allowed. */
export function setDenialStatus(db: Db, change: StatusChange, now: Date): { updated: number } {
  const at = now.toISOString();
  const date = change.date ?? at.slice(0, 10);
  const rows = change.ids.map((id) => db.prepare('SELECT id, status, denial_date FROM denials WHERE id = ?').get(id) as { id: number; status: DenialStatus; denial_date: string } | undefined);
  for (const [i, row] of rows.entries()) {
    if (row === undefined) throw new UserError('NO_SUCH_DENIAL', `Denial ${change.ids[i]} does not exist.`);
    if (row.status !== change.status && !canMove(row.status, change.status)) {
      throw new UserError('BAD_TRANSITION', `Denial ${row.id} is ${row.status}; it cannot become ${change.status}.`);
    }
    if (date < row.denial_date) throw new UserError('BAD_DATE', `The date ${date} is before the denial (${row.denial_date}).`);
  }
  const update = db.prepare('UPDATE denials SET status = ?, updated_at = ? WHERE id = ?');
  const event = db.prepare("INSERT INTO denial_events (denial_id, at, kind, from_status, to_status, note, actor) VALUES (?, ?, 'status', ?, ?, ?, ?)");
  db.transaction(() => {
    for (const row of rows as { id: number; status: DenialStatus }[]) {
      if (row.status === change.status && change.recoveredCents === undefined) continue;
      update.run(change.status, at, row.id);
      applyDates(db, row.id, change, date, at);
      event.run(row.id, at, row.status, change.status, change.note ?? null, change.actor);
    }
  })();
  refreshDeadlines(db, change.ids);
  return { updated: rows.length };
}

function applyDates(db: Db, id: number, change: StatusChange, date: string, at: string): void {
  const s = change.status;
  if (s === 'appealed') {
    const appealId = ensureDraftAppeal(db, id, at);
    db.prepare('UPDATE appeals SET sent_date = coalesce(sent_date, ?), updated_at = ? WHERE id = ?').run(date, at, appealId);
    db.prepare('UPDATE denials SET appeal_date = coalesce(appeal_date, ?), decided_date = NULL WHERE id = ?').run(date, id);
  }
  if (s === 'overturned' || s === 'upheld') {
    const outcome = s === 'upheld' ? 'upheld' : change.partial === true ? 'partially-overturned' : 'overturned';
    db.prepare('UPDATE denials SET decided_date = ? WHERE id = ?').run(date, id);
    db.prepare('UPDATE appeals SET decided_date = ?, outcome = ?, updated_at = ? WHERE denial_id = ? AND sent_date IS NOT NULL AND outcome IS NULL').run(date, outcome, at, id);
  }
  if (RESOLVING.includes(s)) {
    db.prepare("UPDATE denials SET resolution_date = coalesce(resolution_date, ?), resolution_source = coalesce(resolution_source, 'coordinator') WHERE id = ?").run(date, id);
  } else if (s === 'open') {
    db.prepare("UPDATE denials SET resolution_date = NULL, resolution_source = NULL WHERE id = ? AND resolution_source = 'coordinator'").run(id);
  }
  if (change.recoveredCents !== undefined) db.prepare('UPDATE denials SET recovered_cents = ? WHERE id = ?').run(change.recoveredCents, id);
}
