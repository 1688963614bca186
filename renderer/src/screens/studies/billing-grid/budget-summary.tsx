/** The CTA budget of one arm: what the sponsor pays per subject who completes the calendar, with overhead. */
import { formatBasisPoints, formatCents } from '../../../../../shared/domain/money.ts';
import { subjectBudget } from './grid-model.ts';

export interface BudgetSummaryProps {
  readonly arm: string;
  readonly perSubjectCents: number;
  readonly visits: number;
  readonly overheadBp: number;
  readonly holdbackBp: number;
}

export function BudgetSummary({ arm, perSubjectCents, visits, overheadBp, holdbackBp }: BudgetSummaryProps) {
  const budget = subjectBudget(perSubjectCents, overheadBp);
  return (
    <dl className="budget-summary" aria-label={`CTA budget per subject, arm ${arm}`}>
      <div>
        <dt>Sponsor items per subject</dt>
        <dd>{formatCents(budget.items)}</dd>
      </div>
      <div>
        <dt>Overhead ({formatBasisPoints(overheadBp)})</dt>
        <dd>+ {formatCents(budget.overhead)}</dd>
      </div>
      <div className="budget-total">
        <dt>Invoiceable per subject</dt>
        <dd>{formatCents(budget.total)}</dd>
      </div>
      <div>
        <dt>Holdback until close-out</dt>
        <dd>{formatBasisPoints(holdbackBp)}</dd>
      </div>
      <div>
        <dt>Visits</dt>
        <dd>{visits}</dd>
      </div>
    </dl>
  );
}
