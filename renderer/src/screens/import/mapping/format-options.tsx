/** The export's formats: dates (with a live preview of the conversion), amounts and list separators. */
import { DATE_FORMATS, type DateFormat } from '../../../../../shared/package-spec/mapping.ts';
import { previewDates } from './date-preview.ts';
import type { MappingDraft } from './draft.ts';

export interface FormatOptionsProps {
  readonly draft: MappingDraft;
  /** Raw service dates of the preview rows. */
  readonly dateSamples: readonly string[];
  readonly onChange: (patch: Partial<Pick<MappingDraft, 'dateFormat' | 'amountUnit' | 'listSeparator'>>) => void;
}

const SEPARATORS: readonly { value: string; label: string }[] = [
  { value: ';', label: 'Semicolon ( ; )' },
  { value: ',', label: 'Comma ( , )' },
  { value: '|', label: 'Pipe ( | )' },
  { value: ' ', label: 'Space' },
];

export function FormatOptions({ draft, dateSamples, onChange }: FormatOptionsProps) {
  const dates = previewDates([...new Set(dateSamples)].slice(0, 4), draft.dateFormat);
  const bad = dates.filter((d) => d.iso === null).length;
  return (
    <section className="card card-body format-options" aria-labelledby="formats-title">
      <h3 id="formats-title" className="section-title">
        Formats
      </h3>
      <label className="field-label" htmlFor="date-format">
        Date format
      </label>
      <select id="date-format" className="select" value={draft.dateFormat} onChange={(e) => onChange({ dateFormat: e.target.value as DateFormat })}>
        {DATE_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      {dates.length > 0 ? (
        <ul className="date-preview" aria-label="Service dates converted with this format" aria-live="polite">
          {dates.map((d, i) => (
            <li key={`${d.raw}-${i}`} className={d.iso === null ? 'date-bad' : 'date-ok'}>
              <span className="mono">{d.raw}</span> <span aria-hidden="true">→</span>{' '}
              {d.iso === null ? <span>not a date in {draft.dateFormat}</span> : <span className="mono">{d.iso}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Map service_date to see its dates converted.</p>
      )}
      {bad > 0 && <p className="field-error">Some dates do not fit {draft.dateFormat}: choose another format.</p>}

      <fieldset className="radio-group">
        <legend className="field-label">Amounts are in</legend>
        {(['dollars', 'cents'] as const).map((unit) => (
          <label key={unit}>
            <input type="radio" name="amount-unit" value={unit} checked={draft.amountUnit === unit} onChange={() => onChange({ amountUnit: unit })} />{' '}
            {unit === 'dollars' ? 'Dollars (212.00)' : 'Cents (21200)'}
          </label>
        ))}
      </fieldset>

      <label className="field-label" htmlFor="list-separator">
        Separator in lists (modifiers, diagnoses, condition codes)
      </label>
      <select id="list-separator" className="select" value={draft.listSeparator} onChange={(e) => onChange({ listSeparator: e.target.value })}>
        {SEPARATORS.map((s) => (
          <option key={s.label} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </section>
  );
}
