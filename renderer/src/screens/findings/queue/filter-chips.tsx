/** The active filters as removable chips, and the sort in words. */
import type { FindingFilter, FindingSort } from '../../../../../shared/contract/findings.ts';
import { describeFilter, describeSort } from '../../../../../shared/findings/describe-view.ts';
import { withoutField } from './filter-form.ts';

export interface FilterChipsProps {
  readonly filter: FindingFilter;
  readonly sort: FindingSort;
  readonly onChange: (filter: FindingFilter) => void;
  /** Grouped views order groups by dollars, not by the sort. */
  readonly grouped?: boolean;
}

export function FilterChips({ filter, sort, onChange, grouped = false }: FilterChipsProps) {
  const phrases = describeFilter(filter);
  return (
    <div className="filter-chips" aria-label="Active filters">
      {phrases.length === 0 && <span className="muted">All findings except closed ones</span>}
      {phrases.map((p) => (
        <span key={p.field} className="filter-chip">
          <span className="filter-chip-label">{p.label}:</span> {p.text}
          <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${p.label}: ${p.text}`} onClick={() => onChange(withoutField(filter, p.field))}>
            ×
          </button>
        </span>
      ))}
      {phrases.length > 1 && (
        <button type="button" className="button-link" onClick={() => onChange({})}>
          Clear all
        </button>
      )}
      <span className="filter-chips-sort muted">{grouped ? 'Groups with the most dollars first' : `Sorted by ${describeSort(sort).toLowerCase()}`}</span>
    </div>
  );
}
