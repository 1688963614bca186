/**
 * The export's own codes for enumerated fields (financial class `MCR`, route `RSH`), each mapped to a
 * package value. Built from the values seen in the preview rows and pre-filled with guesses; codes
 * that appear only further down the file can be added by hand.
 */
import { useState } from 'react';
import type { MappingDraft } from './draft.ts';
import { ENUM_FIELDS } from './value-maps.ts';

export interface ValueMapEditorProps {
  readonly draft: MappingDraft;
  readonly onChange: (field: string, from: string, to: string | null) => void;
}

function AddValue({ field, onAdd }: { readonly field: string; readonly onAdd: (value: string) => void }) {
  const [text, setText] = useState('');
  const add = (): void => {
    if (text.trim() === '') return;
    onAdd(text.trim());
    setText('');
  };
  return (
    <div className="value-map-add">
      <input
        className="input"
        aria-label={`Another ${field} code of the export`}
        placeholder="Another code…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <button type="button" className="button button-small" onClick={add}>
        Add
      </button>
    </div>
  );
}

export function ValueMapEditor({ draft, onChange }: ValueMapEditorProps) {
  const fields = Object.keys(ENUM_FIELDS).filter((f) => draft.columns[f] !== undefined);
  return (
    <section className="card card-body value-maps" aria-labelledby="value-maps-title">
      <h3 id="value-maps-title" className="section-title">
        Values
      </h3>
      {fields.length === 0 && <p className="muted">Map payer_type, bill_to, setting or claim_type to a column to translate its codes.</p>}
      {fields.map((field) => {
        const entries = Object.entries(draft.valueMaps[field] ?? {});
        return (
          <div key={field} className="value-map">
            <h4 className="value-map-field mono">{field}</h4>
            {entries.length === 0 ? (
              <p className="muted">Every value in the preview is already a {field} value.</p>
            ) : (
              <table className="value-map-table">
                <caption className="visually-hidden">Codes of the export for {field} and the value each becomes</caption>
                <tbody>
                  {entries.map(([from, to]) => (
                    <tr key={from}>
                      <th scope="row" className="mono">
                        {from}
                      </th>
                      <td aria-hidden="true">→</td>
                      <td>
                        <select
                          className={`select${to === '' ? ' select-missing' : ''}`}
                          aria-label={`${field} value for ${from}`}
                          value={to}
                          onChange={(e) => onChange(field, from, e.target.value)}
                        >
                          <option value="">Choose…</option>
                          {(ENUM_FIELDS[field] ?? []).map((v) => (
                            <option key={v} value={v}>
                              {v}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <button type="button" className="button button-small" aria-label={`Forget ${from}`} onClick={() => onChange(field, from, null)}>
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <AddValue field={field} onAdd={(value) => onChange(field, value, '')} />
          </div>
        );
      })}
    </section>
  );
}
