/**
 * A subject's timeline: the chart of the study period, visit windows and charges on one time axis,
 * the list of the same events beside it, and a way to move to another subject of the study.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import { payerLabel } from '../../../../shared/findings/describe-view.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useLoad } from '../../use-load.ts';
import { SEVERITY_LABEL } from '../findings/finding-labels.ts';
import { TimelineChart } from './timeline-chart.tsx';
import { TimelineList } from './timeline-list.tsx';
import { todayIso } from './timeline-scale.ts';
import './subjects.css';
import '../findings/findings.css';

export interface SubjectTimelineScreenProps {
  readonly studyId: string;
  readonly subjectId: string;
  readonly onBack: () => void;
  readonly onOpenFinding: (id: number) => void;
  readonly onSubject: (studyId: string, subjectId: string) => void;
}

export function SubjectTimelineScreen({ studyId, subjectId, onBack, onOpenFinding, onSubject }: SubjectTimelineScreenProps) {
  const api = useApi();
  const loadTimeline = useCallback(() => api.subjectsTimeline({ studyId, subjectId }), [api, studyId, subjectId]);
  const { state, reload } = useLoad(loadTimeline);
  const loadSubjects = useCallback(() => api.subjectsList({ studyId }), [api, studyId]);
  const subjects = useLoad(loadSubjects).state;
  const [selected, setSelected] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  // The parent keys this screen by subject, so each subject starts with nothing selected.
  useEffect(() => root.current?.focus({ preventScroll: true }), []);

  const list = subjects.status === 'ready' ? subjects.data : [];
  const at = list.findIndex((s) => s.subjectId === subjectId);
  const go = (index: number): void => {
    const next = list[index];
    if (next) onSubject(studyId, next.subjectId);
  };
  const timeline = state.status === 'ready' ? state.data : null;
  const flagged = timeline?.charges.filter((c) => c.findings.length > 0).length ?? 0;

  return (
    <section
      ref={root}
      className="screen subject-screen"
      aria-labelledby="subject-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onBack();
      }}
    >
      <nav className="detail-nav" aria-label="Subject navigation">
        <button type="button" className="button-link" onClick={onBack}>
          ← Back
        </button>
        <span className="detail-position">
          <button type="button" className="button button-small" disabled={at <= 0} onClick={() => go(at - 1)}>
            ← Previous subject
          </button>
          <label className="visually-hidden" htmlFor="subject-pick">
            Subject
          </label>
          <select id="subject-pick" className="select" value={subjectId} onChange={(e) => onSubject(studyId, e.target.value)}>
            {list.length === 0 && <option value={subjectId}>{subjectId}</option>}
            {list.map((s) => (
              <option key={s.subjectId} value={s.subjectId}>
                {s.subjectId}
                {s.openFindings > 0 ? ` · ${formatCount(s.openFindings)} open${s.worstSeverity ? ` (${SEVERITY_LABEL[s.worstSeverity].toLowerCase()})` : ''}` : ''}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" disabled={at < 0 || at >= list.length - 1} onClick={() => go(at + 1)}>
            Next subject →
          </button>
        </span>
      </nav>
      <header className="screen-header">
        <h1 id="subject-title">
          Subject {subjectId} <span className="muted">· {studyId}</span>
        </h1>
      </header>
      {state.status === 'loading' && <LoadingState label="Loading the timeline…" />}
      {state.status === 'error' && <ErrorState title="The timeline could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && timeline === null && <ErrorState title="No such subject." message={`${studyId} has no subject ${subjectId}.`} />}
      {timeline && (
        <>
          <dl className="subject-facts">
            {[
              ['Arm', timeline.arm ?? '—'],
              ['Status', timeline.status.toLowerCase().replace('_', ' ')],
              ['Payer', payerLabel(timeline.payerType)],
              ['Consent', timeline.consentDate],
              ['Start', timeline.startDate ?? '—'],
              ['Off study', timeline.offStudyDate ?? 'on study'],
              ['Charges', `${formatCount(timeline.charges.length)} (${formatCount(flagged)} with findings)`],
            ].map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="tl-layout">
            <div className="card tl-chart-card">
              <TimelineChart timeline={timeline} today={todayIso(new Date())} selected={selected} onSelect={setSelected} />
              <TimelineLegend />
            </div>
            <TimelineList timeline={timeline} selected={selected} onOpenFinding={onOpenFinding} />
          </div>
        </>
      )}
    </section>
  );
}

function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      <li>
        <svg width="16" height="16" aria-hidden="true"><path className="tl-charge tl-critical" d="M8 1 L15 8 L8 15 L1 8 Z" /></svg> Charge with a critical finding
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true"><path className="tl-charge tl-warning" d="M8 1 L15 14 L1 14 Z" /></svg> Warning
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true"><rect className="tl-charge tl-review" x="2.5" y="2.5" width="11" height="11" /></svg> Needs review
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true"><circle className="tl-charge tl-none" cx="8" cy="8" r="4.5" /></svg> No open finding
      </li>
      <li>
        <svg width="26" height="16" aria-hidden="true"><rect className="tl-window" x="1" y="3" width="24" height="10" rx="3" /><line className="tl-expected" x1="13" x2="13" y1="3" y2="13" /></svg> Visit window and expected day
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true"><circle className="tl-actual" cx="8" cy="8" r="3.5" /></svg> Visit done (CTMS)
      </li>
    </ul>
  );
}
