/**
 * Saved views: apply one in a click, save the current filter, sort and grouping under a name, or
 * delete one. Saving under an existing name replaces that view.
 */
import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { FindingFilter, FindingSort } from '../../../../../shared/contract/findings.ts';
import type { SavedView, ViewGrouping } from '../../../../../shared/contract/views.ts';
import { describeFilter, describeSort } from '../../../../../shared/findings/describe-view.ts';
import { useApi } from '../../../api-context.tsx';
import { useLoad } from '../../../use-load.ts';

export interface SavedViewsProps {
  readonly current: { readonly filter: FindingFilter; readonly sort: FindingSort; readonly grouping: ViewGrouping };
  readonly onApply: (view: SavedView) => void;
}

const tooltip = (v: SavedView): string => [...describeFilter(v.filter).map((p) => `${p.label}: ${p.text}`), describeSort(v.sort)].join('\n');

export function SavedViews({ current, onApply }: SavedViewsProps) {
  const api = useApi();
  const load = useCallback(() => api.viewsList(), [api]);
  const { state, reload } = useLoad(load);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);
  const views = state.status === 'ready' ? state.data : [];

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') return;
    api.viewsSave({ name: name.trim(), ...current }).then(
      (view) => {
        setMessage(`Saved “${view.name}”.`);
        setName('');
        reload();
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : 'The view could not be saved.'),
    );
  };
  const remove = (view: SavedView): void => {
    api.viewsDelete({ id: view.id }).then(() => reload(), () => setMessage('The view could not be deleted.'));
  };
  return (
    <details ref={ref} className="check-menu views-menu">
      <summary className="check-menu-summary">Saved views{views.length > 0 && <span className="check-menu-count">{views.length}</span>}</summary>
      <div className="check-menu-panel views-panel">
        {views.length === 0 && <p className="muted">No saved views yet.</p>}
        <ul className="views-list">
          {views.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="views-apply"
                title={tooltip(v)}
                onClick={() => {
                  onApply(v);
                  if (ref.current) ref.current.open = false;
                }}
              >
                {v.name}
              </button>
              <button type="button" className="views-delete" aria-label={`Delete view ${v.name}`} onClick={() => remove(v)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="views-save" onSubmit={save}>
          <label className="field-label" htmlFor="view-name">
            Save the current view as
          </label>
          <div className="toolbar">
            <input id="view-name" className="input" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Critical, unassigned" />
            <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
              Save
            </button>
          </div>
        </form>
        {message && (
          <p className="muted" role="status">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
