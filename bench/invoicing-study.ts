/**
 * Generates the invoicing benchmark study straight into an encrypted store (no CSV round trip):
 * 500 subjects, 40 completed visits each (20,000 visits), 5 calendar items per visit (3 sponsor-paid,
 * 1 needing sponsor approval, 1 routine), 3 screen failures, and 1,000 invoices issued through the
 * real issue path (numbering, totals check, GENERATED history lines), each billing ~20 visits (~60
 * lines); the last 100 visits stay unbilled. 700 invoices are paid (600 in full, 100 in part).
 * Usage: node bench/invoicing-study.ts <db>   (raw key a1 x 32, as the other benchmarks)
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { addDays } from '../shared/domain/dates.ts';
import { sumLines } from '../shared/invoicing/line-math.ts';
import { insertDraftRow } from '../db/invoicing/drafts.ts';
import { issueInvoice } from '../db/invoicing/issue.ts';
import { insertLines } from '../db/invoicing/line-store.ts';
import { recordPayment } from '../db/invoicing/payments.ts';
import { invoiceableLine, visitItemKey, type CandidateLine } from '../db/invoicing/propose.ts';
import { requireStudy } from '../db/invoicing/study-terms.ts';
import { saveSiteSettings } from '../db/invoicing/site-settings.ts';
import { priceLine } from '../shared/invoicing/line-math.ts';
import { openStore } from '../db/store/open-store.ts';

export const BENCH_KEY = { kind: 'raw', hex: 'a1'.repeat(32) } as const;
export const STUDY = 'BENCH-500';
const SUBJECTS = 500;
const VISITS = 40;
const INVOICES = 1_000;
const UNBILLED_VISITS = 100;
const NOW = new Date('2027-01-15T12:00:00Z');

function setUp(db: Db): void {
  const batch = Number(db.prepare("INSERT INTO import_batches (source, started_at, finished_at) VALUES ('bench', 'x', 'x')").run().lastInsertRowid);
  const study = Number(
    db
      .prepare("INSERT INTO studies (study_id, protocol_number, title, sponsor, nct_number, qualifying_trial, overhead_bp, holdback_bp, payment_terms_days, batch_id) VALUES (?, 'BX-500', 'Benchmark study with 500 subjects', 'Bench Pharma', 'NCT05000000', 1, 2600, 1000, 45, ?)")
      .run(STUDY, batch).lastInsertRowid,
  );
  const arm = Number(db.prepare("INSERT INTO arms (study_id, name) VALUES (?, 'A')").run(study).lastInsertRowid);
  const visit = db.prepare('INSERT INTO calendar_visits (arm_id, visit_code, visit_name, visit_day, window_before_days, window_after_days) VALUES (?, ?, ?, ?, 3, 3)');
  const item = db.prepare("INSERT INTO calendar_items (visit_id, cpt_hcpcs, procedure_name, designation, sponsor_price_cents, requires_preapproval, promised_free, source_line, batch_id) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)");
  const visitIds: number[] = [];
  for (let v = 0; v < VISITS; v++) {
    const id = Number(visit.run(arm, `V${String(v + 1).padStart(2, '0')}`, `Visit ${v + 1}`, v * 14).lastInsertRowid);
    visitIds.push(id);
    item.run(id, '80061', 'Lipid panel', 'SPONSOR', 4200 + v, 0, batch);
    item.run(id, '93000', 'ECG', 'SPONSOR', 6255 + v, 0, batch);
    item.run(id, '71260', 'CT chest', 'SPONSOR', 45_000 + v * 7, 0, batch);
    item.run(id, '78815', 'PET/CT (optional)', 'SPONSOR', 120_000, 1, batch);
    item.run(id, '80053', 'Metabolic panel', 'SOC', null, 0, batch);
  }
  db.prepare("INSERT INTO invoiceables (study_id, item_code, description, amount_cents, kind, holdback_exempt, overhead_exempt) VALUES (?, 'SCRFAIL', 'Screen failure', 85000, 'SCREEN_FAILURE', 0, 0), (?, 'STARTUP', 'Start-up fee', 1200000, 'ONE_TIME', 1, 0)").run(study, study);
  const subject = db.prepare("INSERT INTO subjects (study_id, subject_id, mrn, arm_id, consent_date, start_date, payer_type, status) VALUES (?, ?, ?, ?, ?, ?, 'MEDICARE', 'ENROLLED')");
  const ctms = db.prepare("INSERT INTO ctms_visits (subject_id, visit_id, visit_date, status) VALUES (?, ?, ?, 'COMPLETED')");
  for (let s = 0; s < SUBJECTS; s++) {
    const start = addDays('2023-01-02', s * 2);
    const pk = Number(subject.run(study, `S${String(s + 1).padStart(4, '0')}`, `MRN9${String(s).padStart(5, '0')}`, arm, addDays(start, -10), start).lastInsertRowid);
    visitIds.forEach((v, i) => ctms.run(pk, v, addDays(start, i * 14)));
  }
  for (let f = 0; f < 3; f++) {
    db.prepare("INSERT INTO subjects (study_id, subject_id, mrn, consent_date, off_study_date, payer_type, status) VALUES (?, ?, ?, '2023-02-01', '2023-02-15', 'COMMERCIAL', 'SCREEN_FAILED')").run(study, `SF${f + 1}`, `MRN8${f}`);
  }
  saveSiteSettings(db, { siteName: 'Benchmark University Hospital', addressLines: ['1 Bench Way', 'Testville, ST 00000'], taxId: '00-0000000', paymentInstructions: 'ACH: Bench Bank, ABA 000000000, account 000000.', remitTo: ['Benchmark University Hospital', 'PO Box 1'] });
}

/** Issues 1,000 invoices of ~20 visits each through the real issue path. */
function issueInvoices(db: Db): number[] {
  const study = requireStudy(db, STUDY);
  const rows = db
    .prepare(
      `SELECT s.id AS subjectPk, s.subject_id AS subjectId, cv.visit_date AS date, v.visit_code AS visitCode, v.visit_name AS visitName, i.id AS itemPk, i.cpt_hcpcs AS cpt, i.procedure_name AS name, i.sponsor_price_cents AS price
       FROM ctms_visits cv JOIN subjects s ON s.id = cv.subject_id JOIN calendar_visits v ON v.id = cv.visit_id JOIN calendar_items i ON i.visit_id = v.id
       WHERE s.study_id = ? AND i.designation = 'SPONSOR' AND i.requires_preapproval = 0 ORDER BY cv.visit_date, s.subject_id, i.cpt_hcpcs`,
    )
    .all(study.pk) as { subjectPk: number; subjectId: string; date: string; visitCode: string; visitName: string; itemPk: number; cpt: string; name: string; price: number }[];
  const billedVisits = rows.length / 3 - UNBILLED_VISITS;
  // Exactly INVOICES invoices: visit k goes on invoice floor(k * INVOICES / visits); each visit's three items stay together.
  const bounds = (n: number): number => Math.floor((n * billedVisits) / INVOICES) * 3;
  const ids: number[] = [];
  for (let n = 0; n < INVOICES; n++) {
    const chunk = rows.slice(bounds(n), bounds(n + 1));
    if (chunk.length === 0) break;
    const lines: CandidateLine[] = chunk.map((r) => ({
      key: visitItemKey(r.subjectPk, r.itemPk),
      source: 'VISIT_ITEM',
      subjectPk: r.subjectPk,
      calendarItemPk: r.itemPk,
      invoiceablePk: null,
      subjectId: r.subjectId,
      visitCode: r.visitCode,
      visitName: r.visitName,
      cptHcpcs: r.cpt,
      description: r.name,
      serviceDate: r.date,
      overheadExempt: false,
      holdbackExempt: false,
      note: null,
      ...priceLine({ amountCents: r.price, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt: false, holdbackExempt: false }),
    }));
    if (n === 0) lines.unshift(invoiceableLine(study, { itemPk: 2, itemCode: 'STARTUP', description: 'Start-up fee', amount: 1_200_000, kind: 'ONE_TIME', holdbackExempt: 1, overheadExempt: 0 }, null, null, chunk[0]?.date ?? '2023-01-02'));
    const from = chunk[0]?.date ?? '2023-01-01';
    const to = chunk.at(-1)?.date ?? from;
    const id = insertDraftRow(db, study, { kind: 'INVOICE', from, to }, NOW);
    insertLines(db, id, lines);
    issueInvoice(db, id, addDays(to, 5), NOW);
    ids.push(id);
    if (sumLines(lines).lineCount !== lines.length) throw new Error('lines lost');
  }
  return ids;
}

function pay(db: Db, ids: readonly number[]): void {
  const net = db.prepare('SELECT net_cents FROM invoices WHERE id = ?').pluck();
  ids.slice(0, 700).forEach((id, i) => {
    const due = net.get(id) as number;
    const amount = i < 600 ? due : Math.floor(due / 2);
    recordPayment(db, { sponsor: 'Bench Pharma', receivedDate: '2026-06-01', amountCents: amount + (i % 50 === 0 ? 1_000 : 0), reference: `EFT ${i}`, method: 'ACH', applications: [{ invoiceId: id, amountCents: amount }] }, NOW);
  });
}

/** Builds the whole benchmark store at `path`. */
export function buildBenchStudy(path: string): { invoices: number } {
  const db = openStore({ path, key: BENCH_KEY });
  try {
    db.transaction(() => setUp(db))();
    const ids = db.transaction(() => issueInvoices(db))();
    db.transaction(() => pay(db, ids))();
    return { invoices: ids.length };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: invoicing-study.ts <db>');
  const started = performance.now();
  const { invoices } = buildBenchStudy(path);
  console.log(JSON.stringify({ invoices, setupSeconds: (performance.now() - started) / 1000 }));
}
