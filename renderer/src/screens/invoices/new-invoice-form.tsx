/**
 * Starts an invoice: a study and a period of visit dates, previewed live (what would be billed and
 * what was skipped and why), then stored as a draft the coordinator can edit before issuing.
 */
import { useEffect, useState } from 'react';
import type { StudySummary } from '../../../../shared/contract/studies.ts';
import type { InvoiceProposal } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { formatCents, localToday, previousMonth } from './format.ts';
import { useAction } from './use-action.ts';

export interface NewInvoiceFormProps {
  readonly studies: readonly StudySummary[];
  readonly defaultStudyId: string;
  readonly onCreated: (invoiceId: number) => void;
}

export function NewInvoiceForm({ studies, defaultStudyId, onCreated }: NewInvoiceFormProps) {
  const api = useApi();
  const initial = previousMonth(localToday());
  const [studyId, setStudyId] = useState(defaultStudyId || (studies[0]?.studyId ?? ''));
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [closeOut, setCloseOut] = useState(false);
  // Each preview is kept with the inputs it answers, so an answer for other inputs (an earlier
  // period, or a valid one before "to" moved before "from") is never shown or built from.
  const [preview, setPreview] = useState<{ readonly key: string; readonly proposal: InvoiceProposal | null; readonly error: string | null } | null>(null);
  const action = useAction();
  const periodInvalid = from !== '' && to !== '' && from > to;
  const ready = studyId !== '' && from !== '' && to !== '' && !periodInvalid;
  const key = JSON.stringify([studyId, from, to, closeOut]);
  const current = ready && preview?.key === key ? preview : null;
  const proposal = current?.proposal ?? null;

  useEffect(() => {
    let live = true;
    if (!ready) return undefined;
    api.invoicesPropose({ studyId, from, to, includeCloseOutItems: closeOut }).then(
      (p) => {
        if (live) setPreview({ key, proposal: p, error: null });
      },
      (e: unknown) => {
        if (live) setPreview({ key, proposal: null, error: e instanceof Error ? e.message : 'The preview failed.' });
      },
    );
    return () => {
      live = false;
    };
  }, [api, ready, key, studyId, from, to, closeOut]);

  const create = (): void => {
    if (proposal === null) return;
    void action.run('Building the draft…', async () => {
      const draft = await api.invoicesCreateDraft({ studyId, from, to, includeCloseOutItems: closeOut });
      onCreated(draft.id);
    });
  };
  const skipped = proposal?.skipped;
  return (
    <form className="card" aria-labelledby="new-invoice-title" onSubmit={(e) => (e.preventDefault(), create())}>
      <div className="card-body">
        <h2 id="new-invoice-title" className="section-title">
          New invoice
        </h2>
        <div className="inv-form-row">
          <label>
            <span className="field-label">Study</span>
            <select className="select" value={studyId} onChange={(e) => setStudyId(e.target.value)} required>
              {studies.map((s) => (
                <option key={s.studyId} value={s.studyId}>
                  {s.studyId} · {s.sponsor}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Visits from</span>
            <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            <span className="field-label">to</span>
            <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} required aria-invalid={periodInvalid} aria-describedby={periodInvalid ? 'new-invoice-period-error' : undefined} />
          </label>
          <label className="inv-check">
            <input type="checkbox" checked={closeOut} onChange={(e) => setCloseOut(e.target.checked)} /> Final invoice (bill close-out fees)
          </label>
          <button type="submit" className="button button-primary" disabled={action.busy !== null || proposal === null || proposal.lines.length === 0}>
            {action.busy ?? 'Build draft'}
          </button>
        </div>
        {periodInvalid && (
          <p id="new-invoice-period-error" className="note note-warning">
            The period must end on or after its start.
          </p>
        )}
        {current?.error && <p className="note note-error">{current.error}</p>}
        {proposal && skipped && (
          <p className="inv-preview" role="status" aria-live="polite" data-testid="proposal-preview">
            <strong>
              {proposal.lines.length} line{proposal.lines.length === 1 ? '' : 's'} to bill, {formatCents(proposal.totals.netCents)} due
            </strong>{' '}
            ({formatCents(proposal.totals.amountCents)} at CTA prices + {formatCents(proposal.totals.overheadCents)} overhead − {formatCents(proposal.totals.holdbackCents)} holdback). Skipped: {skipped.alreadyInvoiced} already invoiced
            {skipped.onOtherDrafts > 0 && `, ${skipped.onOtherDrafts} on another draft`}
            {skipped.awaitingApproval > 0 && `, ${skipped.awaitingApproval} awaiting sponsor approval`}
            {skipped.heldForCloseOut > 0 && !closeOut && `, ${skipped.heldForCloseOut} close-out fee held for the final invoice`}.
          </p>
        )}
        {skipped && skipped.beforePeriod.count > 0 && skipped.beforePeriod.earliestDate !== null && (
          <p className="note note-warning">
            {skipped.beforePeriod.count} uninvoiced item{skipped.beforePeriod.count === 1 ? '' : 's'} ({formatCents(skipped.beforePeriod.amountCents)}) dated before this period.{' '}
            <button type="button" className="button-link" onClick={() => setFrom(skipped.beforePeriod.earliestDate ?? from)}>
              Start the period on {skipped.beforePeriod.earliestDate}
            </button>
          </p>
        )}
        {action.error && <p className="note note-error">{action.error}</p>}
      </div>
    </form>
  );
}
