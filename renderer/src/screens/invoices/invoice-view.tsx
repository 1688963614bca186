/** An issued invoice, release invoice or credit memo: facts, balances, lines, its PDF preview, downloads and credit memos. */
import { useCallback, useState } from 'react';
import type { InvoiceDetail } from '../../../../shared/invoicing/types.ts';
import { useApi } from '../../api-context.tsx';
import { CreditMemoForm } from './credit-memo-form.tsx';
import { KIND_LABELS, STATE_LABELS, formatCents, stateClass } from './format.ts';
import { IssuedLines } from './issued-lines.tsx';
import { PdfPreview } from './pdf-preview.tsx';
import { TotalsPanel } from './totals-panel.tsx';
import { useAction } from './use-action.ts';

export interface InvoiceViewProps {
  readonly invoice: InvoiceDetail;
  readonly onOpen: (invoiceId: number) => void;
  readonly onChanged: () => void;
}

export function InvoiceView({ invoice, onOpen, onChanged }: InvoiceViewProps) {
  const api = useApi();
  const [crediting, setCrediting] = useState(false);
  const render = useCallback(() => api.invoicesRender({ invoiceId: invoice.id, format: 'pdf' }), [api, invoice.id]);
  const action = useAction();
  const saveXlsx = (): void => void action.run('Writing the workbook…', async () => api.saveOutput({ fileName: (await api.invoicesRender({ invoiceId: invoice.id, format: 'xlsx' })).fileName }));
  const memo = invoice.kind === 'CREDIT_MEMO';
  return (
    <div className="inv-view">
      <article className="card" aria-labelledby="invoice-title">
        <div className="card-body inv-stack">
          <header className="inv-doc-header">
            <div>
              <h2 id="invoice-title" className="section-title">
                {KIND_LABELS[invoice.kind]} {invoice.number}
              </h2>
              <p>
                <span className={stateClass(invoice.state)}>{STATE_LABELS[invoice.state]}</span> {invoice.study.studyId} · {invoice.study.sponsor}
              </p>
              <dl className="inv-facts">
                <dt>Issued</dt>
                <dd>{invoice.issueDate}</dd>
                {!memo && (
                  <>
                    <dt>Due</dt>
                    <dd>{invoice.dueDate}</dd>
                    <dt>Paid</dt>
                    <dd>{formatCents(invoice.paidCents)}</dd>
                    <dt>Credited</dt>
                    <dd>{formatCents(invoice.creditedCents)}</dd>
                    <dt>Balance</dt>
                    <dd data-testid="invoice-balance">
                      <strong>{formatCents(invoice.balanceCents)}</strong>
                    </dd>
                  </>
                )}
                {memo && invoice.credits && (
                  <>
                    <dt>Credits</dt>
                    <dd>
                      <button type="button" className="button-link" onClick={() => onOpen(invoice.credits?.id ?? 0)}>
                        {invoice.credits.number}
                      </button>
                    </dd>
                    <dt>Reason</dt>
                    <dd>{invoice.reason}</dd>
                  </>
                )}
              </dl>
              {invoice.creditMemos.length > 0 && (
                <p>
                  Credit memos:{' '}
                  {invoice.creditMemos.map((m) => (
                    <button key={m.id} type="button" className="button-link inv-memo-link" onClick={() => onOpen(m.id)}>
                      {m.number} ({formatCents(m.netCents)})
                    </button>
                  ))}
                </p>
              )}
            </div>
            <TotalsPanel totals={invoice.totals} overheadBp={invoice.overheadBp} holdbackBp={invoice.holdbackBp} dueLabel={memo ? 'Total credited' : 'Amount due'} />
          </header>
          <div className="toolbar">
            <button type="button" className="button" disabled={action.busy !== null} onClick={saveXlsx}>
              Save .xlsx
            </button>
            {!memo && (
              <button type="button" className="button" aria-expanded={crediting} onClick={() => setCrediting((c) => !c)}>
                Credit memo…
              </button>
            )}
          </div>
          {action.error && <p className="note note-error">{action.error}</p>}
          {crediting && <CreditMemoForm invoice={invoice} onIssued={(id) => (onChanged(), onOpen(id))} />}
          <IssuedLines invoice={invoice} />
        </div>
      </article>
      <PdfPreview render={render} title={`PDF of ${invoice.number ?? 'the invoice'}`} />
    </div>
  );
}
