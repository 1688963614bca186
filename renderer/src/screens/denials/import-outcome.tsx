/** What importing one 835 did: refused (with the segment at fault), unchanged, or imported and triaged. */
import type { RemitImportJobResult } from '../../../../shared/contract/denials.ts';
import { ACTION_LABEL, CATEGORY_LABEL, type DenialAction, type DenialCategory } from '../../../../shared/denials/vocabulary.ts';
import { formatCount } from '../../../../shared/domain/format.ts';
import { formatCents } from '../../../../shared/domain/money.ts';

/** The outcome of one remit-import job. */
export function ImportOutcome({ result, onOpenQueue }: { readonly result: RemitImportJobResult; readonly onOpenQueue: () => void }) {
  const { outcome, triage } = result;
  if (outcome.status === 'refused') {
    return (
      <div className="note note-error" role="alert">
        <strong>The file was refused; nothing was imported.</strong> {outcome.error.message}
        {outcome.error.segmentNumber !== null && ` (segment ${outcome.error.segmentNumber}${outcome.error.segmentId ? `, ${outcome.error.segmentId}` : ''})`}
      </div>
    );
  }
  if (outcome.status === 'cancelled') return <p className="note note-info">Import cancelled: nothing was written.</p>;
  const categories = triage === null ? [] : (Object.entries(triage.byCategory) as [DenialCategory, number][]).filter(([, n]) => n > 0);
  const actions = triage === null ? [] : (Object.entries(triage.byAction) as [DenialAction, number][]).filter(([, n]) => n > 0);
  return (
    <section className="card den-outcome" aria-labelledby="den-outcome-title" aria-live="polite">
      <div className="card-body">
        <h2 id="den-outcome-title" className="section-title">
          {outcome.status === 'unchanged' ? 'This remittance was imported before' : 'Remittance imported'}
        </h2>
        {outcome.status === 'imported' && (
          <p>
            {formatCount(outcome.counts.claims)} claims and {formatCount(outcome.counts.lines)} lines ({formatCount(outcome.counts.linkedLines)} linked to charges), {formatCents(outcome.counts.totalPaidCents)} paid,{' '}
            {formatCount(outcome.counts.imbalances)} imbalance{outcome.counts.imbalances === 1 ? '' : 's'}
            {outcome.counts.reversalsPaired > 0 && `, ${formatCount(outcome.counts.reversalsPaired)} reversal${outcome.counts.reversalsPaired === 1 ? '' : 's'} paired`}.
          </p>
        )}
        {outcome.status === 'imported' && outcome.imbalances.length > 0 && (
          <ul className="den-list">
            {outcome.imbalances.slice(0, 10).map((i) => (
              <li key={`${i.transactionIndex}-${i.segmentNumber}-${i.level}`}>{i.message}</li>
            ))}
          </ul>
        )}
        {triage !== null && (
          <>
            <p>
              <strong>
                {formatCount(triage.denials)} denial{triage.denials === 1 ? '' : 's'} triaged
              </strong>{' '}
              ({formatCents(triage.deniedCents)} denied){triage.paidOnRemit > 0 && `; ${formatCount(triage.paidOnRemit)} earlier denials paid on this remittance`}.
            </p>
            <div className="den-outcome-lists">
              <ul className="den-list" aria-label="Denials by category">
                {categories.map(([k, n]) => (
                  <li key={k}>
                    {CATEGORY_LABEL[k]}: {formatCount(n)}
                  </li>
                ))}
              </ul>
              <ul className="den-list" aria-label="Denials by action">
                {actions.map(([k, n]) => (
                  <li key={k}>
                    {ACTION_LABEL[k]}: {formatCount(n)}
                  </li>
                ))}
              </ul>
            </div>
            {triage.denials > 0 && (
              <button type="button" className="button button-primary" onClick={onOpenQueue}>
                Work the denials
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
