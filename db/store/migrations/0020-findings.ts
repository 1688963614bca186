/**
 * 0020: compliance findings, their workflow history, and reconciliation runs (issue 3).
 * A finding is identified by a fingerprint (rule + the rows it is about), so a re-run recognises it
 * and keeps the coordinator's decision; evidence_hash tells whether what it rests on has changed.
 */
import type { Migration } from '../migrate.ts';

export const findings: Migration = {
  version: 20,
  name: 'findings',
  sql: `
CREATE TABLE reconcile_runs (
  id INTEGER PRIMARY KEY,
  mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  -- Every import batch up to this one had been reconciled when the run finished.
  through_batch_id INTEGER NOT NULL,
  -- Highest charge id at the run: later ids are new charges; changed ones are in charge_revisions.
  charge_high_water INTEGER NOT NULL,
  -- Highest sponsor invoice line id and the line count seen: invoices generated (new lines) or
  -- credited (lines removed) since then change INVC-20 and DBL-03.
  invoice_line_high_water INTEGER NOT NULL,
  invoice_line_count INTEGER NOT NULL,
  charges_evaluated INTEGER NOT NULL,
  findings_opened INTEGER NOT NULL,
  findings_reopened INTEGER NOT NULL,
  findings_closed INTEGER NOT NULL,
  findings_total_open INTEGER NOT NULL
) STRICT;

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'warning', 'review')),
  -- 0 critical, 1 warning, 2 review: sorts the work queue without a CASE per row.
  severity_rank INTEGER NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('exposure', 'denial-risk', 'leakage', 'review')),
  study_id INTEGER REFERENCES studies(id),
  subject_id INTEGER REFERENCES subjects(id),
  charge_id INTEGER REFERENCES charges(id),
  calendar_item_id INTEGER REFERENCES calendar_items(id),
  visit_id INTEGER REFERENCES calendar_visits(id),
  cpt_hcpcs TEXT,
  service_date TEXT,
  payer_type TEXT,
  amount_cents INTEGER NOT NULL,
  message TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  evidence_hash TEXT NOT NULL,
  citation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'fixed', 'dismissed', 'closed')),
  -- 1 while the cause exists (status open/confirmed/fixed/dismissed), 0 once closed by a run.
  active INTEGER NOT NULL,
  assignee TEXT,
  notes TEXT,
  first_run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
  last_run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- The engine finds a charge's findings by charge (incremental runs). The work queue's covering
-- indexes come with the queue (0065-saved-views).
CREATE INDEX findings_by_charge ON findings(charge_id);
CREATE INDEX findings_by_date ON findings(service_date);

-- Every change of a finding: status (with the reason), assignment, note, automatic close or reopen.
CREATE TABLE finding_events (
  id INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opened', 'status', 'assigned', 'note', 'closed-by-run', 'reopened-by-run', 'evidence-changed')),
  from_status TEXT,
  to_status TEXT,
  reason TEXT,
  actor TEXT NOT NULL,
  run_id INTEGER REFERENCES reconcile_runs(id)
) STRICT;
CREATE INDEX finding_events_by_finding ON finding_events(finding_id, id);
-- Incremental runs read the revisions of the batches since the last run.
CREATE INDEX charge_revisions_by_batch ON charge_revisions(batch_id);
`,
};
