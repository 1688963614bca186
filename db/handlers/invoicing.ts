/** Handlers of the invoicing, payments, receivables, close-out and site-settings channels (issue 5). */
import type { invoicingContract } from '../../shared/contract/invoicing.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import type { InvoiceDetail } from '../../shared/invoicing/types.ts';
import type { Backend } from '../backend/backend.ts';
import { UserError } from '../backend/user-error.ts';
import { issueCreditMemo } from '../invoicing/credit-memo.ts';
import { createDraft, deleteDraft, updateDraft } from '../invoicing/drafts.ts';
import { createReleaseDraft } from '../invoicing/holdback.ts';
import { issueInvoice } from '../invoicing/issue.ts';
import { applyPayment, recordPayment, unapplyPayment } from '../invoicing/payments.ts';
import { proposeInvoice } from '../invoicing/propose.ts';
import { renderCloseoutFile } from '../invoicing/render/closeout-files.ts';
import { readOutput, renderInvoiceFile } from '../invoicing/render/outputs.ts';
import { getSiteSettings, saveSiteSettings } from '../invoicing/site-settings.ts';
import { agingReport } from '../queries/invoicing/aging.ts';
import { getCloseout } from '../queries/invoicing/closeout.ts';
import { draftOptions } from '../queries/invoicing/draft-options.ts';
import { getInvoice } from '../queries/invoicing/get-invoice.ts';
import { listInvoices } from '../queries/invoicing/list-invoices.ts';
import { getPayment, listPayments } from '../queries/invoicing/list-payments.ts';
import type { HandlerMap } from './handler.ts';

type InvoicingChannels = keyof typeof invoicingContract;

function detail(backend: Backend, invoiceId: number): InvoiceDetail {
  const invoice = getInvoice(backend.db, invoiceId);
  if (!invoice) throw new UserError('NO_SUCH_INVOICE', `There is no invoice ${invoiceId}.`);
  return invoice;
}

function payment(backend: Backend, paymentId: number) {
  const row = getPayment(backend.db, paymentId);
  if (!row) throw new UserError('NO_SUCH_PAYMENT', `There is no payment ${paymentId}.`);
  return row;
}

const today = (backend: Backend): string => todayIso(backend.now());

export const invoicingHandlers: HandlerMap<InvoicingChannels> = {
  'invoices:propose': (b, { studyId, from, to, includeCloseOutItems }) => proposeInvoice(b.db, studyId, { from, to, includeCloseOutItems }),
  'invoices:create-draft': (b, input) => detail(b, createDraft(b.db, input, b.now())),
  'invoices:update-draft': (b, input) => {
    updateDraft(b.db, input);
    return detail(b, input.invoiceId);
  },
  'invoices:draft-options': (b, { studyId }) => draftOptions(b.db, studyId),
  'invoices:delete-draft': (b, { invoiceId }) => {
    deleteDraft(b.db, invoiceId);
    return true;
  },
  'invoices:issue': (b, { invoiceId, issueDate }) => {
    issueInvoice(b.db, invoiceId, issueDate, b.now());
    return detail(b, invoiceId);
  },
  'invoices:get': (b, { invoiceId }) => getInvoice(b.db, invoiceId),
  'invoices:list': (b, { studyId, asOf }) => listInvoices(b.db, asOf ?? today(b), studyId),
  'invoices:credit-memo': (b, input) => detail(b, issueCreditMemo(b.db, input, b.now())),
  'invoices:render': (b, { invoiceId, format }) => renderInvoiceFile(b.db, invoiceId, format, { outboxDir: b.outboxDir, now: b.now }),
  'invoices:render-batch': (b, { studyId, invoiceIds }) => ({
    jobId: b.jobs.start('invoice-pdfs', { outboxDir: b.outboxDir, ...(studyId === undefined ? {} : { studyId }), ...(invoiceIds === undefined ? {} : { invoiceIds }) }),
  }),
  'invoices:read-output': (b, { fileName }) => readOutput(b.outboxDir, fileName),
  'payments:record': (b, input) => payment(b, recordPayment(b.db, input, b.now())),
  'payments:apply': (b, { paymentId, applications }) => {
    applyPayment(b.db, paymentId, applications, b.now());
    return payment(b, paymentId);
  },
  'payments:unapply': (b, { applicationId }) => payment(b, unapplyPayment(b.db, applicationId)),
  'payments:list': (b, { sponsor }) => listPayments(b.db, sponsor),
  'receivables:aging': (b, { asOf, sponsor }) => agingReport(b.db, asOf ?? today(b), sponsor),
  'closeout:get': (b, { studyId, asOf, subjectId }) => getCloseout(b.db, studyId, asOf ?? today(b), subjectId),
  'closeout:render': (b, { studyId, format, asOf }) => renderCloseoutFile(b.db, studyId, asOf ?? today(b), format, { outboxDir: b.outboxDir, now: b.now }),
  'closeout:create-release': (b, { studyId }) => detail(b, createReleaseDraft(b.db, studyId, b.now())),
  'settings:get-site': (b) => getSiteSettings(b.db),
  'settings:save-site': (b, input) => saveSiteSettings(b.db, input),
};
