/** The totals breakdown of an invoice: CTA amounts, overhead added, gross, holdback withheld, amount due. */
import type { InvoiceTotals } from '../../../../shared/invoicing/line-math.ts';
import { formatBasisPoints, formatCents } from './format.ts';

export interface TotalsPanelProps {
  readonly totals: InvoiceTotals;
  readonly overheadBp: number;
  readonly holdbackBp: number;
  readonly dueLabel?: string;
}

export function TotalsPanel({ totals, overheadBp, holdbackBp, dueLabel = 'Amount due' }: TotalsPanelProps) {
  return (
    <dl className="inv-totals" aria-label="Totals">
      <div>
        <dt>Items at CTA prices ({totals.lineCount})</dt>
        <dd>{formatCents(totals.amountCents)}</dd>
      </div>
      <div>
        <dt>+ Overhead {formatBasisPoints(overheadBp)}</dt>
        <dd>{formatCents(totals.overheadCents)}</dd>
      </div>
      <div>
        <dt>Gross</dt>
        <dd>{formatCents(totals.grossCents)}</dd>
      </div>
      <div>
        <dt>− Holdback {formatBasisPoints(holdbackBp)}</dt>
        <dd>{formatCents(totals.holdbackCents)}</dd>
      </div>
      <div className="inv-totals-due">
        <dt>{dueLabel}</dt>
        <dd data-testid="amount-due">{formatCents(totals.netCents)}</dd>
      </div>
    </dl>
  );
}
