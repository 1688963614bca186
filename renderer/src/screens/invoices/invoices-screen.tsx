/**
 * The Invoices section: invoice list and builder, an invoice with its PDF preview, payments and
 * their application, receivables aging, study close-out, and the site's invoicing details. Each tab
 * reports when its data has loaded, so the app's ready signal follows what is on screen.
 */
import { useCallback, useState } from 'react';
import { TabBar, tabId } from '../../components/tab-bar.tsx';
import type { ScreenState } from '../../screen-state.ts';
import { AgingScreen } from './aging-screen.tsx';
import { CloseoutScreen } from './closeout-screen.tsx';
import { InvoiceDocument } from './invoice-document.tsx';
import { InvoiceList } from './invoice-list.tsx';
import { PaymentsScreen } from './payments-screen.tsx';
import { SiteSettingsForm } from './site-settings-form.tsx';
import '../../styles/controls.css';
import './invoices.css';

type Tab = 'invoices' | 'payments' | 'aging' | 'closeout' | 'settings';

const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'invoices', label: 'Invoices' },
  { id: 'payments', label: 'Payments' },
  { id: 'aging', label: 'Receivables' },
  { id: 'closeout', label: 'Close-out' },
  { id: 'settings', label: 'Site settings' },
];

export interface InvoicesScreenProps {
  readonly onSettled?: (state: ScreenState) => void;
}

export function InvoicesScreen({ onSettled }: InvoicesScreenProps) {
  const [tab, setTab] = useState<Tab>('invoices');
  const [openId, setOpenId] = useState<number | null>(null);
  const select = useCallback((next: Tab) => {
    setTab(next);
    setOpenId(null);
  }, []);
  const openInvoice = useCallback((id: number) => {
    setTab('invoices');
    setOpenId(id);
  }, []);
  const back = useCallback(() => setOpenId(null), []);
  return (
    <section className="screen inv-screen" aria-labelledby="invoices-title">
      <header className="screen-header">
        <h1 id="invoices-title">Invoices</h1>
        <p className="screen-subtitle">Sponsor invoices, payments, receivables and study close-out</p>
      </header>
      <TabBar idPrefix="inv" label="Invoicing" tabs={TABS} selected={tab} panelId="inv-panel" onSelect={select} />
      <div id="inv-panel" role="tabpanel" aria-labelledby={tabId('inv', tab)} className="inv-panel">
        {tab === 'invoices' && openId === null && <InvoiceList onOpen={openInvoice} onSettled={onSettled} />}
        {tab === 'invoices' && openId !== null && <InvoiceDocument key={openId} invoiceId={openId} onOpen={openInvoice} onBack={back} onSettled={onSettled} />}
        {tab === 'payments' && <PaymentsScreen onSettled={onSettled} onOpenInvoice={openInvoice} />}
        {tab === 'aging' && <AgingScreen onSettled={onSettled} onOpenInvoice={openInvoice} />}
        {tab === 'closeout' && <CloseoutScreen onSettled={onSettled} onOpenInvoice={openInvoice} />}
        {tab === 'settings' && <SiteSettingsForm onSettled={onSettled} />}
      </div>
    </section>
  );
}
