// @vitest-environment jsdom
/** Receivables when every invoice is paid: the sponsor's unapplied cash still shows, and the empty list says why it is empty. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { AgingScreen } from '../../renderer/src/screens/invoices/aging-screen.tsx';
import type { AgingAmounts } from '../../shared/invoicing/aging.ts';
import type { AgingReport } from '../../shared/invoicing/report-types.ts';
import { fakeTransport } from './fakes.ts';

afterEach(cleanup);

const ZERO: AgingAmounts = { notDue: 0, d0to30: 0, d31to60: 0, d61to90: 0, over90: 0, totalCents: 0, overdueCents: 0 };
const ALL_PAID: AgingReport = {
  asOf: '2026-11-23',
  sponsors: [{ sponsor: 'Northstar Oncology Cooperative Group', amounts: ZERO, unappliedCents: 52_589, creditCents: 0, openInvoices: 0 }],
  totals: ZERO,
  invoices: [],
};

describe('receivables with every invoice paid', () => {
  it('says no invoice is open instead of an empty card, and draws no empty chart', async () => {
    const { container } = render(
      <ApiProvider api={createApi(fakeTransport({ 'receivables:aging': () => ALL_PAID }))}>
        <AgingScreen onOpenInvoice={() => undefined} />
      </ApiProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Receivables by sponsor and days past due' });
    expect(within(table).getByText('$525.89')).toBeTruthy();
    const card = screen.getByRole('heading', { name: 'Open invoices, oldest first' }).parentElement as HTMLElement;
    expect(within(card).getByText('No open invoice: every issued invoice is paid or credited.')).toBeTruthy();
    expect(container.querySelector('.recharts-responsive-container')).toBeNull();
  });
});
