/** Step 4: the import job: progress and Cancel while it runs, then its result and what to do next. */
import { useState } from 'react';
import type { ImportOutcome } from '../../../../shared/package-spec/import-result.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FocusHeading } from '../../components/focus-heading.tsx';
import { JobProgress } from '../../components/job-progress.tsx';
import type { SectionId } from '../../sections.ts';
import { isJobActive, type JobTracker } from '../../use-job.ts';
import { ImportResult } from './import-result.tsx';

export interface ImportRunProps {
  readonly title: string;
  readonly job: JobTracker;
  readonly onStartOver: () => void;
  /** Back to the chosen files (to fix and try again); absent when the files are no longer known. */
  readonly onBackToFiles?: () => void;
  readonly onNavigate?: (section: SectionId) => void;
}

/** The result's heading: what happened, in a few words. */
function headingOf(status: string, outcome: ImportOutcome | undefined): string {
  if (status === 'failed') return 'The import failed';
  if (status === 'cancelled' || outcome?.status === 'cancelled') return 'Import cancelled';
  if (outcome?.status === 'refused') return 'Import refused';
  if (outcome?.status === 'unchanged') return 'Nothing new to import';
  return 'Import finished';
}

export function ImportRun({ title, job, onStartOver, onBackToFiles, onNavigate }: ImportRunProps) {
  const api = useApi();
  const [cancelAsked, setCancelAsked] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const { state, jobId } = job;

  if (jobId === null) return null;
  if (state === null || isJobActive(state)) {
    const cancel = (): void => {
      setCancelAsked(jobId);
      void api.jobsCancel({ jobId });
    };
    return <JobProgress title={title} state={state} onCancel={cancel} cancelling={cancelAsked === jobId} />;
  }

  const outcome = state.result as ImportOutcome | undefined;
  const saveProblems = (): void => {
    setSaveError(null);
    api
      .importsExportProblems({ jobId })
      .then(({ fileName }) => api.saveOutput({ fileName }))
      .catch((e: unknown) => setSaveError(e instanceof Error ? e.message : 'The problems could not be saved.'));
  };
  return (
    <section className="wizard-step" aria-labelledby="run-title" data-testid="import-finished">
      <FocusHeading id="run-title" className="section-title">
        {headingOf(state.status, outcome)}
      </FocusHeading>
      {state.status === 'failed' && <ErrorState title="The import stopped with an error; nothing was imported." message={state.error ?? 'Unknown error.'} />}
      {state.status === 'cancelled' && !outcome && <p className="note note-info">The import was cancelled before it started. Nothing was imported.</p>}
      {outcome && (
        <ImportResult outcome={outcome} onSaveProblems={saveProblems} {...(onNavigate ? { onOpenFindings: () => onNavigate('findings') } : {})} />
      )}
      {saveError !== null && (
        <p className="note note-error" role="alert">
          {saveError}
        </p>
      )}
      <div className="wizard-actions toolbar">
        {onBackToFiles && outcome?.status !== 'imported' && (
          <button type="button" className="button" onClick={onBackToFiles}>
            Back to the files
          </button>
        )}
        <button type="button" className="button" onClick={onStartOver}>
          Import more files
        </button>
        {onNavigate && outcome?.status === 'imported' && (
          <button type="button" className="button" onClick={() => onNavigate('studies')}>
            Open the studies
          </button>
        )}
      </div>
    </section>
  );
}
