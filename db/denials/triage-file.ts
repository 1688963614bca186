/**
 * Triage after an import: every denied line of the file becomes a denial row (category, action,
 * deadline, the charge and study it is about), then later payments of earlier denials are recorded
 * (a line paid on this remittance resolves the open denial of the same service) and open denials of
 * claims the payer reversed and reprocessed here are marked superseded. One transaction.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import { DENIAL_ACTIONS, DENIAL_CATEGORIES, type DenialAction, type DenialCategory } from '../../shared/denials/vocabulary.ts';
import { buildDenial, type DenialRecord } from './build-denial.ts';
import { DeadlineCalculator } from './deadline-calculator.ts';
import { CandidateReader } from './denial-candidates.ts';
import { resolvePaidDenials } from './resolve-payments.ts';
import { supersedeReversedDenials } from './supersede-reversed.ts';
import { TrialFactsLoader } from './trial-facts.ts';
import { REMIT_CACHE_KIB } from '../remit/import-835.ts';
import { withPageCache } from '../store/page-cache.ts';

export interface TriageOptions {
  /** Clock for created_at/updated_at (tests fix it). */
  readonly now?: () => Date;
}

/** What the triage of one file found (no PHI). */
export interface TriageSummary {
  readonly denials: number;
  readonly deniedCents: number;
  readonly byCategory: Readonly<Record<DenialCategory, number>>;
  readonly byAction: Readonly<Record<DenialAction, number>>;
  /** Earlier denials this remittance pays. */
  readonly paidOnRemit: number;
  /** Earlier open denials this remittance replaces by reprocessing their reversed claims. */
  readonly superseded: number;
}

const INSERT_SQL = `INSERT INTO denials (file_id, claim_id, line_id, charge_id, subject_id, study_id, calendar_item_id, visit_id, designation,
  payer_key, payer_name, payer_kind, procedure_code, modifiers, service_date, billed_cents, paid_cents, denied_cents, adjustments, primary_carc,
  remarks, rule, category, action, basis, rebill_to, appealable, reason, identity_key, initial, denial_date, status, deadline, deadline_kind,
  created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`;

/** Inserts one triaged denial and its 'triaged' event; returns its id. */
export function insertDenial(statements: { insert: Statement; seen: Statement; event: Statement }, r: DenialRecord, at: string): number {
  const initial = statements.seen.get(r.identityKey) === undefined ? 1 : 0;
  const t = r.triage;
  const id = Number(
    statements.insert.run(
      r.fileId, r.claimId, r.lineId, r.chargePk, r.subjectPk, r.studyPk, r.calendarItemPk, r.visitPk, r.designation,
      r.payerKey, r.payerName, r.payerKind, r.procedureCode, r.modifiers, r.serviceDate, r.billedCents, r.paidCents, r.deniedCents, r.adjustments, t.primaryCarc,
      r.remarks, t.rule, t.category, t.action, t.basis, t.rebillTo, t.appealable ? 1 : 0, t.reason, r.identityKey, initial, r.denialDate,
      r.deadline?.date ?? null, r.deadline?.kind ?? null, at, at,
    ).lastInsertRowid,
  );
  statements.event.run(id, at, `${t.rule}: ${t.category}, ${t.action}`);
  return id;
}

/** Triages every denied line of an imported remittance file. Idempotent: lines already triaged are skipped. */
export function triageRemitFile(db: Db, fileId: number, options: TriageOptions = {}): TriageSummary {
  const at = (options.now ?? (() => new Date()))().toISOString();
  const byCategory = Object.fromEntries(DENIAL_CATEGORIES.map((c) => [c, 0])) as Record<DenialCategory, number>;
  const byAction = Object.fromEntries(DENIAL_ACTIONS.map((a) => [a, 0])) as Record<DenialAction, number>;
  let denials = 0;
  let deniedCents = 0;
  let paidOnRemit = 0;
  let superseded = 0;
  const reader = new CandidateReader(db);
  const trial = new TrialFactsLoader(db);
  const deadlines = new DeadlineCalculator(db);
  const statements = {
    insert: db.prepare(INSERT_SQL),
    seen: db.prepare('SELECT 1 FROM denials WHERE identity_key = ? LIMIT 1'),
    event: db.prepare("INSERT INTO denial_events (denial_id, at, kind, note, actor) VALUES (?, ?, 'triaged', ?, 'system')"),
  };
  const exists = db.prepare('SELECT 1 FROM denials WHERE claim_id = ? AND coalesce(line_id, 0) = ?');
  // The import's small page cache, not the store's 64 MiB: a file's candidates are read once (issue
  // 6's memory target is for import and triage together).
  withPageCache(db, REMIT_CACHE_KIB, db.transaction(() => {
    for (const chunk of reader.file(fileId)) {
      for (const candidate of chunk) {
        if (exists.get(candidate.claim.claimId, candidate.line?.lineId ?? 0) !== undefined) continue;
        const record = buildDenial(candidate, trial, deadlines);
        insertDenial(statements, record, at);
        denials += 1;
        deniedCents += record.deniedCents;
        byCategory[record.triage.category] += 1;
        byAction[record.triage.action] += 1;
      }
    }
    paidOnRemit = resolvePaidDenials(db, fileId, at);
    superseded = supersedeReversedDenials(db, fileId, at);
  }));
  return { denials, deniedCents, byCategory, byAction, paidOnRemit, superseded };
}
