/**
 * Works out what an import source holds: which package file each CSV or sheet is, in the order they
 * must load (studies before the calendar before subjects ...), and what cannot be recognised.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FILE_SPECS, PACKAGE_FILE_KINDS, packageFileKindOf, type PackageFileKind } from '../../shared/package-spec/files.ts';
import type { ImportProblem } from '../../shared/package-spec/problems.ts';
import { listXlsxSheets, type XlsxSheet } from './list-xlsx-sheets.ts';
import { describeReadError, unreadableReason } from './probe-file.ts';
import { WorkbookError } from './read-xlsx-rows.ts';

/** One thing to import: a CSV file or one sheet of a workbook. */
export interface ImportUnit {
  readonly kind: PackageFileKind;
  readonly path: string;
  readonly fileName: string;
  /** Set for a workbook sheet. */
  readonly sheet?: XlsxSheet;
  /** Shown in counts and problems: `calendar.csv` or `package.xlsx [calendar]`. */
  readonly display: string;
}

export type ImportSource =
  /** A folder of package CSV files (other files, such as a README, are ignored). */
  | { readonly type: 'folder'; readonly path: string }
  /** One file: a package CSV named after its kind, an .xlsx package workbook, or any CSV/.xlsx with a mapping profile. */
  | { readonly type: 'file'; readonly path: string }
  /** Several package files chosen together (the wizard's multi-select); each is read as a one-file source. */
  | { readonly type: 'files'; readonly paths: readonly string[] };

const KNOWN = PACKAGE_FILE_KINDS.map((kind) => FILE_SPECS[kind].fileName).join(', ');

/** Lists the units of a source in load order, or the problems that stop it from being read at all. */
export async function discoverUnits(source: ImportSource, mapped: boolean): Promise<{ units: ImportUnit[]; problems: ImportProblem[] }> {
  if (source.type === 'files') {
    if (mapped && source.paths.length !== 1) {
      return { units: [], problems: [{ file: source.paths.map((p) => basename(p)).join(', '), line: 0, column: 0, reason: 'a mapping profile applies to one charge export file at a time' }] };
    }
    const parts = await Promise.all(source.paths.map((path) => discoverUnits({ type: 'file', path }, mapped)));
    return finish(parts.flatMap((p) => p.units), parts.flatMap((p) => p.problems));
  }
  const problems: ImportProblem[] = [];
  const units: ImportUnit[] = [];
  const fileProblem = (file: string, reason: string): void => {
    problems.push({ file, line: 0, column: 0, reason });
  };
  let info;
  try {
    info = await stat(source.path);
  } catch (error) {
    fileProblem(basename(source.path), await describeReadError(source.path, error, 'file or folder not found'));
    return { units, problems };
  }
  if (source.type === 'folder' || info.isDirectory()) {
    if (mapped) {
      fileProblem(basename(source.path), 'a mapping profile applies to one charge export file, not a folder');
      return { units, problems };
    }
    let names: string[];
    try {
      names = (await readdir(source.path)).sort();
    } catch (error) {
      fileProblem(basename(source.path), `the folder ${await describeReadError(source.path, error)}`);
      return { units, problems };
    }
    for (const name of names) {
      const ext = extname(name).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') continue;
      // A folder named studies.csv, a broken link or a pipe: refused by name here, not an I/O error later.
      const notAFile = await unreadableReason(join(source.path, name));
      if (notAFile !== null) {
        fileProblem(name, notAFile);
        continue;
      }
      if (ext === '.xlsx') units.push(...(await workbookUnits(join(source.path, name), name, problems)));
      if (ext !== '.csv') continue;
      const kind = packageFileKindOf(name);
      if (kind === null) fileProblem(name, `not a study-package file name; a package holds: ${KNOWN}`);
      else units.push({ kind, path: join(source.path, name), fileName: name, display: name });
    }
    if (units.length === 0 && problems.length === 0) fileProblem(basename(source.path), `no study-package files found; a package holds: ${KNOWN}`);
  } else if (!info.isFile()) {
    fileProblem(basename(source.path), 'is not a regular file (a device, pipe or socket)');
  } else {
    const name = basename(source.path);
    const ext = extname(name).toLowerCase();
    if (mapped) {
      if (ext === '.xlsx') {
        const sheets = await sheetNames(source.path, name, problems);
        const first = sheets[0];
        if (first !== undefined) units.push({ kind: 'charges', path: source.path, fileName: name, sheet: first, display: `${name} [${first.name}]` });
        else if (problems.length === 0) fileProblem(name, 'the workbook has no sheets');
      } else units.push({ kind: 'charges', path: source.path, fileName: name, display: name });
    } else if (ext === '.xlsx') {
      units.push(...(await workbookUnits(source.path, name, problems)));
      if (units.length === 0 && problems.length === 0) fileProblem(name, `no sheet is named after a study-package file (${KNOWN.replaceAll('.csv', '')})`);
    } else {
      const kind = packageFileKindOf(name);
      if (kind === null) fileProblem(name, `cannot tell which package file this is from its name; use one of ${KNOWN}, or import it with a column-mapping profile`);
      else units.push({ kind, path: source.path, fileName: name, display: name });
    }
  }
  return finish(units, problems);
}

/** Refuses two sources for one package file and puts the units in load order. */
function finish(units: ImportUnit[], problems: ImportProblem[]): { units: ImportUnit[]; problems: ImportProblem[] } {
  const duplicateKinds = PACKAGE_FILE_KINDS.filter((kind) => units.filter((u) => u.kind === kind).length > 1);
  for (const kind of duplicateKinds) {
    problems.push({ file: units.filter((u) => u.kind === kind).map((u) => u.display).join(' and '), line: 0, column: 0, reason: `two sources for ${FILE_SPECS[kind].fileName} in one package` });
  }
  units.sort((a, b) => PACKAGE_FILE_KINDS.indexOf(a.kind) - PACKAGE_FILE_KINDS.indexOf(b.kind));
  return { units, problems };
}

async function sheetNames(path: string, name: string, problems: ImportProblem[]): Promise<XlsxSheet[]> {
  try {
    return await listXlsxSheets(path);
  } catch (error) {
    const reason = error instanceof WorkbookError ? error.message : 'the workbook cannot be read';
    problems.push({ file: name, line: 0, column: 0, reason });
    return [];
  }
}

async function workbookUnits(path: string, name: string, problems: ImportProblem[]): Promise<ImportUnit[]> {
  const units: ImportUnit[] = [];
  for (const sheet of await sheetNames(path, name, problems)) {
    // A README sheet or one whose name starts with '_' is the coordinator's own notes, never data.
    if (sheet.name.startsWith('_') || sheet.name.trim().toLowerCase() === 'readme') continue;
    const kind = packageFileKindOf(sheet.name);
    if (kind === null) {
      problems.push({ file: `${name} [${sheet.name}]`, line: 0, column: 0, reason: `sheet '${sheet.name}' is not a study-package file; sheets are named ${KNOWN.replaceAll('.csv', '')}` });
    } else units.push({ kind, path, fileName: name, sheet, display: `${name} [${sheet.name}]` });
  }
  return units;
}
