/**
 * A finding's stored evidence (shared/rules/evidence.ts) as blocks to show side by side: the charge
 * as billed, the calendar row and visit window it matched, the coverage designation and CTA price,
 * the consent flag, the study's trial identifiers, the enrolment, and the records a rule compared
 * (invoice line, duplicate, CTMS visit). Pure and defensive: evidence is JSON from the store, so an
 * unexpected shape shows as plain fields rather than breaking the page.
 */
import type { Designation } from '../../../../../shared/domain/codes.ts';
import { DESIGNATION_LABEL } from '../../../../../shared/domain/codes.ts';
import { formatCents } from '../../../../../shared/domain/money.ts';
import { payerLabel } from '../../../../../shared/findings/describe-view.ts';

export interface EvidenceField {
  readonly label: string;
  readonly value: string;
  /** The rule fired on this field. */
  readonly fired?: boolean;
}

export interface EvidenceBlock {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly EvidenceField[];
}

export interface FiredCheck {
  readonly field: string;
  readonly found: string;
  readonly expected: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any evidence value as text: lists joined, null as an em dash, booleans as Yes/No. */
export function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(text).join(', ');
  if (isObject(value)) return Object.entries(value).map(([k, v]) => `${k}: ${text(v)}`).join('; ');
  return String(value);
}

const money = (v: unknown): string => (typeof v === 'number' ? formatCents(v) : text(v));

/** The fields the rule fired on, e.g. `bill_to`, `modifiers`. */
export function firedChecks(evidence: Json): FiredCheck[] {
  const fired = evidence.fired;
  if (!Array.isArray(fired)) return [];
  return fired.filter(isObject).map((f) => ({ field: text(f.field), found: text(f.found), expected: text(f.expected) }));
}

type FieldSpec = readonly [key: string, label: string, format?: (v: unknown, all: Json) => string];

function fieldsOf(source: Json, specs: readonly FieldSpec[], firedFields: ReadonlySet<string>): EvidenceField[] {
  return specs
    .filter(([key]) => key in source)
    .map(([key, label, format]) => ({ label, value: format ? format(source[key], source) : text(source[key]), ...(firedFields.has(key) ? { fired: true } : {}) }));
}

const CHARGE: readonly FieldSpec[] = [
  ['charge_id', 'Charge'],
  ['service_date', 'Service date'],
  ['cpt_hcpcs', 'Code'],
  ['modifiers', 'Modifiers'],
  ['units', 'Units'],
  ['amount_cents', 'Amount', money],
  ['revenue_code', 'Revenue code'],
  ['dx_codes', 'Diagnoses'],
  ['bill_to', 'Billed to'],
  ['payer_name', 'Payer'],
  ['payer_type', 'Payer type', (v) => payerLabel(typeof v === 'string' ? v : null) || text(v)],
  ['claim_type', 'Claim'],
  ['setting', 'Setting'],
  ['nct_on_claim', 'NCT on claim'],
  ['ide_on_claim', 'IDE on claim'],
  ['condition_codes', 'Condition codes'],
  ['source', 'Source'],
];

const CALENDAR: readonly FieldSpec[] = [
  ['arm', 'Arm'],
  ['visit_code', 'Visit', (v, all) => `${text(v)}${typeof all.visit_name === 'string' ? ` · ${all.visit_name}` : ''}`],
  ['visit_day', 'Visit day', (v, all) => `day ${text(v)} (−${text(all.window_before_days)}/+${text(all.window_after_days)} days)`],
  ['expected_date', 'Expected date'],
  ['window', 'Window', (v) => (isObject(v) ? `${text(v.from)} to ${text(v.to)}` : text(v))],
  ['days_from_expected', 'Days from expected', (v) => (typeof v === 'number' && v > 0 ? `+${v}` : text(v))],
  ['procedure_name', 'Procedure', (v, all) => `${text(v)} (${text(all.cpt_hcpcs)})`],
  ['source', 'Source'],
];

const COVERAGE: readonly FieldSpec[] = [
  ['designation', 'Designation', (v) => (typeof v === 'string' && v in DESIGNATION_LABEL ? `${v}: ${DESIGNATION_LABEL[v as Designation]}` : text(v))],
  ['sponsor_price_cents', 'CTA sponsor price', money],
  ['requires_preapproval', 'Needs sponsor pre-approval'],
  ['justification', 'Justification'],
];

const STUDY: readonly FieldSpec[] = [
  ['study_id', 'Study'],
  ['qualifying_trial', 'Qualifying trial (NCD 310.1)'],
  ['nct_number', 'NCT number'],
  ['ide_number', 'IDE number'],
  ['device_study', 'Device study'],
];

const ENROLMENT: readonly FieldSpec[] = [
  ['subject_id', 'Subject'],
  ['arm', 'Arm'],
  ['consent_date', 'Consent'],
  ['start_date', 'Start'],
  ['off_study_date', 'Off study'],
  ['payer_type', 'Payer type', (v) => payerLabel(typeof v === 'string' ? v : null) || text(v)],
  ['status', 'Status'],
];

const RECORDS: Record<string, { title: string; specs: readonly FieldSpec[]; none: string }> = {
  invoice_line: { title: 'Sponsor invoice line', none: 'No sponsor invoice line for this item', specs: [['invoice_number', 'Invoice'], ['visit_code', 'Visit'], ['service_date', 'Service date'], ['amount_cents', 'Amount', money]] },
  duplicate_of: { title: 'Duplicate of', none: '—', specs: [['charge_id', 'Charge'], ['source', 'Source']] },
  ctms_visit: { title: 'CTMS visit', none: 'No CTMS visit', specs: [['visit_code', 'Visit'], ['visit_date', 'Date'], ['status', 'Status']] },
  approval: { title: 'Sponsor approval', none: 'No approval on file for this subject, code and date', specs: [['approval_ref', 'Reference'], ['service_date', 'Date']] },
  invoiceable: { title: 'CTA invoiceable item', none: '—', specs: [['item_code', 'Item'], ['description', 'Description'], ['amount_cents', 'Amount', money], ['kind', 'Kind']] },
};

/** The evidence as blocks, in reading order; blocks the finding has no data for are left out. */
export function evidenceBlocks(evidence: Json): EvidenceBlock[] {
  const firedFields = new Set(firedChecks(evidence).flatMap((f) => f.field.split('/')));
  const blocks: EvidenceBlock[] = [];
  const add = (id: string, title: string, fields: EvidenceField[]): void => {
    if (fields.length > 0) blocks.push({ id, title, fields });
  };
  if (isObject(evidence.charge)) add('charge', 'Charge as billed', fieldsOf(evidence.charge, CHARGE, firedFields));
  const calendar = isObject(evidence.calendar) ? evidence.calendar : null;
  if (calendar) {
    add('calendar', 'Calendar row and visit window', fieldsOf(calendar, CALENDAR, new Set()));
    add('coverage', 'Coverage analysis and CTA budget', fieldsOf(calendar, COVERAGE, firedFields));
    add('consent', 'Informed consent', fieldsOf(calendar, [['promised_free', 'Promised at no cost in the consent']], firedFields));
  }
  for (const [key, record] of Object.entries(RECORDS)) {
    if (!(key in evidence)) continue;
    const value = evidence[key];
    add(key, record.title, isObject(value) ? fieldsOf(value, record.specs, new Set()) : [{ label: record.title, value: record.none, ...(firedFields.has(key) ? { fired: true } : {}) }]);
  }
  if (Array.isArray(evidence.issues)) add('issues', 'What disagrees', evidence.issues.map((issue, i) => ({ label: `Issue ${i + 1}`, value: text(issue) })));
  if (Array.isArray(evidence.calendar_windows)) add('windows', 'Visit windows for this code', evidence.calendar_windows.map((w, i) => ({ label: `Window ${i + 1}`, value: text(w) })));
  if (isObject(evidence.enrolment)) add('enrolment', 'Enrolment', fieldsOf(evidence.enrolment, ENROLMENT, new Set()));
  if (isObject(evidence.study)) add('study', 'Study and trial identifiers', fieldsOf(evidence.study, STUDY, new Set()));
  return blocks;
}
