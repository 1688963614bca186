/**
 * Links a remittance service line to the charge it pays. First choice is REF*6R, the line item
 * control number the 837 carried and the payer echoes, which we bill as our charge id [BRIEF 4.1].
 * Without it (or when it names no charge): the claim's patient control number (CLP01 = our account
 * number), the procedure code (SVC01, or SVC06 when the payer changed the code) and the date of
 * service: DTM*472, else the DTM*150/151 period, else the claim statement dates (DTM*232/233).
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Claim835, ServiceLine835 } from '../../shared/x12/model.ts';

export type LinkMethod = 'REF_6R' | 'ACCOUNT_CODE_DATE' | 'ACCOUNT_CODE_PERIOD' | 'ACCOUNT_CODE_STATEMENT' | 'AMBIGUOUS' | 'UNMATCHED';

export interface ChargeLink {
  readonly chargeId: number | null;
  readonly method: LinkMethod;
}

/** What linking needs to know of a line; built from the parsed model or from stored rows. */
export interface LineLinkKey {
  readonly lineControlNumber: string | null;
  readonly accountId: string;
  readonly codes: readonly string[];
  readonly modifiers: string;
  readonly chargeCents: number;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  readonly dateSource: 'ACCOUNT_CODE_DATE' | 'ACCOUNT_CODE_PERIOD' | 'ACCOUNT_CODE_STATEMENT' | null;
}

interface Candidate {
  readonly id: number;
  readonly charge_amount_cents: number;
  readonly modifiers: string;
  readonly units: number;
}

/** The claim fields linking reads. */
export type ClaimLinkFields = Pick<Claim835, 'patientControlNumber' | 'statementFrom' | 'statementTo'>;

/** The line fields linking reads (from the parsed SVC loop or a stored row). */
export interface LineLinkFields {
  readonly lineControlNumber: string | null;
  readonly code: string;
  readonly originalCode: string | null;
  readonly modifiers: string;
  readonly chargeCents: number;
  readonly serviceDate: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

export function lineLinkFields(line: ServiceLine835): LineLinkFields {
  return {
    lineControlNumber: line.lineControlNumber,
    code: line.procedure.code,
    originalCode: line.originalProcedure?.code ?? null,
    modifiers: line.procedure.modifiers.join(';'),
    chargeCents: line.chargeCents,
    serviceDate: line.serviceDate,
    periodStart: line.periodStart,
    periodEnd: line.periodEnd,
  };
}

/** The date window of a line: its own date, else its period, else the claim's statement period. */
export function lineLinkKey(claim: ClaimLinkFields, line: LineLinkFields): LineLinkKey {
  const codes = [line.code, line.originalCode ?? ''].filter((code, i, all) => code !== '' && all.indexOf(code) === i);
  let window: Pick<LineLinkKey, 'dateFrom' | 'dateTo' | 'dateSource'> = { dateFrom: null, dateTo: null, dateSource: null };
  if (line.serviceDate) window = { dateFrom: line.serviceDate, dateTo: line.serviceDate, dateSource: 'ACCOUNT_CODE_DATE' };
  else if (line.periodStart || line.periodEnd) {
    window = { dateFrom: line.periodStart ?? line.periodEnd, dateTo: line.periodEnd ?? line.periodStart, dateSource: 'ACCOUNT_CODE_PERIOD' };
  } else if (claim.statementFrom || claim.statementTo) {
    window = { dateFrom: claim.statementFrom ?? claim.statementTo, dateTo: claim.statementTo ?? claim.statementFrom, dateSource: 'ACCOUNT_CODE_STATEMENT' };
  }
  return { lineControlNumber: line.lineControlNumber, accountId: claim.patientControlNumber, codes, modifiers: line.modifiers, chargeCents: line.chargeCents, ...window };
}

/** Keeps the candidates passing `test`, unless none would: each narrowing step is a preference. */
function prefer(candidates: Candidate[], test: (c: Candidate) => boolean): Candidate[] {
  const kept = candidates.filter(test);
  return kept.length > 0 ? kept : candidates;
}

/** The charge a line's key finds among `candidates` (its account's charges of its codes, in the window). */
function chooseCharge(key: LineLinkKey, found: Candidate[], taken: ReadonlySet<number>): ChargeLink {
  if (found.length === 0) return { chargeId: null, method: 'UNMATCHED' };
  let candidates = prefer(found, (c) => !taken.has(c.id));
  candidates = prefer(candidates, (c) => c.charge_amount_cents === key.chargeCents);
  candidates = prefer(candidates, (c) => c.modifiers === key.modifiers);
  const first = candidates[0] as Candidate;
  // Several charges left that differ in nothing we can see are interchangeable: take the oldest.
  const alike = candidates.every((c) => c.charge_amount_cents === first.charge_amount_cents && c.modifiers === first.modifiers && c.units === first.units);
  if (candidates.length > 1 && !alike) return { chargeId: null, method: 'AMBIGUOUS' };
  return { chargeId: first.id, method: key.dateSource as NonNullable<LineLinkKey['dateSource']> };
}

/** Whether the key can link by account + code + date at all. */
const hasWindow = (key: LineLinkKey): boolean => key.dateSource !== null && key.codes.length > 0;

interface AccountCandidate extends Candidate {
  readonly service_date: string;
}

const pairKey = (accountId: string, code: string): string => `${accountId}\u0000${code}`;

/**
 * Links remittance lines to charges, a batch of lines at a time: `load` reads, in two queries, the
 * charges the batch may link to (by REF*6R, and by account + code); `link` then decides each line
 * from memory. The import links ~200,000 lines per 100,000 claims, where two statements per line
 * cost more than a second.
 */
export class BatchChargeLinker {
  readonly #byChargeIds: Statement;
  readonly #byAccountCodes: Statement;
  #chargeIds = new Map<string, number>();
  #byPair = new Map<string, AccountCandidate[]>();

  constructor(db: Db) {
    this.#byChargeIds = db.prepare('SELECT charge_id AS chargeId, id FROM charges WHERE charge_id IN (SELECT value FROM json_each(?))');
    this.#byAccountCodes = db.prepare(
      `SELECT c.id, c.account_id, c.cpt_hcpcs, c.service_date, c.charge_amount_cents, c.modifiers, c.units
       FROM json_each(?) p CROSS JOIN charges c ON c.account_id = p.value ->> 0 AND c.cpt_hcpcs = p.value ->> 1 ORDER BY c.id`,
    );
  }

  /** Reads the charges the lines of `keys` may link to (replacing what an earlier call read). */
  load(keys: readonly LineLinkKey[]): void {
    const controlNumbers = new Set<string>();
    for (const key of keys) if (key.lineControlNumber) controlNumbers.add(key.lineControlNumber);
    this.#chargeIds = new Map();
    if (controlNumbers.size > 0) {
      for (const row of this.#byChargeIds.all(JSON.stringify([...controlNumbers])) as { chargeId: string; id: number }[]) this.#chargeIds.set(row.chargeId, row.id);
    }
    const pairs = new Map<string, [string, string]>();
    for (const key of keys) {
      if ((key.lineControlNumber && this.#chargeIds.has(key.lineControlNumber)) || !hasWindow(key)) continue;
      for (const code of key.codes) pairs.set(pairKey(key.accountId, code), [key.accountId, code]);
    }
    this.#byPair = new Map();
    if (pairs.size === 0) return;
    for (const row of this.#byAccountCodes.all(JSON.stringify([...pairs.values()])) as (AccountCandidate & { account_id: string; cpt_hcpcs: string })[]) {
      const key = pairKey(row.account_id, row.cpt_hcpcs);
      const list = this.#byPair.get(key);
      if (list) list.push(row);
      else this.#byPair.set(key, [row]);
    }
  }

  /**
   * Finds the charge of one line of the last batch loaded. `taken` holds charges already linked to
   * other lines of the same claim: two identical lines (same code, date and amount) then link to two
   * different charges.
   */
  link(key: LineLinkKey, taken: ReadonlySet<number>): ChargeLink {
    if (key.lineControlNumber) {
      const id = this.#chargeIds.get(key.lineControlNumber);
      if (id !== undefined) return { chargeId: id, method: 'REF_6R' };
    }
    if (!hasWindow(key)) return { chargeId: null, method: 'UNMATCHED' };
    const from = key.dateFrom as string;
    const to = key.dateTo as string;
    const seen = new Set<number>();
    const candidates: Candidate[] = [];
    for (const code of key.codes) {
      // service_date BETWEEN from AND to, as SQLite compares TEXT (ISO dates: plain ASCII order).
      for (const row of this.#byPair.get(pairKey(key.accountId, code)) ?? []) {
        if (row.service_date < from || row.service_date > to || seen.has(row.id)) continue;
        candidates.push(row);
        seen.add(row.id);
      }
    }
    return chooseCharge(key, candidates, taken);
  }
}

interface UnlinkedRow {
  readonly id: number;
  readonly claim_id: number;
  readonly line_control_number: string | null;
  readonly patient_control_number: string;
  readonly procedure_code: string;
  readonly original_procedure_code: string | null;
  readonly modifiers: string;
  readonly charge_cents: number;
  readonly service_date: string | null;
  readonly period_start: string | null;
  readonly period_end: string | null;
  readonly statement_from: string | null;
  readonly statement_to: string | null;
}

/** Claims per read while relinking: bounds memory whatever the number of unlinked lines. */
const RELINK_WINDOW = 2_000;

/**
 * Tries again to link the lines that found no charge (charges imported after the remittance), a
 * window of claim ids at a time. Returns how many lines it linked.
 */
export function relinkUnlinkedLines(db: Db): number {
  // Served by the partial index remit_service_lines_unlinked: nothing unlinked, nothing read.
  const range = db.prepare('SELECT min(claim_id) AS first, max(claim_id) AS last FROM remit_service_lines WHERE charge_id IS NULL').get() as {
    first: number | null;
    last: number | null;
  };
  if (range.first === null || range.last === null) return 0;
  const { first, last } = range;
  const linker = new BatchChargeLinker(db);
  const unlinked = db.prepare(
    `SELECT l.id, l.claim_id, l.line_control_number, c.patient_control_number, l.procedure_code, l.original_procedure_code, l.modifiers,
            l.charge_cents, l.service_date, l.period_start, l.period_end, c.statement_from, c.statement_to
     FROM remit_service_lines l CROSS JOIN remit_claims c ON c.id = l.claim_id
     WHERE l.charge_id IS NULL AND l.claim_id BETWEEN ? AND ? ORDER BY l.claim_id, l.seq`,
  );
  const linkedIn = db.prepare('SELECT claim_id AS claimId, charge_id AS chargeId FROM remit_service_lines WHERE claim_id BETWEEN ? AND ? AND charge_id IS NOT NULL');
  const update = db.prepare('UPDATE remit_service_lines SET charge_id = ?, link_method = ? WHERE id = ?');
  let linked = 0;
  db.transaction(() => {
    for (let from = first; from <= last; from += RELINK_WINDOW) {
      const to = Math.min(from + RELINK_WINDOW - 1, last);
      const rows = unlinked.all(from, to) as UnlinkedRow[];
      if (rows.length === 0) continue;
      // The charges each claim's other lines already hold.
      const taken = new Map<number, Set<number>>();
      for (const { claimId, chargeId } of linkedIn.all(from, to) as { claimId: number; chargeId: number }[]) {
        const set = taken.get(claimId);
        if (set) set.add(chargeId);
        else taken.set(claimId, new Set([chargeId]));
      }
      const keys = rows.map((row) =>
        lineLinkKey(
          { patientControlNumber: row.patient_control_number, statementFrom: row.statement_from, statementTo: row.statement_to },
          {
            lineControlNumber: row.line_control_number,
            code: row.procedure_code,
            originalCode: row.original_procedure_code,
            modifiers: row.modifiers,
            chargeCents: row.charge_cents,
            serviceDate: row.service_date,
            periodStart: row.period_start,
            periodEnd: row.period_end,
          },
        ),
      );
      linker.load(keys);
      rows.forEach((row, i) => {
        const claimTaken = taken.get(row.claim_id) ?? new Set<number>();
        const link = linker.link(keys[i] as LineLinkKey, claimTaken);
        if (link.chargeId === null) return;
        update.run(link.chargeId, link.method, row.id);
        claimTaken.add(link.chargeId);
        taken.set(row.claim_id, claimTaken);
        linked += 1;
      });
    }
  })();
  return linked;
}
