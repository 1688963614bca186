/**
 * Lines a coordinator adds to a draft by hand, always with a reason: an occurrence of an invoiceable
 * item (the only way PER_OCCURRENCE items such as SAE reports are billed, since nothing in the
 * package dates them), a calendar item of a subject's visit (e.g. one the period left out), or a
 * free-text line for something outside the CTA budget (which needs the sponsor's approval first,
 * TRANSCEND). CTA items are always priced from the CTA, never typed in.
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import type { ManualLineInput } from '../../shared/contract/invoicing.ts';
import { priceLine } from '../../shared/invoicing/line-math.ts';
import { UserError } from '../backend/user-error.ts';
import { invoiceableKey, invoiceableLine, visitItemKey, type CandidateLine } from './propose.ts';
import type { StudyTermsWithPk } from './study-terms.ts';

interface SubjectRow {
  id: number;
  subject_id: string;
  arm_id: number | null;
}

function requireSubject(db: Db, study: StudyTermsWithPk, subjectId: string): SubjectRow {
  const row = db.prepare('SELECT id, subject_id, arm_id FROM subjects WHERE study_id = ? AND subject_id = ?').get(study.pk, subjectId) as SubjectRow | undefined;
  if (!row) throw new UserError('NO_SUCH_SUBJECT', `Study ${study.studyId} has no subject ${subjectId}.`);
  return row;
}

const alreadyInvoiced = (what: string): UserError => new UserError('ALREADY_INVOICED', `${what} is already on an invoice; it cannot be billed twice.`);

/** Builds the line for a hand-added item, refusing what was already billed. */
export function manualLine(db: Db, study: StudyTermsWithPk, input: ManualLineInput): CandidateLine {
  if (input.kind === 'other') return otherLine(db, study, input);
  if (input.kind === 'visit-item') return visitItemLine(db, study, input);
  const item = db
    .prepare('SELECT id AS itemPk, item_code AS itemCode, description, amount_cents AS amount, kind, holdback_exempt AS holdbackExempt, overhead_exempt AS overheadExempt FROM invoiceables WHERE study_id = ? AND item_code = ?')
    .get(study.pk, input.itemCode) as { itemPk: number; itemCode: string; description: string; amount: number; kind: string; holdbackExempt: number; overheadExempt: number } | undefined;
  if (!item) throw new UserError('NO_SUCH_ITEM', `Study ${study.studyId} has no invoiceable item ${input.itemCode}.`);
  const subject = input.subjectId ? requireSubject(db, study, input.subjectId) : null;
  if (item.kind === 'SCREEN_FAILURE' && subject === null) throw new UserError('SUBJECT_REQUIRED', `${item.itemCode} is billed per screen-failed subject: choose the subject.`);
  const billed = db.prepare('SELECT 1 FROM sponsor_invoice_lines WHERE study_id = ? AND visit_code = ? AND subject_id IS ? AND (? = 0 OR service_date = ?) LIMIT 1');
  const perOccurrence = item.kind === 'PER_OCCURRENCE';
  if (item.kind === 'ONE_TIME' && db.prepare('SELECT 1 FROM sponsor_invoice_lines WHERE study_id = ? AND visit_code = ? LIMIT 1').get(study.pk, item.itemCode) !== undefined) {
    throw alreadyInvoiced(`The one-time item ${item.itemCode}`);
  }
  if (item.kind !== 'ONE_TIME' && billed.get(study.pk, item.itemCode, subject?.id ?? null, perOccurrence ? 1 : 0, input.serviceDate) !== undefined) {
    throw alreadyInvoiced(`${item.itemCode}${subject ? ` for subject ${subject.subject_id}` : ''}${perOccurrence ? ` on ${input.serviceDate}` : ''}`);
  }
  const line = invoiceableLine(study, item, item.kind === 'ONE_TIME' ? null : (subject?.id ?? null), item.kind === 'ONE_TIME' ? null : (subject?.subject_id ?? null), input.serviceDate);
  // Each occurrence is its own line: the date is part of what identifies it.
  return perOccurrence ? { ...line, key: `${invoiceableKey(item.itemPk, subject?.id ?? null)}:${input.serviceDate}` } : line;
}

function visitItemLine(db: Db, study: StudyTermsWithPk, input: Extract<ManualLineInput, { kind: 'visit-item' }>): CandidateLine {
  const subject = requireSubject(db, study, input.subjectId);
  const row = db
    .prepare(
      `SELECT i.id AS itemPk, i.procedure_name AS name, i.designation, i.sponsor_price_cents AS price, v.visit_code AS visitCode, v.visit_name AS visitName,
              (SELECT visit_date FROM ctms_visits cv WHERE cv.subject_id = ? AND cv.visit_id = v.id) AS visitDate
       FROM calendar_visits v JOIN calendar_items i ON i.visit_id = v.id
       WHERE v.arm_id IS ? AND v.visit_code = ? AND i.cpt_hcpcs = ?`,
    )
    .get(subject.id, subject.arm_id, input.visitCode, input.cptHcpcs) as
    | { itemPk: number; name: string; designation: string; price: number | null; visitCode: string; visitName: string; visitDate: string | null }
    | undefined;
  if (!row) throw new UserError('NO_SUCH_ITEM', `Subject ${subject.subject_id}'s calendar has no ${input.cptHcpcs} at visit ${input.visitCode}.`);
  if (row.designation !== 'SPONSOR' || row.price === null) {
    throw new UserError('NOT_SPONSOR_ITEM', `${input.cptHcpcs} at visit ${input.visitCode} is not a sponsor-paid item with a CTA price (it is ${row.designation}); add it as an "other" line if the sponsor agreed to pay it.`);
  }
  const date = input.serviceDate ?? row.visitDate;
  if (date === null) throw new UserError('DATE_REQUIRED', `Subject ${subject.subject_id} has no CTMS visit ${input.visitCode}: give the service date.`);
  const billed = db.prepare('SELECT 1 FROM sponsor_invoice_lines WHERE subject_id = ? AND visit_code = ? AND cpt_hcpcs = ? LIMIT 1').get(subject.id, row.visitCode, input.cptHcpcs);
  if (billed !== undefined) throw alreadyInvoiced(`${input.cptHcpcs} at visit ${input.visitCode} of subject ${subject.subject_id}`);
  return {
    key: visitItemKey(subject.id, row.itemPk),
    source: 'VISIT_ITEM',
    subjectPk: subject.id,
    calendarItemPk: row.itemPk,
    invoiceablePk: null,
    subjectId: subject.subject_id,
    visitCode: row.visitCode,
    visitName: row.visitName,
    cptHcpcs: input.cptHcpcs,
    description: row.name,
    serviceDate: date,
    overheadExempt: false,
    holdbackExempt: false,
    note: null,
    ...priceLine({ amountCents: row.price, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt: false, holdbackExempt: false }),
  };
}

function otherLine(db: Db, study: StudyTermsWithPk, input: Extract<ManualLineInput, { kind: 'other' }>): CandidateLine {
  const subject = input.subjectId ? requireSubject(db, study, input.subjectId) : null;
  const overheadExempt = !input.overheadApplies;
  const holdbackExempt = !input.holdbackApplies;
  return {
    key: `x:${randomBytes(8).toString('hex')}`,
    source: 'OTHER',
    subjectPk: subject?.id ?? null,
    calendarItemPk: null,
    invoiceablePk: null,
    subjectId: subject?.subject_id ?? null,
    visitCode: 'OTHER',
    visitName: null,
    cptHcpcs: null,
    description: input.description,
    serviceDate: input.serviceDate,
    overheadExempt,
    holdbackExempt,
    note: null,
    ...priceLine({ amountCents: input.amountCents, overheadBp: study.overheadBp, holdbackBp: study.holdbackBp, overheadExempt, holdbackExempt }),
  };
}
