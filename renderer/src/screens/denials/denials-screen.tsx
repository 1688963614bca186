/**
 * The Denials section: the queue of denials by days left, a denial with its charge, findings and
 * calendar row, the appeal editor, remittance import, metrics, and payer deadline settings. Each view
 * reports when its data has loaded, so the app's ready signal follows what is on screen.
 */
import { useCallback, useState } from 'react';
import { TabBar, tabId } from '../../components/tab-bar.tsx';
import type { ScreenState } from '../../screen-state.ts';
import { AppealEditor } from './appeal-editor.tsx';
import { DenialDetailView } from './denial-detail.tsx';
import { DenialMetrics } from './denial-metrics.tsx';
import { DenialQueue } from './denial-queue.tsx';
import { PayerSettings } from './payer-settings.tsx';
import { RemittancesTab } from './remittances-tab.tsx';
import '../../styles/controls.css';
import './denials.css';

type Tab = 'queue' | 'remittances' | 'metrics' | 'settings';

const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'queue', label: 'Queue' },
  { id: 'remittances', label: 'Remittances' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'settings', label: 'Payer deadlines' },
];

type View = { readonly kind: 'list' } | { readonly kind: 'denial'; readonly id: number } | { readonly kind: 'appeal'; readonly id: number };

export interface DenialsScreenProps {
  readonly onSettled?: (state: ScreenState) => void;
}

/** The Denials section with its tabs and the queue → denial → appeal navigation. */
export function DenialsScreen({ onSettled }: DenialsScreenProps) {
  const [tab, setTab] = useState<Tab>('queue');
  const [view, setView] = useState<View>({ kind: 'list' });
  const select = useCallback((next: Tab) => {
    setTab(next);
    setView({ kind: 'list' });
  }, []);
  const openDenial = useCallback((id: number) => {
    setTab('queue');
    setView({ kind: 'denial', id });
  }, []);
  const openAppeal = useCallback((id: number) => setView({ kind: 'appeal', id }), []);
  const backToList = useCallback(() => setView({ kind: 'list' }), []);

  return (
    <section className="screen den-screen" aria-labelledby="denials-title">
      <header className="screen-header">
        <h1 id="denials-title">Denials</h1>
        <p className="screen-subtitle">Remittances matched to charges, denials triaged by root cause, appeals with the study&apos;s evidence</p>
      </header>
      <TabBar idPrefix="den" label="Denials" tabs={TABS} selected={tab} panelId="den-panel" onSelect={select} />
      <div id="den-panel" role="tabpanel" aria-labelledby={tabId('den', tab)} className="den-panel">
        {tab === 'queue' && view.kind === 'list' && <DenialQueue onOpen={openDenial} onSettled={onSettled} />}
        {tab === 'queue' && view.kind === 'denial' && <DenialDetailView key={view.id} id={view.id} onBack={backToList} onAppeal={openAppeal} onSettled={onSettled} />}
        {tab === 'queue' && view.kind === 'appeal' && <AppealEditor key={view.id} denialId={view.id} onBack={() => openDenial(view.id)} onSettled={onSettled} />}
        {tab === 'remittances' && <RemittancesTab onOpenQueue={() => select('queue')} onSettled={onSettled} />}
        {tab === 'metrics' && <DenialMetrics onSettled={onSettled} />}
        {tab === 'settings' && <PayerSettings onSettled={onSettled} />}
      </div>
    </section>
  );
}
