/**
 * Builds an encrypted store holding a given number of findings quickly, for the work-queue
 * benchmarks: studies, arms, calendar, subjects, one charge per finding and the findings themselves
 * are generated straight into the tables (not through the importer or the engine), deterministically,
 * in one transaction with the secondary indexes built once at the end.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { addDays } from '../../shared/domain/dates.ts';
import { RULES, SEVERITY_RANK, citationOf } from '../../shared/rules/catalogue.ts';
import { dropSecondaryIndexes } from '../../db/store/bulk-indexes.ts';
import { openStore, type DbKey } from '../../db/store/open-store.ts';
import { prng } from '../../scripts/lib/prng.ts';

export interface FindingsStoreOptions {
  readonly path: string;
  readonly key: DbKey;
  readonly findings: number;
  readonly studies?: number;
  readonly subjectsPerStudy?: number;
  readonly seed?: number;
}

const CODES = ['80053', '85025', '71260', '74177', '78815', '93306', '96413', '96415', '99214', '93000', 'J9035', 'J9305', '36415', '84443', '33418', 'C1889'];
const PAYERS = ['MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY'] as const;
const STATUSES: readonly [string, number][] = [
  ['open', 0.7],
  ['confirmed', 0.12],
  ['fixed', 0.05],
  ['dismissed', 0.06],
  ['closed', 0.07],
];
const ASSIGNEES = ['Dana Whitfield', 'Luis Ortega', 'Priya Raman', 'Sam Okafor'];
const CHARGE_RULES = RULES.filter((r) => !['ALIGN-15', 'INVC-20', 'SF-30'].includes(r.id));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Inserts a row, giving every other NOT NULL column without a default 0 or '' (the engine's tables evolve). */
function insertRow(db: Db, table: string, values: Record<string, unknown>): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
  const row: Record<string, unknown> = { ...values };
  for (const c of columns) if (!(c.name in row) && c.notnull === 1 && c.dflt_value === null && c.pk === 0) row[c.name] = c.type === 'INTEGER' ? 0 : '';
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => row[n]));
}

/** Creates (replacing) the store at `path` with `findings` findings; returns the open connection. */
export function buildFindingsStore(options: FindingsStoreOptions): Db {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.path}${suffix}`, { force: true });
  const db = openStore({ path: options.path, key: options.key });
  // A throw-away file written once: no journal, no fsync (restored to the app's settings at the end).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const rand = prng(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const studyCount = options.studies ?? 12;
  const perStudy = options.subjectsPerStudy ?? 2_000;
  const now = '2026-01-15T09:00:00.000Z';

  db.transaction(() => {
    db.prepare("INSERT INTO import_batches (id, source, started_at, finished_at) VALUES (1, 'bench', ?, ?)").run(now, now);
    insertRow(db, 'reconcile_runs', { id: 1, mode: 'full', started_at: now, finished_at: now, through_batch_id: 1, charge_high_water: options.findings, charges_evaluated: options.findings, findings_opened: options.findings, findings_total_open: options.findings });
    const study = db.prepare(
      `INSERT INTO studies (id, study_id, protocol_number, title, sponsor, nct_number, ide_number, qualifying_trial, overhead_bp, holdback_bp, payment_terms_days, batch_id)
       VALUES (?, ?, ?, ?, 'Bench Pharma', ?, NULL, 1, 2600, 1000, 45, 1)`,
    );
    const arm = db.prepare('INSERT INTO arms (id, study_id, name) VALUES (?, ?, ?)');
    const visit = db.prepare('INSERT INTO calendar_visits (id, arm_id, visit_code, visit_name, visit_day, window_before_days, window_after_days) VALUES (?, ?, ?, ?, ?, 3, 3)');
    const subject = db.prepare(
      `INSERT INTO subjects (id, study_id, subject_id, mrn, arm_id, consent_date, start_date, off_study_date, payer_type, status) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 'ENROLLED')`,
    );
    let visitPk = 0;
    for (let s = 1; s <= studyCount; s += 1) {
      study.run(s, `BENCH-${pad(s, 2)}`, `BP-${pad(s, 4)}`, `Benchmark study ${s}`, `NCT${pad(90_000_000 + s, 8)}`);
      for (const a of [0, 1]) {
        const armPk = s * 2 - 1 + a;
        arm.run(armPk, s, a === 0 ? 'A' : 'B');
        for (let v = 0; v < 10; v += 1) visit.run((visitPk += 1), armPk, `V${v + 1}`, `Visit ${v + 1}`, v * 21);
      }
      for (let j = 0; j < perStudy; j += 1) {
        const pk = (s - 1) * perStudy + j + 1;
        const consent = addDays('2024-01-01', Math.floor(rand() * 600));
        subject.run(pk, s, `${pad(s, 2)}-${pad(j + 1, 4)}`, `MRN${pad(pk, 7)}`, s * 2 - 1 + (j % 2), consent, addDays(consent, 10), pick(PAYERS));
      }
    }

    const charges = dropSecondaryIndexes(db, 'charges');
    const findingIndexes = dropSecondaryIndexes(db, 'findings');
    const charge = db.prepare(
      `INSERT INTO charges (id, charge_id, account_id, mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, revenue_code, dx_codes, bill_to,
         payer_name, payer_type, claim_type, setting, nct_on_claim, ide_on_claim, condition_codes, batch_id, seen_batch_id, source_file, source_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, '0300', 'C34.90;Z00.6', ?, ?, ?, 'INSTITUTIONAL', 'OUTPATIENT', NULL, NULL, '', 1, 1, 'charges.csv', ?)`,
    );
    const finding = db.prepare(
      `INSERT INTO findings (id, fingerprint, rule, severity, severity_rank, category, study_id, subject_id, charge_id, calendar_item_id, visit_id,
         cpt_hcpcs, service_date, payer_type, amount_cents, message, evidence_json, evidence_hash, citation, status, active, assignee, first_run_id, last_run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?, ?, 1, 1, ?, ?)`,
    );
    const subjects = studyCount * perStudy;
    for (let i = 1; i <= options.findings; i += 1) {
      const rule = pick(CHARGE_RULES);
      const subjectPk = 1 + Math.floor(rand() * subjects);
      const studyPk = Math.ceil(subjectPk / perStudy);
      const date = addDays('2024-01-15', Math.floor(rand() * 700));
      const cpt = pick(CODES);
      const cents = 1_000 + Math.floor(rand() * rand() * 2_000_000);
      const payer = pick(PAYERS);
      const billTo = rule.id === 'SOC-29' || rule.id === 'ENR-26' ? 'STUDY' : 'INSURANCE';
      const chargeId = `CHG${pad(i, 8)}`;
      charge.run(i, chargeId, `HAR${pad(i % 300_000, 7)}`, `MRN${pad(subjectPk, 7)}`, date, cpt, rule.id === 'MOD-08' ? '' : 'Q1', cents, billTo, `${payer} plan`, payer, i);
      let r = rand();
      let status = 'open';
      for (const [s, share] of STATUSES) {
        if (r < share) {
          status = s;
          break;
        }
        r -= share;
      }
      const evidence = {
        rule: rule.title,
        fired: [{ field: 'bill_to', found: billTo, expected: 'STUDY' }],
        charge: { charge_id: chargeId, service_date: date, cpt_hcpcs: cpt, modifiers: ['Q1'], units: 1, amount_cents: cents, revenue_code: '0300', bill_to: billTo, payer_type: payer, source: `charges.csv line ${i}` },
        study: { study_id: `BENCH-${pad(studyPk, 2)}`, qualifying_trial: true, nct_number: `NCT${pad(90_000_000 + studyPk, 8)}`, ide_number: null },
      };
      const visitOfFinding = ((studyPk - 1) * 2 + (subjectPk % 2)) * 10 + 1 + Math.floor(rand() * 10);
      finding.run(
        i, `bench:${i}`, rule.id, rule.severity, SEVERITY_RANK[rule.severity], rule.category, studyPk, subjectPk, i, visitOfFinding, cpt, date, payer, cents,
        `${cpt} on ${date}: ${rule.title.toLowerCase()}.`, JSON.stringify(evidence), citationOf(rule), status, status === 'closed' ? 0 : 1,
        rand() < 0.2 ? pick(ASSIGNEES) : null, addDays(date, 20 + Math.floor(rand() * 40)) + 'T12:00:00.000Z', now,
      );
    }
    charges.rebuild();
    findingIndexes.rebuild();
  })();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}
