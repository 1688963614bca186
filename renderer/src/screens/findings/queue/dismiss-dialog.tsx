/** Dismissing findings needs a reason (it is recorded in each finding's history): typed, or one of the usual ones. */
import { useState, type FormEvent } from 'react';
import { formatCount } from '../../../../../shared/domain/format.ts';
import { Modal } from '../../../components/modal.tsx';

/** Reasons coordinators give most; one click fills the field. */
export const COMMON_REASONS = [
  'Billed correctly after review',
  'Sponsor approved in writing',
  'Not a research charge',
  'Duplicate of another finding',
] as const;

export interface DismissDialogProps {
  readonly count: number;
  readonly onDismiss: (reason: string) => void;
  readonly onClose: () => void;
}

export function DismissDialog({ count, onDismiss, onClose }: DismissDialogProps) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTouched(true);
    if (!missing) onDismiss(reason.trim());
  };
  return (
    <Modal title={`Dismiss ${formatCount(count)} ${count === 1 ? 'finding' : 'findings'}`} onClose={onClose}>
      <form onSubmit={submit} className="modal-form">
        <label className="field-label" htmlFor="dismiss-reason">
          Reason (required; kept in the finding’s history)
        </label>
        <textarea
          id="dismiss-reason"
          className="input modal-textarea"
          rows={3}
          maxLength={500}
          value={reason}
          autoFocus
          aria-invalid={touched && missing}
          aria-describedby={touched && missing ? 'dismiss-reason-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        {touched && missing && (
          <p id="dismiss-reason-error" className="field-error" role="alert">
            Give a reason to dismiss.
          </p>
        )}
        <div className="reason-chips" role="group" aria-label="Common reasons">
          {COMMON_REASONS.map((r) => (
            <button key={r} type="button" className="chip-button" onClick={() => setReason(r)}>
              {r}
            </button>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Dismiss
          </button>
        </div>
      </form>
    </Modal>
  );
}
