/** Step 2: what each chosen file holds and what the selection adds up to, with the way forward. */
import { FocusHeading } from '../../components/focus-heading.tsx';
import type { FilePreview } from '../../../../shared/contract/imports.ts';
import { FileCard } from './file-card.tsx';
import { FileDropZone } from './file-drop-zone.tsx';
import { planImport } from './import-plan.ts';

export interface ReviewStepProps {
  readonly files: readonly FilePreview[];
  readonly sizes: ReadonlyMap<string, number>;
  readonly busy: boolean;
  readonly onRemove: (fileId: string) => void;
  readonly onAddDropped: (files: File[]) => void;
  readonly onChoose: (mode: 'files' | 'folder') => void;
  readonly onStartOver: () => void;
  readonly onImportPackage: () => void;
  readonly onMapExport: () => void;
}

export function ReviewStep(props: ReviewStepProps) {
  const { files, sizes, busy } = props;
  const plan = planImport(files);
  return (
    <section aria-labelledby="review-title" className="wizard-step">
      <FocusHeading id="review-title" className="section-title">
        Review {files.length} {files.length === 1 ? 'file' : 'files'}
      </FocusHeading>
      {plan.kind === 'package' && (
        <p className="note note-info">
          These files are imported together as one study package, in one transaction: all of it or nothing. Files imported before are recognised
          and skipped.
        </p>
      )}
      {plan.kind === 'export' && <p className="note note-info">{plan.file.name} is a charge export: map its columns to the charges.csv fields next.</p>}
      {plan.kind === 'blocked' && (
        <p className="note note-warning" role="alert">
          {plan.reason}
        </p>
      )}
      <ul className="file-list" aria-label="Chosen files">
        {files.map((file) => (
          <FileCard key={file.fileId} file={file} byteSize={sizes.get(file.fileId) ?? null} onRemove={() => props.onRemove(file.fileId)} />
        ))}
      </ul>
      <FileDropZone compact onDrop={props.onAddDropped} onChoose={props.onChoose} disabled={busy} />
      <div className="wizard-actions wizard-actions-sticky toolbar card">
        <button type="button" className="button" onClick={props.onStartOver} disabled={busy}>
          Start over
        </button>
        <span className="toolbar-spacer" />
        {plan.kind === 'export' ? (
          <button type="button" className="button button-primary" onClick={props.onMapExport} disabled={busy}>
            Map columns
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={props.onImportPackage} disabled={busy || plan.kind !== 'package'}>
            Import {files.length} {files.length === 1 ? 'file' : 'files'}
          </button>
        )}
      </div>
    </section>
  );
}
