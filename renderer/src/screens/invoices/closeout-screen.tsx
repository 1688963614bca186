/**
 * Study close-out: is every completed visit item invoiced and paid? The summary, holdback and its
 * release invoice, items never invoiced (INVC-20, SF-30), open compliance findings, figures per
 * subject with each subject's ledger, and the report a finance office signs (PDF) with its ledger (.xlsx).
 */
import { useCallback, useState } from 'react';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { CloseoutDetails } from './closeout-details.tsx';
import { CloseoutSummary } from './closeout-summary.tsx';
import { localToday } from './format.ts';
import { PdfPreview } from './pdf-preview.tsx';
import { useAction } from './use-action.ts';

export interface CloseoutScreenProps {
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
  readonly onOpenInvoice: (invoiceId: number) => void;
}

export function CloseoutScreen({ onSettled, onOpenInvoice }: CloseoutScreenProps) {
  const api = useApi();
  const [studyId, setStudyId] = useState('');
  const [asOf, setAsOf] = useState(localToday());
  const [preview, setPreview] = useState(false);
  const action = useAction();
  const load = useCallback(async () => {
    const studies = await api.studiesList();
    const chosen = studyId || (studies[0]?.studyId ?? '');
    return { studies, report: chosen === '' ? null : await api.closeoutGet({ studyId: chosen, asOf }) };
  }, [api, studyId, asOf]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  const report = state.status === 'ready' ? state.data.report : null;
  const current = report?.study.studyId ?? '';
  const render = useCallback(() => api.closeoutRender({ studyId: current, asOf, format: 'pdf' }), [api, current, asOf]);
  const saveXlsx = (): void => void action.run('Writing the ledger…', async () => api.saveOutput({ fileName: (await api.closeoutRender({ studyId: current, asOf, format: 'xlsx' })).fileName }));
  const release = (): void => void action.run('Drafting the release…', async () => onOpenInvoice((await api.closeoutCreateRelease({ studyId: current })).id));
  return (
    <div className="inv-stack">
      <div className="toolbar">
        <label className="inv-inline-field">
          <span>Study</span>
          <select className="select" value={current} onChange={(e) => (setStudyId(e.target.value), setPreview(false))}>
            {state.status === 'ready' &&
              state.data.studies.map((s) => (
                <option key={s.studyId} value={s.studyId}>
                  {s.studyId} · {s.sponsor}
                </option>
              ))}
          </select>
        </label>
        <label className="inv-inline-field">
          <span>As of</span>
          <input className="input" type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
        <button type="button" className="button" disabled={!report} aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? 'Hide report' : 'Preview report (PDF)'}
        </button>
        <button type="button" className="button" disabled={!report || action.busy !== null} onClick={saveXlsx}>
          Save ledger (.xlsx)
        </button>
      </div>
      {action.error && <p className="note note-error">{action.error}</p>}
      {state.status === 'loading' && <LoadingState label="Reconciling the study…" />}
      {state.status === 'error' && <ErrorState title="The close-out could not be computed." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && !report && <p className="muted">Import a study first.</p>}
      {report && preview && <PdfPreview render={render} title={`Close-out report of ${report.study.studyId} as of ${report.asOf}`} />}
      {report && <CloseoutSummary report={report} busy={action.busy !== null} onRelease={release} onOpenInvoice={onOpenInvoice} />}
      {report && <CloseoutDetails report={report} />}
    </div>
  );
}
