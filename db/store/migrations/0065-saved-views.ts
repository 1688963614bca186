/**
 * 0065: the coordinator's work queue (issue 4): saved views, and the covering indexes that keep the
 * queue fast at a million findings.
 *
 * Each queue index leads with what a sort order or a selective filter needs and then carries every
 * column a filter can test (status, severity, rule, category, study, payer, date, assignee, amount),
 * so a page, a count or a grouping is answered from the index alone: the findings table itself holds
 * wide rows (evidence, message, citation) that must never be scanned. The query-plan tests name
 * every one of them.
 */
import type { Migration } from '../migrate.ts';

export const savedViews: Migration = {
  version: 65,
  name: 'saved-views',
  sql: `
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
  -- The queue's filter and sort as JSON (validated by the contract's schemas when read back).
  filter_json TEXT NOT NULL,
  sort_json TEXT NOT NULL,
  grouping TEXT NOT NULL CHECK (grouping IN ('none', 'rule', 'subject')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Default order (severity, then dollars) and severity filters.
CREATE INDEX findings_q_severity ON findings(active, severity_rank, amount_cents DESC, id,
  status, rule, category, study_id, payer_type, service_date, assignee);
-- Amount order and amount ranges.
CREATE INDEX findings_q_amount ON findings(active, amount_cents, id,
  status, severity_rank, rule, category, study_id, payer_type, service_date, assignee);
-- Date order and date ranges (and the dashboard's trend by month of service).
CREATE INDEX findings_q_date ON findings(active, service_date, id,
  status, severity_rank, rule, category, study_id, payer_type, assignee, amount_cents);
-- The dashboard's ageing and trend by month opened: ranges of created_at.
CREATE INDEX findings_q_created ON findings(active, created_at, category, severity_rank, status, amount_cents, study_id);
-- Rule order, rule filters, grouping by rule.
CREATE INDEX findings_q_rule ON findings(active, rule, amount_cents DESC, id,
  status, severity_rank, category, study_id, payer_type, service_date, assignee);
-- Study order and filters (and the per-study queries of invoicing and set-up).
CREATE INDEX findings_q_study ON findings(study_id, active, severity_rank, amount_cents DESC, id,
  status, rule, category, payer_type, service_date, assignee);
-- Subject order, grouping by subject, a subject's findings.
CREATE INDEX findings_q_subject ON findings(subject_id, active, service_date, id,
  status, severity_rank, rule, category, study_id, payer_type, assignee, amount_cents);
-- "Assigned to me": only assigned findings, so it stays small.
CREATE INDEX findings_q_assignee ON findings(assignee, active, severity_rank, amount_cents DESC, id,
  status, rule, category, study_id, payer_type, service_date) WHERE assignee IS NOT NULL;

-- The queue sorted by subject walks subjects in subject-id order.
CREATE INDEX subjects_by_subject_id ON subjects(subject_id);
`,
};
