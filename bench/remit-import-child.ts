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
  const adjustments = db.prepare('SELECT count(*) FROM remit_adjustments').pluck().get() as number;
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
  const line = db.prepare(`INSERT INTO remit_service_lines (claim_id, seq, svc_segment, procedure_qualifier, procedure_code, modifiers, charge_cents, paid_cents, units, service_date,
      line_control_number, allowed_cents, refs_json, amounts_json, link_method) VALUES (?, ?, ?, 'HC', '99213', 'Q1', 12345, 10000, 1, '2025-01-05', ?, 10000, ?, '[{"qualifier":"B6","cents":10000}]', 'UNMATCHED')`);
  const adjustment = db.prepare("INSERT INTO remit_adjustments (claim_id, line_id, seq, cas_segment, group_code, reason_code, amount_cents, quantity) VALUES (?, ?, 1, ?, 'CO', '45', 2345, NULL)");
  const people = '[{"entityCode":"QC","entityType":"1","lastName":"PATIENT","firstName":"TEST","middleName":null,"suffix":null,"idQualifier":"MI","id":"100000001A"}]';
  const dates = '[{"qualifier":"232","date":"2025-01-05"},{"qualifier":"233","date":"2025-01-05"}]';
  for (let c = 0; c < claims; c++) {
    const claimId = Number(claim.run(tx, c + 1, c * 15, `ACCT${c}`, `ICN${c}`, people, dates).lastInsertRowid);
    const perClaim = Math.round(((c + 1) * lines) / claims) - Math.round((c * lines) / claims);
    const lineIds: number[] = [];
    for (let l = 0; l < perClaim; l++) lineIds.push(Number(line.run(claimId, l + 1, c * 15 + l, `BCHG${c}-${l}`, `[{"qualifier":"6R","value":"BCHG${c}-${l}"}]`).lastInsertRowid));
    const perClaimAdj = Math.round(((c + 1) * adjustments) / claims) - Math.round((c * adjustments) / claims);
    for (let a = 0; a < perClaimAdj; a++) adjustment.run(claimId, lineIds[a % Math.max(1, lineIds.length)] ?? null, c * 15 + a);
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
