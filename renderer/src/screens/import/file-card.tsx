/** One chosen file on the review step: what it is, whether its columns are right, and its first rows. */
import type { FilePreview } from '../../../../shared/contract/imports.ts';
import { FILE_SPECS } from '../../../../shared/package-spec/files.ts';
import { formatBytes, headerProblems, needsMapping } from './import-plan.ts';
import { autoMatchColumns } from './mapping/auto-match.ts';
import { phiColumnsOf } from './mapping/mapped-rows.ts';
import { PreviewTable } from './preview-table.tsx';

type Sheet = FilePreview['sheets'][number];

export interface FileCardProps {
  readonly file: FilePreview;
  readonly byteSize: number | null;
  readonly onRemove: () => void;
}

/** The header check of one package CSV or sheet. */
function SheetSummary({ sheet, showName }: { readonly sheet: Sheet; readonly showName: boolean }) {
  const where = showName && sheet.sheet !== null ? <strong>Sheet {sheet.sheet}: </strong> : null;
  if (sheet.kind === null) {
    return <li className="file-check file-check-skip">{where}not a package sheet; it will be skipped.</li>;
  }
  const spec = FILE_SPECS[sheet.kind];
  const problems = headerProblems(sheet.kind, sheet.header);
  return (
    <li className={`file-check ${problems.length === 0 ? 'file-check-ok' : 'file-check-bad'}`}>
      {where}
      <span className="file-kind">{spec.title}</span>{' '}
      {problems.length === 0 ? (
        <span>
          <span aria-hidden="true">✓ </span>all {spec.columns.length} columns present; {sheet.rows.length >= 20 ? 'first 20 rows read' : `${sheet.rows.length} ${sheet.rows.length === 1 ? 'row' : 'rows'}`}.
        </span>
      ) : (
        <ul className="file-check-problems" aria-label={`Column problems of ${sheet.sheet ?? spec.fileName}`}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function FileCard({ file, byteSize, onRemove }: FileCardProps) {
  const mapped = needsMapping(file);
  const isWorkbook = file.name.toLowerCase().endsWith('.xlsx');
  const firstPackageSheet = file.sheets.find((s) => s.kind !== null) ?? file.sheets[0];
  const badge = file.problem !== undefined ? 'Cannot be read' : mapped ? 'Charge export: needs column mapping' : isWorkbook ? 'Package workbook' : 'Package file';
  return (
    <li className="file-card card" aria-label={file.name}>
      <div className="file-card-head">
        <div>
          <span className="file-name">{file.name}</span>
          {byteSize !== null && <span className="muted"> · {formatBytes(byteSize)}</span>}
        </div>
        <span className={`file-badge ${file.problem !== undefined ? 'file-badge-bad' : mapped ? 'file-badge-map' : 'file-badge-package'}`}>{badge}</span>
        <button type="button" className="button button-small" onClick={onRemove} aria-label={`Remove ${file.name}`}>
          Remove
        </button>
      </div>
      {file.problem !== undefined && <p className="note note-error">{file.problem}</p>}
      {mapped && (
        <p className="file-check">
          {file.sheets[0]?.header.length ?? 0} columns{isWorkbook && file.sheets[0]?.sheet ? ` (sheet ${file.sheets[0].sheet})` : ''}. Its columns are matched to the
          charges.csv fields on the next step.
        </p>
      )}
      {!mapped && file.problem === undefined && (
        <ul className="file-checks">
          {file.sheets.map((sheet) => (
            <SheetSummary key={sheet.sheet ?? file.name} sheet={sheet} showName={isWorkbook} />
          ))}
        </ul>
      )}
      {firstPackageSheet !== undefined && firstPackageSheet.header.length > 0 && (
        <details className="file-preview">
          <summary>First rows{isWorkbook && firstPackageSheet.sheet ? ` of ${firstPackageSheet.sheet}` : ''}</summary>
          <PreviewTable
            sheet={firstPackageSheet}
            maxRows={5}
            caption={`First rows of ${file.name}`}
            // An export's MRN and account columns are found the way the mapping step will find them.
            {...(mapped ? { phiColumns: phiColumnsOf(autoMatchColumns(firstPackageSheet.header), firstPackageSheet.header) } : {})}
          />
        </details>
      )}
    </li>
  );
}
