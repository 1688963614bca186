/**
 * Child-process body of the 835 import benchmark, so the parent measures an isolated process (time
 * and peak RSS). Modes:
 *   import <db> <file>   importRemittance + denial triage into an encrypted store (what the app does)
 *   parse <file>         our streaming reader alone, every event built, nothing stored
 *   split <file>         the baseline: read the file in 1 MiB chunks, decode, split into segments
 *   elements <file>      the split, plus every segment split into its elements
 *   floor <db> <claims> <lines> <adjustments>   the same number of rows inserted with constant values
 *                        into the same tables (no parsing, no linking): the cost of the storage alone
 * Prints one JSON line, then `PEAK_RSS_KB=` (read by bench/lib/measure.ts).
 */
import { createReadStream } from 'node:fs';
import { triageRemitFile } from '../db/denials/triage-file.ts';
import { importRemittance } from '../db/remit/import-835.ts';
import { read835File } from '../db/remit/read-835-file.ts';
import { openStore } from '../db/store/open-store.ts';
import { withPageCache } from '../db/store/page-cache.ts';

const [mode, ...rest] = process.argv.slice(2);

async function split(file: string, elements: boolean): Promise<unknown> {
  // The floor any 835 import has to pay: bytes from disk, decoded, cut at the segment terminator.
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let segments = 0;
  let fields = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split('~');
    carry = parts.pop() ?? '';
    segments += parts.length;
    if (elements) for (const part of parts) fields += part.split('*').length;
  }
  if (carry.trim() !== '') segments += 1;
  return { segments, fields };
}

async function parse(file: string): Promise<unknown> {
  let claims = 0;
  let lines = 0;
  for await (const event of read835File(file)) {
    if (event.kind !== 'claim') continue;
    claims += 1;
    lines += event.claim.lines.length;
  }
  return { claims, lines };
}

async function importAndTriage(dbPath: string, file: string): Promise<unknown> {
  const db = openStore({ path: dbPath, key: { kind: 'raw', hex: 'b2'.repeat(32) } });
  const started = performance.now();
  const outcome = await importRemittance(db, file);
  const importSeconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'imported') throw new Error(`import ${outcome.status}`);
  const t = performance.now();
  const triage = triageRemitFile(db, outcome.fileId);
  const triageSeconds = (performance.now() - t) / 1000;
  // For the store floor's row counts only: a small cache, so this scan of every claim and line (not
  // part of an import) does not raise the peak being measured.
  const adjustments = withPageCache(db, 2048, () => db.prepare('SELECT count(*) FROM remit_adjustments').pluck().get() as number);
  db.close();
  return { importSeconds, triageSeconds, counts: outcome.counts, adjustments, denials: triage.denials };
}

/** Inserts rows shaped like an import's (same columns, similar sizes) with nothing else going on. */
function storeFloor(dbPath: string, claims: number, lines: number, adjustments: number): unknown {
  const db = openStore({ path: dbPath, key: { kind: 'raw', hex: 'b2'.repeat(32) } });
  const started = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const batch = Number(db.prepare("INSERT INTO import_batches (source, started_at, finished_at) VALUES ('floor', '', '')").run().lastInsertRowid);
  const file = Number(db.prepare("INSERT INTO remit_files (batch_id, file_name, sha256, byte_size, imported_at) VALUES (?, 'floor', 'x', 0, '')").run(batch).lastInsertRowid);
  const tx = Number(
    db
      .prepare("INSERT INTO remit_transactions (file_id, seq, st_segment, control_number, handling_code, payment_cents, credit_debit, trace_type, trace_number, payer_name, payee_name, payer_json, payee_json, refs_json) VALUES (?, 1, 3, '0001', 'I', 0, 'C', '1', 'T', 'P', 'Q', '{}', '{}', '[]')")
      .run(file).lastInsertRowid,
  );
  const claim = db.prepare(`INSERT INTO remit_claims (transaction_id, seq, clp_segment, patient_control_number, status_code, total_charge_cents, paid_cents, filing_indicator, payer_claim_control_number,
      patient_last_name, patient_first_name, patient_id_qualifier, patient_member_id, statement_from, statement_to, people_json, refs_json, dates_json, amounts_json)
    VALUES (?, ?, ?, ?, '1', 12345, 10000, 'MB', ?, 'PATIENT', 'TEST', 'MI', '100000001A', '2025-01-05', '2025-01-05', ?, '[]', ?, '[]')`);
  // Adjustments live in their line's row as JSON tuples (migration 0040): the floor writes them there too.
  const line = db.prepare(`INSERT INTO remit_service_lines (claim_id, seq, svc_segment, procedure_qualifier, procedure_code, modifiers, charge_cents, paid_cents, units, service_date,
      line_control_number, allowed_cents, refs_json, amounts_json, adjustments_json, link_method) VALUES (?, ?, ?, 'HC', '99213', 'Q1', 12345, 10000, 1, '2025-01-05', ?, 10000, ?, '[["B6",10000]]', ?, 'UNMATCHED')`);
  const people = '[["QC","1","PATIENT","TEST",null,null,"MI","100000001A"]]';
  const dates = '[["232","2025-01-05"],["233","2025-01-05"]]';
  let lineNumber = 0;
  for (let c = 0; c < claims; c++) {
    const claimId = Number(claim.run(tx, c + 1, c * 15, `ACCT${c}`, `ICN${c}`, people, dates).lastInsertRowid);
    const perClaim = Math.round(((c + 1) * lines) / claims) - Math.round((c * lines) / claims);
    for (let l = 0; l < perClaim; l++) {
      const perLineAdj = Math.round(((lineNumber + 1) * adjustments) / lines) - Math.round((lineNumber * adjustments) / lines);
      lineNumber += 1;
      const adjustmentsJson = JSON.stringify(Array.from({ length: perLineAdj }, (_, a) => [c * 15 + l + a, 'CO', '45', 2345, null]));
      line.run(claimId, l + 1, c * 15 + l, `BCHG${c}-${l}`, `[["6R","BCHG${c}-${l}"]]`, adjustmentsJson);
    }
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds };
}

const file = rest.at(-1) as string;
const result =
  mode === 'import'
    ? await importAndTriage(rest[0] as string, file)
    : mode === 'parse'
      ? await parse(file)
      : mode === 'floor'
        ? storeFloor(rest[0] as string, Number(rest[1]), Number(rest[2]), Number(rest[3]))
        : await split(file, mode === 'elements');
console.log(JSON.stringify(result));
console.log(`PEAK_RSS_KB=${process.resourceUsage().maxRSS}`);
