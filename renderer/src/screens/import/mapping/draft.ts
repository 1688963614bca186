/**
 * The mapping being edited (a draft) and how it becomes a saved profile. Starting points: a saved
 * profile that fits the export, or a fresh draft pre-filled by matching column names, guessing the
 * date format and guessing value maps from the preview rows.
 */
import { FILE_SPECS } from '../../../../../shared/package-spec/files.ts';
import { CHARGE_FIELDS, mappingProfileSchema, type DateFormat, type MappingProfile } from '../../../../../shared/package-spec/mapping.ts';
import { normalizeHeader } from '../../../../../shared/package-spec/parse-row.ts';
import { autoMatchColumns } from './auto-match.ts';
import { guessDateFormat } from './date-preview.ts';
import { ENUM_FIELDS, buildValueMap, distinctValues } from './value-maps.ts';

export interface MappingDraft {
  readonly name: string;
  /** Field -> export header (as the export spells it). */
  readonly columns: Readonly<Record<string, string>>;
  /** Field -> fixed value, for fields not read from a column. */
  readonly constants: Readonly<Record<string, string>>;
  readonly dateFormat: DateFormat;
  readonly listSeparator: string;
  /** Field -> (export value -> package value; '' while not chosen). */
  readonly valueMaps: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly amountUnit: 'dollars' | 'cents';
}

/** The export's header and first rows, as the preview returned them. */
export interface ExportSample {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const REQUIRED = new Set(FILE_SPECS.charges.columns.filter((c) => c.required).map((c) => c.name));

/** Index of `header` in the sample (case-insensitive, as the importer matches), or -1. */
export function columnIndex(sample: ExportSample, header: string | undefined): number {
  if (header === undefined) return -1;
  const wanted = normalizeHeader(header);
  return sample.header.findIndex((h) => normalizeHeader(h) === wanted);
}

/** Value maps for every enumerated field read from a column: the values seen, with earlier choices kept. */
export function refreshValueMaps(draft: MappingDraft, sample: ExportSample): MappingDraft['valueMaps'] {
  const maps: Record<string, Record<string, string>> = {};
  for (const field of Object.keys(ENUM_FIELDS)) {
    const index = columnIndex(sample, draft.columns[field]);
    const seen = index >= 0 ? distinctValues(sample.rows, index) : [];
    const map = buildValueMap(field, seen, index >= 0 ? (draft.valueMaps[field] ?? {}) : {});
    if (Object.keys(map).length > 0) maps[field] = map;
  }
  return maps;
}

const LIST_FIELDS = ['modifiers', 'dx_codes', 'condition_codes'];

/** The separator the export's list columns use: `;` (the package's own) unless they only ever use `|` or `,`. */
export function guessListSeparator(values: readonly string[]): string {
  if (values.some((v) => v.includes(';'))) return ';';
  return ['|', ','].find((sep) => values.some((v) => v.includes(sep))) ?? ';';
}

/** A fresh draft for an export: columns matched by name, date format, list separator and value maps guessed. */
export function newDraft(sample: ExportSample, name = ''): MappingDraft {
  const columns = autoMatchColumns(sample.header);
  const dateIndex = columnIndex(sample, columns.service_date);
  const dateFormat = (dateIndex >= 0 ? guessDateFormat(sample.rows.map((r) => r[dateIndex] ?? '')) : null) ?? 'YYYY-MM-DD';
  const listValues = LIST_FIELDS.map((f) => columnIndex(sample, columns[f]))
    .filter((i) => i >= 0)
    .flatMap((i) => sample.rows.map((r) => r[i] ?? ''));
  const draft: MappingDraft = { name, columns, constants: {}, dateFormat, listSeparator: guessListSeparator(listValues), valueMaps: {}, amountUnit: 'dollars' };
  return { ...draft, valueMaps: refreshValueMaps(draft, sample) };
}

/** A saved profile as a draft for this export: its columns spelled as the export spells them, value maps refreshed. */
export function draftFromProfile(profile: MappingProfile, sample: ExportSample): MappingDraft {
  const columns: Record<string, string> = {};
  for (const [field, header] of Object.entries(profile.columns)) {
    const index = columnIndex(sample, header);
    columns[field] = index >= 0 ? (sample.header[index] as string) : header;
  }
  const draft: MappingDraft = { ...profile, columns, constants: { ...profile.constants }, valueMaps: profile.valueMaps };
  return { ...draft, valueMaps: refreshValueMaps(draft, sample) };
}

/** Whether every column the profile reads is in the export (so it can be applied as it is). */
export function profileFits(profile: MappingProfile, sample: ExportSample): boolean {
  const columns = Object.values(profile.columns);
  return columns.length > 0 && columns.every((header) => columnIndex(sample, header) >= 0);
}

/** The saved profile to offer for an export: the fitting one that reads the most columns, or null. */
export function suggestProfile(profiles: readonly MappingProfile[], sample: ExportSample): MappingProfile | null {
  const fitting = profiles.filter((p) => profileFits(p, sample));
  fitting.sort((a, b) => Object.keys(b.columns).length - Object.keys(a.columns).length);
  return fitting[0] ?? null;
}

/** Required fields that have neither a column nor a constant. */
export function missingFields(draft: MappingDraft): string[] {
  return CHARGE_FIELDS.filter((f) => REQUIRED.has(f) && draft.columns[f] === undefined && (draft.constants[f] ?? '') === '');
}

/** Export values of a value map still waiting for a choice. */
export function unmappedValues(draft: MappingDraft): { field: string; value: string }[] {
  return Object.entries(draft.valueMaps).flatMap(([field, map]) =>
    Object.entries(map)
      .filter(([, to]) => to === '')
      .map(([value]) => ({ field, value })),
  );
}

/** The draft as a profile (unchosen value-map entries and blank constants dropped), or the reason it is not one yet. */
export function toProfile(draft: MappingDraft): { ok: true; profile: MappingProfile } | { ok: false; reason: string } {
  const missing = missingFields(draft);
  if (draft.name.trim() === '') return { ok: false, reason: 'Give the mapping a name so it can be used again next time.' };
  if (missing.length > 0) return { ok: false, reason: `Map a column or set a value for: ${missing.join(', ')}.` };
  const constants = Object.fromEntries(Object.entries(draft.constants).filter(([field, value]) => value !== '' && draft.columns[field] === undefined));
  const valueMaps = Object.fromEntries(
    Object.entries(draft.valueMaps)
      .map(([field, map]) => [field, Object.fromEntries(Object.entries(map).filter(([, to]) => to !== ''))] as const)
      .filter(([, map]) => Object.keys(map).length > 0),
  );
  const parsed = mappingProfileSchema.safeParse({ ...draft, name: draft.name.trim(), constants, valueMaps });
  if (!parsed.success) return { ok: false, reason: `The mapping is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.` };
  return { ok: true, profile: parsed.data };
}
