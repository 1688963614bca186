/**
 * One finding with its evidence side by side, the rule's explanation and sources, its history and
 * notes, and the decisions, on the same keys as the queue: j/k walk the queue's order, c d f r a
 * decide, s opens the subject's timeline, Esc goes back to the queue.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FindingDetail as Detail } from '../../../../../shared/contract/findings.ts';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { formatCents } from '../../../../../shared/domain/money.ts';
import { payerLabel } from '../../../../../shared/findings/describe-view.ts';
import { useApi } from '../../../api-context.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useLoad } from '../../../use-load.ts';
import { SeverityBadge, StatusBadge } from '../badges.tsx';
import { AssignDialog } from '../queue/assign-dialog.tsx';
import { DismissDialog } from '../queue/dismiss-dialog.tsx';
import { commandForKey, isTypingTarget } from '../queue/keyboard-map.ts';
import type { FindingActions } from '../use-finding-actions.ts';
import { evidenceBlocks, firedChecks } from './evidence-model.ts';
import { EvidenceGrid } from './evidence-grid.tsx';
import { HistoryList } from './history-list.tsx';
import { NotesForm } from './notes-form.tsx';
import { RuleCard } from './rule-card.tsx';
import './detail.css';

export interface FindingDetailProps {
  readonly id: number;
  /** Position in the queue (1-based) and its size, when opened from the queue. */
  readonly position: { readonly index: number; readonly total: number } | null;
  readonly actions: FindingActions;
  readonly assignees: readonly string[];
  /** Changes after every decision, to reload the finding. */
  readonly version: number;
  readonly onBack: () => void;
  readonly onStep: (by: 1 | -1) => void;
  readonly onOpenSubject: (studyId: string, subjectId: string) => void;
}

export function FindingDetailScreen({ id, position, actions, assignees, version, onBack, onStep, onOpenSubject }: FindingDetailProps) {
  const api = useApi();
  // version reloads after a decision; it is not part of the request.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => api.findingsGet({ id }), [api, id, version]);
  const { state, reload } = useLoad(load);
  const [dialog, setDialog] = useState<'dismiss' | 'assign' | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus({ preventScroll: true }), [id]);

  const finding = state.status === 'ready' ? state.data : null;
  const openSubject = (): void => {
    if (finding?.studyId && finding.subjectId) onOpenSubject(finding.studyId, finding.subjectId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (isTypingTarget(event.target) || dialog !== null) return;
    if (event.key === 's' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      openSubject();
      return;
    }
    if (event.key === 'Backspace') {
      event.preventDefault();
      onBack();
      return;
    }
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'clear-selection') onBack();
    else if (command.kind === 'move' && Math.abs(command.by) === 1) onStep(command.by as 1 | -1);
    else if (command.kind === 'set-status') void actions.decide([id], { kind: 'status', status: command.status });
    else if (command.kind === 'dismiss' || command.kind === 'assign') setDialog(command.kind);
  };

  return (
    <section ref={root} className="screen detail-screen" aria-labelledby="detail-title" tabIndex={-1} onKeyDown={onKeyDown}>
      <nav className="detail-nav" aria-label="Finding navigation">
        <button type="button" className="button-link" onClick={onBack} aria-keyshortcuts="Escape">
          ← Back to the queue
        </button>
        {position && (
          <span className="detail-position">
            <button type="button" className="button button-small" disabled={position.index <= 1} onClick={() => onStep(-1)} aria-keyshortcuts="k">
              ↑ Previous <kbd>k</kbd>
            </button>
            <span>
              {formatCount(position.index)} of {formatCount(position.total)}
            </span>
            <button type="button" className="button button-small" disabled={position.index >= position.total} onClick={() => onStep(1)} aria-keyshortcuts="j">
              Next <kbd>j</kbd> ↓
            </button>
          </span>
        )}
      </nav>
      {state.status === 'loading' && <LoadingState label="Loading the finding…" />}
      {state.status === 'error' && <ErrorState title="The finding could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && finding === null && <ErrorState title="This finding no longer exists." message="It may have been removed by a new check run." />}
      {finding && <DetailBody finding={finding} actions={actions} onDialog={setDialog} onOpenSubject={openSubject} onNoted={reload} />}
      {dialog === 'dismiss' && (
        <DismissDialog
          count={1}
          onClose={() => setDialog(null)}
          onDismiss={(reason) => {
            setDialog(null);
            void actions.decide([id], { kind: 'status', status: 'dismissed', reason });
          }}
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          count={1}
          names={assignees}
          onClose={() => setDialog(null)}
          onAssign={(assignee) => {
            setDialog(null);
            void actions.decide([id], { kind: 'assign', assignee });
          }}
        />
      )}
    </section>
  );
}

interface BodyProps {
  readonly finding: Detail;
  readonly actions: FindingActions;
  readonly onDialog: (dialog: 'dismiss' | 'assign') => void;
  readonly onOpenSubject: () => void;
  readonly onNoted: () => void;
}

function DetailBody({ finding, actions, onDialog, onOpenSubject, onNoted }: BodyProps) {
  const decide = (status: 'confirmed' | 'fixed' | 'open'): void => void actions.decide([finding.id], { kind: 'status', status });
  const closed = finding.status === 'closed';
  return (
    <>
      <header className="detail-header">
        <div className="detail-badges">
          <SeverityBadge severity={finding.severity} />
          <StatusBadge status={finding.status} />
          <span className="detail-amount">{formatCents(finding.amountCents)}</span>
        </div>
        <h1 id="detail-title">
          <span className="q-rule-id">{finding.rule}</span> {finding.title}
        </h1>
        <p className="detail-message">{finding.message}</p>
        <p className="detail-context muted">
          {[finding.studyId, finding.subjectId && `subject ${finding.subjectId}`, finding.visitCode && `visit ${finding.visitCode}`, payerLabel(finding.payerType), finding.assignee ? `assigned to ${finding.assignee}` : 'unassigned']
            .filter(Boolean)
            .join(' · ')}
          {finding.subjectId && finding.studyId && (
            <>
              {' · '}
              <button type="button" className="button-link" onClick={onOpenSubject} aria-keyshortcuts="s">
                Open subject {finding.subjectId}’s timeline
              </button>
            </>
          )}
        </p>
      </header>
      <div className="toolbar detail-actions" role="toolbar" aria-label="Decide this finding">
        <button type="button" className="button button-primary" disabled={closed || actions.busy || finding.status === 'confirmed'} onClick={() => decide('confirmed')} aria-keyshortcuts="c">
          Confirm <kbd>c</kbd>
        </button>
        <button type="button" className="button" disabled={closed || actions.busy || finding.status === 'dismissed'} onClick={() => onDialog('dismiss')} aria-keyshortcuts="d">
          Dismiss… <kbd>d</kbd>
        </button>
        <button type="button" className="button" disabled={closed || actions.busy || finding.status === 'fixed'} onClick={() => decide('fixed')} aria-keyshortcuts="f">
          Mark fixed <kbd>f</kbd>
        </button>
        <button type="button" className="button" disabled={closed || actions.busy || finding.status === 'open'} onClick={() => decide('open')} aria-keyshortcuts="r">
          Reopen <kbd>r</kbd>
        </button>
        <button type="button" className="button" disabled={closed || actions.busy} onClick={() => onDialog('assign')} aria-keyshortcuts="a">
          Assign… <kbd>a</kbd>
        </button>
        <span className={`bulk-message${actions.message?.kind === 'error' ? ' field-error' : ''}`} role="status" aria-live="polite">
          {actions.message?.text ?? ''}
        </span>
      </div>
      <EvidenceGrid blocks={evidenceBlocks(finding.evidence)} fired={firedChecks(finding.evidence)} />
      <div className="detail-columns">
        <RuleCard finding={finding} />
        <section className="card" aria-labelledby="history-title">
          <div className="card-body">
            <h2 id="history-title" className="section-title">
              History
            </h2>
            <HistoryList events={finding.events} createdAt={finding.createdAt} />
            <NotesForm id={finding.id} notes={finding.notes} onNoted={onNoted} />
          </div>
        </section>
      </div>
    </>
  );
}
