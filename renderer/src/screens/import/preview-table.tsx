/** The first rows of a file as they are in the file, with patient identifiers masked. */
import type { FilePreview } from '../../../../shared/contract/imports.ts';
import { FILE_SPECS } from '../../../../shared/package-spec/files.ts';
import { normalizeHeader } from '../../../../shared/package-spec/parse-row.ts';
import { maskRawRow } from './mapping/mapped-rows.ts';

type Sheet = FilePreview['sheets'][number];

export interface PreviewTableProps {
  readonly sheet: Sheet;
  readonly maxRows: number;
  readonly caption: string;
  /** Column indexes holding PHI; by default the spec's PHI columns of a package file. */
  readonly phiColumns?: ReadonlySet<number>;
}

/** Indexes of a package file's PHI columns (MRN, account number) in its header. */
export function specPhiColumns(sheet: Sheet): Set<number> {
  if (sheet.kind === null) return new Set();
  const phi = new Set(FILE_SPECS[sheet.kind].columns.filter((c) => c.phi === true).map((c) => c.name));
  return new Set(sheet.header.flatMap((h, i) => (phi.has(normalizeHeader(h)) ? [i] : [])));
}

export function PreviewTable({ sheet, maxRows, caption, phiColumns }: PreviewTableProps) {
  const masked = phiColumns ?? specPhiColumns(sheet);
  return (
    <div className="table-scroll preview-scroll">
      <table className="data-table preview-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {sheet.header.map((h, i) => (
              <th key={`${h}-${i}`} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.slice(0, maxRows).map((row, r) => (
            <tr key={r}>
              {maskRawRow(row, masked).map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
