/**
 * The columns of an exported queue view (.csv and .xlsx write the same ones, in this order) and the
 * CSV cell encoding. Pure, so the renderer can name the columns and the tests can check the mapping.
 * No MRN or account number is ever exported: subjects are named by their study subject id.
 */
import type { FindingRow } from '../contract/findings.ts';
import { centsToDecimalString } from '../domain/money.ts';
import { ruleById } from '../rules/catalogue.ts';

export type ExportKind = 'integer' | 'text' | 'date' | 'money';

export interface ExportColumn {
  readonly header: string;
  readonly kind: ExportKind;
  /** Spreadsheet column width in characters. */
  readonly width: number;
  /** The cell: text, a whole number, or cents for money. */
  readonly value: (row: FindingRow) => string | number | null;
}

const titleOf = (rule: string): string => {
  try {
    return ruleById(rule).title;
  } catch {
    return '';
  }
};

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Finding', kind: 'integer', width: 10, value: (r) => r.id },
  { header: 'Rule', kind: 'text', width: 10, value: (r) => r.rule },
  { header: 'Rule title', kind: 'text', width: 44, value: (r) => titleOf(r.rule) },
  { header: 'Severity', kind: 'text', width: 10, value: (r) => r.severity },
  { header: 'Category', kind: 'text', width: 12, value: (r) => r.category },
  { header: 'Status', kind: 'text', width: 11, value: (r) => r.status },
  { header: 'Study', kind: 'text', width: 12, value: (r) => r.studyId },
  { header: 'Subject', kind: 'text', width: 10, value: (r) => r.subjectId },
  { header: 'Charge', kind: 'text', width: 13, value: (r) => r.chargeId },
  { header: 'Visit', kind: 'text', width: 8, value: (r) => r.visitCode },
  { header: 'CPT/HCPCS', kind: 'text', width: 10, value: (r) => r.cptHcpcs },
  { header: 'Service date', kind: 'date', width: 12, value: (r) => r.serviceDate },
  { header: 'Payer type', kind: 'text', width: 20, value: (r) => r.payerType },
  { header: 'Amount', kind: 'money', width: 14, value: (r) => r.amountCents },
  { header: 'Assignee', kind: 'text', width: 18, value: (r) => r.assignee },
  { header: 'Message', kind: 'text', width: 90, value: (r) => r.message },
];

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the
 * start) is prefixed with an apostrophe (OWASP CSV injection), in both .csv and .xlsx text cells.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field as RFC 4180 and papaparse write it: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell's CSV text: money as a plain decimal (`1234.50`), text neutralized, empty for null. */
export function csvCell(column: ExportColumn, row: FindingRow): string {
  const value = column.value(row);
  if (value === null) return '';
  if (column.kind === 'money') return centsToDecimalString(Number(value));
  if (column.kind === 'integer') return String(value);
  return csvField(neutralizeFormula(String(value)));
}

/** The header line and one line per row (CRLF line ends, as RFC 4180). */
export function csvHeader(): string {
  return `${EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')}\r\n`;
}

export function csvLine(row: FindingRow): string {
  return `${EXPORT_COLUMNS.map((c) => csvCell(c, row)).join(',')}\r\n`;
}
