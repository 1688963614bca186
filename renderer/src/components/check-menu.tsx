/**
 * A compact multiple choice: a button that opens a list of checkboxes (native <details>, so it opens
 * with Enter or Space and every option is a real checkbox). Escape or a click elsewhere closes it.
 */
import { useEffect, useRef, type Ref } from 'react';
import './check-menu.css';

export interface CheckOption {
  readonly value: string;
  readonly label: string;
  /** A longer description shown beside the label. */
  readonly hint?: string;
}

export interface CheckMenuProps {
  readonly label: string;
  readonly options: readonly CheckOption[];
  readonly selected: readonly string[];
  readonly onToggle: (value: string) => void;
  readonly onClear: () => void;
  readonly summaryRef?: Ref<HTMLElement>;
}

export function CheckMenu({ label, options, selected, onToggle, onClear, summaryRef }: CheckMenuProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event): void => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const count = selected.length;
  return (
    <details
      ref={ref}
      className={`check-menu${count > 0 ? ' check-menu-active' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary ref={summaryRef} className="check-menu-summary" aria-label={count > 0 ? `${label}: ${count} selected` : label}>
        {label}
        {count > 0 && <span className="check-menu-count">{count}</span>}
      </summary>
      <fieldset className="check-menu-panel">
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value} className="check-menu-option">
            <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} />
            <span>{o.label}</span>
            {o.hint && <span className="check-menu-hint">{o.hint}</span>}
          </label>
        ))}
        {count > 0 && (
          <button type="button" className="button-link check-menu-clear" onClick={onClear}>
            Clear {label.toLowerCase()}
          </button>
        )}
      </fieldset>
    </details>
  );
}
