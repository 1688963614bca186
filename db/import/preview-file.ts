/**
 * The first rows of a chosen file, for the import wizard: which package file it is, its header, and a
 * few rows to map columns against. Reads only what it shows.
 */
import { extname } from 'node:path';
import type { FilePreview } from '../../shared/contract/imports.ts';
import { packageFileKindOf } from '../../shared/package-spec/files.ts';
import { listXlsxSheets } from './list-xlsx-sheets.ts';
import { probeFile, unreadableReason, UnreadableFileError } from './probe-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readXlsxSheet, WorkbookError } from './read-xlsx-rows.ts';

type Sheet = FilePreview['sheets'][number];

export async function previewFile(fileId: string, path: string, name: string, rowCount: number): Promise<FilePreview> {
  const take = async (read: (onRow: (cells: string[]) => boolean) => Promise<unknown>): Promise<{ header: string[]; rows: string[][] }> => {
    const all: string[][] = [];
    await read((cells) => {
      all.push(cells);
      return all.length <= rowCount;
    });
    return { header: all[0] ?? [], rows: all.slice(1) };
  };
  try {
    // A folder, a broken link or a pipe (which would block reading forever) is named as such.
    const notAFile = await unreadableReason(path);
    if (notAFile !== null) return { fileId, name, kind: null, sheets: [], problem: `${name} ${notAFile}.` };
    if (extname(name).toLowerCase() === '.xlsx') {
      const sheets: Sheet[] = [];
      for (const sheet of await listXlsxSheets(path)) {
        const { header, rows } = await take((onRow) => readXlsxSheet(path, sheet, (cells) => onRow(cells)));
        sheets.push({ sheet: sheet.name, kind: packageFileKindOf(sheet.name), header, rows });
      }
      return { fileId, name, kind: null, sheets };
    }
    const probe = await probeFile(path);
    if (probe.encoding === null) return { fileId, name, kind: null, sheets: [], problem: `This file ${probe.notTextReason ?? 'is not text'}.` };
    const kind = packageFileKindOf(name);
    const { header, rows } = await take((onRow) => readCsvRows(path, probe, { ...(kind ? { delimiter: ',' } : {}), onRow: (cells) => onRow(cells), onStructureProblem: () => undefined }));
    return { fileId, name, kind, sheets: [{ sheet: null, kind, header, rows }] };
  } catch (error) {
    const problem =
      error instanceof WorkbookError
        ? `This workbook cannot be read: ${error.message}.`
        : error instanceof UnreadableFileError
          ? `${name} ${error.reason}.`
          : 'This file cannot be read.';
    return { fileId, name, kind: null, sheets: [], problem };
  }
}
