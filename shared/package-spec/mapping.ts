/**
 * Column-mapping profiles: how a hospital's own charge export becomes charges.csv. Modelled on Actual
 * Budget's import dialog: a source column per field, the export's date format, list separators and
 * value maps (financial class "MCR" -> MEDICARE), saved by name and reused next month.
 */
import { z } from 'zod';
import { toDayNumber } from '../domain/dates.ts';
import { formatCents, MAX_CENTS } from '../domain/money.ts';
import { quoteCell } from './cell-parsers.ts';
import { FILE_SPECS } from './files.ts';
import type { ColumnSource, ResolvedHeader } from './parse-row.ts';
import { normalizeHeader } from './parse-row.ts';

export const CHARGE_FIELDS = FILE_SPECS.charges.columns.map((column) => column.name);

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYYMMDD', 'MM-DD-YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const fieldName = z.string().refine((name) => CHARGE_FIELDS.includes(name), { message: 'not a charges.csv field' });

export const mappingProfileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** Target field -> source column header (matched case-insensitively). */
  columns: z.record(fieldName, z.string().min(1).max(200)),
  /** Target field -> fixed value for every row, for fields the export does not carry (e.g. claim_type). */
  constants: z.record(fieldName, z.string().max(200)).default({}),
  dateFormat: z.enum(DATE_FORMATS).default('YYYY-MM-DD'),
  /** Separator inside list fields (modifiers, dx_codes, condition_codes) when it is not `;`. */
  listSeparator: z.string().min(1).max(3).default(';'),
  /** Target field -> (source value -> package value), applied case-insensitively before validation. */
  valueMaps: z.record(fieldName, z.record(z.string(), z.string())).default({}),
  /** Amounts in the export are dollars (`212.00`) or integer cents (`21200`). */
  amountUnit: z.enum(['dollars', 'cents']).default('dollars'),
});
export type MappingProfile = z.infer<typeof mappingProfileSchema>;

const DATE_PATTERNS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/,
  'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
  'MM-DD-YYYY': /^(?<m>\d{1,2})-(?<d>\d{1,2})-(?<y>\d{4})$/,
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/,
};

/** Converts a date in the profile's format to ISO; returns the text unchanged when it does not fit, so validation names it. */
export function convertDate(text: string, format: DateFormat): string {
  const trimmed = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?$/, ''); // exports often append 00:00:00
  const groups = DATE_PATTERNS[format].exec(trimmed)?.groups;
  if (!groups) return text;
  const iso = `${groups.y}-${(groups.m ?? '').padStart(2, '0')}-${(groups.d ?? '').padStart(2, '0')}`;
  return toDayNumber(iso) === null ? text : iso;
}

export interface MappedHeader extends ResolvedHeader {
  /** For each charges field in spec order: the constant to use when the field is not read from a column. */
  readonly constants: readonly (string | undefined)[];
}

/**
 * Resolves an export's header through a profile into spec order, reporting unmapped required fields,
 * absent source columns and a mapped source column that appears twice (which of the two holds the
 * amount is anyone's guess, so neither is read). Columns the profile does not map may repeat.
 */
export function resolveMappedHeader(profile: MappingProfile, headerCells: readonly string[]): MappedHeader {
  const spec = FILE_SPECS.charges;
  const byName = new Map<string, number[]>();
  headerCells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    const seen = byName.get(name);
    if (seen) seen.push(index);
    else byName.set(name, [index]);
  });
  const problems: { column: number; columnName?: string; reason: string }[] = [];
  const indexes: number[] = [];
  const sources: ColumnSource[] = [];
  const constants: (string | undefined)[] = [];
  const reportedTwice = new Set<string>();
  for (const column of spec.columns) {
    const sourceHeader = profile.columns[column.name];
    const constant = profile.constants[column.name];
    constants.push(constant);
    if (sourceHeader !== undefined) {
      const found = byName.get(normalizeHeader(sourceHeader)) ?? [];
      const index = found[0];
      if (index === undefined) {
        problems.push({ column: 0, columnName: sourceHeader, reason: `column '${sourceHeader}' (mapped to ${column.name} by profile '${profile.name}') is not in the file` });
      } else if (found.length > 1 && !reportedTwice.has(normalizeHeader(sourceHeader))) {
        reportedTwice.add(normalizeHeader(sourceHeader));
        for (const again of found.slice(1)) {
          problems.push({
            column: again + 1,
            columnName: sourceHeader,
            reason: `column ${quoteCell(sourceHeader)} appears twice (also column ${index + 1}) and profile ${quoteCell(profile.name)} maps it to ${column.name}: rename or remove one of them`,
          });
        }
      }
      indexes.push(index ?? -1);
      sources.push({ column: (index ?? -1) + 1, header: sourceHeader });
    } else {
      if (column.required && constant === undefined) {
        problems.push({ column: 0, columnName: column.name, reason: `field '${column.name}' is required but profile '${profile.name}' maps no column to it` });
      }
      if (constant !== undefined && column.kind.type === 'money' && profile.amountUnit === 'cents') {
        const converted = centsToDollarText(constant.trim(), profile);
        if (!converted.ok) problems.push({ column: 0, columnName: column.name, reason: `the constant for ${column.name}: ${converted.reason}` });
      }
      indexes.push(-1);
      sources.push({ column: 0, header: `${column.name} (constant)` });
    }
  }
  return { indexes, sources, problems, constants };
}

const LIST_FIELDS = new Set(['modifiers', 'dx_codes', 'condition_codes']);

/** A cell the profile itself refuses before the shared validation sees it (a cents column holding `12.5`). */
export interface MappedCellProblem {
  /** Index of the spec column. */
  readonly specColumn: number;
  /** 1-based column in the export; 0 when the value is a profile constant. */
  readonly column: number;
  /** The export's own header of that column (or the field, for a constant). */
  readonly columnName: string;
  readonly reason: string;
}

type MappedCell = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string; readonly text: string };

const WHOLE_CENTS = /^-?\d+$/;

/**
 * Converts an amount declared in integer cents to the package's dollar form. Only a whole number of
 * cents is one: `12.5` or `1,234` in a cents column would otherwise be read as dollars (1250 and
 * 123400 cents), the very misreading the declaration exists to prevent. Converted digit by digit, so
 * no amount passes through a float.
 */
function centsToDollarText(value: string, profile: MappingProfile): MappedCell {
  if (!WHOLE_CENTS.test(value)) {
    return {
      ok: false,
      // The value is made invalid for the dollar parser too, so a caller that shows mapped cells
      // without these problems (the mapping preview) still sees the cell refused, never misread.
      text: `${value} cents`,
      reason: `${quoteCell(value)} is not a whole number of cents; profile ${quoteCell(profile.name)} declares amounts in cents (amountUnit "cents"), such as 21200 for $212.00`,
    };
  }
  const negative = value.startsWith('-');
  const digits = value.replace(/^-/, '').replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_CENTS).length || Number(digits) > MAX_CENTS) {
    return {
      ok: false,
      text: `${value} cents`,
      reason: `${quoteCell(value)} cents is above the maximum amount of ${formatCents(MAX_CENTS)} (${MAX_CENTS} cents)`,
    };
  }
  const padded = digits.padStart(3, '0');
  return { ok: true, text: `${negative ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}` };
}

function mapCell(profile: MappingProfile, header: MappedHeader, raw: readonly string[], i: number): MappedCell {
  const column = FILE_SPECS.charges.columns[i];
  if (column === undefined) return { ok: true, text: '' };
  const index = header.indexes[i] ?? -1;
  let value = index >= 0 ? (raw[index] ?? '') : (header.constants[i] ?? '');
  value = value.trim();
  const map = profile.valueMaps[column.name];
  if (map && value !== '') {
    const hit = Object.entries(map).find(([from]) => from.toLowerCase() === value.toLowerCase());
    if (hit) value = hit[1];
  }
  if (value === '') return { ok: true, text: value };
  if (column.kind.type === 'date') return { ok: true, text: convertDate(value, profile.dateFormat) };
  if (column.kind.type === 'money' && profile.amountUnit === 'cents') return centsToDollarText(value, profile);
  if (LIST_FIELDS.has(column.name) && profile.listSeparator !== ';') return { ok: true, text: value.split(profile.listSeparator).join(';') };
  return { ok: true, text: value };
}

/** One export row through the profile: the charges.csv cells and the cells the profile refused. */
export interface MappedRow {
  readonly cells: (string | undefined)[];
  /** Export cells the profile refuses (constants are checked once, with the header). */
  readonly refused: readonly MappedCellProblem[];
}

/**
 * Turns one export row into charges.csv cells (spec order, package formats), ready for the shared
 * validation, and says which export cells the profile itself refuses. A refused cell comes out in
 * a form that validation refuses too, so it can never be read as something else.
 */
export function mapExportRow(profile: MappingProfile, header: MappedHeader, raw: readonly string[]): MappedRow {
  const refused: MappedCellProblem[] = [];
  const cells = FILE_SPECS.charges.columns.map((column, i) => {
    const cell = mapCell(profile, header, raw, i);
    if (!cell.ok && (header.indexes[i] ?? -1) >= 0) {
      const source = header.sources[i];
      refused.push({ specColumn: i, column: source?.column ?? 0, columnName: source?.header ?? column.name, reason: cell.reason });
    }
    return cell.text;
  });
  return { cells, refused };
}

/** The charges.csv cells of one export row (the mapping preview's view; see mapExportRow). */
export function mapChargeRow(profile: MappingProfile, header: MappedHeader, raw: readonly string[]): (string | undefined)[] {
  return mapExportRow(profile, header, raw).cells;
}
