/**
 * 0010: the study model, charges and import bookkeeping (issue 2).
 * Money is INTEGER cents, rates INTEGER basis points, dates ISO TEXT, flags INTEGER 0/1, lists TEXT
 * joined by ';' (so a rule can test membership with instr(';' || list || ';', ';Q1;')).
 */
import type { Migration } from '../migrate.ts';

export const foundation: Migration = {
  version: 10,
  name: 'foundation',
  sql: `
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE import_files (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  file_name TEXT NOT NULL,
  file_kind TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  mapping_sha256 TEXT NOT NULL DEFAULT '',
  rows_read INTEGER NOT NULL,
  rows_inserted INTEGER NOT NULL,
  rows_updated INTEGER NOT NULL,
  rows_unchanged INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_files_by_hash ON import_files(sha256, mapping_sha256);

CREATE TABLE studies (
  id INTEGER PRIMARY KEY,
  study_id TEXT NOT NULL UNIQUE,
  protocol_number TEXT NOT NULL,
  title TEXT NOT NULL,
  sponsor TEXT NOT NULL,
  nct_number TEXT,
  ide_number TEXT,
  qualifying_trial INTEGER NOT NULL CHECK (qualifying_trial IN (0, 1)),
  overhead_bp INTEGER NOT NULL CHECK (overhead_bp BETWEEN 0 AND 10000),
  holdback_bp INTEGER NOT NULL CHECK (holdback_bp BETWEEN 0 AND 10000),
  payment_terms_days INTEGER NOT NULL CHECK (payment_terms_days >= 0),
  batch_id INTEGER NOT NULL REFERENCES import_batches(id)
) STRICT;

CREATE TABLE arms (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  name TEXT NOT NULL,
  UNIQUE (study_id, name)
) STRICT;

CREATE TABLE calendar_visits (
  id INTEGER PRIMARY KEY,
  arm_id INTEGER NOT NULL REFERENCES arms(id),
  visit_code TEXT NOT NULL,
  visit_name TEXT NOT NULL,
  visit_day INTEGER NOT NULL,
  window_before_days INTEGER NOT NULL CHECK (window_before_days >= 0),
  window_after_days INTEGER NOT NULL CHECK (window_after_days >= 0),
  UNIQUE (arm_id, visit_code)
) STRICT;

CREATE TABLE calendar_items (
  id INTEGER PRIMARY KEY,
  visit_id INTEGER NOT NULL REFERENCES calendar_visits(id),
  cpt_hcpcs TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  designation TEXT NOT NULL CHECK (designation IN ('SOC', 'SPONSOR', 'NOT_BILLABLE', 'INVESTIGATIONAL', 'CONDITIONAL')),
  sponsor_price_cents INTEGER CHECK (sponsor_price_cents >= 0),
  requires_preapproval INTEGER NOT NULL CHECK (requires_preapproval IN (0, 1)),
  promised_free INTEGER NOT NULL CHECK (promised_free IN (0, 1)),
  justification TEXT,
  source_line INTEGER NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  UNIQUE (visit_id, cpt_hcpcs)
) STRICT;
CREATE INDEX calendar_items_by_code ON calendar_items(cpt_hcpcs, visit_id);

CREATE TABLE invoiceables (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  item_code TEXT NOT NULL,
  description TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  kind TEXT NOT NULL CHECK (kind IN ('ONE_TIME', 'PER_OCCURRENCE', 'SCREEN_FAILURE')),
  holdback_exempt INTEGER NOT NULL CHECK (holdback_exempt IN (0, 1)),
  overhead_exempt INTEGER NOT NULL CHECK (overhead_exempt IN (0, 1)),
  UNIQUE (study_id, item_code)
) STRICT;

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  subject_id TEXT NOT NULL,
  mrn TEXT NOT NULL,
  arm_id INTEGER REFERENCES arms(id),
  consent_date TEXT NOT NULL,
  start_date TEXT,
  off_study_date TEXT,
  payer_type TEXT NOT NULL CHECK (payer_type IN ('MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'SELF_PAY')),
  status TEXT NOT NULL CHECK (status IN ('SCREENING', 'ENROLLED', 'SCREEN_FAILED', 'OFF_STUDY')),
  UNIQUE (study_id, subject_id),
  UNIQUE (study_id, mrn)
) STRICT;
CREATE INDEX subjects_by_mrn ON subjects(mrn);

CREATE TABLE ctms_visits (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  visit_id INTEGER NOT NULL REFERENCES calendar_visits(id),
  visit_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('COMPLETED', 'MISSED')),
  UNIQUE (subject_id, visit_id)
) STRICT;

CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  cpt_hcpcs TEXT NOT NULL,
  service_date TEXT NOT NULL,
  approval_ref TEXT NOT NULL,
  UNIQUE (subject_id, cpt_hcpcs, service_date)
) STRICT;

-- Sponsor invoice lines: imported history now, generated invoices later (issue 5).
CREATE TABLE sponsor_invoice_lines (
  id INTEGER PRIMARY KEY,
  study_id INTEGER NOT NULL REFERENCES studies(id),
  invoice_number TEXT NOT NULL,
  subject_id INTEGER REFERENCES subjects(id),
  visit_code TEXT NOT NULL,
  cpt_hcpcs TEXT,
  service_date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  source TEXT NOT NULL CHECK (source IN ('IMPORTED', 'GENERATED')),
  batch_id INTEGER REFERENCES import_batches(id)
) STRICT;
CREATE UNIQUE INDEX sponsor_invoice_lines_key ON sponsor_invoice_lines(
  study_id, invoice_number, coalesce(subject_id, 0), visit_code, coalesce(cpt_hcpcs, ''), service_date);
CREATE INDEX sponsor_invoice_lines_by_service ON sponsor_invoice_lines(subject_id, cpt_hcpcs, service_date);

-- The bulk table (millions of rows). Its enumerations (bill_to, payer_type, claim_type, setting) are
-- validated by the importer, the only writer; IN-list CHECKs here cost a third of the insert time.
CREATE TABLE charges (
  id INTEGER PRIMARY KEY,
  charge_id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  mrn TEXT NOT NULL,
  service_date TEXT NOT NULL,
  cpt_hcpcs TEXT NOT NULL,
  modifiers TEXT NOT NULL,
  units INTEGER NOT NULL CHECK (units > 0),
  charge_amount_cents INTEGER NOT NULL CHECK (charge_amount_cents >= 0),
  revenue_code TEXT,
  dx_codes TEXT NOT NULL,
  bill_to TEXT NOT NULL,
  payer_name TEXT,
  payer_type TEXT NOT NULL,
  claim_type TEXT NOT NULL,
  setting TEXT NOT NULL,
  nct_on_claim TEXT,
  ide_on_claim TEXT,
  condition_codes TEXT NOT NULL,
  -- The batch that last inserted or changed this charge: incremental reconciliation starts from it.
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  -- The last batch that read this charge_id at all, changed or not: a repeat inside one import is a duplicate.
  seen_batch_id INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1
) STRICT;
-- A patient's charges by date, covering the duplicate key (DUP-28), so duplicate checks never touch
-- the table. Changed charges are found by id and charge_revisions, so no index on batch_id is needed.
CREATE INDEX charges_by_content ON charges(mrn, service_date, cpt_hcpcs, modifiers, units, charge_amount_cents, bill_to);

-- Every change an import made to an existing charge: what it was, what changed, when and by which batch.
CREATE TABLE charge_revisions (
  id INTEGER PRIMARY KEY,
  charge_id INTEGER NOT NULL REFERENCES charges(id),
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  revision INTEGER NOT NULL,
  changed_fields TEXT NOT NULL,
  previous_json TEXT NOT NULL,
  changed_at TEXT NOT NULL
) STRICT;
CREATE INDEX charge_revisions_by_charge ON charge_revisions(charge_id);

CREATE TABLE mapping_profiles (
  name TEXT PRIMARY KEY,
  profile_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
};
