/**
 * 0040: 835 remittances (issue "Denials and appeal packets"). One row per imported file, transaction
 * (ST...SE), claim (CLP), service line (SVC), adjustment (CAS triplet, claim or line level), remark
 * code (MIA/MOA/LQ), provider-level adjustment (PLB pair) and balancing problem; a service line links
 * to the charge it pays (nullable, with the method that found it) and a reversal (CLP02 = 22) to the
 * claim it takes back. Money is INTEGER cents, dates ISO TEXT, lists ';'-joined TEXT, and the rarely
 * queried detail (addresses, REF/DTM/AMT lists) JSON TEXT. Patient names and member ids are PHI:
 * they live only here, in the encrypted store, for appeal letters.
 */
import type { Migration } from '../migrate.ts';

export const remittances: Migration = {
  version: 40,
  name: 'remittances',
  sql: `
CREATE TABLE remit_files (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
  segment_count INTEGER NOT NULL DEFAULT 0,
  transaction_count INTEGER NOT NULL DEFAULT 0,
  claim_count INTEGER NOT NULL DEFAULT 0,
  line_count INTEGER NOT NULL DEFAULT 0,
  -- Sum of BPR02 over the transactions, negative for a debit (BPR03 = D).
  total_paid_cents INTEGER NOT NULL DEFAULT 0,
  imbalance_count INTEGER NOT NULL DEFAULT 0,
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE remit_transactions (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES remit_files(id),
  seq INTEGER NOT NULL,
  st_segment INTEGER NOT NULL,
  control_number TEXT NOT NULL,
  implementation_reference TEXT,
  interchange_control_number TEXT,
  interchange_sender_id TEXT,
  interchange_receiver_id TEXT,
  usage_indicator TEXT,
  group_control_number TEXT,
  group_date TEXT,
  group_version TEXT,
  handling_code TEXT NOT NULL,
  payment_cents INTEGER NOT NULL,
  credit_debit TEXT NOT NULL CHECK (credit_debit IN ('C', 'D')),
  payment_method TEXT,
  payment_format TEXT,
  payment_date TEXT,
  trace_type TEXT NOT NULL,
  trace_number TEXT NOT NULL,
  trace_originator_id TEXT,
  production_date TEXT,
  payer_name TEXT NOT NULL,
  payer_id_qualifier TEXT,
  payer_id TEXT,
  payee_name TEXT NOT NULL,
  payee_id_qualifier TEXT,
  payee_id TEXT,
  payee_tin TEXT,
  payer_json TEXT NOT NULL,
  payee_json TEXT NOT NULL,
  refs_json TEXT NOT NULL,
  claim_count INTEGER NOT NULL DEFAULT 0,
  line_count INTEGER NOT NULL DEFAULT 0,
  claim_paid_cents INTEGER NOT NULL DEFAULT 0,
  plb_total_cents INTEGER NOT NULL DEFAULT 0,
  notices_json TEXT NOT NULL DEFAULT '[]',
  UNIQUE (file_id, seq)
) STRICT;
CREATE INDEX remit_transactions_by_trace ON remit_transactions(trace_number);

CREATE TABLE remit_claims (
  id INTEGER PRIMARY KEY,
  transaction_id INTEGER NOT NULL REFERENCES remit_transactions(id),
  seq INTEGER NOT NULL,
  clp_segment INTEGER NOT NULL,
  patient_control_number TEXT NOT NULL,
  status_code TEXT NOT NULL,
  total_charge_cents INTEGER NOT NULL,
  paid_cents INTEGER NOT NULL,
  patient_responsibility_cents INTEGER,
  filing_indicator TEXT,
  payer_claim_control_number TEXT,
  facility_type TEXT,
  frequency_code TEXT,
  drg_code TEXT,
  patient_last_name TEXT,
  patient_first_name TEXT,
  patient_id_qualifier TEXT,
  patient_member_id TEXT,
  insured_member_id TEXT,
  rendering_provider_id TEXT,
  statement_from TEXT,
  statement_to TEXT,
  received_date TEXT,
  people_json TEXT NOT NULL,
  refs_json TEXT NOT NULL,
  dates_json TEXT NOT NULL,
  amounts_json TEXT NOT NULL,
  UNIQUE (transaction_id, seq)
) STRICT;
CREATE INDEX remit_claims_by_account ON remit_claims(patient_control_number, payer_claim_control_number);
CREATE INDEX remit_claims_by_status ON remit_claims(status_code);

CREATE TABLE remit_service_lines (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES remit_claims(id),
  seq INTEGER NOT NULL,
  svc_segment INTEGER NOT NULL,
  procedure_qualifier TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  modifiers TEXT NOT NULL,
  charge_cents INTEGER NOT NULL,
  paid_cents INTEGER NOT NULL,
  revenue_code TEXT,
  units REAL,
  original_procedure_code TEXT,
  original_modifiers TEXT,
  original_units REAL,
  service_date TEXT,
  period_start TEXT,
  period_end TEXT,
  line_control_number TEXT,
  allowed_cents INTEGER,
  refs_json TEXT NOT NULL,
  amounts_json TEXT NOT NULL,
  charge_id INTEGER REFERENCES charges(id),
  link_method TEXT NOT NULL CHECK (link_method IN
    ('REF_6R', 'ACCOUNT_CODE_DATE', 'ACCOUNT_CODE_PERIOD', 'ACCOUNT_CODE_STATEMENT', 'AMBIGUOUS', 'UNMATCHED')),
  CHECK ((charge_id IS NULL) = (link_method IN ('AMBIGUOUS', 'UNMATCHED'))),
  UNIQUE (claim_id, seq)
) STRICT;
CREATE INDEX remit_service_lines_by_charge ON remit_service_lines(charge_id);
CREATE INDEX remit_service_lines_unlinked ON remit_service_lines(claim_id) WHERE charge_id IS NULL;

-- CAS triplets: line_id NULL for claim-level adjustments.
CREATE TABLE remit_adjustments (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES remit_claims(id),
  line_id INTEGER REFERENCES remit_service_lines(id),
  seq INTEGER NOT NULL,
  cas_segment INTEGER NOT NULL,
  group_code TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  quantity REAL
) STRICT;
CREATE INDEX remit_adjustments_by_claim ON remit_adjustments(claim_id, line_id);
CREATE INDEX remit_adjustments_by_reason ON remit_adjustments(reason_code, group_code);

CREATE TABLE remit_remarks (
  id INTEGER PRIMARY KEY,
  claim_id INTEGER NOT NULL REFERENCES remit_claims(id),
  line_id INTEGER REFERENCES remit_service_lines(id),
  source TEXT NOT NULL CHECK (source IN ('MIA', 'MOA', 'LQ')),
  code TEXT NOT NULL
) STRICT;
CREATE INDEX remit_remarks_by_claim ON remit_remarks(claim_id, line_id);
CREATE INDEX remit_remarks_by_code ON remit_remarks(code);

CREATE TABLE remit_plb_adjustments (
  id INTEGER PRIMARY KEY,
  transaction_id INTEGER NOT NULL REFERENCES remit_transactions(id),
  plb_segment INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  provider_id TEXT NOT NULL,
  fiscal_period_date TEXT,
  reason_code TEXT NOT NULL,
  reference TEXT,
  amount_cents INTEGER NOT NULL
) STRICT;
CREATE INDEX remit_plb_by_transaction ON remit_plb_adjustments(transaction_id);

CREATE TABLE remit_imbalances (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES remit_files(id),
  transaction_id INTEGER NOT NULL REFERENCES remit_transactions(id),
  claim_id INTEGER REFERENCES remit_claims(id),
  line_id INTEGER REFERENCES remit_service_lines(id),
  level TEXT NOT NULL CHECK (level IN ('line', 'claim', 'transaction')),
  segment_number INTEGER NOT NULL,
  expected_cents INTEGER NOT NULL,
  actual_cents INTEGER NOT NULL,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX remit_imbalances_by_file ON remit_imbalances(file_id);

-- A reversal (CLP02 = 22) and the claim it takes back: same CLP01 and CLP07, opposite amounts.
CREATE TABLE remit_reversals (
  reversal_claim_id INTEGER PRIMARY KEY REFERENCES remit_claims(id),
  original_claim_id INTEGER NOT NULL UNIQUE REFERENCES remit_claims(id),
  paired_at TEXT NOT NULL
) STRICT;

-- Linking falls back to account + code + date when a line carries no REF*6R.
CREATE INDEX charges_by_account_code_date ON charges(account_id, cpt_hcpcs, service_date);
`,
};
