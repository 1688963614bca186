/**
 * Reconciliation: evaluates every rule and brings the findings table up to date in one transaction.
 *
 * A full run evaluates every charge, the set-up rules and the unbilled-revenue rules, then closes
 * every finding it did not produce again. An incremental run (the default once a full run exists)
 * evaluates only charges inserted or changed by import batches since the last run, re-checks
 * duplicates only among charges of the same patient and date as those, and closes only findings it
 * re-evaluated: its cost follows the new charges, not the history. Any import of set-up data
 * (studies, calendar, subjects, visits, approvals, invoices) or a newly generated sponsor invoice
 * since the last run makes the next run full, because those change the meaning of old charges.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { ReconcileOutcome } from '../../shared/contract/jobs.ts';
import { evaluateCharge } from '../../shared/rules/charge-rules.ts';
import { alignmentFinding, duplicateChargeFinding } from '../../shared/rules/setup-rules.ts';
import { inStudyPeriod, matchCalendar } from '../../shared/rules/match-calendar.ts';
import { allChargeChunks, changedChargeChunks, toChargeFacts, updatedChargeIds } from './charge-rows.ts';
import { FindingWriter } from './finding-writer.ts';
import { loadReferenceFacts } from './load-facts.ts';
import { dropSecondaryIndexes } from '../store/bulk-indexes.ts';
import { DuplicateDetector } from './duplicate-detector.ts';
import { findDuplicatesSince } from './duplicates.ts';
import { findUnbilledRevenue } from './unbilled.ts';

export interface ReconcileOptions {
  /** `auto` (default): incremental when possible; `full` forces a full run. */
  readonly mode?: 'auto' | 'full';
  readonly now?: () => Date;
  readonly isCancelled?: () => boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Findings of charges updated since a batch: the per-charge findings an incremental run may close. */
export const STALE_OF_UPDATED_CHARGES = `SELECT f.id FROM charge_revisions r CROSS JOIN findings f ON f.charge_id = r.charge_id WHERE r.batch_id > ? AND f.rule <> 'DUP-28'`;

/** What a run did (the contract's ReconcileOutcome). */
export type ReconcileSummary = ReconcileOutcome;

interface LastRun {
  through_batch_id: number;
  charge_high_water: number;
  invoice_line_high_water: number;
  invoice_line_count: number;
  findings_total_open: number;
}

/** Where the sponsor invoice lines stand: any change (new invoice, credit memo) makes the next run full. */
function invoiceLineState(db: Db): { highWater: number; count: number } {
  return db.prepare('SELECT coalesce(max(id), 0) AS highWater, count(*) AS count FROM sponsor_invoice_lines').get() as { highWater: number; count: number };
}

export interface RunPlan {
  readonly mode: 'full' | 'incremental';
  /** Incremental: import batches after this one changed charges. */
  readonly sinceBatch: number;
  /** Incremental: charges with a higher id are new since the last run. */
  readonly chargeHighWater: number;
  /** Incremental: active findings after the last run. */
  readonly lastTotalOpen: number;
}

/** Decides whether the next run can be incremental, and from which batch. */
export function planRun(db: Db, requested: 'auto' | 'full'): RunPlan {
  const last = db
    .prepare('SELECT through_batch_id, charge_high_water, invoice_line_high_water, invoice_line_count, findings_total_open FROM reconcile_runs ORDER BY id DESC LIMIT 1')
    .get() as LastRun | undefined;
  const full: RunPlan = { mode: 'full', sinceBatch: 0, chargeHighWater: 0, lastTotalOpen: 0 };
  if (!last || requested === 'full') return full;
  const setupChanged = db.prepare("SELECT 1 FROM import_files WHERE batch_id > ? AND file_kind <> 'charges' LIMIT 1").get(last.through_batch_id) !== undefined;
  const lines = invoiceLineState(db);
  const invoicesChanged = lines.highWater !== last.invoice_line_high_water || lines.count !== last.invoice_line_count;
  return setupChanged || invoicesChanged ? full : { mode: 'incremental', sinceBatch: last.through_batch_id, chargeHighWater: last.charge_high_water, lastTotalOpen: last.findings_total_open };
}

export function reconcile(db: Db, options: ReconcileOptions = {}): ReconcileSummary {
  const started = Date.now();
  const now = (options.now ?? (() => new Date()))().toISOString();
  const isCancelled = options.isCancelled ?? (() => false);
  const plan = planRun(db, options.mode ?? 'auto');
  const incremental = plan.mode === 'incremental';
  const throughBatch = db.prepare('SELECT coalesce(max(id), 0) FROM import_batches').pluck().get() as number;
  const lines = invoiceLineState(db);
  const chargeHighWater = db.prepare('SELECT coalesce(max(id), 0) FROM charges').pluck().get() as number;

  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = Number(
      db
        .prepare(
          `INSERT INTO reconcile_runs (mode, started_at, finished_at, through_batch_id, charge_high_water, invoice_line_high_water, invoice_line_count,
             charges_evaluated, findings_opened, findings_reopened, findings_closed, findings_total_open)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)`,
        )
        .run(plan.mode, now, now, throughBatch, chargeHighWater, lines.highWater, lines.count).lastInsertRowid,
    );
    const facts = loadReferenceFacts(db);
    // The first full run into an empty findings table is a bulk load: indexes are built once at the end.
    const bulk = !incremental && (db.prepare('SELECT count(*) FROM findings').pluck().get() as number) === 0;
    const indexes = bulk ? dropSecondaryIndexes(db, 'findings') : null;
    const writer = new FindingWriter(db, runId, now, { bulk });
    const duplicates = incremental ? null : new DuplicateDetector(db);
    const updatedIds = incremental ? updatedChargeIds(db, plan.sinceBatch, plan.chargeHighWater) : [];
    const total = incremental ? updatedIds.length + chargeHighWater - plan.chargeHighWater : chargeHighWater;
    let evaluated = 0;
    for (const chunk of incremental ? changedChargeChunks(db, updatedIds, plan.chargeHighWater) : allChargeChunks(db)) {
      if (isCancelled()) break;
      for (const row of chunk) {
        const charge = toChargeFacts(row);
        const enrolments = facts.enrolmentsByMrn.get(row.mrn) ?? [];
        for (const d of evaluateCharge(charge, enrolments, facts.lookups)) writer.write(d);
        const copyOf = duplicates?.check(row);
        if (copyOf) {
          const enrolment = enrolments.find((e) => inStudyPeriod(charge, e)) ?? null;
          writer.write(duplicateChargeFinding(charge, { chargeId: copyOf.firstChargeId, source: copyOf.firstSource }, enrolment, enrolment ? matchCalendar(charge, enrolment) : null));
        }
      }
      evaluated += chunk.length;
      options.onProgress?.(evaluated, total);
    }
    if (isCancelled()) {
      db.exec('ROLLBACK');
      return { runId: null, mode: plan.mode, cancelled: true, chargesEvaluated: evaluated, opened: 0, reopened: 0, closed: 0, totalOpen: 0, elapsedMs: Date.now() - started };
    }
    let closed: number;
    if (incremental) {
      const scan = findDuplicatesSince(db, facts, plan.sinceBatch, plan.chargeHighWater);
      for (const d of scan.drafts) writer.write(d);
      // New charges had no findings before this run, and adding charges cannot make an earlier copy
      // stop being one: only updates (revisions) can leave findings stale.
      closed = updatedIds.length > 0 ? writer.closeStale(STALE_OF_UPDATED_CHARGES, [plan.sinceBatch]) + writer.closeStale(scan.scopeSql, scan.scopeParams) : 0;
    } else {
      for (const arm of facts.arms.values()) {
        const study = facts.studies.get(arm.studyPk);
        if (!study) continue;
        for (const rows of arm.byCode.values()) {
          for (const row of rows) {
            const finding = alignmentFinding(study, row);
            if (finding) writer.write(finding);
          }
        }
      }
      for (const d of findUnbilledRevenue(db, facts)) writer.write(d);
      indexes?.rebuild();
      closed = writer.closeStale('SELECT id FROM findings');
    }
    // Only runs change which findings are active: an incremental run derives the total from the last one.
    const totalOpen = incremental
      ? plan.lastTotalOpen + writer.counts.opened + writer.counts.reopened - closed
      : (db.prepare('SELECT count(*) FROM findings WHERE active = 1').pluck().get() as number);
    db.prepare(
      'UPDATE reconcile_runs SET finished_at = ?, charges_evaluated = ?, findings_opened = ?, findings_reopened = ?, findings_closed = ?, findings_total_open = ? WHERE id = ?',
    ).run(new Date().toISOString(), evaluated, writer.counts.opened, writer.counts.reopened, closed, totalOpen, runId);
    db.exec('COMMIT');
    return {
      runId,
      mode: plan.mode,
      cancelled: false,
      chargesEvaluated: evaluated,
      opened: writer.counts.opened,
      reopened: writer.counts.reopened,
      closed,
      totalOpen,
      elapsedMs: Date.now() - started,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
