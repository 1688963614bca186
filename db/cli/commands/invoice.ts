/**
 * `trialledger invoice`: builds the invoice of a study for a period of visit dates, the same way the
 * app's builder does, and writes its PDF and workbook. Without --issue nothing is stored (the PDF is
 * a draft marked "not for payment"); with --issue the invoice is numbered, dated and stored, and its
 * items count as invoiced for the compliance engine.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isIsoDate, todayIso } from '../../../shared/domain/dates.ts';
import { formatCount } from '../../../shared/domain/format.ts';
import { formatCents } from '../../../shared/domain/money.ts';
import { UserError } from '../../backend/user-error.ts';
import { createDraft, deleteDraft } from '../../invoicing/drafts.ts';
import { issueInvoice } from '../../invoicing/issue.ts';
import { buildInvoiceDocument } from '../../invoicing/render/outputs.ts';
import { getInvoice } from '../../queries/invoicing/get-invoice.ts';
import { CliError } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';
import { SITE_HELP, SITE_OPTIONS, applySiteFlags } from './invoice-site-flags.ts';

/** A required ISO date flag, or a usage error (exit 2). */
export function dateFlag(name: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new CliError(`--${name} is required (see --help)`, 2);
    return undefined;
  }
  if (!isIsoDate(value)) throw new CliError(`--${name} must be a date YYYY-MM-DD, not '${value}'`, 2);
  return value;
}

/** Runs domain code, turning its expected failures (UserError) into one-line CLI failures. */
export async function userErrorsAsCli<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof UserError) throw new CliError(error.message);
    throw error;
  }
}

export const invoiceCommand: Command = {
  name: 'invoice',
  summary: 'build a sponsor invoice for a study and period; write its PDF and .xlsx; optionally issue it',
  help: `Usage: trialledger invoice --study STUDY --from DATE --to DATE [--issue] [--out invoice.pdf] [--xlsx invoice.xlsx] [options]

Proposes the invoice lines of a study for completed CTMS visits dated from --from to --to
(inclusive): sponsor items at CTA prices, screen failures, one-time fees never billed, minus
everything already invoiced; adds overhead and withholds the holdback as the CTA says.
Without --issue nothing is stored and the PDF is a draft; with --issue the invoice gets the next
number (INV-STUDY-YEAR-SEQ), is stored, immutable, and its items count as invoiced.

  --study ID           study id (as in studies.csv)
  --from DATE          first visit date of the period (YYYY-MM-DD)
  --to DATE            last visit date of the period
  --issue              number, date and store the invoice
  --date DATE          issue date (default: today); the due date adds the CTA payment terms
  --include-closeout   also bill one-time close-out fees (final invoice)
  --po TEXT            sponsor purchase-order number
  --out FILE           write the PDF here
  --xlsx FILE          write the .xlsx here
${SITE_HELP}
${STORE_HELP}

Exit codes: 0 done, 1 failed (nothing to invoice, unknown study, ...), 2 bad usage.`,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { ...STORE_OPTIONS, ...SITE_OPTIONS, study: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, issue: { type: 'boolean' }, date: { type: 'string' }, 'include-closeout': { type: 'boolean' }, po: { type: 'string' }, out: { type: 'string' }, xlsx: { type: 'string' } },
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    if (!values.study) throw new CliError('--study is required (see --help)', 2);
    const from = dateFlag('from', values.from, true) as string;
    const to = dateFlag('to', values.to, true) as string;
    const date = dateFlag('date', values.date, false);
    if (from > to) throw new CliError('--to must be on or after --from', 2);
    const { db } = openCliStore(values, io);
    const now = new Date();
    try {
      return await userErrorsAsCli(async () => {
        if (applySiteFlags(db, values)) io.stdout.write('site details saved\n');
        const id = createDraft(db, { studyId: values.study as string, from, to, includeCloseOutItems: values['include-closeout'] === true, poNumber: values.po }, now);
        try {
          if (values.issue) issueInvoice(db, id, date ?? todayIso(now), now);
          const invoice = getInvoice(db, id);
          if (!invoice) throw new CliError('the invoice vanished while it was written');
          const t = invoice.totals;
          io.stdout.write(
            `${invoice.number ?? 'draft (not stored)'}: ${formatCount(t.lineCount)} line${t.lineCount === 1 ? '' : 's'}, amount ${formatCents(t.amountCents)}, overhead ${formatCents(t.overheadCents)}, holdback ${formatCents(-t.holdbackCents)}, due ${formatCents(t.netCents)}${invoice.dueDate ? ` by ${invoice.dueDate}` : ''}\n`,
          );
          for (const [format, path] of [['pdf', values.out], ['xlsx', values.xlsx]] as const) {
            if (path === undefined) continue;
            const { bytes } = await buildInvoiceDocument(db, id, format, { now: () => now });
            writeFileSync(path, bytes);
            io.stdout.write(`wrote ${path}\n`);
          }
        } finally {
          // Without --issue the draft was only a preview: leave the database as it was.
          if (!values.issue) deleteDraft(db, id);
        }
        return 0;
      });
    } finally {
      db.close();
    }
  },
};
