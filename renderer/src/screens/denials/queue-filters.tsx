/** Filters of the denial queue: category, action, status, due soon, and whether to show closed work. */
import type { DenialFilter } from '../../../../shared/contract/denials.ts';
import { DUE_SOON_DAYS } from '../../../../shared/denials/deadlines.ts';
import { DENIAL_ACTIONS, DENIAL_CATEGORIES, DENIAL_STATUSES, type DenialAction, type DenialCategory, type DenialStatus } from '../../../../shared/denials/vocabulary.ts';
import { ACTION_LABEL, CATEGORY_LABEL, STATUS_LABEL } from './format.ts';

export interface QueueFiltersProps {
  readonly filter: DenialFilter;
  readonly onChange: (next: DenialFilter) => void;
}

/** A select of one value or "all", over a closed vocabulary. */
function Choice<T extends string>({ label, values, labels, value, onChange }: { label: string; values: readonly T[]; labels: Record<T, string>; value: T | undefined; onChange: (v: T | undefined) => void }) {
  const id = `den-filter-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as T))}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter controls of the queue. */
export function QueueFilters({ filter, onChange }: QueueFiltersProps) {
  const set = (patch: Partial<DenialFilter>): void => {
    const next: Record<string, unknown> = { ...filter, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as DenialFilter);
  };
  return (
    <div className="den-filters toolbar" role="group" aria-label="Filter the queue">
      <Choice<DenialCategory> label="Category" values={DENIAL_CATEGORIES} labels={CATEGORY_LABEL} value={filter.categories?.[0]} onChange={(v) => set({ categories: v ? [v] : undefined })} />
      <Choice<DenialAction> label="Action" values={DENIAL_ACTIONS} labels={ACTION_LABEL} value={filter.actions?.[0]} onChange={(v) => set({ actions: v ? [v] : undefined })} />
      <Choice<DenialStatus> label="Status" values={DENIAL_STATUSES} labels={STATUS_LABEL} value={filter.statuses?.[0]} onChange={(v) => set({ statuses: v ? [v] : undefined })} />
      <label className="den-check">
        <input type="checkbox" checked={filter.dueWithinDays !== undefined} onChange={(e) => set({ dueWithinDays: e.target.checked ? DUE_SOON_DAYS : undefined })} />
        Due within {DUE_SOON_DAYS} days or overdue
      </label>
      <label className="den-check">
        <input type="checkbox" checked={filter.includeResolved} onChange={(e) => set({ includeResolved: e.target.checked })} />
        Include resolved and closed
      </label>
    </div>
  );
}
