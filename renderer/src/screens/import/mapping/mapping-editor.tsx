/** The mapping form: saved-mapping choice, field table, formats, value maps, preview, and import. */
import { useState } from 'react';
import { useFocusOnMount } from '../../../use-focus-on-mount.ts';
import type { MappingProfile } from '../../../../../shared/package-spec/mapping.ts';
import { columnIndex, missingFields, refreshValueMaps, toProfile, unmappedValues, type ExportSample, type MappingDraft } from './draft.ts';
import { FieldTable } from './field-table.tsx';
import { FormatOptions } from './format-options.tsx';
import { MappedPreview } from './mapped-preview.tsx';
import { mapPreviewRows, phiColumnsOf } from './mapped-rows.ts';
import { PreviewTable } from '../preview-table.tsx';
import { ProfileBar, type ProfileBarProps } from './profile-bar.tsx';
import { ValueMapEditor } from './value-map-editor.tsx';
import './mapping.css';

export interface MappingEditorProps extends Omit<ProfileBarProps, 'onApply'> {
  readonly initial: MappingDraft;
  readonly sample: ExportSample;
  readonly fileName: string;
  readonly busy: boolean;
  readonly onApply: (name: string | null) => void;
  readonly onBack: () => void;
  readonly onImport: (profile: MappingProfile, remember: boolean) => void;
}

export function MappingEditor({ initial, sample, fileName, busy, onBack, onImport, ...bar }: MappingEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [remember, setRemember] = useState(true);
  // The saved-mapping choice is the first decision of the step.
  const first = useFocusOnMount<HTMLDivElement>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const update = (next: MappingDraft): void => {
    setRefusal(null);
    setDraft(next);
  };
  const setColumn = (field: string, header: string | undefined): void => {
    const columns = { ...draft.columns };
    const constants = { ...draft.constants };
    if (header === undefined) delete columns[field];
    else {
      columns[field] = header;
      delete constants[field];
    }
    const next = { ...draft, columns, constants };
    update({ ...next, valueMaps: refreshValueMaps(next, sample) });
  };
  const setValue = (field: string, from: string, to: string | null): void => {
    const map = { ...(draft.valueMaps[field] ?? {}) };
    if (to === null) delete map[from];
    else map[from] = to;
    update({ ...draft, valueMaps: { ...draft.valueMaps, [field]: map } });
  };

  const rows = mapPreviewRows(draft, sample);
  const dateIndex = columnIndex(sample, draft.columns.service_date);
  const missing = missingFields(draft);
  const pending = unmappedValues(draft);
  const submit = (): void => {
    const result = toProfile(draft);
    if (result.ok) onImport(result.profile, remember);
    else setRefusal(result.reason);
  };

  return (
    <>
      <div ref={first} tabIndex={-1} className="focus-anchor">
        <ProfileBar {...bar} />
      </div>
      <details className="file-preview raw-preview">
        <summary>The export as it is ({sample.header.length} columns)</summary>
        {/* Columns mapped to the MRN or account number are masked as soon as they are mapped. */}
        <PreviewTable sheet={{ sheet: null, kind: null, ...sample }} maxRows={5} caption={`First rows of ${fileName}`} phiColumns={phiColumnsOf(draft.columns, sample.header)} />
      </details>
      <div className="mapping-layout">
        <FieldTable
          draft={draft}
          sample={sample}
          firstRow={rows[0]}
          onColumn={setColumn}
          onConstant={(field, value) => update({ ...draft, constants: { ...draft.constants, [field]: value } })}
        />
        <div className="mapping-side">
          <FormatOptions draft={draft} dateSamples={dateIndex >= 0 ? sample.rows.map((r) => r[dateIndex] ?? '') : []} onChange={(patch) => update({ ...draft, ...patch })} />
          <ValueMapEditor draft={draft} onChange={setValue} />
        </div>
      </div>
      <MappedPreview rows={rows} />
      <div className="mapping-footer card card-body">
        <div className="mapping-name">
          <label className="field-label" htmlFor="mapping-name">
            Mapping name
          </label>
          <input id="mapping-name" className="input" value={draft.name} maxLength={80} onChange={(e) => update({ ...draft, name: e.target.value })} />
          <label className="remember">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Save this mapping for next time
          </label>
        </div>
        <div className="mapping-status" role="status">
          {missing.length > 0 && <p className="field-error">Still to map: {missing.join(', ')}.</p>}
          {pending.length > 0 && (
            <p className="field-warning">
              {pending.length} {pending.length === 1 ? 'code has' : 'codes have'} no value chosen ({pending.map((p) => p.value).join(', ')}): rows with{' '}
              {pending.length === 1 ? 'it' : 'them'} will be refused.
            </p>
          )}
          {refusal !== null && (
            <p className="field-error" role="alert">
              {refusal}
            </p>
          )}
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={onBack} disabled={busy}>
            Back
          </button>
          <button type="button" className="button button-primary" onClick={submit} disabled={busy || missing.length > 0}>
            Import charges
          </button>
        </div>
      </div>
    </>
  );
}
