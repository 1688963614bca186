/**
 * The queue's filters: study, rule, severity, status, payer and category as check menus (applied at
 * once), assignee as a choice, service dates and amounts as typed fields (applied on Enter or when
 * leaving the field, with a message beside an invalid one).
 */
import { useState, type Ref } from 'react';
import { FINDING_STATUSES, type FindingFilter } from '../../../../../shared/contract/findings.ts';
import { payerLabel } from '../../../../../shared/findings/describe-view.ts';
import { RULES } from '../../../../../shared/rules/catalogue.ts';
import { CheckMenu } from '../../../components/check-menu.tsx';
import { CATEGORY_LABEL, PAYER_TYPES, SEVERITY_LABEL, STATUS_LABEL } from '../finding-labels.ts';
import { applyDraft, draftFromFilter, setValues, toggleValue, type DraftErrors, type FilterDraft } from './filter-form.ts';

export interface FilterBarProps {
  readonly filter: FindingFilter;
  readonly onChange: (filter: FindingFilter) => void;
  readonly studies: readonly string[];
  readonly assignees: readonly string[];
  readonly firstRef: Ref<HTMLElement>;
}

const RULE_OPTIONS = RULES.map((r) => ({ value: r.id, label: r.id, hint: r.title }));
const SEVERITY_OPTIONS = (['critical', 'warning', 'review'] as const).map((s) => ({ value: s, label: SEVERITY_LABEL[s] }));
const STATUS_OPTIONS = FINDING_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }));
const PAYER_OPTIONS = PAYER_TYPES.map((p) => ({ value: p, label: payerLabel(p) }));
const CATEGORY_OPTIONS = (['exposure', 'denial-risk', 'leakage', 'review'] as const).map((c) => ({ value: c, label: CATEGORY_LABEL[c] }));

type ListField = 'studyIds' | 'rules' | 'severities' | 'categories' | 'statuses' | 'payerTypes';

export function FilterBar({ filter, onChange, studies, assignees, firstRef }: FilterBarProps) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilter(filter));
  const [errors, setErrors] = useState<DraftErrors>({});
  // A filter set from elsewhere (a saved view, a chip, the dashboard) shows in the fields.
  const [draftOf, setDraftOf] = useState(filter);
  if (draftOf !== filter) {
    setDraftOf(filter);
    setDraft(draftFromFilter(filter));
  }

  const menu = (label: string, field: ListField, options: readonly { value: string; label: string; hint?: string }[], ref?: Ref<HTMLElement>) => (
    <CheckMenu
      label={label}
      options={options}
      selected={(filter[field] ?? []) as readonly string[]}
      onToggle={(value) => onChange(toggleValue(filter, field, value))}
      onClear={() => onChange(setValues(filter, field, []))}
      {...(ref ? { summaryRef: ref } : {})}
    />
  );
  const commit = (): void => {
    const result = applyDraft(filter, draft);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0 && JSON.stringify(result.filter) !== JSON.stringify(filter)) onChange(result.filter);
  };
  const field = (key: keyof FilterDraft, label: string, type: 'date' | 'text', placeholder: string) => (
    <label className={`filter-field${type === 'text' ? ' filter-field-amount' : ''}${errors[key] ? ' filter-field-invalid' : ''}`}>
      <span className="filter-field-label">{label}</span>
      <input
        className="input"
        type={type}
        inputMode={type === 'text' ? 'decimal' : undefined}
        placeholder={placeholder}
        value={draft[key]}
        aria-invalid={errors[key] !== undefined}
        title={errors[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {errors[key] && <span className="field-error" role="alert">{errors[key]}</span>}
    </label>
  );
  return (
    <div className="filter-bar" role="search" aria-label="Filter the findings">
      {menu('Study', 'studyIds', studies.map((s) => ({ value: s, label: s })), firstRef)}
      {menu('Rule', 'rules', RULE_OPTIONS)}
      {menu('Severity', 'severities', SEVERITY_OPTIONS)}
      {menu('Status', 'statuses', STATUS_OPTIONS)}
      {menu('Payer', 'payerTypes', PAYER_OPTIONS)}
      {menu('Category', 'categories', CATEGORY_OPTIONS)}
      <label className="filter-field">
        <span className="filter-field-label">Assignee</span>
        <select
          className="select"
          value={filter.assignee === undefined ? '*' : filter.assignee === '' ? '' : filter.assignee}
          onChange={(e) => {
            const { assignee: _drop, ...rest } = filter;
            onChange(e.target.value === '*' ? rest : { ...rest, assignee: e.target.value });
          }}
        >
          <option value="*">Anyone</option>
          <option value="">Unassigned</option>
          {assignees.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {field('dateFrom', 'Service from', 'date', 'YYYY-MM-DD')}
      {field('dateTo', 'to', 'date', 'YYYY-MM-DD')}
      {field('amountMin', 'Amount from $', 'text', '0.00')}
      {field('amountMax', 'to $', 'text', 'any')}
    </div>
  );
}
