/** One finding with everything the detail view shows: the rule's explanation, evidence and history. */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { FindingDetail, FindingEvent, FindingRow } from '../../../shared/contract/findings.ts';
import { ruleById } from '../../../shared/rules/catalogue.ts';
import { ROW_COLUMNS, ROW_JOINS } from './list-findings.ts';

export function getFinding(db: Db, id: number): FindingDetail | null {
  const row = db
    .prepare(`SELECT ${ROW_COLUMNS}, f.citation, f.evidence_json AS evidenceJson, f.notes, f.created_at AS createdAt, f.updated_at AS updatedAt FROM findings f ${ROW_JOINS} WHERE f.id = ?`)
    .get(id) as (FindingRow & { citation: string; evidenceJson: string; notes: string | null; createdAt: string; updatedAt: string }) | undefined;
  if (!row) return null;
  const events = db
    .prepare('SELECT at, kind, from_status AS fromStatus, to_status AS toStatus, reason, actor FROM finding_events WHERE finding_id = ? ORDER BY id')
    .all(id) as FindingEvent[];
  const rule = ruleById(row.rule);
  const { evidenceJson, ...rest } = row;
  return {
    ...rest,
    title: rule.title,
    why: rule.why,
    action: rule.action,
    sources: rule.sources,
    evidence: JSON.parse(evidenceJson) as Record<string, unknown>,
    events,
  };
}
