/**
 * A section's tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys and Home/End move between tabs
 * and select them, each tab controls the one panel whose id is given. The section renders the panel
 * itself, labelled by `tabId(idPrefix, selected)`.
 */
import type { KeyboardEvent } from 'react';

export interface TabBarProps<T extends string> {
  /** Prefix of the tab ids (`${idPrefix}-tab-${id}`). */
  readonly idPrefix: string;
  /** Accessible name of the tab list. */
  readonly label: string;
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly selected: T;
  readonly panelId: string;
  readonly onSelect: (id: T) => void;
}

export const tabId = (idPrefix: string, id: string): string => `${idPrefix}-tab-${id}`;

export function TabBar<T extends string>({ idPrefix, label, tabs, selected, panelId, onSelect }: TabBarProps<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((t) => t.id === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    document.getElementById(tabId(idPrefix, target.id))?.focus();
  };
  return (
    <div className="tab-bar" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, t.id)}
          aria-selected={selected === t.id}
          aria-controls={panelId}
          tabIndex={selected === t.id ? 0 : -1}
          className="tab-bar-tab"
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
