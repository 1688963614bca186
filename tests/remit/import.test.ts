/**
 * importRemittance: every sample imports with its hand-read figures, all or nothing, once; malformed
 * files are refused with the segment-numbered error and leave the store untouched.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importRemittance } from '../../db/remit/import-835.ts';
import type { RemitImportOutcome } from '../../shared/remit/import-result.ts';
import { fixturePath, readSample, SAMPLE_FILES, SAMPLES_DIR, samplePath } from '../x12/sample-files.ts';
import { countRows, FIXED_NOW, freshStore } from './store-helpers.ts';

function imported(outcome: RemitImportOutcome): Extract<RemitImportOutcome, { status: 'imported' }> {
  if (outcome.status !== 'imported') throw new Error(`expected imported, got ${JSON.stringify(outcome)}`);
  return outcome;
}

let db: Db;
beforeEach(() => {
  db = freshStore();
});
const tempDir = mkdtempSync(join(tmpdir(), 'trialledger-835-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('importRemittance on the public samples', () => {
  // [file, segments, transactions, claims, lines, sum BPR02, sum CLP04, imbalances], read by hand from each file.
  const EXPECTED = [
    ['linuxforhealth/cob-contractural-adjustment.835', 29, 1, 1, 1, 3_400, 3_400, 0],
    ['linuxforhealth/managed-care.835', 30, 1, 2, 2, 94_500, 94_500, 0],
    ['linuxforhealth/medicare-part-a.835', 32, 1, 2, 0, 15_000_000, 14_999_873, 0],
    ['linuxforhealth/secondary-payment.835', 42, 1, 2, 2, 122_200, 122_200, 0],
    ['linuxforhealth/tertiary-payment.835', 27, 1, 1, 1, 18_750, 18_750, 1],
    ['pyx12/835_mult_loops.835', 35, 1, 1, 3, 0, 0, 0],
    ['tastypackets/profee.835', 69, 1, 3, 10, 4_575, 4_575, 0],
    ['tastypackets/profee-one-line.835', 69, 1, 3, 10, 4_575, 4_575, 0],
    ['tastypackets/multi-line-not-delimited.835', 69, 1, 3, 10, 4_575, 4_575, 0],
    ['tastypackets/profee-multiple.835', 10_764, 156, 468, 1_560, 713_700, 713_700, 0],
  ] as const;

  it('covers every .835 file of the samples folder', () => {
    const onDisk = readdirSync(SAMPLES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.835')).map((f) => f.replaceAll('\\', '/'));
    expect([...onDisk].sort()).toEqual([...SAMPLE_FILES].sort());
    expect(EXPECTED.map((e) => e[0]).sort()).toEqual([...SAMPLE_FILES].sort());
  });

  it.each(EXPECTED)('%s imports: %i segments, %i transactions, %i claims, %i lines', async (name, segments, transactions, claims, lines, paid, claimPaid, imbalances) => {
    const outcome = imported(await importRemittance(db, samplePath(name), { now: FIXED_NOW, chunkBytes: 4_096 }));
    expect(outcome.counts).toMatchObject({ segments, transactions, claims, lines, totalPaidCents: paid, claimPaidCents: claimPaid, imbalances });
    const file = db.prepare('SELECT * FROM remit_files WHERE id = ?').get(outcome.fileId) as Record<string, unknown>;
    expect(file).toMatchObject({ segment_count: segments, transaction_count: transactions, claim_count: claims, line_count: lines, total_paid_cents: paid, imbalance_count: imbalances });
    expect(db.prepare('SELECT count(*) FROM remit_service_lines').pluck().get()).toBe(lines);
    expect(db.prepare('SELECT coalesce(sum(paid_cents), 0) FROM remit_claims').pluck().get()).toBe(claimPaid);
  });

  it('stores every CAS triplet at its level (secondary-payment: claim OA-23; line PR-1, PR-2, CO-42)', async () => {
    imported(await importRemittance(db, samplePath('linuxforhealth/secondary-payment.835'), { now: FIXED_NOW }));
    const rows = db
      .prepare(
        `SELECT c.seq AS claim, l.seq AS line, a.group_code || '-' || a.reason_code || ':' || a.amount_cents AS cas
         FROM remit_adjustments a JOIN remit_claims c ON c.id = a.claim_id LEFT JOIN remit_service_lines l ON l.id = a.line_id ORDER BY a.cas_segment, a.seq`,
      )
      .all();
    expect(rows).toEqual([
      { claim: 1, line: null, cas: 'OA-23:941164' },
      { claim: 2, line: 1, cas: 'OA-23:13650' },
      { claim: 2, line: 2, cas: 'PR-1:15000' },
      { claim: 2, line: 2, cas: 'PR-2:7000' },
      { claim: 2, line: 2, cas: 'CO-42:8500' },
    ]);
    expect(db.prepare("SELECT procedure_code, modifiers FROM remit_service_lines ORDER BY id").all()).toEqual([
      { procedure_code: '12345', modifiers: '26' },
      { procedure_code: '66543', modifiers: '26' },
    ]);
  });

  it('stores the transaction header, the PLB pair and the MOA remark (medicare-part-a)', async () => {
    imported(await importRemittance(db, samplePath('linuxforhealth/medicare-part-a.835'), { now: FIXED_NOW }));
    expect(db.prepare('SELECT control_number, handling_code, payment_cents, credit_debit, payment_method, payment_date, trace_number, payer_name, payer_id, payee_name, payee_id, claim_paid_cents, plb_total_cents FROM remit_transactions').get()).toEqual({
      control_number: '1234',
      handling_code: 'C',
      payment_cents: 15_000_000,
      credit_debit: 'C',
      payment_method: 'ACH',
      payment_date: '2002-09-13',
      trace_number: '12345',
      payer_name: 'INSURANCE COMPANY OF TIMBUCKTU',
      payer_id: '999',
      payee_name: 'REGIONAL HOPE HOSPITAL',
      payee_id: '6543210903',
      claim_paid_cents: 14_999_873,
      plb_total_cents: -127,
    });
    expect(db.prepare('SELECT provider_id, fiscal_period_date, reason_code, reference, amount_cents FROM remit_plb_adjustments').all()).toEqual([
      { provider_id: '6543210903', fiscal_period_date: '2002-12-31', reason_code: 'CV', reference: 'CP', amount_cents: -127 },
    ]);
    expect(db.prepare("SELECT c.patient_control_number AS pcn, r.source, r.code FROM remit_remarks r JOIN remit_claims c ON c.id = r.claim_id").all()).toEqual([
      { pcn: '777777', source: 'MOA', code: 'MA02' },
    ]);
  });

  it('stores LQ remarks per line and the notice of an impossible date', async () => {
    imported(await importRemittance(db, samplePath('pyx12/835_mult_loops.835'), { now: FIXED_NOW }));
    expect(db.prepare('SELECT count(*) FROM remit_remarks WHERE line_id IS NOT NULL AND code = ?').pluck().get('N14')).toBe(3);
    const outcome = imported(await importRemittance(db, samplePath('linuxforhealth/managed-care.835'), { now: FIXED_NOW }));
    expect(outcome.notices).toEqual(['segment 4 (BPR): BPR16 is not a real CCYYMMDD date; it was left empty']);
    expect(JSON.parse(db.prepare('SELECT notices_json FROM remit_transactions WHERE file_id = ?').pluck().get(outcome.fileId) as string)).toEqual(outcome.notices);
  });

  it('stores and reports the imbalance of tertiary-payment without refusing the file', async () => {
    const outcome = imported(await importRemittance(db, samplePath('linuxforhealth/tertiary-payment.835'), { now: FIXED_NOW }));
    expect(outcome.imbalances).toHaveLength(1);
    const row = db.prepare('SELECT level, segment_number, expected_cents, actual_cents, line_id IS NOT NULL AS has_line, claim_id IS NOT NULL AS has_claim FROM remit_imbalances').get();
    expect(row).toEqual({ level: 'line', segment_number: 20, expected_cents: 2_302_000, actual_cents: 176_650, has_line: 1, has_claim: 1 });
  });

  it('a second import of the same bytes is unchanged and writes nothing', async () => {
    const first = imported(await importRemittance(db, samplePath('tastypackets/profee.835'), { now: FIXED_NOW }));
    const before = countRows(db);
    const again = await importRemittance(db, samplePath('tastypackets/profee.835'), { now: FIXED_NOW });
    expect(again).toMatchObject({ status: 'unchanged', sha256: first.sha256, previous: { fileId: first.fileId, batchId: first.batchId } });
    expect(countRows(db)).toEqual(before);
    // A different layout of the same content is a different file: it imports.
    expect((await importRemittance(db, samplePath('tastypackets/profee-one-line.835'), { now: FIXED_NOW })).status).toBe('imported');
  });
});

describe('imbalance fixtures in the store', () => {
  it.each([
    ['imbalance-line.835', 'line', 8_000, 8_500],
    ['imbalance-claim.835', 'claim', 8_000, 7_000],
    ['imbalance-transaction.835', 'transaction', 8_000, 9_000],
  ])('%s stores exactly one %s imbalance', async (name, level, expected, actual) => {
    const outcome = imported(await importRemittance(db, fixturePath(name), { now: FIXED_NOW }));
    expect(outcome.counts.imbalances).toBe(1);
    expect(db.prepare('SELECT level, expected_cents, actual_cents FROM remit_imbalances').all()).toEqual([{ level, expected_cents: expected, actual_cents: actual }]);
  });
});

describe('trial fixtures in the store', () => {
  it.each(['trial-co16-ma50-ma130.835', 'trial-co109-medicare-advantage.835', 'trial-co50-routine.835', 'trial-co50-sponsor.835', 'trial-co55-experimental.835'])(
    '%s imports balanced, its denial CARC stored at line level',
    async (name) => {
      const outcome = imported(await importRemittance(db, fixturePath(name), { now: FIXED_NOW }));
      expect(outcome.counts).toMatchObject({ transactions: 1, claims: 1, imbalances: 0 });
      const denial = db.prepare("SELECT reason_code FROM remit_adjustments WHERE line_id IS NOT NULL AND reason_code IN ('16', '50', '55', '109')").pluck().all();
      expect(denial).toHaveLength(1);
    },
  );

  it('stores the MA50 and MA130 remarks of the CO-16 line', async () => {
    imported(await importRemittance(db, fixturePath('trial-co16-ma50-ma130.835'), { now: FIXED_NOW }));
    expect(db.prepare("SELECT l.line_control_number AS line, r.code FROM remit_remarks r JOIN remit_service_lines l ON l.id = r.line_id ORDER BY r.line_id, r.seq").all()).toEqual([
      { line: 'CHG-000123', code: 'MA50' },
      { line: 'CHG-000123', code: 'MA130' },
    ]);
  });
});

describe('refusals write nothing', () => {
  it.each([
    ['malformed-truncated.835', 'TRUNCATED', 15, 'CLP'],
    ['malformed-missing-iea.835', 'TRUNCATED', 26, 'IEA'],
    ['malformed-wrong-separators.835', 'BAD_SEGMENT', 2, null],
    ['malformed-image.png', 'NOT_X12', 1, null],
    ['malformed-empty.835', 'EMPTY', 1, null],
    ['malformed-short-isa.835', 'BAD_ISA', 1, 'ISA'],
    ['malformed-se-count.835', 'SEGMENT_COUNT', 24, 'SE'],
  ])('%s is refused (%s at segment %i)', async (name, code, segmentNumber, segmentId) => {
    const outcome = await importRemittance(db, fixturePath(name), { now: FIXED_NOW, chunkBytes: 64 });
    expect(outcome).toMatchObject({ status: 'refused', error: { code, segmentNumber, segmentId } });
    expect(Object.values(countRows(db)).every((n) => n === 0)).toBe(true);
  });

  it('a file cut after many claims rolls back the claims already written', async () => {
    const text = readSample('tastypackets/profee-multiple.835');
    const path = join(tempDir, 'cut.835');
    writeFileSync(path, text.slice(0, Math.floor(text.length * 0.9)));
    const outcome = await importRemittance(db, path, { now: FIXED_NOW, chunkBytes: 1_024 });
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'TRUNCATED' } });
    expect(Object.values(countRows(db)).every((n) => n === 0)).toBe(true);
  });

  it('a missing file is refused as unreadable', async () => {
    expect(await importRemittance(db, fixturePath('no-such-file.835'))).toMatchObject({ status: 'refused', error: { code: 'UNREADABLE', segmentNumber: null } });
  });
});

describe('progress and cancellation', () => {
  it('reports progress in bytes and claims', async () => {
    const seen: { bytesDone: number; rowsDone: number }[] = [];
    imported(await importRemittance(db, samplePath('tastypackets/profee-multiple.835'), { now: FIXED_NOW, onProgress: (p) => seen.push(p) }));
    expect(seen.at(-1)).toMatchObject({ file: 'profee-multiple.835', bytesDone: 282_983, bytesTotal: 282_983, rowsDone: 468 });
  });

  it('cancelling rolls everything back', async () => {
    let chunks = 0;
    const outcome = await importRemittance(db, samplePath('tastypackets/profee-multiple.835'), { now: FIXED_NOW, chunkBytes: 4_096, isCancelled: () => ++chunks > 3 });
    expect(outcome.status).toBe('cancelled');
    expect(Object.values(countRows(db)).every((n) => n === 0)).toBe(true);
  });
});
