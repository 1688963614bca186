/**
 * One row per charges.csv field: which column of the export feeds it (pre-filled by name), or a
 * value for every row when the export has no such column, and what the first row gives.
 */
import { FILE_SPECS } from '../../../../../shared/package-spec/files.ts';
import { columnIndex, type ExportSample, type MappingDraft } from './draft.ts';
import type { MappedRow } from './mapped-rows.ts';
import { ENUM_FIELDS } from './value-maps.ts';

export interface FieldTableProps {
  readonly draft: MappingDraft;
  readonly sample: ExportSample;
  /** The first mapped preview row, to show each field's converted value. */
  readonly firstRow: MappedRow | undefined;
  readonly onColumn: (field: string, header: string | undefined) => void;
  readonly onConstant: (field: string, value: string) => void;
}

const NOT_IN_FILE = '';

function ConstantInput({ field, value, onChange }: { readonly field: string; readonly value: string; readonly onChange: (value: string) => void }) {
  const allowed = ENUM_FIELDS[field];
  const label = `Value of ${field} for every row`;
  if (allowed) {
    return (
      <select className="select constant-input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">(none)</option>
        {allowed.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  return <input className="input constant-input" aria-label={label} value={value} placeholder="Value for every row (optional)" onChange={(e) => onChange(e.target.value)} />;
}

export function FieldTable({ draft, sample, firstRow, onColumn, onConstant }: FieldTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table field-table">
        <caption className="visually-hidden">charges.csv fields and the column of the export that feeds each</caption>
        <thead>
          <tr>
            <th scope="col">charges.csv field</th>
            <th scope="col">Column in the export</th>
            <th scope="col">First row gives</th>
          </tr>
        </thead>
        <tbody>
          {FILE_SPECS.charges.columns.map((column, i) => {
            const header = draft.columns[column.name];
            const missing = column.required && header === undefined && (draft.constants[column.name] ?? '') === '';
            const cell = firstRow?.cells[i];
            const selectId = `map-${column.name}`;
            return (
              <tr key={column.name} className={missing ? 'field-missing' : undefined}>
                <th scope="row">
                  <label htmlFor={selectId} className="field-name mono">
                    {column.name}
                  </label>
                  {column.required ? <span className="field-required">required</span> : <span className="field-optional">optional</span>}
                  <span className="field-description">{column.description.replaceAll('`', '')}</span>
                </th>
                <td>
                  <select
                    id={selectId}
                    className="select column-select"
                    value={header !== undefined && columnIndex(sample, header) >= 0 ? (sample.header[columnIndex(sample, header)] as string) : NOT_IN_FILE}
                    onChange={(e) => onColumn(column.name, e.target.value === NOT_IN_FILE ? undefined : e.target.value)}
                  >
                    <option value={NOT_IN_FILE}>— not in this export —</option>
                    {sample.header.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {header === undefined && <ConstantInput field={column.name} value={draft.constants[column.name] ?? ''} onChange={(v) => onConstant(column.name, v)} />}
                  {missing && <span className="field-error">Required: choose a column or a value.</span>}
                </td>
                <td className={cell?.problem ? 'sample-bad' : 'sample-ok'}>
                  <span className="mono">{cell?.text || <span className="muted">blank</span>}</span>
                  {cell?.problem && <span className="sample-problem">{cell.problem}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
