/** The end of an import: what each file added, or every problem that stopped it, or that it was cancelled. */
import { describeRetriage } from '../../../../shared/denials/retriage-summary.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import type { ImportOutcome } from '../../../../shared/package-spec/import-result.ts';
import { RunChecks } from '../../components/run-checks.tsx';
import { ProblemList } from './problem-list.tsx';

export interface ImportResultProps {
  readonly outcome: ImportOutcome;
  readonly onSaveProblems: () => void;
  readonly onOpenFindings?: () => void;
}

function FileCounts({ outcome }: { readonly outcome: ImportOutcome }) {
  return (
    <div className="table-scroll">
      <table className="data-table result-table">
        <caption className="visually-hidden">Rows imported from each file</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="numeric">
              Rows read
            </th>
            <th scope="col" className="numeric">
              New
            </th>
            <th scope="col" className="numeric">
              Updated
            </th>
            <th scope="col" className="numeric">
              Unchanged
            </th>
          </tr>
        </thead>
        <tbody>
          {outcome.files.map((f) => (
            <tr key={f.file}>
              <th scope="row">
                <span className="mono">{f.file}</span>
                {f.alreadyImported && <span className="muted"> · imported before (batch {f.alreadyImported.batchId}); skipped</span>}
              </th>
              <td className="numeric">{formatCount(f.rowsRead)}</td>
              <td className="numeric">{formatCount(f.inserted)}</td>
              <td className="numeric">{formatCount(f.updated)}</td>
              <td className="numeric">{formatCount(f.unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportResult({ outcome, onSaveProblems, onOpenFindings }: ImportResultProps) {
  const seconds = (outcome.elapsedMs / 1000).toFixed(1);
  if (outcome.status === 'cancelled') {
    return (
      <p className="note note-info" role="status" data-import-status="cancelled">
        The import was cancelled. Nothing was imported: everything it had written was rolled back.
      </p>
    );
  }
  if (outcome.status === 'refused') {
    return (
      <div data-import-status="refused">
        <p className="note note-error" role="alert">
          Nothing was imported: {formatCount(outcome.problemCount)} {outcome.problemCount === 1 ? 'problem was' : 'problems were'} found. Fix them in the files and import
          again; an import is all or nothing.
        </p>
        <ProblemList problems={outcome.problems} total={outcome.problemCount} onSaveCsv={onSaveProblems} />
      </div>
    );
  }
  const rows = outcome.files.reduce((sum, f) => sum + f.rowsRead, 0);
  return (
    <div data-import-status={outcome.status}>
      <p className="note note-success" role="status">
        {outcome.status === 'unchanged'
          ? 'Nothing new: every file was imported before.'
          : `Imported ${formatCount(rows)} rows from ${outcome.files.length} ${outcome.files.length === 1 ? 'file' : 'files'} in ${seconds} s.`}
      </p>
      <FileCounts outcome={outcome} />
      {outcome.denials && (
        <p className="note note-info" role="status" data-testid="import-retriage">
          Remittances on file were checked against the new data: {describeRetriage(outcome.denials)}
        </p>
      )}
      {outcome.status === 'imported' && (
        <section className="after-import card card-body" aria-labelledby="after-import-title">
          <h3 id="after-import-title" className="section-title">
            Check the new data
          </h3>
          <p className="muted">Run the compliance checks now to see findings from what was imported.</p>
          <RunChecks {...(onOpenFindings ? { onOpenFindings } : {})} />
        </section>
      )}
    </div>
  );
}
