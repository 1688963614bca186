/**
 * The workflow steps open from a denial's status, each recorded with the date it happened (the
 * metrics depend on it), a note, and for an overturn what was recovered and whether only in part.
 */
import { useState } from 'react';
import type { DenialDetail } from '../../../../shared/contract/denials.ts';
import type { DenialAction, DenialStatus } from '../../../../shared/denials/vocabulary.ts';
import { parseDollarsToCents } from '../../../../shared/domain/money.ts';
import { localToday } from '../../format-time.ts';
import { useApi } from '../../api-context.tsx';
import { STATUS_LABEL } from './format.ts';
import { useAction } from './use-action.ts';

/** The step that carries out each triage action (shown as the primary button). */
const STEP_OF: Record<DenialAction, DenialStatus> = {
  'fix-resubmit': 'resubmitted',
  appeal: 'appealed',
  'rebill-other-payer': 'rebilled',
  'move-to-sponsor': 'moved-to-sponsor',
  'write-off': 'written-off',
};

const VERB: Record<DenialStatus, string> = {
  open: 'Reopen',
  appealed: 'Mark appealed',
  resubmitted: 'Mark resubmitted',
  rebilled: 'Mark rebilled',
  'moved-to-sponsor': 'Move to the sponsor invoice',
  'written-off': 'Write off',
  overturned: 'Record overturned',
  upheld: 'Record upheld',
};

/** The workflow steps of a denial with the form that records one. */
export function StatusActions({ detail, onChanged }: { readonly detail: DenialDetail; readonly onChanged: () => void }) {
  const api = useApi();
  const [target, setTarget] = useState<DenialStatus | null>(null);
  const [date, setDate] = useState(() => localToday());
  const [note, setNote] = useState('');
  const [recovered, setRecovered] = useState('');
  const [partial, setPartial] = useState(false);
  const action = useAction(async (status: DenialStatus) => {
    const cents = recovered.trim() === '' ? undefined : parseDollarsToCents(recovered);
    if (cents === null) throw new Error('The amount recovered is not a dollar amount.');
    await api.denialsSetStatus({ ids: [detail.id], status, date, ...(note.trim() ? { note: note.trim() } : {}), ...(cents !== undefined ? { recoveredCents: cents } : {}), ...(status === 'overturned' ? { partial } : {}) });
    setTarget(null);
    onChanged();
  });
  return (
    <section className="card" aria-labelledby="den-status-title">
      <div className="card-body">
        <h3 id="den-status-title" className="section-title">
          Work this denial ({STATUS_LABEL[detail.status]})
        </h3>
        <div className="toolbar">
          {detail.nextStatuses.map((s) => (
            <button key={s} type="button" className={`button${s === STEP_OF[detail.action] ? ' button-primary' : ''}`} aria-pressed={target === s} onClick={() => setTarget(s)}>
              {VERB[s]}
            </button>
          ))}
        </div>
        {target !== null && (
          <form
            className="den-status-form"
            aria-label={VERB[target]}
            onSubmit={(e) => {
              e.preventDefault();
              void action.run(target);
            }}
          >
            <label className="field-label" htmlFor="den-status-date">
              Date it happened
            </label>
            <input id="den-status-date" className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
            {(target === 'overturned' || target === 'resubmitted' || target === 'rebilled') && (
              <>
                <label className="field-label" htmlFor="den-status-recovered">
                  Amount recovered (optional)
                </label>
                <input id="den-status-recovered" className="input" inputMode="decimal" value={recovered} onChange={(e) => setRecovered(e.target.value)} placeholder="0.00" />
              </>
            )}
            {target === 'overturned' && (
              <label className="den-check">
                <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.target.checked)} /> Overturned in part only
              </label>
            )}
            <label className="field-label" htmlFor="den-status-note">
              Note (optional)
            </label>
            <input id="den-status-note" className="input den-wide" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
            <div className="toolbar">
              <button type="submit" className="button button-primary" disabled={action.busy}>
                {VERB[target]}
              </button>
              <button type="button" className="button" onClick={() => setTarget(null)}>
                Cancel
              </button>
            </div>
            {action.error && (
              <p className="note note-error" role="alert">
                {action.error}
              </p>
            )}
          </form>
        )}
      </div>
    </section>
  );
}
