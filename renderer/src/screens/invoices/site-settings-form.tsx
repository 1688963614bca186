/**
 * The site's invoicing details printed on every invoice (name, address, tax id, contact, remit-to,
 * payment instructions) and, per study, the investigator and the sponsor's bill-to address. Issued
 * invoices keep the details they were issued with.
 */
import { useCallback, useState } from 'react';
import type { SiteSettings, StudyBilling } from '../../../../shared/invoicing/report-types.ts';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { useAction } from './use-action.ts';

// Kept as typed (a trailing space or empty last row while typing); the backend trims and drops blank rows on save.
const lines = (text: string): string[] => text.split('\n');

export function SiteSettingsForm({ onSettled }: { readonly onSettled?: ((state: ScreenState) => void) | undefined }) {
  const api = useApi();
  const load = useCallback(async () => ({ settings: await api.settingsGetSite(), studies: await api.studiesList() }), [api]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  if (state.status === 'loading') return <LoadingState label="Loading the site details…" />;
  if (state.status === 'error') return <ErrorState title="The site details could not be loaded." message={state.message} onRetry={reload} />;
  return <SettingsEditor initial={state.data.settings} studyIds={state.data.studies.map((s) => s.studyId)} />;
}

function SettingsEditor({ initial, studyIds }: { readonly initial: SiteSettings; readonly studyIds: readonly string[] }) {
  const api = useApi();
  const action = useAction();
  const [s, setS] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [studyId, setStudyId] = useState(studyIds[0] ?? '');
  const set = <K extends keyof SiteSettings>(key: K, value: SiteSettings[K]): void => {
    setSaved(false);
    setS((c) => ({ ...c, [key]: value }));
  };
  const billing: StudyBilling = s.studies.find((b) => b.studyId === studyId) ?? { studyId, investigator: '', billToAttention: '', billToAddress: [], sponsorReference: '' };
  const setBilling = (patch: Partial<StudyBilling>): void => set('studies', [...s.studies.filter((b) => b.studyId !== studyId), { ...billing, ...patch }]);
  const text = (label: string, key: 'siteName' | 'siteNumber' | 'taxId' | 'contactName' | 'contactEmail' | 'contactPhone') => (
    <label>
      <span className="field-label">{label}</span>
      <input className="input" value={s[key]} onChange={(e) => set(key, e.target.value)} />
    </label>
  );
  const save = (): void =>
    void action.run('Saving…', async () => {
      const input = { ...s, addressLines: [...s.addressLines], remitTo: [...s.remitTo], studies: s.studies.map((b) => ({ ...b, billToAddress: [...b.billToAddress] })) };
      setS(await api.settingsSaveSite(input));
      setSaved(true);
    });
  return (
    <form className="card" aria-labelledby="site-title" onSubmit={(e) => (e.preventDefault(), save())}>
      <div className="card-body inv-stack">
        <h2 id="site-title" className="section-title">
          Site details on invoices
        </h2>
        <div className="inv-settings-grid">
          {text('Site or institution name', 'siteName')}
          {text('Site number', 'siteNumber')}
          {text('Tax id (EIN)', 'taxId')}
          {text('Contact name', 'contactName')}
          {text('Contact email', 'contactEmail')}
          {text('Contact phone', 'contactPhone')}
          <label>
            <span className="field-label">Address (one line per row)</span>
            <textarea className="input" rows={4} value={s.addressLines.join('\n')} onChange={(e) => set('addressLines', lines(e.target.value))} />
          </label>
          <label>
            <span className="field-label">Remit to, for checks (one line per row)</span>
            <textarea className="input" rows={4} value={s.remitTo.join('\n')} onChange={(e) => set('remitTo', lines(e.target.value))} />
          </label>
          <label className="inv-full">
            <span className="field-label">Payment instructions (bank, ACH, wire)</span>
            <textarea className="input" rows={3} value={s.paymentInstructions} onChange={(e) => set('paymentInstructions', e.target.value)} />
          </label>
        </div>
        <fieldset className="inv-settings-grid">
          <legend>
            Per study:{' '}
            <select className="select" value={studyId} aria-label="Study" onChange={(e) => setStudyId(e.target.value)}>
              {studyIds.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>
          </legend>
          <label>
            <span className="field-label">Principal investigator</span>
            <input className="input" value={billing.investigator} onChange={(e) => setBilling({ investigator: e.target.value })} />
          </label>
          <label>
            <span className="field-label">Sponsor reference (site number, contract)</span>
            <input className="input" value={billing.sponsorReference} onChange={(e) => setBilling({ sponsorReference: e.target.value })} />
          </label>
          <label>
            <span className="field-label">Bill to: attention</span>
            <input className="input" value={billing.billToAttention} onChange={(e) => setBilling({ billToAttention: e.target.value })} />
          </label>
          <label>
            <span className="field-label">Bill to: address (one line per row)</span>
            <textarea className="input" rows={3} value={billing.billToAddress.join('\n')} onChange={(e) => setBilling({ billToAddress: lines(e.target.value) })} />
          </label>
        </fieldset>
        <div className="toolbar">
          <button type="submit" className="button button-primary" disabled={action.busy !== null}>
            Save site details
          </button>
          {saved && <span role="status">Saved. New invoices will print these details.</span>}
          {action.error && <span className="note note-error">{action.error}</span>}
        </div>
      </div>
    </form>
  );
}
