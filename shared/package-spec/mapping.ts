/**
 * Column-mapping profiles: how a hospital's own charge export becomes charges.csv. Modelled on Actual
 * Budget's import dialog: a source column per field, the export's date format, list separators and
 * value maps (financial class "MCR" -> MEDICARE), saved by name and reused next month.
 */
import { z } from 'zod';
import { toDayNumber } from '../domain/dates.ts';
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

/** Resolves an export's header through a profile into spec order, reporting unmapped required fields and absent source columns. */
export function resolveMappedHeader(profile: MappingProfile, headerCells: readonly string[]): MappedHeader {
  const spec = FILE_SPECS.charges;
  const byName = new Map<string, number>();
  headerCells.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (!byName.has(name)) byName.set(name, index);
  });
  const problems: { column: number; columnName?: string; reason: string }[] = [];
  const indexes: number[] = [];
  const sources: ColumnSource[] = [];
  const constants: (string | undefined)[] = [];
  for (const column of spec.columns) {
    const sourceHeader = profile.columns[column.name];
    const constant = profile.constants[column.name];
    constants.push(constant);
    if (sourceHeader !== undefined) {
      const index = byName.get(normalizeHeader(sourceHeader));
      if (index === undefined) {
        problems.push({ column: 0, columnName: sourceHeader, reason: `column '${sourceHeader}' (mapped to ${column.name} by profile '${profile.name}') is not in the file` });
      }
      indexes.push(index ?? -1);
      sources.push({ column: (index ?? -1) + 1, header: sourceHeader });
    } else {
      if (column.required && constant === undefined) {
        problems.push({ column: 0, columnName: column.name, reason: `field '${column.name}' is required but profile '${profile.name}' maps no column to it` });
      }
      indexes.push(-1);
      sources.push({ column: 0, header: `${column.name} (constant)` });
    }
  }
  return { indexes, sources, problems, constants };
}

const LIST_FIELDS = new Set(['modifiers', 'dx_codes', 'condition_codes']);

/** Turns one export row into charges.csv cells (spec order, package formats), ready for the shared validation. */
export function mapChargeRow(profile: MappingProfile, header: MappedHeader, raw: readonly string[]): (string | undefined)[] {
  const spec = FILE_SPECS.charges;
  return spec.columns.map((column, i) => {
    const index = header.indexes[i] ?? -1;
    let value = index >= 0 ? (raw[index] ?? '') : (header.constants[i] ?? '');
    value = value.trim();
    const map = profile.valueMaps[column.name];
    if (map && value !== '') {
      const hit = Object.entries(map).find(([from]) => from.toLowerCase() === value.toLowerCase());
      if (hit) value = hit[1];
    }
    if (value === '') return value;
    if (column.kind.type === 'date') return convertDate(value, profile.dateFormat);
    if (column.kind.type === 'money' && profile.amountUnit === 'cents' && /^-?\d+$/.test(value)) {
      const cents = Number(value);
      const abs = Math.abs(cents);
      return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    }
    if (LIST_FIELDS.has(column.name) && profile.listSeparator !== ';') return value.split(profile.listSeparator).join(';');
    return value;
  });
}
