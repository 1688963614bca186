/**
 * The denial queue: filtering, sorting and paging in SQL. The default order is the pending deadline
 * (fewest days left first; denials without a running deadline last), then the amount denied.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { DenialFilter, DenialPage, DenialRow } from '../../../shared/contract/denials.ts';
import { daysLeft, type DeadlineKind } from '../../../shared/denials/deadlines.ts';
import { CLOSED_STATUSES, type DenialAction, type DenialCategory, type DenialStatus, type PayerKind } from '../../../shared/denials/vocabulary.ts';
import { addDays } from '../../../shared/domain/dates.ts';
import { stillStanding } from '../../denials/still-standing.ts';

export interface DenialSort {
  readonly by: 'deadline' | 'amount' | 'denial_date' | 'payer' | 'status';
  readonly direction: 'asc' | 'desc';
}

const ORDER: Record<DenialSort['by'], (dir: string) => string> = {
  deadline: (dir) => `d.deadline IS NULL, d.deadline ${dir}, d.denied_cents DESC, d.id`,
  amount: (dir) => `d.denied_cents ${dir}, d.id`,
  denial_date: (dir) => `d.denial_date ${dir}, d.id`,
  payer: (dir) => `d.payer_name ${dir}, d.deadline IS NULL, d.deadline, d.id`,
  status: (dir) => `d.status ${dir}, d.deadline IS NULL, d.deadline, d.id`,
};

/** SQL WHERE clause and parameters of a filter. */
export function denialWhere(filter: DenialFilter, today: string): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (!filter.includeResolved) clauses.push(`${stillStanding()} AND d.status NOT IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  inList('d.status', filter.statuses);
  inList('d.category', filter.categories);
  inList('d.action', filter.actions);
  inList('d.payer_kind', filter.payerKinds);
  inList('s.study_id', filter.studyIds);
  if (filter.fileId !== undefined) {
    clauses.push('d.file_id = ?');
    params.push(filter.fileId);
  }
  if (filter.dueWithinDays !== undefined) {
    clauses.push('d.deadline IS NOT NULL AND d.deadline <= ?');
    params.push(addDays(today, filter.dueWithinDays));
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** The joins every denial row query starts from. */
export const DENIAL_FROM = `FROM denials d
  JOIN remit_claims c ON c.id = d.claim_id
  LEFT JOIN studies s ON s.id = d.study_id
  LEFT JOIN subjects sub ON sub.id = d.subject_id`;

/** The columns a queue row is built from (`toDenialRow`). */
export const DENIAL_ROW_COLUMNS = `d.id, d.status, d.category, d.action, d.rule, d.primary_carc, d.adjustments, d.remarks, d.payer_name, d.payer_kind,
  s.study_id AS study_code, sub.subject_id AS subject_code, d.procedure_code, d.modifiers, d.service_date, d.billed_cents, d.denied_cents,
  c.payer_claim_control_number, d.denial_date, d.deadline, d.deadline_kind, d.resolution_date, d.superseded_date, d.recovered_cents`;

export interface DenialRowData {
  id: number;
  status: DenialStatus;
  category: DenialCategory;
  action: DenialAction;
  rule: string;
  primary_carc: string;
  adjustments: string;
  remarks: string;
  payer_name: string;
  payer_kind: PayerKind;
  study_code: string | null;
  subject_code: string | null;
  procedure_code: string | null;
  modifiers: string;
  service_date: string | null;
  billed_cents: number;
  denied_cents: number;
  payer_claim_control_number: string | null;
  denial_date: string;
  deadline: string | null;
  deadline_kind: DeadlineKind | null;
  resolution_date: string | null;
  superseded_date: string | null;
  recovered_cents: number;
}

const list = (text: string): string[] => (text === '' ? [] : text.split(';'));

/** Maps a row to the contract's shape, with days left from `today`. */
export function toDenialRow(r: DenialRowData, today: string): DenialRow {
  const left = daysLeft(r.deadline, today);
  return {
    id: r.id,
    status: r.status,
    category: r.category,
    action: r.action,
    rule: r.rule,
    primaryCarc: r.primary_carc,
    codes: list(r.adjustments).map((a) => a.split(':')[0] as string),
    remarks: list(r.remarks),
    payerName: r.payer_name,
    payerKind: r.payer_kind,
    studyId: r.study_code,
    subjectId: r.subject_code,
    procedure: [r.procedure_code ?? 'claim', ...list(r.modifiers)].join('-'),
    serviceDate: r.service_date,
    billedCents: r.billed_cents,
    deniedCents: r.denied_cents,
    claimNumber: r.payer_claim_control_number,
    denialDate: r.denial_date,
    deadline: r.deadline,
    deadlineKind: r.deadline_kind,
    daysLeft: left.days,
    urgency: left.urgency,
    resolutionDate: r.resolution_date,
    supersededDate: r.superseded_date,
    recoveredCents: r.recovered_cents,
  };
}

/** One page of the queue. */
export function listDenials(db: Db, filter: DenialFilter, sort: DenialSort, offset: number, limit: number, today: string): DenialPage {
  const where = denialWhere(filter, today);
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = db.prepare(`SELECT ${DENIAL_ROW_COLUMNS} ${DENIAL_FROM} ${where.sql} ORDER BY ${ORDER[sort.by](dir)} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as DenialRowData[];
  const total = db.prepare(`SELECT count(*) ${DENIAL_FROM} ${where.sql}`).pluck().get(...where.params) as number;
  return { rows: rows.map((r) => toDenialRow(r, today)), total, offset, today };
}
