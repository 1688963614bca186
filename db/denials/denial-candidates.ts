/**
 * Finds the denied lines of an imported remittance. A line is denied when at least one of its
 * adjustments is read as a denial (shared/remit triageAdjustment: not contractual, not patient
 * responsibility) with a positive amount: the payer paid nothing, or less, for a reason someone must
 * work [BRIEF 4.2: denial is read from CAS and remarks, never from CLP02 alone]. Claim-level denial
 * adjustments make a claim-level denial. Reversals (CLP02 = 22) take money back and are not denials.
 * The import marks the claims and lines that have such an adjustment (has_denial), so only those are
 * read, in windows of claim ids: a 100,000-claim file never sits in memory.
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

/** Claims per window of the file's claim ids: each window's candidates are read, then yielded. */
const WINDOW = 5_000;

// CROSS JOIN keeps remit_claims the outer loop: the claim is found by id, then its transaction and file.
export const CLAIM_CONTEXT_SQL = `
  SELECT c.id AS claimId, t.file_id AS fileId, c.patient_control_number AS patientControlNumber, c.filing_indicator AS filingIndicator,
         c.total_charge_cents AS totalChargeCents, c.paid_cents AS paidCents, c.statement_from AS statementFrom,
         t.payer_name AS payerName, t.payer_id AS payerId,
         coalesce(t.production_date, t.payment_date, substr(f.imported_at, 1, 10)) AS remitDate
  FROM remit_claims c CROSS JOIN remit_transactions t ON t.id = c.transaction_id CROSS JOIN remit_files f ON f.id = t.file_id`;

interface CandidateRow {
  claim_id: number;
  line_id: number | null;
  claim_adjustments: string;
  claim_remarks: string;
  procedure_code: string | null;
  modifiers: string | null;
  charge_cents: number | null;
  paid_cents: number | null;
  service_date: string | null;
  period_start: string | null;
  charge_id: number | null;
  adjustments: string | null;
  remarks: string | null;
}

type AdjustmentTuple = [segment: number, group: string, reason: string, cents: number, quantity: number | null];

/** The adjustments triage works: those read as a denial, with a positive amount, in file order. */
function denialAdjustments(text: string): DenialAdjustment[] {
  const out: DenialAdjustment[] = [];
  for (const [, group, reason, cents] of JSON.parse(text) as AdjustmentTuple[]) {
    if (cents > 0 && triageAdjustment(group, reason) === 'denial') out.push({ group, reason, amountCents: cents });
  }
  return out;
}

const remarkCodes = (text: string): string[] => (JSON.parse(text) as [string, string][]).map(([, code]) => code);

/**
 * Reads the denial candidates of a file, a window of claim ids at a time. Only the claims and lines
 * the import marked has_denial are read (remit_claims_denied, remit_service_lines_denied): about one
 * line in seventeen, instead of every claim, line and adjustment of the file.
 */
export class CandidateReader {
  readonly #range: Statement;
  readonly #candidates: Statement;
  readonly #claims: Statement;

  constructor(db: Db) {
    this.#range = db.prepare(
      'SELECT min(c.id) AS first, max(c.id) AS last FROM remit_transactions t CROSS JOIN remit_claims c ON c.transaction_id = t.id WHERE t.file_id = ?',
    );
    // Claim-level candidates (line_id NULL) before the lines of the same claim, lines in id order: the
    // order the denials are numbered in.
    this.#candidates = db.prepare(
      `SELECT c.id AS claim_id, NULL AS line_id, c.adjustments_json AS claim_adjustments, c.remarks_json AS claim_remarks,
              NULL AS procedure_code, NULL AS modifiers, NULL AS charge_cents, NULL AS paid_cents, NULL AS service_date, NULL AS period_start,
              NULL AS charge_id, NULL AS adjustments, NULL AS remarks
       FROM remit_claims c WHERE c.has_denial = 1 AND c.id BETWEEN ? AND ?
       UNION ALL
       SELECT l.claim_id, l.id, c.adjustments_json, c.remarks_json, l.procedure_code, l.modifiers, l.charge_cents, l.paid_cents, l.service_date,
              l.period_start, l.charge_id, l.adjustments_json, l.remarks_json
       FROM remit_service_lines l CROSS JOIN remit_claims c ON c.id = l.claim_id WHERE l.has_denial = 1 AND l.claim_id BETWEEN ? AND ?
       ORDER BY 1, 2`,
    );
    this.#claims = db.prepare(
      `${CLAIM_CONTEXT_SQL} WHERE c.id IN (SELECT value FROM json_each(?)) AND t.file_id = ? AND c.status_code <> '${REVERSAL_STATUS}'`,
    );
  }

  /** The candidates of a file, window by window (each window is fully read before it is yielded). */
  *file(fileId: number): Generator<DenialCandidate[]> {
    const range = this.#range.get(fileId) as { first: number | null; last: number | null };
    if (range.first === null || range.last === null) return;
    for (let from = range.first; from <= range.last; from += WINDOW) {
      const to = Math.min(from + WINDOW - 1, range.last);
      const rows = this.#candidates.all(from, to, from, to) as CandidateRow[];
      if (rows.length > 0) yield this.#build(fileId, rows);
    }
  }

  #build(fileId: number, rows: readonly CandidateRow[]): DenialCandidate[] {
    // The file's claims among the candidates' (a reversal takes money back: it is no denial).
    const ids = [...new Set(rows.map((r) => r.claim_id))];
    const claims = new Map((this.#claims.all(JSON.stringify(ids), fileId) as ClaimContext[]).map((c) => [c.claimId, c]));
    const out: DenialCandidate[] = [];
    for (const row of rows) {
      const claim = claims.get(row.claim_id);
      if (claim === undefined) continue;
      const adjustments = denialAdjustments(row.line_id === null ? row.claim_adjustments : (row.adjustments as string));
      if (adjustments.length === 0) continue;
      const claimRemarks = remarkCodes(row.claim_remarks);
      const lineRemarks = row.line_id === null ? [] : remarkCodes(row.remarks as string);
      out.push({
        claim,
        line:
          row.line_id === null
            ? null
            : {
                lineId: row.line_id,
                procedureCode: row.procedure_code as string,
                modifiers: row.modifiers === '' || row.modifiers === null ? [] : row.modifiers.split(';'),
                chargeCents: row.charge_cents as number,
                paidCents: row.paid_cents as number,
                serviceDate: row.service_date ?? row.period_start ?? claim.statementFrom,
                chargePk: row.charge_id,
              },
        adjustments,
        remarks: [...new Set([...lineRemarks, ...claimRemarks])],
      });
    }
    return out;
  }
}
