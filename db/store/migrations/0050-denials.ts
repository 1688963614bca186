/**
 * 0050: denials, their workflow, appeals with their letters and attachments, and payer deadline
 * settings (issue "Denials and appeal packets", parts 3-7).
 *
 * A denial is one denied remittance service line (or a claim-level denial of a claim), triaged into a
 * category and an action (shared/denials/triage.ts) with the charge, subject, study and calendar row
 * it is about. Dates drive the metrics: denial_date is the remittance's production (else payment)
 * date, appeal_date when the first appeal was sent, resolution_date when the work ended; the pending
 * deadline is stored so the queue sorts by it in SQL. Appeal attachments are PDF bytes kept in the
 * encrypted store (a file chosen in one session has no stable path in the next).
 */
import type { Migration } from '../migrate.ts';

export const denials: Migration = {
  version: 50,
  name: 'denials',
  sql: `
CREATE TABLE denials (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES remit_files(id),
  claim_id INTEGER NOT NULL REFERENCES remit_claims(id),
  -- NULL for a claim-level denial (claim CAS).
  line_id INTEGER REFERENCES remit_service_lines(id),
  charge_id INTEGER REFERENCES charges(id),
  subject_id INTEGER REFERENCES subjects(id),
  study_id INTEGER REFERENCES studies(id),
  calendar_item_id INTEGER REFERENCES calendar_items(id),
  visit_id INTEGER REFERENCES calendar_visits(id),
  designation TEXT,
  payer_key TEXT NOT NULL,
  payer_name TEXT NOT NULL,
  payer_kind TEXT NOT NULL CHECK (payer_kind IN ('MEDICARE', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'COMMERCIAL', 'OTHER')),
  procedure_code TEXT,
  modifiers TEXT NOT NULL,
  service_date TEXT,
  billed_cents INTEGER NOT NULL,
  paid_cents INTEGER NOT NULL,
  denied_cents INTEGER NOT NULL CHECK (denied_cents > 0),
  -- 'CO-50:40000;PR-...' the denial adjustments; primary = largest amount.
  adjustments TEXT NOT NULL,
  primary_carc TEXT NOT NULL,
  remarks TEXT NOT NULL,
  rule TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('protocol', 'sponsor-vs-insurance', 'coverage-eligibility', 'authorization', 'documentation', 'timely-filing', 'coordination-of-benefits')),
  action TEXT NOT NULL CHECK (action IN ('fix-resubmit', 'appeal', 'rebill-other-payer', 'move-to-sponsor', 'write-off')),
  basis TEXT,
  rebill_to TEXT,
  appealable INTEGER NOT NULL CHECK (appealable IN (0, 1)),
  reason TEXT NOT NULL,
  -- 'c:<charge row id>' when linked, else 'a:<account>|<code>|<date of service>': a repeat denial of
  -- the same service has the same key, and a later payment of the service resolves it.
  identity_key TEXT NOT NULL,
  -- 1 for the first denial of its identity key: the metrics' numerator.
  initial INTEGER NOT NULL CHECK (initial IN (0, 1)),
  denial_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'appealed', 'resubmitted', 'rebilled', 'moved-to-sponsor', 'written-off', 'overturned', 'upheld')),
  deadline TEXT,
  deadline_kind TEXT CHECK (deadline_kind IN ('appeal', 'timely-filing', 'next-level-appeal')),
  appeal_date TEXT,
  decided_date TEXT,
  resolution_date TEXT,
  resolution_source TEXT CHECK (resolution_source IN ('remit', 'coordinator')),
  recovered_cents INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX denials_by_line ON denials(claim_id, coalesce(line_id, 0));
-- The queue: unresolved work by deadline (days left), then amount.
CREATE INDEX denials_queue ON denials(status, deadline, denied_cents DESC, id);
CREATE INDEX denials_by_charge ON denials(charge_id);
CREATE INDEX denials_by_identity ON denials(identity_key, resolution_date);
CREATE INDEX denials_by_file ON denials(file_id);
CREATE INDEX denials_by_study ON denials(study_id, status);

CREATE TABLE denial_events (
  id INTEGER PRIMARY KEY,
  denial_id INTEGER NOT NULL REFERENCES denials(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('triaged', 'retriaged', 'status', 'note', 'paid-on-remit')),
  from_status TEXT,
  to_status TEXT,
  note TEXT,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX denial_events_by_denial ON denial_events(denial_id, id);

-- One appeal request (one packet) per level; counted once for the overturn rate.
CREATE TABLE appeals (
  id INTEGER PRIMARY KEY,
  denial_id INTEGER NOT NULL REFERENCES denials(id),
  level INTEGER NOT NULL CHECK (level >= 1),
  letter_text TEXT NOT NULL,
  sent_date TEXT,
  decided_date TEXT,
  outcome TEXT CHECK (outcome IN ('overturned', 'partially-overturned', 'upheld')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (denial_id, level)
) STRICT;

CREATE TABLE appeal_attachments (
  id INTEGER PRIMARY KEY,
  appeal_id INTEGER NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  byte_size INTEGER NOT NULL CHECK (byte_size > 0),
  page_count INTEGER NOT NULL CHECK (page_count > 0),
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (appeal_id, seq)
) STRICT;

-- Overrides of the deadline defaults (shared/denials/deadlines.ts): 'kind:MEDICARE' for a payer kind,
-- 'id:...' or 'name:...' for one payer. NULL keeps the default.
CREATE TABLE payer_settings (
  payer_key TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  appeal_days INTEGER CHECK (appeal_days BETWEEN 1 AND 3650),
  timely_filing_months INTEGER CHECK (timely_filing_months BETWEEN 1 AND 120),
  updated_at TEXT NOT NULL
) STRICT;
`,
};
