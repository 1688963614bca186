// @vitest-environment jsdom
/** The new-invoice form: its live preview answers the period on screen, and only a valid one can be built. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../renderer/src/api.ts';
import { ApiProvider } from '../../renderer/src/api-context.tsx';
import { NewInvoiceForm } from '../../renderer/src/screens/invoices/new-invoice-form.tsx';
import type { InvoiceProposal, ProposedLine } from '../../shared/invoicing/types.ts';
import { fakeTransport, study } from './fakes.ts';

afterEach(cleanup);

const LINE: ProposedLine = {
  key: 'v:1:1',
  source: 'VISIT_ITEM',
  subjectId: '001',
  visitCode: 'SCR',
  visitName: 'Screening',
  cptHcpcs: '93000',
  description: 'ECG',
  serviceDate: '2025-05-03',
  overheadExempt: false,
  holdbackExempt: false,
  note: null,
  amountCents: 6255,
  overheadBp: 0,
  overheadCents: 0,
  holdbackBp: 0,
  holdbackCents: 0,
  netCents: 6255,
};

function proposal(input: { from: string; to: string }): InvoiceProposal {
  const s = study({ studyId: 'ONC-1' });
  return {
    study: { studyId: s.studyId, protocolNumber: s.protocolNumber, title: s.title, sponsor: s.sponsor, nctNumber: s.nctNumber, ideNumber: s.ideNumber, overheadBp: 0, holdbackBp: 0, paymentTermsDays: 30 },
    from: input.from,
    to: input.to,
    lines: [LINE],
    totals: { lineCount: 1, amountCents: 6255, overheadCents: 0, grossCents: 6255, holdbackCents: 0, netCents: 6255 },
    skipped: { alreadyInvoiced: 0, onOtherDrafts: 0, awaitingApproval: 0, beforePeriod: { count: 0, amountCents: 0, earliestDate: null }, heldForCloseOut: 0 },
  };
}

describe('the new-invoice form', () => {
  it('drops the preview and disables Build draft when the period ends before it starts', async () => {
    const transport = fakeTransport({ 'invoices:propose': (input) => proposal(input as { from: string; to: string }) });
    render(
      <ApiProvider api={createApi(transport)}>
        <NewInvoiceForm studies={[study({ studyId: 'ONC-1' })]} defaultStudyId="ONC-1" onCreated={() => undefined} />
      </ApiProvider>,
    );
    fireEvent.change(screen.getByLabelText('Visits from'), { target: { value: '2025-05-01' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '2025-05-31' } });
    expect((await screen.findByTestId('proposal-preview')).textContent).toMatch(/^1 line to bill, \$62\.55 due/);
    const build = screen.getByRole('button', { name: 'Build draft' });
    expect(build).toHaveProperty('disabled', false);

    fireEvent.change(screen.getByLabelText('to'), { target: { value: '2025-04-30' } });
    expect(screen.getByText('The period must end on or after its start.')).toBeTruthy();
    expect(screen.queryByTestId('proposal-preview')).toBeNull();
    expect(build).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('to').getAttribute('aria-invalid')).toBe('true');
    // No preview was asked for the inverted period.
    expect(transport.calls.filter((c) => c.channel === 'invoices:propose').map((c) => (c.input as { to: string }).to)).not.toContain('2025-04-30');
  });
});
