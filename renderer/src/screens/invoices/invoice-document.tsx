/** One document: a draft opens in the builder, an issued invoice or memo in the read-only view. */
import { useCallback } from 'react';
import { useApi } from '../../api-context.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useReportScreenState, type ScreenState } from '../../screen-state.ts';
import { useLoad } from '../../use-load.ts';
import { InvoiceBuilder } from './invoice-builder.tsx';
import { InvoiceView } from './invoice-view.tsx';

export interface InvoiceDocumentProps {
  readonly invoiceId: number;
  readonly onOpen: (invoiceId: number) => void;
  readonly onBack: () => void;
  readonly onSettled?: ((state: ScreenState) => void) | undefined;
}

export function InvoiceDocument({ invoiceId, onOpen, onBack, onSettled }: InvoiceDocumentProps) {
  const api = useApi();
  const load = useCallback(async () => {
    const invoice = await api.invoicesGet({ invoiceId });
    if (!invoice) throw new Error('This invoice no longer exists (a deleted draft?).');
    return invoice;
  }, [api, invoiceId]);
  const { state, reload } = useLoad(load);
  useReportScreenState(state.status, onSettled);
  return (
    <div className="inv-stack">
      <p>
        <button type="button" className="button-link" onClick={onBack}>
          ← All invoices
        </button>
      </p>
      {state.status === 'loading' && <LoadingState label="Loading the invoice…" />}
      {state.status === 'error' && <ErrorState title="The invoice could not be loaded." message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.status === 'DRAFT' && <InvoiceBuilder invoice={state.data} onChanged={reload} onIssued={reload} onDeleted={onBack} />}
      {state.status === 'ready' && state.data.status === 'ISSUED' && <InvoiceView invoice={state.data} onOpen={onOpen} onChanged={reload} />}
    </div>
  );
}
