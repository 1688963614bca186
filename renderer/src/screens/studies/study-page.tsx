/**
 * One study: identifiers and qualifying/device status, CTA terms, the set-up checks, the billing
 * grid per arm with its budget, and the CTA invoiceables. Subjects appear by study subject id only,
 * never by MRN.
 */
import { useCallback, useState } from 'react';
import type { StudyDetail } from '../../../../shared/contract/setup.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FocusHeading } from '../../components/focus-heading.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { RunChecks } from '../../components/run-checks.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { formatWhen } from '../../format-time.ts';
import { BillingGridSection } from './billing-grid/billing-grid-section.tsx';
import { InvoiceablesTable } from './invoiceables-table.tsx';
import { StudyBadges } from './study-badges.tsx';
import { StudyFacts } from './study-facts.tsx';
import '../../styles/controls.css';
import './study-page.css';

export interface StudyPageProps {
  readonly studyId: string;
  readonly onBack: () => void;
  readonly onSettled?: (state: ScreenState) => void;
}

export function StudyPage({ studyId, onBack, onSettled }: StudyPageProps) {
  const api = useApi();
  const load = useCallback(() => api.studiesGet({ studyId }), [api, studyId]);
  const { state, reload } = useLoad(load);
  const [checksVersion, setChecksVersion] = useState(0);
  useReportScreenState(state.status, onSettled);
  const [shown, setShown] = useState<StudyDetail | null | undefined>(undefined);
  if (state.status === 'ready' && state.data !== shown) setShown(state.data);
  const onChecked = useCallback(() => {
    setChecksVersion((n) => n + 1);
    reload();
  }, [reload]);

  const back = (
    <button type="button" className="button-link back-link" onClick={onBack}>
      ← All studies
    </button>
  );
  // While the page reloads after a check run, the previous data stays on screen (and the run's result with it).
  const study = state.status === 'ready' ? state.data : shown;
  if (study === undefined) {
    return (
      <section className="screen">
        {back}
        {state.status === 'error' ? <ErrorState title={`${studyId} could not be loaded.`} message={state.message} onRetry={reload} /> : <LoadingState label={`Loading ${studyId}…`} />}
      </section>
    );
  }
  if (study === null) return <section className="screen">{back}<ErrorState title={`There is no study ${studyId}.`} message="It may have been imported into another database." /></section>;

  return (
    <article className="screen study-page" aria-labelledby="study-title">
      {back}
      <header className="study-header">
        <div className="study-heading">
          {/* Focused when the page opens: the link that opened it is gone. */}
          <FocusHeading level={1} id="study-title">
            {study.studyId}
          </FocusHeading>
          <StudyBadges study={study} />
        </div>
        <p className="study-page-title">{study.title}</p>
        <p className="muted">
          {study.sponsor} · Protocol {study.protocolNumber}
          {study.nctNumber !== null && <> · {study.nctNumber}</>}
        </p>
      </header>
      <StudyFacts study={study} />
      <section className="card card-body setup-checks" aria-labelledby="checks-title">
        <div>
          <h2 id="checks-title" className="fact-title">
            Set-up checks
          </h2>
          <p data-testid="setup-findings">
            {study.checks.lastRunAt === null
              ? 'The checks have not run yet on this database.'
              : `${formatCount(study.checks.setupFindings)} set-up ${study.checks.setupFindings === 1 ? 'finding' : 'findings'} (ALIGN-15) on the grid · checks last ran ${formatWhen(study.checks.lastRunAt)}`}
          </p>
        </div>
        <RunChecks onDone={onChecked} />
      </section>
      <section className="study-section" aria-labelledby="grid-title">
        <h2 id="grid-title" className="section-title">
          Billing grid
        </h2>
        <BillingGridSection studyId={study.studyId} overheadBp={study.overheadBp} holdbackBp={study.holdbackBp} version={checksVersion} />
      </section>
      <section className="study-section" aria-labelledby="invoiceables-title">
        <h2 id="invoiceables-title" className="section-title">
          CTA invoiceables
        </h2>
        <InvoiceablesTable items={study.invoiceables} />
      </section>
    </article>
  );
}
