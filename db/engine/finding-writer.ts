/**
 * Writes the findings a run produces, preserving the coordinator's work:
 * - a new fingerprint becomes an open finding;
 * - a finding seen again with the same evidence keeps its status, assignee and notes;
 * - a finding whose evidence changed is updated; a dismissed or fixed one is reopened (the decision
 *   was about different facts), an open or confirmed one keeps its status; both get an event;
 * - a closed finding whose cause is back is reopened;
 * - `closeStale` closes active findings the run did not produce again (their cause went away).
 * Findings seen again unchanged are only noted in an in-memory temp table (no write to the finding),
 * so a re-run over a million charges does not rewrite hundreds of thousands of rows. In bulk mode (the
 * first run into an empty table) there is nothing to compare with: rows are inserted directly.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { SEVERITY_RANK, citationOf, ruleById } from '../../shared/rules/catalogue.ts';
import type { FindingDraft } from '../../shared/rules/facts.ts';

export const ENGINE_ACTOR = 'reconcile';

export interface WriterCounts {
  opened: number;
  reopened: number;
  changed: number;
  seen: number;
}

const REOPEN_ON_CHANGE = new Set(['dismissed', 'fixed']);

export class FindingWriter {
  readonly counts: WriterCounts = { opened: 0, reopened: 0, changed: 0, seen: 0 };
  private readonly db: Db;
  private readonly runId: number;
  private readonly now: string;
  private readonly select: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly event: Statement;
  private readonly seen: Statement;
  private readonly bulk: boolean;

  constructor(db: Db, runId: number, now: string, options: { bulk?: boolean } = {}) {
    this.db = db;
    this.runId = runId;
    this.now = now;
    this.bulk = options.bulk ?? false;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS reconcile_seen (id INTEGER PRIMARY KEY); DELETE FROM temp.reconcile_seen');
    this.seen = db.prepare('INSERT OR IGNORE INTO temp.reconcile_seen (id) VALUES (?)');
    this.select = db.prepare('SELECT id, status, active, evidence_hash FROM findings WHERE fingerprint = ?');
    this.insert = db.prepare(
      `INSERT INTO findings (fingerprint, rule, severity, severity_rank, category, study_id, subject_id, charge_id, calendar_item_id, visit_id,
         cpt_hcpcs, service_date, payer_type, amount_cents, message, evidence_json, evidence_hash, citation, status, active, first_run_id, last_run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 1, ?, ?, ?, ?)`,
    );
    this.update = db.prepare(
      `UPDATE findings SET study_id = ?, subject_id = ?, calendar_item_id = ?, visit_id = ?, cpt_hcpcs = ?, service_date = ?, payer_type = ?, amount_cents = ?,
         message = ?, evidence_json = ?, evidence_hash = ?, status = ?, active = 1, last_run_id = ?, updated_at = ? WHERE id = ?`,
    );
    this.event = db.prepare('INSERT INTO finding_events (finding_id, at, kind, from_status, to_status, reason, actor, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  write(draft: FindingDraft): void {
    const json = JSON.stringify(draft.evidence);
    const hash = createHash('sha256').update(json).update(draft.message).digest('hex').slice(0, 32);
    const existing = this.bulk ? undefined : (this.select.get(draft.fingerprint) as { id: number; status: string; active: number; evidence_hash: string } | undefined);
    if (!existing) {
      const rule = ruleById(draft.rule);
      const info = this.insert.run(
        draft.fingerprint, draft.rule, rule.severity, SEVERITY_RANK[rule.severity], rule.category, draft.studyPk, draft.subjectPk, draft.chargePk,
        draft.calendarItemPk, draft.visitPk, draft.cpt, draft.serviceDate, draft.payerType, draft.amountCents, draft.message, json, hash,
        citationOf(rule), this.runId, this.runId, this.now, this.now,
      );
      if (!this.bulk) this.seen.run(info.lastInsertRowid);
      this.counts.opened += 1;
      return;
    }
    this.seen.run(existing.id);
    if (existing.active === 1 && existing.evidence_hash === hash) {
      this.counts.seen += 1;
      return;
    }
    const reopening = existing.active === 0 || REOPEN_ON_CHANGE.has(existing.status);
    const status = reopening ? 'open' : existing.status;
    this.update.run(
      draft.studyPk, draft.subjectPk, draft.calendarItemPk, draft.visitPk, draft.cpt, draft.serviceDate, draft.payerType, draft.amountCents,
      draft.message, json, hash, status, this.runId, this.now, existing.id,
    );
    if (existing.active === 0) {
      this.event.run(existing.id, this.now, 'reopened-by-run', existing.status, status, 'the cause came back', ENGINE_ACTOR, this.runId);
      this.counts.reopened += 1;
    } else {
      const reason = reopening ? `the evidence changed since it was marked ${existing.status}` : 'the evidence changed';
      this.event.run(existing.id, this.now, 'evidence-changed', existing.status, status, reason, ENGINE_ACTOR, this.runId);
      this.counts.changed += 1;
      if (reopening) this.counts.reopened += 1;
    }
  }

  /**
   * Closes active findings that this run re-evaluated but did not produce. `scope` is SQL selecting
   * the ids of findings the run was responsible for (all of them in a full run).
   */
  closeStale(scopeSql: string, params: readonly unknown[] = []): number {
    if (this.bulk) return 0; // the table was empty: nothing can be stale
    const stale = this.db
      .prepare(`SELECT id, status FROM findings WHERE active = 1 AND id NOT IN (SELECT id FROM temp.reconcile_seen) AND id IN (${scopeSql})`)
      .all(...params) as {
      id: number;
      status: string;
    }[];
    const close = this.db.prepare("UPDATE findings SET status = 'closed', active = 0, last_run_id = ?, updated_at = ? WHERE id = ?");
    for (const f of stale) {
      close.run(this.runId, this.now, f.id);
      this.event.run(f.id, this.now, 'closed-by-run', f.status, 'closed', 'the cause went away', ENGINE_ACTOR, this.runId);
    }
    return stale.length;
  }
}
