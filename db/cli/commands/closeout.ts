/** `trialledger closeout`: the close-out reconciliation of a study as a PDF a finance office signs, and its ledger workbook. */
import { parseArgs } from 'node:util';
import { todayIso } from '../../../shared/domain/dates.ts';
import { formatCount } from '../../../shared/domain/format.ts';
import { formatCents } from '../../../shared/domain/money.ts';
import { writeCloseoutDocument } from '../../invoicing/render/closeout-files.ts';
import { buildCloseout } from '../../queries/invoicing/closeout.ts';
import { CliError } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { STORE_HELP, STORE_OPTIONS, type Command } from './command.ts';
import { dateFlag, userErrorsAsCli } from './invoice.ts';
import { SITE_HELP, SITE_OPTIONS, applySiteFlags } from './invoice-site-flags.ts';

export const closeoutCommand: Command = {
  name: 'closeout',
  summary: 'write the close-out reconciliation of a study (PDF to sign, .xlsx ledger)',
  help: `Usage: trialledger closeout --study STUDY --out closeout.pdf [--xlsx closeout.xlsx] [--as-of DATE] [options]

Reconciles a study for close-out: every completed visit item, screen failure and one-time fee
with what was invoiced, paid and is outstanding; items never invoiced (INVC-20, SF-30); the
holdback to release; open compliance findings; and a sign-off page.

  --study ID         study id (as in studies.csv)
  --out FILE         write the PDF report here
  --xlsx FILE        also write the item-by-item ledger workbook here
  --as-of DATE       the reconciliation date (default: today)
${SITE_HELP}
${STORE_HELP}

Exit codes: 0 done, 1 failed (unknown study, ...), 2 bad usage.`,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { ...STORE_OPTIONS, ...SITE_OPTIONS, study: { type: 'string' }, out: { type: 'string' }, xlsx: { type: 'string' }, 'as-of': { type: 'string' } }, allowPositionals: false });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    if (!values.study) throw new CliError('--study is required (see --help)', 2);
    if (!values.out && !values.xlsx) throw new CliError('give --out FILE (PDF) and/or --xlsx FILE (see --help)', 2);
    const now = new Date();
    const asOf = dateFlag('as-of', values['as-of'], false) ?? todayIso(now);
    const { db } = openCliStore(values, io);
    try {
      return await userErrorsAsCli(async () => {
        if (applySiteFlags(db, values)) io.stdout.write('site details saved\n');
        const study = values.study as string;
        const computed = buildCloseout(db, study, asOf);
        const { report } = computed;
        const t = report.totals;
        io.stdout.write(
          `${report.study.studyId} as of ${asOf}: ${formatCount(t.items)} items, invoiced ${formatCents(t.invoicedCents)}, paid ${formatCents(t.paidCents)}, outstanding ${formatCents(t.outstandingCents)}, ` +
            `never invoiced ${formatCount(t.unbilledCount)} (${formatCents(t.unbilledCents)}), holdback to release ${formatCents(report.holdback.totalCents)}, open findings ${formatCount(report.findings.totalOpen)}\n`,
        );
        for (const [format, path] of [['pdf', values.out], ['xlsx', values.xlsx]] as const) {
          if (path === undefined) continue;
          await writeCloseoutDocument(db, study, asOf, format, path, { now: () => now }, computed);
          io.stdout.write(`wrote ${path}\n`);
        }
        return 0;
      });
    } finally {
      db.close();
    }
  },
};
