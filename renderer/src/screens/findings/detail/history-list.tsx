/** Every change of the finding, oldest first: who, when, from which status to which, and why. */
import type { FindingEvent, FindingStatus } from '../../../../../shared/contract/findings.ts';
import { formatWhen } from '../../../format-time.ts';
import { STATUS_LABEL } from '../finding-labels.ts';

const KIND_LABEL: Record<string, string> = {
  opened: 'Opened',
  status: 'Status changed',
  assigned: 'Assignment',
  note: 'Note',
  'closed-by-run': 'Closed by a check run',
  'reopened-by-run': 'Reopened by a check run',
  'evidence-changed': 'Evidence changed',
};

const statusText = (s: string | null): string => (s === null ? '' : (STATUS_LABEL[s as FindingStatus] ?? s));

export function HistoryList({ events, createdAt }: { readonly events: readonly FindingEvent[]; readonly createdAt: string }) {
  return (
    <ol className="history">
      <li className="history-item">
        <span className="history-when">{formatWhen(createdAt)}</span> <strong>Opened</strong> by the compliance checks
      </li>
      {events
        .filter((e) => e.kind !== 'opened')
        .map((e, i) => (
          <li key={`${e.at}-${i}`} className="history-item">
            <span className="history-when">{formatWhen(e.at)}</span> <strong>{KIND_LABEL[e.kind] ?? e.kind}</strong>
            {e.fromStatus !== null && e.toStatus !== null && e.fromStatus !== e.toStatus && (
              <>
                {' '}
                {statusText(e.fromStatus)} → {statusText(e.toStatus)}
              </>
            )}{' '}
            <span className="muted">by {e.actor}</span>
            {e.reason && <p className="history-reason">{e.reason}</p>}
          </li>
        ))}
    </ol>
  );
}
