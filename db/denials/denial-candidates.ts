/**
 * Finds the denied lines of an imported remittance. A line is denied when at least one of its
 * adjustments is read as a denial (shared/remit triageAdjustment: not contractual, not patient
 * responsibility) with a positive amount: the payer paid nothing, or less, for a reason someone must
 * work [BRIEF 4.2: denial is read from CAS and remarks, never from CLP02 alone]. Claim-level denial
 * adjustments make a claim-level denial. Reversals (CLP02 = 22) take money back and are not denials.
 * Claims are read in chunks of ids, so a 100,000-claim file never sits in memory.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import type { DenialAdjustment } from '../../shared/denials/triage.ts';
import { REVERSAL_STATUS, triageAdjustment } from '../../shared/remit/codes.ts';

export interface ClaimContext {
  readonly claimId: number;
  readonly fileId: number;
  readonly patientControlNumber: string;
  readonly filingIndicator: string | null;
  readonly totalChargeCents: number;
  readonly paidCents: number;
  readonly statementFrom: string | null;
  readonly payerName: string;
  readonly payerId: string | null;
  /** Production date (DTM*405), else payment date (BPR16), else the import date. */
  readonly remitDate: string;
}

export interface LineContext {
  readonly lineId: number;
  readonly procedureCode: string;
  readonly modifiers: readonly string[];
  readonly chargeCents: number;
  readonly paidCents: number;
  readonly serviceDate: string | null;
  readonly chargePk: number | null;
}

export interface DenialCandidate {
  readonly claim: ClaimContext;
  /** Null for a claim-level denial. */
  readonly line: LineContext | null;
  readonly adjustments: readonly DenialAdjustment[];
  /** Remark codes of the line and of its claim. */
  readonly remarks: readonly string[];
}

const CHUNK = 2_000;

// CROSS JOIN keeps remit_claims the outer loop, so `c.id > ? ORDER BY c.id LIMIT n` walks the rowid
// from where the last chunk stopped instead of re-reading the whole file per chunk.
export const CLAIM_CONTEXT_SQL = `
  SELECT c.id AS claimId, t.file_id AS fileId, c.patient_control_number AS patientControlNumber, c.filing_indicator AS filingIndicator,
         c.total_charge_cents AS totalChargeCents, c.paid_cents AS paidCents, c.statement_from AS statementFrom,
         t.payer_name AS payerName, t.payer_id AS payerId,
         coalesce(t.production_date, t.payment_date, substr(f.imported_at, 1, 10)) AS remitDate
  FROM remit_claims c CROSS JOIN remit_transactions t ON t.id = c.transaction_id CROSS JOIN remit_files f ON f.id = t.file_id`;

interface LineRow {
  id: number;
  claim_id: number;
  procedure_code: string;
  modifiers: string;
  charge_cents: number;
  paid_cents: number;
  service_date: string | null;
  period_start: string | null;
  charge_id: number | null;
}

/** Reads the denial candidates of claims, a chunk at a time. */
export class CandidateReader {
  readonly #claims: Statement;
  readonly #adjustments: Statement;
  readonly #remarks: Statement;
  readonly #lines: Statement;

  constructor(db: Db) {
    this.#claims = db.prepare(`${CLAIM_CONTEXT_SQL} WHERE t.file_id = ? AND c.id > ? AND c.status_code <> '${REVERSAL_STATUS}' ORDER BY c.id LIMIT ${CHUNK}`);
    this.#adjustments = db.prepare('SELECT claim_id, line_id, group_code, reason_code, amount_cents FROM remit_adjustments WHERE claim_id BETWEEN ? AND ? ORDER BY claim_id, line_id, id');
    this.#remarks = db.prepare('SELECT claim_id, line_id, code FROM remit_remarks WHERE claim_id BETWEEN ? AND ? ORDER BY id');
    this.#lines = db.prepare('SELECT id, claim_id, procedure_code, modifiers, charge_cents, paid_cents, service_date, period_start, charge_id FROM remit_service_lines WHERE claim_id BETWEEN ? AND ?');
  }

  /** The candidates of a file, chunk by chunk (each chunk is fully read before it is yielded). */
  *file(fileId: number): Generator<DenialCandidate[]> {
    let after = 0;
    for (;;) {
      const claims = this.#claims.all(fileId, after) as ClaimContext[];
      if (claims.length === 0) return;
      after = (claims.at(-1) as ClaimContext).claimId;
      yield this.#candidates(claims);
    }
  }

  #candidates(claims: readonly ClaimContext[]): DenialCandidate[] {
    const first = (claims[0] as ClaimContext).claimId;
    const last = (claims.at(-1) as ClaimContext).claimId;
    const byClaim = new Map(claims.map((c) => [c.claimId, c]));
    const denied = new Map<string, { claimId: number; lineId: number | null; adjustments: DenialAdjustment[] }>();
    for (const a of this.#adjustments.all(first, last) as { claim_id: number; line_id: number | null; group_code: string; reason_code: string; amount_cents: number }[]) {
      if (!byClaim.has(a.claim_id) || a.amount_cents <= 0 || triageAdjustment(a.group_code, a.reason_code) !== 'denial') continue;
      const key = `${a.claim_id}:${a.line_id ?? 0}`;
      const entry = denied.get(key) ?? { claimId: a.claim_id, lineId: a.line_id, adjustments: [] };
      entry.adjustments.push({ group: a.group_code, reason: a.reason_code, amountCents: a.amount_cents });
      denied.set(key, entry);
    }
    if (denied.size === 0) return [];
    const remarks = new Map<string, string[]>();
    for (const r of this.#remarks.all(first, last) as { claim_id: number; line_id: number | null; code: string }[]) {
      const key = `${r.claim_id}:${r.line_id ?? 0}`;
      remarks.set(key, [...(remarks.get(key) ?? []), r.code]);
    }
    const lines = new Map<number, LineRow>();
    for (const l of this.#lines.all(first, last) as LineRow[]) lines.set(l.id, l);
    const out: DenialCandidate[] = [];
    for (const [key, entry] of denied) {
      const claim = byClaim.get(entry.claimId) as ClaimContext;
      const row = entry.lineId === null ? undefined : lines.get(entry.lineId);
      const claimRemarks = remarks.get(`${entry.claimId}:0`) ?? [];
      const lineRemarks = entry.lineId === null ? [] : (remarks.get(key) ?? []);
      out.push({
        claim,
        line:
          row === undefined
            ? null
            : {
                lineId: row.id,
                procedureCode: row.procedure_code,
                modifiers: row.modifiers === '' ? [] : row.modifiers.split(';'),
                chargeCents: row.charge_cents,
                paidCents: row.paid_cents,
                serviceDate: row.service_date ?? row.period_start ?? claim.statementFrom,
                chargePk: row.charge_id,
              },
        adjustments: entry.adjustments,
        remarks: [...new Set([...lineRemarks, ...claimRemarks])],
      });
    }
    return out;
  }
}
