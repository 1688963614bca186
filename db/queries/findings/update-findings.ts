/**
 * The coordinator's decisions: status changes (dismissing needs a reason), assignment and notes.
 * Every change is recorded in finding_events with time, actor and reason. A closed finding (cause
 * gone) cannot be set by hand: there is nothing left to decide.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { UserError } from '../../backend/user-error.ts';

export interface StatusChange {
  readonly ids: readonly number[];
  readonly status: 'open' | 'confirmed' | 'fixed' | 'dismissed';
  readonly reason?: string | undefined;
  readonly actor: string;
}

export function setFindingStatus(db: Db, change: StatusChange, now: Date): number {
  if (change.status === 'dismissed' && !change.reason?.trim()) throw new UserError('REASON_REQUIRED', 'A reason is required to dismiss a finding.');
  const at = now.toISOString();
  const select = db.prepare('SELECT status FROM findings WHERE id = ? AND active = 1').pluck();
  const update = db.prepare('UPDATE findings SET status = ?, updated_at = ? WHERE id = ?');
  const event = db.prepare("INSERT INTO finding_events (finding_id, at, kind, from_status, to_status, reason, actor) VALUES (?, ?, 'status', ?, ?, ?, ?)");
  return db.transaction(() => {
    let updated = 0;
    for (const id of change.ids) {
      const from = select.get(id) as string | undefined;
      if (from === undefined || from === change.status) continue;
      update.run(change.status, at, id);
      event.run(id, at, from, change.status, change.reason?.trim() || null, change.actor);
      updated += 1;
    }
    return updated;
  })();
}

export function assignFindings(db: Db, ids: readonly number[], assignee: string | null, actor: string, now: Date): number {
  const at = now.toISOString();
  const name = assignee?.trim() ? assignee.trim() : null;
  const update = db.prepare('UPDATE findings SET assignee = ?, updated_at = ? WHERE id = ? AND assignee IS NOT ?');
  const event = db.prepare("INSERT INTO finding_events (finding_id, at, kind, reason, actor) VALUES (?, ?, 'assigned', ?, ?)");
  return db.transaction(() => {
    let updated = 0;
    for (const id of ids) {
      if (update.run(name, at, id, name).changes === 0) continue;
      event.run(id, at, name ? `assigned to ${name}` : 'unassigned', actor);
      updated += 1;
    }
    return updated;
  })();
}

export function addFindingNote(db: Db, id: number, note: string, actor: string, now: Date): boolean {
  const at = now.toISOString();
  return db.transaction(() => {
    const current = db.prepare('SELECT notes FROM findings WHERE id = ?').get(id) as { notes: string | null } | undefined;
    if (!current) return false;
    const line = `${at.slice(0, 16).replace('T', ' ')} ${actor}: ${note}`;
    db.prepare('UPDATE findings SET notes = ?, updated_at = ? WHERE id = ?').run(current.notes ? `${current.notes}\n${line}` : line, at, id);
    db.prepare("INSERT INTO finding_events (finding_id, at, kind, reason, actor) VALUES (?, ?, 'note', ?, ?)").run(id, at, note, actor);
    return true;
  })();
}
