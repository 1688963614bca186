/**
 * What the chosen files add up to: a study package (package CSVs and workbooks, imported together),
 * one charge export to map, or a choice that cannot be imported as it is (and why). Also checks each
 * package file's header against the spec so the coordinator sees a wrong column before importing.
 */
import type { FilePreview } from '../../../../shared/contract/imports.ts';
import { FILE_SPECS, type PackageFileKind } from '../../../../shared/package-spec/files.ts';
import { resolveHeader } from '../../../../shared/package-spec/parse-row.ts';

export type ImportPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'package'; readonly files: readonly FilePreview[] }
  | { readonly kind: 'export'; readonly file: FilePreview }
  | { readonly kind: 'blocked'; readonly reason: string };

/** The header problems of a package file or sheet: missing, unknown or repeated columns. */
export function headerProblems(kind: PackageFileKind, header: readonly string[]): string[] {
  return resolveHeader(FILE_SPECS[kind], header).problems.map((p) => p.reason);
}

/** Whether a file can only be imported through a column mapping. */
export function needsMapping(file: FilePreview): boolean {
  if (file.problem !== undefined) return false;
  if (file.sheets.length === 0) return false;
  if (file.name.toLowerCase().endsWith('.xlsx')) return file.sheets.every((s) => s.kind === null);
  const sheet = file.sheets[0];
  // A file named charges.csv in the hospital's own layout is an export too.
  return file.kind === null || (file.kind === 'charges' && sheet !== undefined && headerProblems('charges', sheet.header).length > 0);
}

/** The sample the mapping step works on: the first sheet of the export. */
export function exportSample(file: FilePreview): { header: readonly string[]; rows: readonly (readonly string[])[] } {
  const sheet = file.sheets[0];
  return { header: sheet?.header ?? [], rows: sheet?.rows ?? [] };
}

/** Decides what can be imported from the chosen files. */
export function planImport(files: readonly FilePreview[]): ImportPlan {
  if (files.length === 0) return { kind: 'none' };
  const unreadable = files.filter((f) => f.problem !== undefined);
  if (unreadable.length > 0) return { kind: 'blocked', reason: `${unreadable.map((f) => f.name).join(', ')} cannot be read; remove ${unreadable.length === 1 ? 'it' : 'them'} to go on.` };
  const exports = files.filter(needsMapping);
  if (exports.length === 0) return { kind: 'package', files };
  if (files.length === 1) return { kind: 'export', file: exports[0] as FilePreview };
  const names = exports.map((f) => f.name).join(', ');
  if (exports.length === files.length) return { kind: 'blocked', reason: `Charge exports are mapped one at a time: keep one of ${names}.` };
  return { kind: 'blocked', reason: `${names} ${exports.length === 1 ? 'is' : 'are'} not a study-package file: import ${exports.length === 1 ? 'it' : 'them'} on ${exports.length === 1 ? 'its' : 'their'} own as a charge export, after the package.` };
}

/** `12.4 KB`, `3.1 MB`: file sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
