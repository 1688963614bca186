/**
 * Deadline settings: the defaults per payer kind (with their sources; Medicare Advantage's flagged as
 * unverified) and each payer seen on a remittance. Changing a value recomputes every running deadline.
 */
import { useCallback, useRef, useState } from 'react';
import type { PayerSettingRow } from '../../../../shared/contract/denials.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { useAction } from './use-action.ts';

function PayerRow({ row, onSaved }: { readonly row: PayerSettingRow; readonly onSaved: (rows: PayerSettingRow[]) => void }) {
  const api = useApi();
  const [appealDays, setAppealDays] = useState(row.appealDays === null ? '' : String(row.appealDays));
  const [months, setMonths] = useState(row.timelyFilingMonths === null ? '' : String(row.timelyFilingMonths));
  const [saved, setSaved] = useState<string | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));
  const save = useAction(async (reset: boolean) => {
    setSaved(null);
    const a = reset ? null : toNumber(appealDays);
    const m = reset ? null : toNumber(months);
    if ((a !== null && !(Number.isInteger(a) && a > 0)) || (m !== null && !(Number.isInteger(m) && m > 0))) throw new Error('Days and months are whole numbers above zero.');
    const rows = await api.denialsSavePayerSetting({ payerKey: row.payerKey, label: row.label, appealDays: a, timelyFilingMonths: m });
    // The row keeps its identity (and the keyboard focus): its fields show what is now in force.
    const now = rows.find((r) => r.payerKey === row.payerKey);
    if (now !== undefined) {
      setAppealDays(now.appealDays === null ? '' : String(now.appealDays));
      setMonths(now.timelyFilingMonths === null ? '' : String(now.timelyFilingMonths));
      setSaved(reset ? 'Default restored; deadlines recomputed.' : 'Saved; deadlines recomputed.');
    }
    onSaved(rows);
    // "Use default" disappears once the default is back: focus goes to Save rather than the page.
    if (reset) saveButton.current?.focus();
  });
  const name = row.label;
  return (
    <tr>
      <th scope="row">
        {name}
        {!row.verified && <span className="den-tag den-tag-warn">unverified default</span>}
        <span className="den-sub">{row.sources.map((s) => `[${s.key}]`).join(' ')}</span>
      </th>
      <td>{row.appealLevel}</td>
      <td>
        <input className="input den-num" aria-label={`Appeal days for ${name}`} inputMode="numeric" value={appealDays} onChange={(e) => setAppealDays(e.target.value)} />
      </td>
      <td>
        <input className="input den-num" aria-label={`Timely filing months for ${name}`} inputMode="numeric" value={months} placeholder="unknown" onChange={(e) => setMonths(e.target.value)} />
      </td>
      <td>
        <div className="toolbar">
          {/* aria-disabled, not disabled, while saving: a disabled button drops the keyboard focus to the page. */}
          <button ref={saveButton} type="button" className="button button-small" aria-label={`Save the limits for ${name}`} aria-disabled={save.busy} onClick={() => save.busy || void save.run(false)}>
            Save
          </button>
          {row.overridden && (
            <button type="button" className="button button-small" aria-label={`Use the default limits for ${name}`} aria-disabled={save.busy} onClick={() => save.busy || void save.run(true)}>
              Use default
            </button>
          )}
        </div>
        <p className="den-sub" role="status">
          {saved}
        </p>
        {save.error && (
          <p className="note note-error" role="alert">
            {save.error}
          </p>
        )}
      </td>
    </tr>
  );
}

/** The Payer deadlines tab. */
export function PayerSettings({ onSettled }: { readonly onSettled?: ((state: ScreenState) => void) | undefined }) {
  const api = useApi();
  const load = useCallback(() => api.denialsPayerSettings(), [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  const [rows, setRows] = useState<PayerSettingRow[] | null>(null);
  if (state.status === 'loading') return <LoadingState label="Loading payer settings…" />;
  if (state.status === 'error') return <ErrorState title="The payer settings could not be loaded." message={state.message} onRetry={reload} />;
  const shown = rows ?? state.data;
  return (
    <div className="den-settings">
      <p className="muted">
        Appeal windows count from the remittance date (earlier than the date it was received, so they err on the early side); timely filing counts from the date of service. A payer&apos;s own setting
        beats its kind&apos;s; an empty field keeps the default.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">Appeal and timely-filing limits by payer</caption>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">First appeal level</th>
              <th scope="col">Appeal days</th>
              <th scope="col">Timely filing (months)</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <PayerRow key={row.payerKey} row={row} onSaved={setRows} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
