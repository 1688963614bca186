/**
 * The billing grid as coordinators know it from their CTMS: per arm, visits as columns (by visit
 * day), procedures as rows (in the order the calendar lists them), and a cell per calendar item with
 * its designation, price, flags and the ALIGN-15 set-up findings raised on it.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { BillingGrid, BillingGridArm, GridCell, GridFinding, GridProcedure, GridVisit } from '../../../shared/contract/setup.ts';
import type { FindingStatus } from '../../../shared/contract/findings.ts';
import type { Designation } from '../../../shared/domain/codes.ts';
import { MARKED_STATUSES } from './get-study-detail.ts';

interface ItemRow {
  arm: string;
  visitId: number;
  visitCode: string;
  visitName: string;
  visitDay: number;
  windowBefore: number;
  windowAfter: number;
  itemId: number;
  cpt: string;
  procedureName: string;
  designation: Designation;
  priceCents: number | null;
  requiresPreapproval: number;
  promisedFree: number;
  justification: string | null;
}

interface FindingRow {
  id: number;
  itemId: number;
  status: FindingStatus;
  message: string;
  evidenceJson: string;
}

// Rows come in calendar order (batch, then line), so a procedure row sits where the CTMS export put it.
const ITEMS_SQL = `
SELECT a.name AS arm, v.id AS visitId, v.visit_code AS visitCode, v.visit_name AS visitName, v.visit_day AS visitDay,
       v.window_before_days AS windowBefore, v.window_after_days AS windowAfter,
       i.id AS itemId, i.cpt_hcpcs AS cpt, i.procedure_name AS procedureName, i.designation,
       i.sponsor_price_cents AS priceCents, i.requires_preapproval AS requiresPreapproval, i.promised_free AS promisedFree, i.justification
FROM arms a
JOIN calendar_visits v ON v.arm_id = a.id
JOIN calendar_items i ON i.visit_id = v.id
WHERE a.study_id = ?
ORDER BY a.name, i.batch_id, i.source_line`;

/** The issues an ALIGN-15 finding lists in its evidence; the message when the evidence has none. */
function issuesOf(row: FindingRow): string[] {
  try {
    const evidence = JSON.parse(row.evidenceJson) as { issues?: unknown };
    if (Array.isArray(evidence.issues) && evidence.issues.every((i) => typeof i === 'string') && evidence.issues.length > 0) return evidence.issues as string[];
  } catch {
    // Evidence is written by the engine; a malformed one still has its message.
  }
  return [row.message];
}

/** The grid of every arm of the study; null when there is no such study. */
export function getBillingGrid(db: Db, studyId: string): BillingGrid | null {
  const pk = db.prepare('SELECT id FROM studies WHERE study_id = ?').pluck().get(studyId) as number | undefined;
  if (pk === undefined) return null;
  const findingRows = db
    .prepare(
      `SELECT id, calendar_item_id AS itemId, status, message, evidence_json AS evidenceJson FROM findings
       WHERE study_id = ? AND rule = 'ALIGN-15' AND active = 1 AND calendar_item_id IS NOT NULL AND status IN (${MARKED_STATUSES.map(() => '?').join(', ')})
       ORDER BY id`,
    )
    .all(pk, ...MARKED_STATUSES) as FindingRow[];
  const findingsByItem = new Map<number, GridFinding[]>();
  for (const f of findingRows) {
    const list = findingsByItem.get(f.itemId) ?? [];
    list.push({ id: f.id, status: f.status, issues: issuesOf(f) });
    findingsByItem.set(f.itemId, list);
  }

  const byArm = new Map<string, ItemRow[]>();
  for (const row of db.prepare(ITEMS_SQL).all(pk) as ItemRow[]) {
    const rows = byArm.get(row.arm) ?? [];
    rows.push(row);
    byArm.set(row.arm, rows);
  }
  const arms = [...byArm.entries()].map(([arm, rows]) => buildArm(arm, rows, findingsByItem));
  return { studyId, arms };
}

function buildArm(arm: string, rows: readonly ItemRow[], findingsByItem: ReadonlyMap<number, readonly GridFinding[]>): BillingGridArm {
  const visitById = new Map<number, GridVisit>();
  const procedureIndex = new Map<string, number>();
  const procedures: GridProcedure[] = [];
  for (const r of rows) {
    if (!visitById.has(r.visitId)) {
      visitById.set(r.visitId, { visitId: r.visitId, code: r.visitCode, name: r.visitName, day: r.visitDay, windowBefore: r.windowBefore, windowAfter: r.windowAfter });
    }
    if (!procedureIndex.has(r.cpt)) {
      procedureIndex.set(r.cpt, procedures.length);
      procedures.push({ cpt: r.cpt, name: r.procedureName });
    }
  }
  const visits = [...visitById.values()].sort((a, b) => a.day - b.day || a.code.localeCompare(b.code));
  const visitIndex = new Map(visits.map((v, i) => [v.visitId, i]));
  const cells = rows.map(
    (r): GridCell => ({
      itemId: r.itemId,
      visit: visitIndex.get(r.visitId) ?? 0,
      procedure: procedureIndex.get(r.cpt) ?? 0,
      designation: r.designation,
      priceCents: r.priceCents,
      requiresPreapproval: r.requiresPreapproval === 1,
      promisedFree: r.promisedFree === 1,
      justification: r.justification,
      findings: findingsByItem.get(r.itemId) ?? [],
    }),
  );
  return { arm, visits, procedures, cells };
}
