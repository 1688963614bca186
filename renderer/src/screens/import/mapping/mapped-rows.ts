/**
 * The preview rows as the importer will see them after mapping: each field's converted value and,
 * when the row would be refused, the reason, using the very functions the importer uses (so the
 * preview cannot promise what the import then refuses). PHI is masked: the coordinator needs to see
 * that an MRN is there and valid, never the MRN itself.
 */
import { FILE_SPECS } from '../../../../../shared/package-spec/files.ts';
import { mapChargeRow, resolveMappedHeader, type MappingProfile } from '../../../../../shared/package-spec/mapping.ts';
import { parseSpecRow } from '../../../../../shared/package-spec/parse-row.ts';
import type { ExportSample, MappingDraft } from './draft.ts';

export const PHI_MASK = '••••••';

const SPEC = FILE_SPECS.charges;
const PHI_FIELDS = new Set(SPEC.columns.filter((c) => c.phi === true).map((c) => c.name));

export interface MappedCell {
  readonly field: string;
  /** The value after mapping (masked for PHI fields); '' when blank. */
  readonly text: string;
  /** Why the importer would refuse it; null when valid. */
  readonly problem: string | null;
}

export interface MappedRow {
  /** 1-based line in the export (the header is line 1). */
  readonly line: number;
  readonly cells: readonly MappedCell[];
  readonly problemCount: number;
}

/** The draft as the importer reads it: unchosen value-map entries left out, so the raw value is what gets validated. */
export function draftAsProfile(draft: MappingDraft): MappingProfile {
  const valueMaps = Object.fromEntries(Object.entries(draft.valueMaps).map(([f, map]) => [f, Object.fromEntries(Object.entries(map).filter(([, to]) => to !== ''))]));
  return { ...draft, name: draft.name || 'new mapping', columns: { ...draft.columns }, constants: { ...draft.constants }, valueMaps };
}

/** Maps and validates up to `limit` preview rows. */
export function mapPreviewRows(draft: MappingDraft, sample: ExportSample, limit = 50): MappedRow[] {
  const profile = draftAsProfile(draft);
  const header = resolveMappedHeader(profile, sample.header);
  return sample.rows.slice(0, limit).map((raw, r) => {
    const cells = mapChargeRow(profile, header, raw);
    const parsed = parseSpecRow(SPEC, cells);
    const problems = new Map(parsed.problems.map((p) => [p.specColumn, p.reason]));
    return {
      line: r + 2,
      cells: SPEC.columns.map((column, i) => {
        const text = (cells[i] ?? '').trim();
        return { field: column.name, text: PHI_FIELDS.has(column.name) && text !== '' ? PHI_MASK : text, problem: problems.get(i) ?? null };
      }),
      problemCount: parsed.problems.length,
    };
  });
}

/** The rows the preview table shows: the first few, then any refused ones further down (bounded). */
export function rowsToShow(rows: readonly MappedRow[], first = 5, max = 12): MappedRow[] {
  return rows.filter((row, i) => i < first || row.problemCount > 0).slice(0, max);
}

/** Masks the cells of an export's raw preview that a draft maps to PHI fields. */
export function maskRawRow(row: readonly string[], phiColumns: ReadonlySet<number>): string[] {
  return row.map((cell, i) => (phiColumns.has(i) && cell.trim() !== '' ? PHI_MASK : cell));
}

/** Fields whose values identify a patient. */
export function isPhiField(field: string): boolean {
  return PHI_FIELDS.has(field);
}

/** Column indexes of `header` that `columns` (field -> header) maps to PHI fields. */
export function phiColumnsOf(columns: Readonly<Record<string, string>>, header: readonly string[]): Set<number> {
  const phiHeaders = new Set(
    Object.entries(columns)
      .filter(([field]) => PHI_FIELDS.has(field))
      .map(([, h]) => h.trim().toLowerCase()),
  );
  return new Set(header.flatMap((h, i) => (phiHeaders.has(h.trim().toLowerCase()) ? [i] : [])));
}
