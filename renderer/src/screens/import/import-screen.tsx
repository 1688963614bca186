/**
 * The import wizard: choose or drop files, review what each holds, map a charge export's columns,
 * then import as a background job with a real progress bar and a Cancel that leaves nothing behind,
 * and see the counts or every problem. Leaving the screen never stops an import: coming back picks
 * the running job up again.
 */
import { useCallback, useState } from 'react';
import type { FilePreview, FileRef } from '../../../../shared/contract/imports.ts';
import type { MappingProfile } from '../../../../shared/package-spec/mapping.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import type { SectionId } from '../../sections.ts';
import { useLoad } from '../../use-load.ts';
import { isJobActive, useJobTracker } from '../../use-job.ts';
import { FileDropZone } from './file-drop-zone.tsx';
import { ImportHistory } from './import-history.tsx';
import { planImport } from './import-plan.ts';
import { ImportRun } from './import-run.tsx';
import { MappingStep } from './mapping/mapping-step.tsx';
import { ReviewStep } from './review-step.tsx';
import { WizardSteps, type Stage } from './wizard-steps.tsx';
import '../../styles/controls.css';
import './import.css';

export interface ImportScreenProps {
  readonly onSettled?: (state: ScreenState) => void;
  readonly onNavigate?: (section: SectionId) => void;
}

/** Adds newly chosen files to the selection; a file chosen again under the same name replaces the older one. */
function mergeFiles(current: readonly FilePreview[], added: readonly FilePreview[]): FilePreview[] {
  const names = new Set(added.map((f) => f.name.toLowerCase()));
  return [...current.filter((f) => !names.has(f.name.toLowerCase())), ...added];
}

export function ImportScreen({ onSettled, onNavigate }: ImportScreenProps) {
  const api = useApi();
  const job = useJobTracker();
  const { track } = job;
  const [stage, setStage] = useState<Stage>('choose');
  const [files, setFiles] = useState<FilePreview[]>([]);
  const [sizes, setSizes] = useState<ReadonlyMap<string, number>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runTitle, setRunTitle] = useState('Importing');

  // An import started earlier (before the coordinator left this screen) is followed again.
  const resume = useCallback(async () => {
    const running = (await api.jobsList()).find((j) => j.kind === 'import' && isJobActive(j));
    if (running) {
      track(running.jobId);
      setStage('run');
    }
    return true;
  }, [api, track]);
  const { state: resumeState, reload } = useLoad(resume);
  useReportScreenState(resumeState.status, onSettled);

  const attempt = async (label: string, work: () => Promise<void>): Promise<void> => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      setBusy(null);
    }
  };
  const addRefs = async (refs: readonly FileRef[]): Promise<void> => {
    if (refs.length === 0) return;
    const previews = await api.importsPreview({ fileIds: refs.map((r) => r.fileId), rows: 20 });
    setSizes((m) => new Map([...m, ...refs.map((r) => [r.fileId, r.byteSize] as const)]));
    setFiles((current) => mergeFiles(current, previews));
    setStage('review');
  };
  const choose = (mode: 'files' | 'folder'): void => void attempt('Reading the files…', async () => addRefs(await api.chooseFiles({ mode })));
  const drop = (dropped: File[]): void =>
    void attempt('Reading the files…', async () => {
      const refs = await api.addDroppedFiles(dropped);
      if (refs.length === 0) throw new Error('Only .csv and .xlsx files (or a folder of them) can be imported.');
      await addRefs(refs);
    });
  const start = (title: string, mapping?: MappingProfile, remember = false): void =>
    void attempt('Starting the import…', async () => {
      if (mapping && remember) await api.mappingsSave({ profile: mapping });
      const { jobId } = await api.importsStart({ fileIds: files.map((f) => f.fileId), ...(mapping ? { mapping } : {}) });
      setRunTitle(title);
      track(jobId);
      setStage('run');
    });
  const startOver = (): void => {
    job.reset();
    setFiles([]);
    setError(null);
    setStage('choose');
  };

  const plan = planImport(files);
  return (
    <section className="screen import-screen" aria-labelledby="import-title" aria-busy={busy !== null}>
      <header className="screen-header">
        <h1 id="import-title">Import</h1>
        <p className="screen-subtitle">Study packages and hospital charge exports</p>
      </header>
      <WizardSteps stage={stage} mapping={plan.kind === 'export'} />
      {busy !== null && <LoadingState label={busy} />}
      {error !== null && <ErrorState title="That did not work." message={error} />}
      {resumeState.status === 'loading' && <LoadingState label="Checking for an import in progress…" />}
      {resumeState.status === 'error' && <ErrorState title="The import screen could not reach the backend." message={resumeState.message} onRetry={reload} />}
      {resumeState.status === 'ready' && stage === 'choose' && (
        <div className="choose-step">
          <FileDropZone onDrop={drop} onChoose={choose} disabled={busy !== null} />
          <ImportHistory />
        </div>
      )}
      {stage === 'review' && (
        <ReviewStep
          files={files}
          sizes={sizes}
          busy={busy !== null}
          onRemove={(id) => setFiles((current) => current.filter((f) => f.fileId !== id))}
          onAddDropped={drop}
          onChoose={choose}
          onStartOver={startOver}
          onImportPackage={() => start(`Importing ${files.length} ${files.length === 1 ? 'file' : 'files'}`)}
          onMapExport={() => setStage('map')}
        />
      )}
      {stage === 'map' && plan.kind === 'export' && (
        <MappingStep file={plan.file} busy={busy !== null} onBack={() => setStage('review')} onImport={(profile, remember) => start(`Importing ${plan.file.name}`, profile, remember)} />
      )}
      {stage === 'run' && (
        <ImportRun
          title={runTitle}
          job={job}
          onStartOver={startOver}
          {...(files.length > 0 ? { onBackToFiles: () => setStage('review') } : {})}
          {...(onNavigate ? { onNavigate } : {})}
        />
      )}
    </section>
  );
}
