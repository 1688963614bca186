/**
 * Actions on the selection (or the current row), each with its key, and the outcome of the last one
 * announced politely.
 */
import { formatCount } from '../../../../../shared/domain/format.ts';
import type { FindingActions } from '../use-finding-actions.ts';
import type { QueueCommand } from './keyboard-map.ts';

export interface BulkBarProps {
  readonly count: number;
  readonly busy: boolean;
  readonly onCommand: (command: QueueCommand) => void;
  readonly message: FindingActions['message'];
}

const ACTIONS: readonly { readonly label: string; readonly key: string; readonly command: QueueCommand }[] = [
  { label: 'Confirm', key: 'c', command: { kind: 'set-status', status: 'confirmed' } },
  { label: 'Dismiss…', key: 'd', command: { kind: 'dismiss' } },
  { label: 'Fixed', key: 'f', command: { kind: 'set-status', status: 'fixed' } },
  { label: 'Reopen', key: 'r', command: { kind: 'set-status', status: 'open' } },
  { label: 'Assign…', key: 'a', command: { kind: 'assign' } },
];

export function BulkBar({ count, busy, onCommand, message }: BulkBarProps) {
  return (
    <div className={`bulk-bar${count > 0 ? ' bulk-bar-active' : ''}`} role="toolbar" aria-label="Actions on the selected findings">
      <span className="bulk-count">{count > 0 ? `${formatCount(count)} selected` : 'No selection: actions apply to the current row'}</span>
      {ACTIONS.map((a) => (
        <button key={a.key} type="button" className="button button-small" disabled={busy} aria-keyshortcuts={a.key} onClick={() => onCommand(a.command)}>
          {a.label} <kbd>{a.key}</kbd>
        </button>
      ))}
      {count > 0 && (
        <button type="button" className="button-link" onClick={() => onCommand({ kind: 'clear-selection' })}>
          Clear selection
        </button>
      )}
      <span className={`bulk-message${message?.kind === 'error' ? ' field-error' : ''}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </span>
    </div>
  );
}
